"""Read-only questions the curated pages ask, each in a fixed number of queries."""

from collections.abc import Iterable

from django.db.models import Count

from practices.models import PracticePage
from practices.queries import published_practices
from practices.taxonomy import TaggedTopic, Topic


def practices_in_locale(practice_ids: Iterable[int], *, locale) -> dict[int, PracticePage]:
    """Chosen practices (from any language tree) as the published page of `locale`'s tree.

    Editors choose a practice once, whatever tree the chooser showed; each language shows its own
    translation or alias. A draft or unpublished practice is simply absent. Two queries.
    """
    ids = list(dict.fromkeys(practice_ids))
    if not ids:
        return {}
    key_of = dict(PracticePage.objects.filter(pk__in=ids).values_list("pk", "translation_key"))
    by_key = {
        page.translation_key: page
        for page in published_practices(locale=locale).filter(translation_key__in=set(key_of.values())).for_listing()
    }
    return {pk: by_key[key] for pk, key in key_of.items() if key in by_key}


def ordered_practices(practice_ids: Iterable[int], found: dict[int, PracticePage]) -> list[PracticePage]:
    """The practices in the editor's order, each once."""
    seen, result = set(), []
    for pk in practice_ids:
        page = found.get(pk)
        if page is not None and page.pk not in seen:
            seen.add(page.pk)
            result.append(page)
    return result


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
