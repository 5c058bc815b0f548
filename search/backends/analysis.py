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


# Function words of the three languages, folded. Short on purpose: a word that carries meaning in
# one language and not in another stays ("no": "niños no acompañados").
STOP_WORDS = frozenset(
    fold(word)
    for word in """
    a al ante como con cual cuales cuando de del desde donde durante el ella ellas ellos en entre es esa ese
    eso esta este esto fue ha han hay la las le les lo los mas me mi muy nos o otra otro para pero por porque
    que se sea ser si sin sobre su sus tambien te tiene un una uno unos unas y ya yo como cómo qué cuál dónde
    ao aos as com da das do dos e em na nas nao nos num numa os ou pela pelas pelo pelos se sem sua suas seu seus
    um uma umas uns à às é são foi ser
    an and are at be by for from how in into is it its of on or that the their this to was were what when where
    which who why with do does can
    """.split()
)


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
