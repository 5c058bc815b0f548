"""What an admin page shows in words, and which of those words are Wagtail's English left untranslated.

The reference is Wagtail's own catalogues (and wagtail-localize's, and Django's auth): any visible
text equal to one of their English msgids is English on a Spanish or Portuguese page, unless the
word is spelt the same in that language (`SAME_IN`). For Portuguese, visible text equal to a
European-Portuguese msgstr that the Brazilian catalogue says differently is flagged as well
("Utilizador" where a Brazilian reads "Usuário").
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
    "pt": {"Total", "Local", "Normal", "Social", "Final", "Id", "ID", "URL", "OK", "Status", "Login", "E-mail"},
}
HIDDEN = {"script", "style", "template", "noscript", "svg", "textarea", "option"}
ATTRIBUTES = ("aria-label", "placeholder", "title", "alt")


class VisibleText(HTMLParser):
    """Text nodes outside scripts and templates, and the labels screen readers and tooltips show."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hidden_depth = 0
        self.texts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN:
            self.hidden_depth += 1
        elif not self.hidden_depth:
            self.texts.extend(value for name, value in attrs if name in ATTRIBUTES and value)

    def handle_endtag(self, tag):
        if tag in HIDDEN and self.hidden_depth:
            self.hidden_depth -= 1

    def handle_data(self, data):
        if not self.hidden_depth:
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
    """Every English msgid of the upstream catalogues, whitespace normalised (templates use `trimmed`)."""
    return frozenset(
        " ".join(entry.msgid.split())
        for path in catalogues("es")
        for entry in polib.pofile(str(path))
        if not entry.msgid_plural and "%" not in entry.msgid and "{" not in entry.msgid
    )


PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


@cache
def english_patterns() -> re.Pattern:
    """The msgids with placeholders ("Maximum filesize: %(size)s."), as one pattern over whole texts."""
    patterns = set()
    for path in catalogues("es"):
        for entry in polib.pofile(str(path)):
            msgid = " ".join(entry.msgid.split())
            literal = PLACEHOLDER.sub("", msgid)
            if msgid != literal and sum(c.isalpha() for c in literal) >= 12:
                patterns.add(".+?".join(re.escape(part) for part in PLACEHOLDER.split(msgid)))
    return re.compile("|".join(f"(?:{p})" for p in sorted(patterns)))


@cache
def european_only() -> frozenset[str]:
    """Wagtail's European-Portuguese wordings that its Brazilian catalogue words differently."""
    brazilian = {}
    for path in catalogues("pt_BR"):
        brazilian.update({e.msgid: e.msgstr for e in polib.pofile(str(path)) if e.msgstr})
    european = set()
    for path in catalogues("pt_PT"):
        for entry in polib.pofile(str(path)):
            if entry.msgstr and brazilian.get(entry.msgid, entry.msgstr) != entry.msgstr and len(entry.msgstr) > 3:
                european.add(" ".join(entry.msgstr.split()))
    return frozenset(european - set(brazilian.values()))


def untranslated(html: str, language: str) -> list[str]:
    language = language[:2]
    texts = visible_texts(html)
    found = {text for text in texts if text in english_msgids() and text not in SAME_IN[language]}
    found |= {text for text in texts if english_patterns().fullmatch(text)}
    if language == "pt":
        found |= {text for text in texts if text in european_only()}
    return sorted(found)
