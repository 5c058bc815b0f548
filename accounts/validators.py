"""A password check against breached and guessable passwords, offline.

zxcvbn ships frequency lists drawn from leaked password corpora (about 30,000 passwords, with
English words, names and keyboard patterns) and scores how many guesses a password would take,
catching variants that a plain list misses ("Passw0rd2024!"). Django's CommonPasswordValidator
(20,000 breached passwords) runs beside it. No request leaves the server.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from zxcvbn import zxcvbn

from practices.models import InstitutionPage

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


class PersonalInformationPasswordValidator:
    """Refuses a password made of the person's own names, user name or e-mail address, or of their
    institution's name, acronym or country (in the three languages): `MariaGonzalez2026`,
    `conare-argentina`. Accents, case, digits and punctuation do not disguise them: what is left
    once those words are taken out must still hold `min_letters` letters of something else.

    Django's UserAttributeSimilarityValidator compares the whole password with each attribute
    and lets such combinations through; zxcvbn (above) scores them as names plus a year."""

    def __init__(self, min_letters: int = 6, min_word_length: int = 3):
        self.min_letters = min_letters
        self.min_word_length = min_word_length

    def validate(self, password, user=None):
        if user is None:
            return
        rest = _letters(password[:MAX_CHECKED_LENGTH])
        for word in sorted(personal_words(user), key=len, reverse=True):
            if len(word) >= self.min_word_length:
                rest = rest.replace(word, "")
        if len(rest) < self.min_letters:
            raise ValidationError(
                _(
                    "This password is built from your name, user name or e-mail address, or from your "
                    "institution's name or country. Use a passphrase of several unrelated words."
                ),
                code="password_personal",
            )

    def get_help_text(self):
        return _("Your password can't be built from your name, e-mail address, institution or country.")


def _letters(text: str) -> str:
    """Lower case, accents removed, letters only: "María-González 2026" → "mariagonzalez"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if char.isalpha() and not unicodedata.combining(char))


def personal_words(user) -> set[str]:
    """The words of the person's names, user name and e-mail address, and of their institutions'
    names, acronyms and countries (through their officials' groups)."""
    values = [getattr(user, attribute, "") or "" for attribute in ("username", "first_name", "last_name", "email")]
    if getattr(user, "pk", None):
        institutions = InstitutionPage.objects.filter(officials_group__user=user).select_related("country")
        for page in institutions:
            country = page.country
            values += [page.title, page.acronym, country.name_es, country.name_en, country.name_pt, country.iso2]
    words = set()
    for value in values:
        for part in re.split(r"[^\w]+|_", value.casefold()):
            if letters := _letters(part):
                words.add(letters)
    return words
