"""The secretariat's domain glossary around the engines.

Before translating, each source-language term, singular or plural (whole words, any case), is
replaced by a placeholder such as `ZGL3`, which both Apertium (as an unknown word, `*ZGL3`) and the
Bergamot models copy unchanged; afterwards the placeholder becomes the target-language term in the
same number ("solicitantes" → "applicants", "solicitações" → "solicitudes"), capitalised like the
source word. Without this, Apertium passes "rezago" through untranslated and the neural model
turns it into "prayer". Plurals come from each language's rules (`inflection.py`) unless the
glossary gives one.
"""

import re
from dataclasses import dataclass, field

from .inflection import normalise, plural

_TAG = re.compile(r"(<[^>]+>)")
# The neural model sometimes lowercases a placeholder ("zGL1"). A plural term's placeholder ends
# in "s" ("ZGL1s"): the neural model then makes articles and verbs agree ("Os ZGL1s caíram").
_PLACEHOLDER = re.compile(r"\*?\bZGL(\d+)s?\b", re.IGNORECASE)
# Acronyms (COMAR, CONARE, ACNUR) are names: kept as written unless the glossary says otherwise.
_ACRONYM = re.compile(r"(?<![\w*])[A-ZÁÉÍÓÚÑÇÃÕ]{2,}(?!\w)")
# Nothing before but tags, or the end of a sentence, or a step's number ("2. ").
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|^\d+[.)]\s+)(?:<[^>]+>)*[\"“(¿¡]?$")


@dataclass
class Protected:
    text: str
    terms: list[str] = field(default_factory=list)  # target term of each placeholder, in order


class Glossary:
    """The terms of one direction (e.g. es → en) as one pattern: every singular and plural source
    form, longest first ("prima facie" before "prima"), each mapped to the target in its number."""

    def __init__(self, terms: list[dict[str, str]], source: str, target: str):
        self.targets: dict[str, str] = {}
        self.plurals: set[str] = set()  # the forms that are plurals
        pairs = [(t[source], t[target], t) for t in terms if t.get(source) and t.get(target)]
        # A term as the secretariat wrote it wins over another term's derived plural
        # ("personas" written as a term of its own and derived from "persona" both give "pessoas").
        for source_term, target_term, _term in pairs:
            self.targets.setdefault(normalise(source_term), target_term)
        for source_term, target_term, term in pairs:
            source_plural = term.get(f"plural_{source}") or plural(source_term, source)
            if normalise(source_plural) != normalise(source_term):  # invariable (crisis, CONARE): singular
                key = normalise(source_plural)
                if key not in self.targets:
                    self.targets[key] = term.get(f"plural_{target}") or plural(target_term, target)
                    self.plurals.add(key)
        forms = sorted(self.targets, key=len, reverse=True)
        self.pattern = (
            re.compile(
                r"(?<![\w*])(" + "|".join(r"\s+".join(map(re.escape, form.split())) for form in forms) + r")(?!\w)",
                re.IGNORECASE,
            )
            if forms
            else None
        )

    def protect(self, html: str) -> Protected:
        protected = Protected(text="")
        parts = _TAG.split(html)
        for index in range(0, len(parts), 2):  # odd indexes are tags: never touched
            if self.pattern is not None:
                parts[index] = self.pattern.sub(lambda match: self._hold(protected, match.group(1)), parts[index])
            parts[index] = _ACRONYM.sub(lambda match: _keep(protected, match.group(0)), parts[index])
        protected.text = "".join(parts)
        return protected

    def _hold(self, protected: Protected, found: str) -> str:
        key = normalise(found)
        term = self.targets[key]
        if found.isupper() and len(found) > 1 and not term.isupper():
            term = term.upper()  # a heading in capitals
        elif found[:1].isupper() and term[:1].islower():
            term = term[:1].upper() + term[1:]  # start of a sentence or a title
        protected.terms.append(term)
        return f"ZGL{len(protected.terms)}" + ("s" if key in self.plurals else "")


def protect(html: str, source: str, target: str, terms: list[dict[str, str]]) -> Protected:
    """One segment; `Glossary(...).protect` when there are many (the pattern is built once)."""
    return Glossary(terms, source, target).protect(html)


def _keep(protected: Protected, word: str) -> str:
    if word.startswith("ZGL"):  # a placeholder of this very segment
        return word
    protected.terms.append(word)
    return f"ZGL{len(protected.terms)}"


def restore(text: str, protected: Protected) -> str:
    def back(match):
        number = int(match.group(1))
        if not 1 <= number <= len(protected.terms):
            return match.group(0)
        term = protected.terms[number - 1]
        # The engine may move a term to the start of a sentence ("Oficiales de elegibilidad" →
        # "Eligibility officers"; "Las pasantías duran" → "Internships last"): it starts it then.
        if _SENTENCE_START.search(text[: match.start()]):
            term = term[:1].upper() + term[1:]
        return term

    return _PLACEHOLDER.sub(back, text)
