import time

from django.test import Client

from accounts.models import AccountSession
from accounts.signals import SESSION_LAST_SEEN, SESSION_STARTED

from .conftest import log_in


def shift(client, key, seconds):
    session = client.session
    session[key] = session[key] - seconds
    session.save()


def test_sessions_record_their_user(client, official):
    log_in(client, "oficial-ar")
    assert AccountSession.objects.get(session_key=client.session.session_key).user_id == official.pk


def test_activity_within_the_idle_timeout_keeps_the_session(client, official, settings):
    log_in(client, "oficial-ar")
    shift(client, SESSION_LAST_SEEN, settings.SESSION_IDLE_TIMEOUT - 60)
    assert client.get("/admin/pages/").status_code == 200
    # the clock moved on: the session is good for another full period
    assert time.time() - client.session[SESSION_LAST_SEEN] < 5


def test_an_idle_session_ends(client, official, settings):
    log_in(client, "oficial-ar")
    shift(client, SESSION_LAST_SEEN, settings.SESSION_IDLE_TIMEOUT + 1)
    response = client.get("/admin/pages/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert "_auth_user_id" not in client.session
    login_page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en")
    assert "Your session ended after 30 minutes without activity" in login_page.content.decode()


def test_a_session_ends_after_the_absolute_timeout_even_when_active(client, official, settings):
    log_in(client, "oficial-ar")
    shift(client, SESSION_STARTED, settings.SESSION_ABSOLUTE_TIMEOUT + 1)
    response = client.get("/admin/pages/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert "_auth_user_id" not in client.session


def test_deactivating_a_user_ends_all_their_sessions(official):
    laptop, phone = Client(), Client()
    log_in(laptop, "oficial-ar")
    log_in(phone, "oficial-ar")
    assert laptop.get("/admin/pages/").status_code == 200
    assert AccountSession.objects.filter(user_id=official.pk).count() == 2

    official.is_active = False
    official.save()

    assert not AccountSession.objects.filter(user_id=official.pk).exists()
    for client in (laptop, phone):
        assert client.get("/admin/pages/").status_code == 302


def test_deactivating_through_the_admin_ends_the_sessions(client, official, admin_user):
    from .conftest import code_for, enrol

    victim = Client()
    log_in(victim, "oficial-ar")
    device = enrol(admin_user)
    client.force_login(admin_user)
    client.post("/admin/account-security/two-factor/verify/", {"code": code_for(device)})
    form = client.get(f"/admin/users/edit/{official.pk}/").context["form"]
    data = {name: field.value() for name, field in ((n, form[n]) for n in form.fields) if field.value() is not None}
    data["groups"] = [g.pk for g in official.groups.all()]
    data.pop("is_active", None)  # unchecked box
    data.update({"password1": "", "password2": "", "first_name": "Oficial", "last_name": "Argentina"})
    response = client.post(f"/admin/users/edit/{official.pk}/", data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    official.refresh_from_db()
    assert not official.is_active
    assert not AccountSession.objects.filter(user_id=official.pk).exists()
    assert victim.get("/admin/pages/").status_code == 302


class FrozenClock:
    """The middleware's clock, moved by hand: the idle timeout is measured to the second."""

    def __init__(self, now: float):
        self.now = now

    def time(self) -> float:
        return self.now


def test_the_idle_timeout_is_measured_to_the_second(client, official, settings, monkeypatch):
    import accounts.middleware

    clock = FrozenClock(time.time())
    monkeypatch.setattr(accounts.middleware, "time", clock)
    log_in(client, "oficial-ar")
    # A request 50 s after log-in: within the minute in which the session itself is not rewritten.
    clock.now += 50
    assert client.get("/admin/pages/").status_code == 200
    clock.now += settings.SESSION_IDLE_TIMEOUT - 1  # 29:59 after that request
    assert client.get("/admin/pages/").status_code == 200
    clock.now += settings.SESSION_IDLE_TIMEOUT + 1  # 30:01 after the last one
    response = client.get("/admin/pages/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert "_auth_user_id" not in client.session


def test_exactly_the_idle_timeout_still_counts_as_active(client, official, settings, monkeypatch):
    import accounts.middleware

    clock = FrozenClock(time.time())
    monkeypatch.setattr(accounts.middleware, "time", clock)
    log_in(client, "oficial-ar")
    clock.now += 10
    assert client.get("/admin/pages/").status_code == 200
    clock.now += settings.SESSION_IDLE_TIMEOUT
    assert client.get("/admin/pages/").status_code == 200
