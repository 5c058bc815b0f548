"""Single-use, expiring invitation links (Django's password-reset tokens with their own salt).

The hash covers the password and the active flag, so a link stops working as soon as the
official has set a password; and the age limit is the invitation's, not the password reset's.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.crypto import constant_time_compare
from django.utils.http import base36_to_int


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "officials.tokens.InvitationTokenGenerator"

    @property
    def max_age(self) -> int:
        return int(timedelta(days=settings.OFFICIALS_INVITATION_DAYS).total_seconds())

    def _make_hash_value(self, user, timestamp):
        return f"{user.pk}{user.password}{user.is_active}{timestamp}{user.email}"

    def check_token(self, user, token) -> bool:
        if not (user and token) or token.count("-") != 1:
            return False
        ts_b36 = token.split("-")[0]
        try:
            ts = base36_to_int(ts_b36)
        except ValueError:
            return False
        signed = any(
            constant_time_compare(self._make_token_with_timestamp(user, ts, secret), token)
            for secret in [self.secret, *self.secret_fallbacks]
        )
        return signed and 0 <= self._num_seconds(self._now()) - ts <= self.max_age


invitation_token = InvitationTokenGenerator()
