"""Demo log-ins read the admin and their e-mails in their country's language."""

from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from .loader import DEMO_USERS

# Wagtail's admin ships Brazilian Portuguese as "pt-br" (WAGTAILADMIN_PERMITTED_LANGUAGES).
DEMO_LANGUAGES = {"BR": "pt-br"}


def set_demo_user_languages() -> None:
    """Sets each demo user's admin language once; a language the user chose later is kept."""
    User = get_user_model()
    for spec in DEMO_USERS:
        user = User.objects.filter(username=spec["username"]).first()
        if user is None:
            continue
        profile = UserProfile.get_for_user(user)
        if not profile.preferred_language:
            profile.preferred_language = DEMO_LANGUAGES.get(spec["country"], "es")
            profile.save(update_fields=["preferred_language"])
