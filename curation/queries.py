"""Read-only questions the curated pages ask, each in a fixed number of queries."""

from collections.abc import Iterable

from django.db.models import Count, F

from practices.models import PracticePage
from practices.queries import published_practices
from practices.taxonomy import TaggedTopic, Topic


def practices_in_locale(translation_keys: Iterable, *, locale) -> dict:
    """Chosen practices as the published page of `locale`'s tree, by translation key. One query
    (and one for view restrictions, one for the cards' topics).

    Editors choose a practice once, whatever tree the chooser showed; each language shows its own
    translation or alias. A draft or unpublished practice is simply absent.
    """
    keys = set(translation_keys)
    if not keys:
        return {}
    pages = published_practices(locale=locale).filter(translation_key__in=keys).for_listing()
    return {page.translation_key: page for page in pages}


def ordered_practices(translation_keys: Iterable, found: dict) -> list[PracticePage]:
    """The practices in the editor's order, each once."""
    seen, result = set(), []
    for key in translation_keys:
        page = found.get(key)
        if page is not None and page.pk not in seen:
            seen.add(page.pk)
            result.append(page)
    return result


def with_practice_keys(links):
    """Links (featured practices, commitment links) carrying their practice's translation key, so
    mapping them to another language tree needs no query per link."""
    return links.annotate(practice_key=F("practice__translation_key"))


def topic_counts(*, locale) -> dict[int, int]:
    """Topic id -> number of published practices with that topic in `locale`'s tree. One query
    (two with view restrictions on the site), the same set the search page counts."""
    rows = (
        TaggedTopic.objects.filter(content_object__in=published_practices(locale=locale))
        .values("tag_id")
        .annotate(practices=Count("content_object_id", distinct=True))
    )
    return {row["tag_id"]: row["practices"] for row in rows}


def latest_practices_with_topic(topic: Topic, *, locale, limit: int = 6) -> list[PracticePage]:
    return list(
        published_practices(locale=locale)
        .filter(tagged_topics__tag=topic)
        .for_listing()
        .order_by("-first_published_at", "-pk")[:limit]
    )
