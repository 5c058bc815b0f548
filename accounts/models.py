"""Sessions stored with their user's id, so that deactivating a user can end every session of
theirs with one indexed DELETE (Django's own table keeps the user only inside encoded data).

The model and its store are defined together (each names the other); the session engine Django
loads is `accounts/sessions.py` (`SESSION_ENGINE`), which takes the store from here.

See https://docs.djangoproject.com/en/5.2/topics/http/sessions/#extending-database-backed-session-engines
"""

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore as DBStore
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models
from django.utils.translation import gettext_lazy as _


class AccountSession(AbstractBaseSession):
    user_id = models.BigIntegerField(_("user id"), null=True, db_index=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    @classmethod
    def get_session_store_class(cls):
        return SessionStore


class SessionStore(DBStore):
    """Django's database store, with the user's id in its own indexed column."""

    @classmethod
    def get_model_class(cls):
        return AccountSession

    def create_model_instance(self, data):
        instance = super().create_model_instance(data)
        try:
            instance.user_id = int(data.get(SESSION_KEY))
        except (TypeError, ValueError):
            instance.user_id = None
        return instance
