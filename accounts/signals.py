"""Session bookkeeping: when a session began, and ending the sessions of a deactivated user."""

import time

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models.signals import post_save
from django.dispatch import receiver

from . import login_guard
from .sessions import end_sessions_of

SESSION_STARTED = "_accounts_started"
SESSION_LAST_SEEN = "_accounts_last_seen"


@receiver(user_logged_in, dispatch_uid="accounts_session_started")
def remember_when_the_session_started(sender, request, user, **kwargs):
    now = int(time.time())
    request.session[SESSION_STARTED] = now
    request.session[SESSION_LAST_SEEN] = now
    if request is not None:
        login_guard.remember_address(request, user.get_username())


@receiver(user_login_failed, dispatch_uid="accounts_count_failures_per_username")
def count_failure_per_username(sender, credentials, request=None, **kwargs):
    username = credentials.get("username")
    if request is not None and username:
        login_guard.record_failure(request, username)


@receiver(post_save, sender=get_user_model(), dispatch_uid="accounts_end_sessions_of_inactive_user")
def end_sessions_of_deactivated_user(sender, instance, **kwargs):
    # Django would refuse the user at their next request anyway (ModelBackend rejects inactive
    # users), but the session rows would stay; deleting them ends every open session at once.
    if not instance.is_active:
        end_sessions_of(instance.pk)
