"""Plurals of glossary terms in Spanish, Portuguese and English, by each language's spelling rules.

The glossary (glossary.py) finds a term in the singular or the plural and writes the target term in
the same number, so it needs both forms of every term. The secretariat writes the singular; these
rules derive the plural, and a term whose plural they get wrong carries its own (`plural_es`, …).

A term of several words is pluralised on its head: in Spanish and Portuguese every word before the
first linking word ("determinación de la condición" → "determinaciones de la condición",
"persona solicitante" → "personas solicitantes"), in English the last word before "of", or the
last word ("case file" → "case files"). Acronyms (CONARE, ACNUR) do not change.
"""

import re
import unicodedata

_ACRONYM = re.compile(r"^[A-ZÁÉÍÓÚÑÇÃÕ0-9]{2,}$")
_ACCENTED = "áéíóúâêôàãõ"
_VOWELS = "aeiouáéíóúâêôàãõü"
_STRIP_ACCENT = str.maketrans("áéíóúâêô", "aeiouaeo")
_STRESS = str.maketrans("aeiou", "áéíóú")

# Words that link the head of a term to its complement: the head is what comes before them.
_ROMANCE_LINKS = {
    "a", "al", "con", "contra", "da", "das", "de", "del", "do", "dos", "e", "el", "em", "en", "entre",
    "la", "las", "los", "na", "nas", "no", "nos", "o", "os", "para", "pela", "pelo", "por", "sin", "sobre",
    "sem", "y",
}  # fmt: skip
_ENGLISH_LINKS = {"of", "for", "in", "on", "to", "at", "by", "with", "from", "under"}

# Portuguese -ão: most plurals are -ões; these common ones are -ães or -ãos.
_PT_AO_AES = {"alemão", "cão", "capelão", "capitão", "catalão", "charlatão", "escrivão", "guardião", "pão",
              "sacristão", "tabelião"}  # fmt: skip
_PT_AO_AOS = {"bênção", "chão", "cidadão", "cristão", "desvão", "grão", "irmão", "mão", "órfão", "órgão",
              "pagão", "sótão", "vão", "acórdão"}  # fmt: skip
_PT_IRREGULAR = {"mal": "males", "cônsul": "cônsules", "mel": "méis", "qualquer": "quaisquer"}

_EN_IRREGULAR = {
    "person": "people", "child": "children", "man": "men", "woman": "women", "criterion": "criteria",
    "datum": "data", "phenomenon": "phenomena", "staff": "staff", "information": "information",
    "evidence": "evidence", "guidance": "guidance", "feedback": "feedback", "equipment": "equipment",
}  # fmt: skip
_EN_F_TO_VES = {"life", "wife", "knife", "half", "leaf", "shelf", "self", "thief", "calf", "loaf", "wolf"}


def plural(term: str, language: str) -> str:
    """The plural of a singular term (several words allowed) in `language` (es, pt or en)."""
    words = term.split()
    if not words:
        return term
    if language == "en":
        head = next((i - 1 for i, w in enumerate(words) if w.lower() in _ENGLISH_LINKS and i > 0), len(words) - 1)
        words[head] = _keep_case(words[head], _plural_word(words[head], language))
        return " ".join(words)
    if words[0].lower() in _ROMANCE_LINKS:
        return term  # an adverbial phrase (entre pares, en línea, a distancia): invariable
    for index, word in enumerate(words):
        if index > 0 and word.lower() in _ROMANCE_LINKS:
            break
        words[index] = _keep_case(word, _plural_word(word, language))
    return " ".join(words)


def _keep_case(word: str, inflected: str) -> str:
    if word.isupper() and len(word) > 1:
        return inflected.upper()
    return inflected


def _plural_word(word: str, language: str) -> str:
    if _ACRONYM.match(word) or not word[-1:].isalpha():
        return word
    lower = word.lower()
    if lower != word and not word[:1].isupper():
        return word  # mixed case (iPhone, eSocial): a name
    rule = {"es": _spanish, "pt": _portuguese, "en": _english}.get(language)
    if rule is None:
        return word
    out = rule(lower)
    return out[:1].upper() + out[1:] if word[:1].isupper() else out


def _syllable_nuclei(word: str) -> int:
    """Groups of vowels: enough to tell a monosyllable (mes, gas) from a longer word. A written
    í or ú next to another vowel is a syllable of its own (dí-as, pa-ís)."""
    groups = re.findall(f"[{_VOWELS}]+", word)
    return len(groups) + sum(1 for group in groups if len(group) > 1 and ("í" in group or "ú" in group))


def _has_accent(word: str) -> bool:
    return any(char in _ACCENTED for char in word)


def _drop_final_accent(stem: str) -> str:
    """interés → interes-, condición → condicion-; país keeps its í (a hiatus: pa-í-ses)."""
    for index in range(len(stem) - 1, -1, -1):
        char = stem[index]
        if char in _ACCENTED:
            if char in "íú" and index > 0 and stem[index - 1] in "aeo":
                return stem
            return stem[:index] + char.translate(_STRIP_ACCENT) + stem[index + 1 :]
        if char in _VOWELS:
            return stem
    return stem


def _spanish(word: str) -> str:
    last = word[-1]
    if word.endswith("z"):
        return word[:-1] + "ces"  # vez → veces, luz → luces
    if last in "sx":
        # Unstressed final syllable: invariable (la crisis / las crisis, tórax, lunes, días).
        if _syllable_nuclei(word) == 1 or word[-2] in "áéíóú":
            return _drop_final_accent(word) + "es"  # mes → meses, interés → intereses
        return word
    if last in "íú":
        return word + "es"  # ají → ajíes, tabú → tabúes
    if last in _VOWELS:
        return word + "s"  # entrevista → entrevistas, solicitante → solicitantes, café → cafés
    if last == "y":
        return word + "es" if word[-2:-1] in _VOWELS else word + "s"  # ley → leyes
    if last == "n" and word[-2:] == "en" and not _has_accent(word) and _syllable_nuclei(word) > 1:
        # examen → exámenes, dictamen → dictámenes, joven → jóvenes: the stress becomes written.
        stem = word[:-2]
        for index in range(len(stem) - 1, -1, -1):
            if stem[index] in "aeiou":
                stem = stem[:index] + stem[index].translate(_STRESS) + stem[index + 1 :]
                break
        return stem + "enes"
    if last in "lrndj" or word.endswith("ch"):
        return _drop_final_accent(word) + "es"  # condición → condiciones, elegibilidad → elegibilidades
    return word + "s"  # loanwords: test → tests


def _portuguese(word: str) -> str:
    if word in _PT_IRREGULAR:
        return _PT_IRREGULAR[word]
    if word.endswith("ão"):
        if word in _PT_AO_AES:
            return word[:-2] + "ães"
        if word in _PT_AO_AOS:
            return word + "s"
        return word[:-2] + "ões"  # solicitação → solicitações, decisão → decisões
    last = word[-1]
    if last in _VOWELS:
        return word + "s"  # acúmulo → acúmulos, elegibilidade → elegibilidades, irmã → irmãs
    if last == "m":
        return word[:-1] + "ns"  # homem → homens, item → itens
    if last in "rz":
        return word + "es"  # mulher → mulheres, rapaz → rapazes
    if last == "s":
        if word[-2] in "áéíóúâêô" or _syllable_nuclei(word) == 1:
            return _drop_final_accent(word) + "es"  # mês → meses, português → portugueses, país → países
        return word  # lápis, vírus, ônibus: invariable
    if last == "x":
        return word  # tórax
    if last == "l":
        stressed_elsewhere = _has_accent(word[:-2])  # fácil, responsável, útil: the -l syllable is unstressed
        vowel = word[-2]
        if vowel == "a":
            return word[:-1] + "is"  # nacional → nacionais
        if vowel == "e":
            return word[:-2] + ("eis" if stressed_elsewhere else "éis")  # responsável → responsáveis, papel → papéis
        if vowel == "o":
            return word[:-2] + ("ois" if stressed_elsewhere else "óis")  # espanhol → espanhóis
        if vowel == "u":
            return word[:-1] + "is"  # azul → azuis
        if vowel == "i":
            return word[:-2] + ("eis" if stressed_elsewhere else "is")  # fácil → fáceis, perfil → perfis
    return word + "s"  # hífen → hífens, loanwords


def _english(word: str) -> str:
    if word in _EN_IRREGULAR:
        return _EN_IRREGULAR[word]
    if word.endswith("sis"):
        return word[:-3] + "ses"  # analysis → analyses, crisis → crises
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"  # process → processes
    if word.endswith("y") and word[-2:-1] not in _VOWELS:
        return word[:-1] + "ies"  # eligibility → eligibilities
    if word in _EN_F_TO_VES:
        return word[:-2] + "ves" if word.endswith("fe") else word[:-1] + "ves"
    return word + "s"  # applicant → applicants, backlog → backlogs


def normalise(text: str) -> str:
    """The key a form is looked up by: one space between words, lower case, composed accents."""
    return unicodedata.normalize("NFC", " ".join(text.split())).lower()
