"""Query expansion with the secretariat's thesaurus: "backlog" also searches "rezago" and "passivo".

Terms match on folded stems in the three languages, so plurals and inflections expand too:
"notificações" meets the group of "notificação", "rezagos" the group of "rezago".
"""

from django.core.cache import cache

from .backends.analysis import fold, stems
from .models import SynonymGroup

CACHE_KEY = "search-thesaurus"
CACHE_SECONDS = 60


def synonym_groups() -> list[list[str]]:
    groups = cache.get(CACHE_KEY)
    if groups is None:
        groups = [group.term_list() for group in SynonymGroup.objects.all()]
        cache.set(CACHE_KEY, groups, CACHE_SECONDS)
    return groups


def invalidate_thesaurus() -> None:
    cache.delete(CACHE_KEY)


def _same_word(stems_a: tuple[str, ...], stems_b: tuple[str, ...]) -> bool:
    return not set(stems_a).isdisjoint(stems_b)


def thesaurus_parts(words: list[str]) -> list[tuple[str, list[str]]]:
    """The query's words as parts: ("thesaurus", equivalent terms) where a word or phrase of the
    thesaurus starts (longest first), ("word", [word]) elsewhere.

    When terms of several groups match the same words by stem ("refugiados" shares "refugi" with
    "refugio" and "refugiado"), the group holding the words themselves wins, then the first."""
    entries = []  # (stems of each word of the term, the term folded, the group's terms)
    for terms in synonym_groups():
        for term in terms:
            entries.append(([stems(word) for word in term.split()], fold(term), terms))
    entries.sort(key=lambda entry: -len(entry[0]))
    query_stems = [stems(word) for word in words]
    parts, position = [], 0
    while position < len(words):
        chosen = None
        for term_stems, folded, terms in entries:
            size = len(term_stems)
            if chosen is not None and size < chosen[0]:
                break
            window = query_stems[position : position + size]
            if size and len(window) == size and all(map(_same_word, window, term_stems)):
                exact = folded == fold(" ".join(words[position : position + size]))
                if chosen is None or (exact and not chosen[2]):
                    chosen = (size, terms, exact)
        if chosen is None:
            parts.append(("word", [words[position]]))
            position += 1
        else:
            parts.append(("thesaurus", chosen[1]))
            position += chosen[0]
    return parts
