"""What an admin page shows in words, and which of those words are Wagtail's English left untranslated.

The reference is Wagtail's own catalogues (and wagtail-localize's, and Django's auth): any visible
text equal to one of their English msgids is English on a Spanish or Portuguese page, unless the
word is spelt the same in that language (`SAME_IN`). For Portuguese, Portugal's words are flagged
as well ("Utilizador" where a Brazilian reads "Usuário").
"""

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import polib
import wagtail
import wagtail_localize
from django.contrib import auth

PACKAGES = [Path(wagtail.__file__).parent, Path(wagtail_localize.__file__).parent, Path(auth.__file__).parent]

# English msgids that Spanish or Portuguese write the same way.
SAME_IN = {
    "es": {"Error", "No", "Total", "General", "Local", "Normal", "Social", "Color", "Final", "Id", "ID", "URL", "OK"},
    "pt": {"Total", "Local", "Normal", "Social", "Final", "Id", "ID", "URL", "OK", "Status:", "E-mail", "Site", "Tag"},
}
HIDDEN = {"script", "style", "template", "noscript", "svg", "textarea", "option"}
ATTRIBUTES = ("aria-label", "placeholder", "title", "alt")


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class VisibleText(HTMLParser):
    """Text nodes outside scripts, templates and hidden elements, and the labels screen readers and
    tooltips read out."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, bool]] = []  # (tag, hides its content)
        self.texts: list[str] = []

    @property
    def hidden(self) -> bool:
        return any(hides for _tag, hides in self.open)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        # Closed dialogs are `hidden` but read when opened: only the side panel's empty counter,
        # where Wagtail 8 prints Python's "None", is left out.
        hides = tag in HIDDEN or "data-side-panel-toggle-counter" in attributes
        if not self.hidden and not hides:
            self.texts.extend(value for name, value in attrs if name in ATTRIBUTES and value)
        if tag not in VOID:
            self.open.append((tag, hides))

    def handle_endtag(self, tag):
        for position in range(len(self.open) - 1, -1, -1):
            if self.open[position][0] == tag:
                del self.open[position:]
                break

    def handle_data(self, data):
        if not self.hidden:
            self.texts.append(data)


def visible_texts(html: str) -> set[str]:
    parser = VisibleText()
    parser.feed(html)
    return {" ".join(text.split()) for text in parser.texts if text.strip()}


def catalogues(locale: str):
    for package in PACKAGES:
        for domain in ("django", "djangojs"):
            yield from package.glob(f"**/locale/{locale}/LC_MESSAGES/{domain}.po")


@cache
def english_msgids() -> frozenset[str]:
    """Every English msgid of the upstream catalogues, whitespace normalised (templates use `trimmed`).
    The English catalogue is the complete one: the others lag behind new releases' strings."""
    return frozenset(
        " ".join(entry.msgid.split())
        for path in catalogues("en")
        for entry in polib.pofile(str(path))
        if not entry.msgid_plural and "%" not in entry.msgid and "{" not in entry.msgid
    )


PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


@cache
def english_patterns() -> re.Pattern:
    """The msgids with placeholders ("Maximum filesize: %(size)s."), as one pattern over whole texts."""
    patterns = set()
    for path in catalogues("en"):
        for entry in polib.pofile(str(path)):
            msgid = " ".join(entry.msgid.split())
            literal = PLACEHOLDER.sub("", msgid)
            if msgid != literal and sum(c.isalpha() for c in literal) >= 12:
                patterns.add(".+?".join(re.escape(part) for part in PLACEHOLDER.split(msgid)))
    return re.compile("|".join(f"(?:{p})" for p in sorted(patterns)))


# Django's humanize ("21 minutes ago") speaks English when its app is not installed.
ENGLISH_TIME = re.compile(r"\b(seconds?|minutes?|hours?|days?|weeks?|months?|years?) ago\b|\bjust now\b")

# Words a Brazilian reads as Portugal's (Wagtail's pt_PT catalogue answers the "pt" language).
EUROPEAN_PORTUGUESE = re.compile(
    r"\b(Utilizador|utilizador|Palavra-passe|palavra-passe|Ficheiro|ficheiro|Introduza|introduza|Esqueceu-se"
    r"|Saltar para|ecrã|Registo|registo|Não me esquecer|Eliminar|eliminar|Guardar rascunho)"
)


def untranslated(html: str, language: str) -> list[str]:
    language = language[:2]
    texts = visible_texts(html)
    found = {text for text in texts if text in english_msgids() and text not in SAME_IN[language]}
    found |= {text for text in texts if english_patterns().fullmatch(text) or ENGLISH_TIME.search(text)}
    if language == "pt":
        found |= {text for text in texts if EUROPEAN_PORTUGUESE.search(text)}
    return sorted(found)
