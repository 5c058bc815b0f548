import pytest
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.demo import current_code

PASSWORDS = {"admin": "admin-demo-2026", "secretaria": "secretaria-demo-2026", "oficial-ar": "oficial-ar-demo-2026"}


@pytest.fixture(autouse=True)
def _two_factor_required(settings):
    # As in dev and production; the test settings turn it off for the other apps' admin tests.
    settings.TWO_FACTOR_REQUIRED_FOR_PRIVILEGED = True


@pytest.fixture
def users(db):
    User = get_user_model()
    return {name: User.objects.get(username=name) for name in PASSWORDS}


@pytest.fixture
def secretaria(users):
    return users["secretaria"]


@pytest.fixture
def admin_user(users):
    return users["admin"]


@pytest.fixture
def official(users):
    return users["oficial-ar"]


def enrol(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)


def code_for(device: TOTPDevice) -> str:
    device.refresh_from_db()
    return current_code(device)


def wrong_code_for(device: TOTPDevice) -> str:
    return f"{(int(code_for(device)) + 500_000) % 1_000_000:06d}"


def log_in(client, username, password=None, **extra):
    """Through the admin's real log-in form."""
    return client.post(
        "/admin/login/",
        {"username": username, "password": password or PASSWORDS[username], "next": "/admin/pages/"},
        **extra,
    )
