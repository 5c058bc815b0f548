"""Query expansion with the secretariat's thesaurus: "backlog" also searches "rezago" and "passivo"."""

from django.core.cache import cache
from modelsearch.query import And, Or, PlainText

from .backends.analysis import fold

CACHE_KEY = "search-thesaurus"
CACHE_SECONDS = 60


def synonym_groups() -> list[list[str]]:
    groups = cache.get(CACHE_KEY)
    if groups is None:
        from .models import SynonymGroup

        groups = [group.term_list() for group in SynonymGroup.objects.all()]
        cache.set(CACHE_KEY, groups, CACHE_SECONDS)
    return groups


def invalidate_thesaurus() -> None:
    cache.delete(CACHE_KEY)


def expand(query: str):
    """The query as Wagtail search query objects: every word must match (AND); a word or phrase
    found in the thesaurus matches any of its equivalents (OR). Without a match, plain text."""
    words = query.split()
    folded_words = [fold(word) for word in words]
    index = {}
    for terms in synonym_groups():
        for term in terms:
            index[tuple(fold(term).split())] = terms
    parts, position, expanded = [], 0, False
    longest = max((len(key) for key in index), default=0)
    while position < len(words):
        for size in range(min(longest, len(words) - position), 0, -1):
            terms = index.get(tuple(folded_words[position : position + size]))
            if terms:
                parts.append(Or([PlainText(term, operator="and") for term in terms]))
                position += size
                expanded = True
                break
        else:
            parts.append(PlainText(words[position], operator="and"))
            position += 1
    if not expanded:
        return PlainText(query, operator="and")
    return parts[0] if len(parts) == 1 else And(parts)
