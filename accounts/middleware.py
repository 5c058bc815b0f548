"""Session timeouts and the two-step verification gate of the admin."""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.core.cache import cache
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .policy import two_factor_required
from .signals import SESSION_LAST_SEEN, SESSION_STARTED
from .throttling import keyed_hash
from .two_factor import has_two_factor

# The inactivity clock is kept to the second in the shared cache (a Redis write per signed-in
# request) and copied into the session at most once a minute, not a database write per request;
# the session's copy only counts if the cache lost its entry.
LAST_SEEN_RESOLUTION = 60


def _last_seen_key(session) -> str:
    return f"accounts:last-seen:{keyed_hash(session.session_key or '')}"


class SessionTimeoutMiddleware:
    """Ends a signed-in session after `SESSION_IDLE_TIMEOUT` seconds without a request and
    `SESSION_ABSOLUTE_TIMEOUT` seconds after log-in, whatever the cookie says. Goes after
    AuthenticationMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            self._enforce(request)
        return self.get_response(request)

    def _enforce(self, request):
        session = request.session
        now = int(time.time())
        started = session.get(SESSION_STARTED)
        stored = session.get(SESSION_LAST_SEEN)
        if started is None or stored is None:
            # A session from before these rules: its clocks start now.
            session[SESSION_STARTED] = started or now
            session[SESSION_LAST_SEEN] = now
            return
        last_seen = max(stored, cache.get(_last_seen_key(session)) or 0)
        if now - started > settings.SESSION_ABSOLUTE_TIMEOUT:
            reason = _("For your security, sessions last at most %(hours)d hours. Please log in again.") % {
                "hours": settings.SESSION_ABSOLUTE_TIMEOUT // 3600
            }
        elif now - last_seen > settings.SESSION_IDLE_TIMEOUT:
            reason = _("Your session ended after %(minutes)d minutes without activity. Please log in again.") % {
                "minutes": settings.SESSION_IDLE_TIMEOUT // 60
            }
        else:
            cache.set(_last_seen_key(session), now, settings.SESSION_IDLE_TIMEOUT + LAST_SEEN_RESOLUTION)
            if now - stored >= LAST_SEEN_RESOLUTION:
                session[SESSION_LAST_SEEN] = now
            return
        logout(request)
        messages.warning(request, reason)


class TwoFactorMiddleware:
    """In the admin, a user who has an authenticator app must enter a code once per session;
    administrators and the secretariat must first enrol one. Goes after django-otp's
    OTPMiddleware. Officials without an app use the admin as before and may enrol."""

    # Admin views reachable before the second step: signing in and out, resetting a password,
    # the two-step pages themselves and the static assets they load (the icon sprite, fetched
    # by script into the page: redirected, it would inject a second copy of the page).
    EXEMPT_URL_NAMES = frozenset(
        {
            "wagtailadmin_login",
            "wagtailadmin_logout",
            "wagtailadmin_password_reset",
            "wagtailadmin_password_reset_done",
            "wagtailadmin_password_reset_confirm",
            "wagtailadmin_password_reset_complete",
            "wagtailadmin_javascript_catalog",
            "wagtailadmin_sprite",
            "accounts_two_factor_verify",
            "accounts_two_factor_setup",
        }
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.user.is_authenticated or request.user.is_verified():
            return None
        if not request.path_info.startswith(reverse("wagtailadmin_home")):
            return None
        match = request.resolver_match
        if match is not None and match.url_name in self.EXEMPT_URL_NAMES:
            return None
        if has_two_factor(request.user):
            return self._redirect(request, "accounts_two_factor_verify")
        if two_factor_required(request.user):
            return self._redirect(request, "accounts_two_factor_setup")
        return None

    @staticmethod
    def _redirect(request, url_name):
        target = reverse(url_name)
        if request.method == "GET":
            target += "?" + urlencode({"next": request.get_full_path()})
        return redirect(target)
