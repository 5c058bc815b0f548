"""The single source of every practice search."""

import re

from wagtail.models import Locale

from practices.queries import published_practices

MAX_QUERY_LENGTH = 200


UNSAFE_CHARACTERS = re.compile(r'["\x00-\x1f\x7f]')


def clean_query(raw: str) -> str:
    """Cut very long queries before they reach the engine, collapse white space, drop control characters.

    Double quotes go too: an unbalanced one breaks SQLite's full-text syntax, and phrase search is
    not offered.
    """
    return " ".join(UNSAFE_CHARACTERS.sub(" ", (raw or "")[: MAX_QUERY_LENGTH * 4]).split())[:MAX_QUERY_LENGTH]


def search_practices(*, query: str, locale: Locale):
    practices = published_practices(locale=locale).for_listing()
    if not query:
        return practices.order_by("-first_published_at", "-pk")
    return practices.search(query)
