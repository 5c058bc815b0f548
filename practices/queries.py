"""Read-only questions about practices that several pages ask."""

from .models import InstitutionPage, PracticePage
from .taxonomy import Topic


def published_practices(*, locale):
    """One page per practice: each language tree holds the original, its alias or its translation."""
    return PracticePage.objects.live().public().filter(locale=locale)


def home_counts(*, locale) -> dict[str, int]:
    practices = published_practices(locale=locale)
    return {
        "practices": practices.count(),
        "countries": InstitutionPage.objects.live().filter(locale=locale).values("country_id").distinct().count(),
        "topics": Topic.objects.filter(tagged_practices__content_object__in=practices).distinct().count(),
    }


def latest_practices(*, locale, limit: int = 6):
    return list(published_practices(locale=locale).for_listing().order_by("-first_published_at", "-pk")[:limit])
