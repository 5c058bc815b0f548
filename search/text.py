"""The full-text side's reading of a query: stop words, thesaurus expansion, how many words must match.

A query is read in all three site languages at once (a Spanish page gets Portuguese queries and
the other way round): a word is dropped when it is a stop word in any of them, unless that would
leave nothing. Every remaining word, or thesaurus phrase, is one "part".

`text_query(query, relaxed=False)`: every part must match. `relaxed=True`: most of them must
(two of three, three of four or five…; one of two), written as an OR of ANDs so that every
backend runs it; the engine uses it when all parts together find too few practices.
"""

from itertools import combinations
from math import ceil

from modelsearch.query import And, Or, PlainText

from .backends.analysis import STOP_WORDS, WORD, TolerantText, fold
from .thesaurus import thesaurus_parts

MAX_COMBINATIONS = 60  # beyond it (queries of 8+ words) the relaxed query is a plain OR


def content_parts(query: str) -> list[tuple[str, list[str]]]:
    """(kind, terms) per part: ("word", [word]) or ("thesaurus", [equivalent terms])."""
    parts = thesaurus_parts(WORD.findall(query))
    kept = [part for part in parts if part[0] != "word" or fold(part[1][0]) not in STOP_WORDS]
    return kept or parts


def _part_query(kind: str, terms: list[str], *, tolerant: bool = False):
    if kind == "word":
        # Relaxed, a word may also be misspelt ("notificasiones por correo"): fuzzy where the engine can.
        return (TolerantText if tolerant else PlainText)(terms[0], operator="and")
    return Or([PlainText(term, operator="and") for term in terms])


def required_parts(count: int) -> int:
    """How many parts a relaxed query needs: one of two, two of three, three of four or five…"""
    return 1 if count <= 2 else ceil(count * 2 / 3)


def text_query(query: str, *, relaxed: bool = False):
    parts = content_parts(query)
    if not parts:
        return PlainText(query, operator="and")  # punctuation only: the backend finds nothing
    if all(kind == "word" for kind, _ in parts) and not relaxed:
        return PlainText(" ".join(terms[0] for _, terms in parts), operator="and")
    queries = [_part_query(kind, terms, tolerant=relaxed) for kind, terms in parts]
    if len(queries) == 1:
        return queries[0]
    if not relaxed:
        return And(queries)
    needed = required_parts(len(queries))
    groups = list(combinations(queries, needed)) if needed > 1 else []
    if needed == 1 or len(groups) > MAX_COMBINATIONS:
        return Or(queries)
    return Or([And(list(group)) for group in groups])


def part_count(query: str) -> int:
    return len(content_parts(query))
