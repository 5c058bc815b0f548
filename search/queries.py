"""The single source of every practice search."""

from wagtail.models import Locale

from practices.queries import published_practices

MAX_QUERY_LENGTH = 200


def clean_query(raw: str) -> str:
    """Cut very long queries before they reach the engine (and collapse white space)."""
    return " ".join((raw or "").split())[:MAX_QUERY_LENGTH]


def search_practices(*, query: str, locale: Locale):
    practices = published_practices(locale=locale).for_listing()
    if not query:
        return practices.order_by("-first_published_at", "-pk")
    return practices.search(query)
