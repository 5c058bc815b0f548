"""The secretariat's domain glossary around the engines.

Before translating, each source-language term (whole word, any case, plus a plural -s/-es) is
replaced by a placeholder such as `ZGL3`, which both Apertium (as an unknown word, `*ZGL3`) and
the Bergamot models copy unchanged; afterwards the placeholder becomes the target-language term,
capitalised like the source word. Without this, Apertium passes "rezago" through untranslated
and the neural model turns it into "prayer".
"""

import re
from dataclasses import dataclass, field

_TAG = re.compile(r"(<[^>]+>)")
# The neural model sometimes lowercases a placeholder ("zGL1").
_PLACEHOLDER = re.compile(r"\*?\bZGL(\d+)\b", re.IGNORECASE)
# Acronyms (COMAR, CONARE, ACNUR) are names: kept as written unless the glossary says otherwise.
_ACRONYM = re.compile(r"(?<![\w*])[A-ZÁÉÍÓÚÑÇÃÕ]{2,}(?!\w)")


@dataclass
class Protected:
    text: str
    terms: list[str] = field(default_factory=list)  # target term of each placeholder, in order


def _pattern(term: str) -> re.Pattern:
    plural = r"(?:e?s)?" if term[-1:].isalpha() else ""
    return re.compile(rf"(?<![\w*])({re.escape(term)}{plural})(?!\w)", re.IGNORECASE)


def protect(html: str, source: str, target: str, terms: list[dict[str, str]]) -> Protected:
    entries = [(t[source], t[target]) for t in terms if t.get(source) and t.get(target)]
    entries.sort(key=lambda pair: len(pair[0]), reverse=True)  # "prima facie" before "prima"
    protected = Protected(text="")
    parts = _TAG.split(html)
    for index in range(0, len(parts), 2):  # odd indexes are tags: never touched
        for source_term, target_term in entries:
            parts[index] = _pattern(source_term).sub(
                lambda match, source_term=source_term, target_term=target_term: _hold(
                    protected, match.group(1), source_term, target_term
                ),
                parts[index],
            )
        parts[index] = _ACRONYM.sub(lambda match: _keep(protected, match.group(0)), parts[index])
    protected.text = "".join(parts)
    return protected


def _hold(protected: Protected, found: str, source_term: str, target_term: str) -> str:
    term = target_term
    if len(found) > len(source_term) and not term.endswith("s"):
        term += "s"  # the source word was a plural
    if found[:1].isupper() and not source_term[:1].isupper():
        term = term[:1].upper() + term[1:]  # start of a sentence or a title
    protected.terms.append(term)
    return f"ZGL{len(protected.terms)}"


def _keep(protected: Protected, word: str) -> str:
    if word.startswith("ZGL"):  # a placeholder of this very segment
        return word
    protected.terms.append(word)
    return f"ZGL{len(protected.terms)}"


def restore(text: str, protected: Protected) -> str:
    def back(match):
        number = int(match.group(1))
        if 1 <= number <= len(protected.terms):
            return protected.terms[number - 1]
        return match.group(0)

    return _PLACEHOLDER.sub(back, text)
