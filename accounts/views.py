"""Two-step verification pages in the admin, the lockout page, and unlocking accounts."""

from axes.models import AccessAttempt
from axes.utils import reset as reset_attempts
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from . import login_guard, two_factor
from .forms import CodeForm, LiftGuardForm, UnlockForm, VerifyForm
from .policy import can_unlock_accounts, is_privileged, two_factor_required

RECOVERY_CODE_USED = gettext_lazy(
    "You used a recovery code; %(count)d left. Set up your authenticator app again if you lost it."
)
INVALID_CODE = gettext_lazy(
    "That code is not valid. Enter the 6-digit code your authenticator app shows now, "
    "or one of your unused recovery codes."
)


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def verify(request):
    """The second step of logging in: a code from the app or a recovery code."""
    if request.user.is_verified():
        return redirect(_next_url(request))
    if not two_factor.has_two_factor(request.user):
        return redirect(
            reverse("accounts_two_factor_setup") if two_factor_required(request.user) else _next_url(request)
        )
    form = VerifyForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            outcome, detail = two_factor.verify(request, form.cleaned_data["code"])
            if outcome == "ok":
                if detail.name == two_factor.RECOVERY_DEVICE_NAME:
                    left = two_factor.recovery_codes_left(request.user)
                    messages.warning(request, RECOVERY_CODE_USED % {"count": left})
                return redirect(_next_url(request))
            status = _code_refused(form, outcome, detail)
        else:
            status = 400
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": _next_url(request)}, status=status)


def _code_refused(form, outcome, detail) -> int:
    """Puts the reason on the form; returns the status of the answer."""
    if outcome == "throttled":
        form.add_error("code", _("Too many wrong codes. Wait %(seconds)d seconds and try again.") % {"seconds": detail})
        return 429
    form.add_error("code", INVALID_CODE)
    return 400


def setup(request):
    """Enrols an authenticator app: QR code and secret, then a code to prove it works."""
    if two_factor.has_two_factor(request.user) and not request.user.is_verified():
        # Replacing the app needs the current one: a password alone must not re-enrol.
        return redirect(reverse("accounts_two_factor_verify") + "?next=" + reverse("accounts_two_factor_setup"))
    device = two_factor.pending_app(request.user)
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            outcome, detail = two_factor.confirm_app(request, device, form.cleaned_data["code"])
            if outcome == "ok":
                return render(
                    request, "accounts/two_factor_recovery_codes.html", {"codes": detail, "next": _next_url(request)}
                )
            status = _code_refused(form, outcome, detail)
    context = {
        "form": form,
        "qr_svg": two_factor.qr_svg(device),
        "secret": two_factor.secret_base32(device),
        "required": two_factor_required(request.user),
        "next": _next_url(request),
    }
    return render(request, "accounts/two_factor_setup.html", context, status=status)


def manage(request):
    """The person's own two-step verification settings (Account → Two-step verification)."""
    context = {
        "enrolled": two_factor.has_two_factor(request.user),
        "required": two_factor_required(request.user),
        "recovery_codes_left": two_factor.recovery_codes_left(request.user),
    }
    return render(request, "accounts/two_factor_manage.html", context)


@require_POST
def new_recovery_codes(request):
    if not (two_factor.has_two_factor(request.user) and request.user.is_verified()):
        raise PermissionDenied
    codes = two_factor.new_recovery_codes(request.user)
    return render(
        request, "accounts/two_factor_recovery_codes.html", {"codes": codes, "next": reverse("accounts_two_factor")}
    )


@require_POST
def disable(request):
    if two_factor_required(request.user):
        messages.error(request, _("Two-step verification is required for your role and can't be turned off."))
        return redirect("accounts_two_factor")
    two_factor.reset_two_factor(request.user)
    # reset_two_factor ended this session with the others; the person logs in again.
    return redirect("wagtailadmin_login")


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a locked username and address (AXES_LOCKOUT_CALLABLE)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {
        "minutes": minutes,
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "guarded": getattr(request, "accounts_login_guarded", False),
    }
    return render(request, "accounts/locked_out.html", context, status=429)


def lockouts(request):
    """Accounts locked by too many failed log-ins, for the secretariat and administrators."""
    if not can_unlock_accounts(request.user):
        raise PermissionDenied
    if request.method == "POST" and "guarded" in request.POST:
        form = LiftGuardForm(request.POST)
        username = form.cleaned_data["guarded"] if form.is_valid() else ""
        if not username or not login_guard.is_guarded(username):
            messages.error(request, _("That lock no longer exists: it may have expired or been lifted already."))
            return redirect("accounts_lockouts")
        login_guard.lift(username)
        messages.success(request, _("“%(username)s” can log in again.") % {"username": username})
        return redirect("accounts_lockouts")
    if request.method == "POST":
        form = UnlockForm(request.POST)
        attempt = AccessAttempt.objects.filter(pk=form.cleaned_data["attempt"]).first() if form.is_valid() else None
        if attempt is None:
            messages.error(request, _("That lock no longer exists: it may have expired or been lifted already."))
            return redirect("accounts_lockouts")
        reset_attempts(ip=attempt.ip_address, username=attempt.username)
        login_guard.lift(attempt.username)
        messages.success(request, _("“%(username)s” can log in again.") % {"username": attempt.username})
        return redirect("accounts_lockouts")
    # Locks older than the cool-off have lifted by themselves; axes deletes them lazily.
    attempts = AccessAttempt.objects.filter(
        failures_since_start__gte=settings.AXES_FAILURE_LIMIT,
        attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME,
    ).order_by("-attempt_time")
    context = {
        "attempts": attempts,
        "guarded": login_guard.guarded_usernames(),
        "privileged": is_privileged(request.user),
    }
    return render(request, "accounts/lockouts.html", context)
