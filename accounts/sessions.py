"""The session engine (`SESSION_ENGINE = "accounts.sessions"`): Django's database store, with
the user's id in its own indexed column."""

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore as DBStore


class SessionStore(DBStore):
    @classmethod
    def get_model_class(cls):
        from .models import AccountSession

        return AccountSession

    def create_model_instance(self, data):
        instance = super().create_model_instance(data)
        try:
            instance.user_id = int(data.get(SESSION_KEY))
        except (TypeError, ValueError):
            instance.user_id = None
        return instance


def end_sessions_of(user_id: int) -> int:
    """Deletes every stored session of the user; returns how many there were."""
    from .models import AccountSession

    deleted, _ = AccountSession.objects.filter(user_id=user_id).delete()
    return deleted
