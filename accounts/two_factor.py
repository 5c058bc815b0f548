"""Two-step verification (TOTP) on django-otp: enrolment, verification, recovery codes, reset.

A user has at most one authenticator app (a confirmed `TOTPDevice`) and one set of recovery
codes (a `StaticDevice`). The QR code is drawn here as SVG: the secret never leaves the server.
"""

import base64
import secrets

import segno
from django.db import transaction
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .sessions import end_sessions_of

APP_DEVICE_NAME = "authenticator"
RECOVERY_DEVICE_NAME = "recovery"
RECOVERY_CODE_COUNT = 10


def normalise_code(code: str) -> str:
    return "".join(code.split()).replace("-", "").lower()


def has_two_factor(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_app(user) -> TOTPDevice:
    """The device being enrolled: created once, reused while the person scans and types."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def secret_base32(device: TOTPDevice) -> str:
    return base64.b32encode(device.bin_key).decode("ascii").rstrip("=")


def provisioning_uri(device: TOTPDevice) -> str:
    """The otpauth:// URI; the issuer (`OTP_TOTP_ISSUER`) names the site in the person's app."""
    return device.config_url


def qr_svg(device: TOTPDevice) -> str:
    """An inline SVG (no script, no style element): safe under the Content-Security-Policy."""
    return segno.make(provisioning_uri(device), error="m").svg_inline(scale=5, dark="#000", light="#fff", border=2)


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def confirm_app(request, device: TOTPDevice, code: str):
    """Confirms the pending device with a code from the app. Returns ("ok", recovery codes),
    ("throttled", seconds) or ("invalid", None)."""
    if not device.verify_is_allowed()[0]:
        return "throttled", _seconds_left(device)
    if not device.verify_token(normalise_code(code)):
        return "invalid", None
    user = device.user
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = new_recovery_codes(user)
    mark_verified(request, device)
    return "ok", codes


def new_recovery_codes(user) -> list[str]:
    """Replaces the user's recovery codes; each works once."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [f"{secrets.randbelow(10**10):010d}" for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return [f"{code[:5]}-{code[5:]}" for code in codes]


def verify(request, code: str):
    """Checks a code: six digits against the user's app, anything else against their recovery
    codes (each kind with its own throttle, so wrong app codes don't lock out a recovery code).
    Returns ("ok", device), ("throttled", seconds) or ("invalid", None)."""
    user = request.user
    token = normalise_code(code)
    with transaction.atomic():
        app = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True).first()
        recovery = StaticDevice.objects.select_for_update().filter(user=user, confirmed=True).first()
        device = app if app is not None and len(token) == app.digits else recovery
        if device is None:
            return "invalid", None
        if not device.verify_is_allowed()[0]:
            return "throttled", _seconds_left(device)
        if device.verify_token(token):
            mark_verified(request, device)
            return "ok", device
    return "invalid", None


def _seconds_left(device) -> int:
    from django.utils import timezone

    if device.throttling_failure_timestamp is None:
        return 0
    delay = device.get_throttle_factor() * (2 ** (device.throttling_failure_count - 1))
    elapsed = (timezone.now() - device.throttling_failure_timestamp).total_seconds()
    return max(1, int(delay - elapsed + 0.999))


def mark_verified(request, device) -> None:
    # A new session key once the person proves the second factor: a key observed before
    # this point (session fixation) is worth nothing afterwards.
    request.session.cycle_key()
    otp_login(request, device)


@transaction.atomic
def reset_two_factor(user) -> int:
    """Removes the user's app and recovery codes (a lost phone): they enrol again at their next
    log-in. Their open sessions end too, so a session verified with the old device can't go on."""
    deleted = TOTPDevice.objects.filter(user=user).delete()[0] + StaticDevice.objects.filter(user=user).delete()[0]
    end_sessions_of(user.pk)
    return deleted


def is_verified(request) -> bool:
    return bool(getattr(request.user, "is_verified", lambda: False)()) and DEVICE_ID_SESSION_KEY in request.session
