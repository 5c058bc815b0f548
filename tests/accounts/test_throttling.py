from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.utils import timezone

from .conftest import enrol, log_in

LOCKED = "Too many failed log-in attempts"


def fail(client, username="oficial-ar", times=5, **extra):
    """Five wrong passwords: the log-in form again four times, the lockout page the fifth."""
    for attempt in range(1, times + 1):
        response = log_in(client, username, "not-the-password", **extra)
        assert response.status_code == (429 if attempt == 5 else 200)
    return response


def test_five_failures_lock_the_username_from_that_address_with_a_clear_page(client, users):
    fail(client)
    response = log_in(client, "oficial-ar", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 429
    body = response.content.decode()
    assert LOCKED in body and "15 minutes" in body
    assert '<html lang="en"' in body or 'lang="en"' in body
    assert "_auth_user_id" not in client.session


def test_the_lockout_page_is_in_the_visitors_language(client, users):
    fail(client)
    response = log_in(client, "oficial-ar", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 429
    assert 'lang="es"' in response.content.decode()


def test_the_lock_is_per_username_and_address(client, users):
    fail(client, REMOTE_ADDR="203.0.113.7")
    # the same user from another address, and another user from the same address, get in
    assert log_in(client, "oficial-ar", REMOTE_ADDR="203.0.113.8").status_code == 302
    client.logout()
    assert log_in(client, "secretaria", REMOTE_ADDR="203.0.113.7").status_code == 302


def test_the_lock_lifts_after_the_cool_off(client, users, settings):
    fail(client)
    assert log_in(client, "oficial-ar").status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(seconds=1))
    assert log_in(client, "oficial-ar").status_code == 302


def test_forwarded_addresses_a_client_made_up_do_not_dodge_the_lock(client, users, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(5):
        # a client can write anything before the address our proxy appends
        log_in(client, "oficial-ar", "wrong", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}, 198.51.100.4")
    response = log_in(client, "oficial-ar", HTTP_X_FORWARDED_FOR="10.9.9.9, 198.51.100.4")
    assert response.status_code == 429


@pytest.mark.parametrize("username", ["secretaria", "admin"])
def test_the_secretariat_and_administrators_can_unlock(client, users, username):
    fail(client, REMOTE_ADDR="203.0.113.9")
    assert log_in(client, "oficial-ar", REMOTE_ADDR="203.0.113.9").status_code == 429
    staff = users[username]
    from .conftest import code_for

    device = enrol(staff)
    client.force_login(staff)
    client.post("/admin/account-security/two-factor/verify/", {"code": code_for(device)})
    listing = client.get("/admin/account-security/locked-accounts/")
    assert listing.status_code == 200
    attempt = AccessAttempt.objects.get(username="oficial-ar")
    assert "oficial-ar" in listing.content.decode()
    response = client.post("/admin/account-security/locked-accounts/", {"attempt": attempt.pk})
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username="oficial-ar").exists()
    client.logout()
    assert log_in(client, "oficial-ar", REMOTE_ADDR="203.0.113.9").status_code == 302


def test_an_official_cannot_see_or_lift_locks(client, users):
    fail(client, username="secretaria")
    attempt = AccessAttempt.objects.get(username="secretaria")
    client.force_login(users["oficial-ar"])
    # Wagtail answers a PermissionDenied in the admin with a redirect to the dashboard and a message
    listing = client.get("/admin/account-security/locked-accounts/")
    assert listing.status_code == 302 and listing["Location"] == "/admin/"
    unlock = client.post("/admin/account-security/locked-accounts/", {"attempt": attempt.pk})
    assert unlock.status_code == 302 and unlock["Location"] == "/admin/"
    assert AccessAttempt.objects.filter(username="secretaria").exists()


def test_unlocking_a_lock_that_is_gone_says_so(client, users):
    from .conftest import code_for

    device = enrol(users["admin"])
    client.force_login(users["admin"])
    client.post("/admin/account-security/two-factor/verify/", {"code": code_for(device)})
    response = client.post("/admin/account-security/locked-accounts/", {"attempt": "999999"}, follow=True)
    assert response.status_code == 200
    assert "Ese bloqueo ya no existe" in response.content.decode()  # the admin speaks Spanish
    assert client.post("/admin/account-security/locked-accounts/", {"attempt": "x"}).status_code == 302


# Per user name across addresses (accounts/login_guard.py): many addresses guessing one account.
ATTACKERS = [f"203.0.113.{n}" for n in range(100, 112)]


@pytest.fixture
def guard(settings):
    settings.LOGIN_GUARD_FAILURES = 10


def attack(client, username="oficial-ar"):
    """Ten wrong passwords from ten addresses: never five from one, so axes alone locks nothing."""
    for address in ATTACKERS[:10]:
        log_in(client, username, "not-the-password", REMOTE_ADDR=address)


def test_many_addresses_guessing_one_user_name_are_stopped(client, users, guard):
    attack(client)
    # The eleventh address, even with the right password (no second step enrolled): the lockout page,
    # the same as for a wrong one, so the guessing learns nothing.
    for password in ("oficial-ar-demo-2026", "still-guessing"):
        response = log_in(client, "oficial-ar", password, REMOTE_ADDR=ATTACKERS[10], HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 429
        assert "from other connections" in response.content.decode()
        assert "_auth_user_id" not in client.session


def test_the_guard_cannot_lock_the_person_out_of_her_usual_connection(client, users, guard):
    office = "198.51.100.44"
    assert log_in(client, "oficial-ar", REMOTE_ADDR=office).status_code == 302
    client.logout()
    attack(Client())
    assert log_in(client, "oficial-ar", REMOTE_ADDR=office).status_code == 302


def test_the_right_password_and_the_second_step_still_work_from_a_new_connection(client, users, guard):
    from .conftest import code_for

    device = enrol(users["oficial-ar"])
    attack(Client())
    response = log_in(client, "oficial-ar", REMOTE_ADDR=ATTACKERS[11])
    assert response.status_code == 302
    verify = client.post(
        "/admin/account-security/two-factor/verify/", {"code": code_for(device)}, REMOTE_ADDR=ATTACKERS[11]
    )
    assert verify.status_code == 302
    assert client.get("/admin/pages/", REMOTE_ADDR=ATTACKERS[11]).status_code == 200
    # A wrong password from a new connection is still refused, with the lockout page.
    assert log_in(Client(), "oficial-ar", "wrong", REMOTE_ADDR=ATTACKERS[10]).status_code == 429


def test_other_accounts_are_not_affected_and_case_does_not_dodge_the_count(client, users, guard):
    for n, address in enumerate(ATTACKERS[:10]):
        log_in(client, "OFICIAL-AR" if n % 2 else "oficial-ar", "nope", REMOTE_ADDR=address)
    assert log_in(client, "oficial-ar", REMOTE_ADDR=ATTACKERS[10]).status_code == 429
    assert log_in(client, "secretaria", REMOTE_ADDR=ATTACKERS[10]).status_code == 302


def test_the_secretariat_sees_and_lifts_a_guarded_user_name(client, users, guard):
    from .conftest import code_for

    attack(Client())
    assert log_in(Client(), "oficial-ar", REMOTE_ADDR=ATTACKERS[10]).status_code == 429
    device = enrol(users["secretaria"])
    client.force_login(users["secretaria"])
    client.post("/admin/account-security/two-factor/verify/", {"code": code_for(device)})
    listing = client.get("/admin/account-security/locked-accounts/").content.decode()
    assert "Nombres de usuario protegidos" in listing and 'value="oficial-ar"' in listing
    assert 'value="secretaria"' not in listing  # only guarded names are listed
    response = client.post("/admin/account-security/locked-accounts/", {"guarded": "oficial-ar"}, follow=True)
    assert "«oficial-ar» ya puede iniciar sesión de nuevo." in response.content.decode()
    assert log_in(Client(), "oficial-ar", REMOTE_ADDR=ATTACKERS[10]).status_code == 302
    gone = client.post("/admin/account-security/locked-accounts/", {"guarded": "oficial-ar"}, follow=True)
    assert "Ese bloqueo ya no existe" in gone.content.decode()
