"""The session engine (`SESSION_ENGINE = "accounts.sessions"`): Django's database store, with
the user's id in its own indexed column (the store is defined with its model, accounts/models.py)."""

from .models import AccountSession, SessionStore  # noqa: F401 (Django loads SessionStore from here)


def end_sessions_of(user_id: int) -> int:
    """Deletes every stored session of the user; returns how many there were."""
    deleted, _ = AccountSession.objects.filter(user_id=user_id).delete()
    return deleted
