import re

import pytest
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .conftest import code_for, enrol, log_in, wrong_code_for

VERIFY = "/admin/account-security/two-factor/verify/"
SETUP = "/admin/account-security/two-factor/setup/"
MANAGE = "/admin/account-security/two-factor/"
INVALID = "Ese código no es válido"  # the admin speaks Spanish: the message is translated


@pytest.mark.parametrize("username", ["secretaria", "admin"])
def test_privileged_user_without_a_device_must_enrol_before_using_the_admin(client, users, username):
    client.force_login(users[username])
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith(SETUP)
    assert client.get("/admin/").status_code == 302


def test_secretariat_enrols_with_a_locally_drawn_qr_code_and_a_code_from_the_app(client, secretaria):
    client.force_login(secretaria)
    page = client.get(SETUP + "?next=/admin/pages/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "<svg" in html and "otpauth" not in html  # the QR code is drawn here, the URI stays inside it
    device = TOTPDevice.objects.get(user=secretaria, confirmed=False)
    assert re.sub(r"\s", "", html).count(page.context["secret"]) == 1

    refused = client.post(SETUP, {"code": wrong_code_for(device), "next": "/admin/pages/"})
    assert refused.status_code == 400
    assert INVALID in refused.content.decode()
    assert client.get("/admin/pages/").status_code == 302

    device.throttle_reset()  # a person would wait the second django-otp imposes after a wrong code
    done = client.post(SETUP, {"code": code_for(device), "next": "/admin/pages/"})
    assert done.status_code == 200
    codes = done.context["codes"]
    assert len(codes) == 10 and all(code in done.content.decode() for code in codes)
    assert StaticToken.objects.filter(device__user=secretaria).count() == 10
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/pages/").status_code == 200


def test_the_step_pages_load_their_icons_before_the_code(client, secretaria):
    enrol(secretaria)
    client.force_login(secretaria)
    response = client.get("/admin/sprite/")
    assert response.status_code == 200 and "<svg" in response.content.decode()


def test_a_privileged_user_logs_in_with_password_then_code(client, secretaria):
    device = enrol(secretaria)
    response = log_in(client, "secretaria")
    assert response.status_code == 302
    # after the password, the admin asks for the code
    gate = client.get("/admin/pages/")
    assert gate.status_code == 302 and gate["Location"].startswith(VERIFY)
    key_before = client.session.session_key

    refused = client.post(VERIFY, {"code": wrong_code_for(device), "next": "/admin/pages/"})
    assert refused.status_code == 400
    assert INVALID in refused.content.decode()
    assert client.get("/admin/pages/").status_code == 302

    device.throttle_reset()
    accepted = client.post(VERIFY, {"code": code_for(device), "next": "/admin/pages/"})
    assert accepted.status_code == 302 and accepted["Location"] == "/admin/pages/"
    assert client.session.session_key != key_before  # a new key once verified
    assert client.get("/admin/pages/").status_code == 200


def test_wrong_code_is_refused_with_a_translated_message(client, secretaria):
    device = enrol(secretaria)
    client.force_login(secretaria)
    response = client.post(VERIFY, {"code": wrong_code_for(device)}, HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 400
    form = response.context["form"]
    message = form.errors["code"][0]
    assert INVALID in message
    # the message is marked for translation (its msgid is in accounts' pending catalogue)
    from accounts.views import INVALID_CODE

    assert str(INVALID_CODE) == message


def test_codes_are_throttled_after_failures(client, secretaria):
    device = enrol(secretaria)
    client.force_login(secretaria)
    for _ in range(2):
        client.post(VERIFY, {"code": wrong_code_for(device)})
    response = client.post(VERIFY, {"code": code_for(device)})
    assert response.status_code == 429
    assert "Demasiados códigos incorrectos" in response.content.decode()
    assert client.get("/admin/pages/").status_code == 302


def test_empty_or_junk_code_is_a_400_not_an_error(client, secretaria):
    enrol(secretaria)
    client.force_login(secretaria)
    assert client.post(VERIFY, {"code": ""}).status_code == 400
    assert client.post(VERIFY, {"code": "x" * 500}).status_code == 400
    assert client.post(VERIFY, {"code": "<script>"}).status_code == 400


def test_a_recovery_code_works_once(client, secretaria):
    from accounts.two_factor import new_recovery_codes

    enrol(secretaria)
    code = new_recovery_codes(secretaria)[0]
    client.force_login(secretaria)
    assert client.post(VERIFY, {"code": code, "next": "/admin/pages/"}).status_code == 302
    assert client.get("/admin/pages/").status_code == 200
    client.logout()
    client.force_login(secretaria)
    assert client.post(VERIFY, {"code": code}).status_code == 400
    assert client.get("/admin/pages/").status_code == 302


def test_wrong_app_codes_do_not_block_a_recovery_code(client, secretaria):
    from accounts.two_factor import new_recovery_codes

    device = enrol(secretaria)
    code = new_recovery_codes(secretaria)[0]
    client.force_login(secretaria)
    for _ in range(3):
        client.post(VERIFY, {"code": wrong_code_for(device)})
    assert client.post(VERIFY, {"code": code}).status_code == 302


def test_a_password_alone_cannot_replace_the_device(client, secretaria):
    enrol(secretaria)
    client.force_login(secretaria)
    response = client.get(SETUP)
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    assert client.post(SETUP, {"code": "123456"}).status_code == 302
    assert TOTPDevice.objects.filter(user=secretaria).count() == 1


def test_next_cannot_send_the_user_to_another_site(client, secretaria):
    device = enrol(secretaria)
    client.force_login(secretaria)
    response = client.post(VERIFY, {"code": code_for(device), "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"


def test_official_works_without_two_factor_and_can_enrol(client, official):
    client.force_login(official)
    assert client.get("/admin/pages/").status_code == 200
    manage = client.get(MANAGE)
    assert manage.status_code == 200
    assert "La verificación en dos pasos está desactivada" in manage.content.decode()
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=official)
    assert client.post(SETUP, {"code": code_for(device)}).status_code == 200
    # from now on a code is asked at every log-in
    client.logout()
    client.force_login(official)
    assert client.get("/admin/pages/")["Location"].startswith(VERIFY)


def test_official_can_turn_two_factor_off_but_the_secretariat_cannot(client, official, secretaria):
    device = enrol(official)
    client.force_login(official)
    client.post(VERIFY, {"code": code_for(device)})
    response = client.post(MANAGE + "disable/")
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=official).exists()

    secretariat_device = enrol(secretaria)
    client.force_login(secretaria)
    client.post(VERIFY, {"code": code_for(secretariat_device)})
    client.post(MANAGE + "disable/")
    assert TOTPDevice.objects.filter(user=secretaria).exists()


def test_account_page_links_to_two_step_verification(client, official):
    client.force_login(official)
    assert MANAGE in client.get("/admin/account/").content.decode()
