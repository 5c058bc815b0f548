"""A password check against breached and guessable passwords, offline.

zxcvbn ships frequency lists drawn from leaked password corpora (about 30,000 passwords, with
English words, names and keyboard patterns) and scores how many guesses a password would take,
catching variants that a plain list misses ("Passw0rd2024!"). Django's CommonPasswordValidator
(20,000 breached passwords) runs beside it. No request leaves the server.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from zxcvbn import zxcvbn

# Words an attacker would try first against this site.
SITE_WORDS = ("asilo", "refugio", "refugiado", "conare", "buenaspracticas", "practicas", "quito", "mirps", "acnur")
# zxcvbn evaluates at most this many characters (its run time grows with length).
MAX_CHECKED_LENGTH = 100


class BreachedPasswordValidator:
    def __init__(self, min_score: int = 3):
        self.min_score = min_score

    def validate(self, password, user=None):
        user_inputs = list(SITE_WORDS)
        if user is not None:
            for attribute in ("username", "first_name", "last_name", "email"):
                value = getattr(user, attribute, "") or ""
                user_inputs.extend(part for part in value.replace("@", " ").replace(".", " ").split() if part)
        result = zxcvbn(password[:MAX_CHECKED_LENGTH], user_inputs=user_inputs)
        if result["score"] < self.min_score:
            raise ValidationError(
                _(
                    "This password is too easy to guess: it is, or is built from, a password found in "
                    "data breaches, a common word or an obvious pattern. Use a passphrase of several "
                    "unrelated words."
                ),
                code="password_breached_or_guessable",
            )

    def get_help_text(self):
        return _(
            "Your password can't be one found in data breaches, a common word or an obvious pattern "
            "(keyboard rows, dates, repeated characters)."
        )
