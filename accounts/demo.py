"""Two-step verification for the demo log-ins of `make run` (DEBUG only).

The demo administrator and secretariat must use two-step verification like everyone in their
role. So that a person trying the demo can log in, they get an authenticator device whose key
derives from their user name: anyone can compute it, which is why this refuses to run with
DEBUG off, and production (DEBUG off, two-step verification forced) never has such a device.
"""

import base64
import hashlib

from django.conf import settings
from django.contrib.auth import get_user_model
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from .policy import is_privileged
from .two_factor import APP_DEVICE_NAME

DEMO_USERNAMES = ("admin", "secretaria")


def demo_key(username: str) -> bytes:
    return hashlib.sha256(f"buenaspracticas-demo-2fa:{username}".encode()).digest()[:20]


def enrol_demo_devices() -> list[tuple[str, str]]:
    """Gives each privileged demo user without an app the demo device. Returns (user name,
    base32 key) for those who have it."""
    if not settings.DEBUG:
        raise RuntimeError("Demo two-step devices have published keys: refusing with DEBUG off.")
    enrolled = []
    for user in get_user_model().objects.filter(username__in=DEMO_USERNAMES, is_active=True):
        if not is_privileged(user):
            continue
        key = demo_key(user.username)
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            TOTPDevice.objects.filter(user=user).delete()
            device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, key=key.hex(), confirmed=True)
        if device.bin_key == key:
            enrolled.append((user.username, base64.b32encode(key).decode("ascii").rstrip("=")))
    return enrolled


def current_code(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"
