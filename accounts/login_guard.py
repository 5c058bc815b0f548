"""Log-in throttling per user name across addresses, which nobody can use to lock a person out.

django-axes locks a user name *from one address* after AXES_FAILURE_LIMIT failures. An attacker
with many addresses gets that many guesses from each, so failures are also counted per user name
from every address (in the shared cache, for an hour). Past LOGIN_GUARD_FAILURES the user name is
*guarded*, which is not a lock:

- from an address where this account has logged in successfully before (remembered for
  KNOWN_ADDRESS_DAYS), log-in works as always (axes still limits each address);
- from any other address, every attempt gets the lockout page without a word about the password,
  so guessing from new addresses learns nothing; except that the right password of an account
  with two-step verification goes on to the second step, which still protects it.

So the attack stops paying off while the person keeps logging in from her usual office or
home connection, or with her authenticator app from anywhere. What a guarded account cannot do
is log in from a new address with a password alone until the failures stop for an hour (or the
secretariat lifts it on the *Locked accounts* page).
"""

from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied
from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache

from .throttling import client_key, count, hits, keyed_hash
from .two_factor import has_two_factor

WINDOW_SECONDS = 60 * 60
KNOWN_ADDRESS_DAYS = 90


def failure_limit() -> int:
    return settings.LOGIN_GUARD_FAILURES


def _failures_key(username: str) -> str:
    return f"accounts:login-failures:{keyed_hash(username.casefold())}"


def _known_key(username: str, request) -> str:
    return f"accounts:login-known:{keyed_hash(username.casefold())}:{client_key(request)}"


def record_failure(request, username: str) -> None:
    count(_failures_key(username), WINDOW_SECONDS)


def is_guarded(username: str) -> bool:
    return hits(_failures_key(username)) >= failure_limit()


def lift(username: str) -> None:
    cache.delete(_failures_key(username))


def guarded_usernames() -> list[str]:
    """The user names guarded now. The cache keeps only keyed hashes of them, so the candidates are
    the names django-axes recorded failures for (in the database) within the guard's window."""
    from axes.models import AccessAttempt
    from django.utils import timezone

    since = timezone.now() - timezone.timedelta(seconds=WINDOW_SECONDS)
    names = AccessAttempt.objects.filter(attempt_time__gte=since).values_list("username", flat=True)
    unique = {name.casefold(): name for name in names if name}
    return sorted(name for key, name in unique.items() if is_guarded(key))


def remember_address(request, username: str) -> None:
    cache.set(_known_key(username, request), 1, KNOWN_ADDRESS_DAYS * 24 * 60 * 60)


def is_known_address(request, username: str) -> bool:
    return cache.get(_known_key(username, request)) is not None


class GuardedAxesBackend(AxesStandaloneBackend):
    """django-axes' check first (the lock per user name and address), then the guard above."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        super().authenticate(request, username=username, password=password, **kwargs)
        if not username or not is_guarded(username) or is_known_address(request, username):
            return None  # the next backend checks the password

        user = ModelBackend().authenticate(request, username=username, password=password)
        if user is not None and has_two_factor(user):
            return None
        request.axes_locked_out = True
        request.accounts_login_guarded = True
        raise AxesBackendPermissionDenied("Too many failed log-ins for this user name from other addresses")
