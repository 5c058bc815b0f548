"""Word folding and stemming shared by the database backends that need it done in Python."""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer
from modelsearch.query import PlainText

LANGUAGES = ("spanish", "portuguese", "english")
WORD = re.compile(r"\w+", re.UNICODE)
_stemmers = {language: snowballstemmer.stemmer(language) for language in LANGUAGES}


def fold(text: str) -> str:
    """Lower case without accents: "Resolución" -> "resolucion"."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn").casefold()


@lru_cache(maxsize=50_000)
def stems(word: str) -> tuple[str, ...]:
    """The word's stems in the three site languages, so that a Spanish query meets Portuguese text.

    "refugiados" -> ("refugi", "refugiado"); "entrevista" and "entrevistas" share "entrev".
    Each stemmer also runs on the accented word (then folded): Portuguese "-ções"/"-ção" only
    reduce with their accents, so "notificações" and "notificação" share "notific".
    """
    folded, lowered = fold(word), word.casefold()
    return tuple(
        dict.fromkeys(
            [_stemmers[language].stemWord(folded) for language in LANGUAGES]
            + [fold(_stemmers[language].stemWord(lowered)) for language in LANGUAGES]
        )
    )


def stemmed_text(text: str) -> str:
    return " ".join(stem for word in WORD.findall(text or "") for stem in stems(word))


class TolerantText(PlainText):
    """Words that may be misspelt (the relaxed query, search/text.py): a backend with fuzzy matching
    lets them differ by an edit or two (Elasticsearch); the others match them as typed, and a
    query that finds nothing is corrected from the vocabularies on every backend."""
