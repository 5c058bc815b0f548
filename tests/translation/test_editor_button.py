"""wagtail-localize's "Machine translate" button translates from the original's real language.

Originals live in the Spanish tree whatever language they are written in: a Brazilian practice
there is Portuguese, and its English page must come from Portuguese (not through Apertium's
Spanish, which marks every Portuguese word unknown). Real engines, real views.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.urls import resolve, reverse
from wagtail_localize.models import StringTranslation, Translation

from practices.models import InstitutionPage
from tests.factories import make_practice, translate
from translation.models import TextOrigin, TranslatedText

SUMMARY = "Os solicitantes que moram longe são entrevistados por vídeo em até 30 dias."


@pytest.fixture
def brazilian_original(es):
    brazil = InstitutionPage.objects.get(locale=es, country__iso2="BR")
    return make_practice(
        brazil, title="Entrevistas remotas no Norte", summary=SUMMARY, original_language="pt", aliases=True
    )


def button_url(original, language):
    translation = Translation.objects.get(
        source__object_id=original.translation_key, target_locale__language_code=language
    )
    return reverse("wagtail_localize:machine_translate", args=[translation.pk])


def machine_string(text, language):
    return StringTranslation.objects.filter(
        translation_of__data=text,
        locale__language_code=language,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
    ).first()


def test_the_editor_button_posts_to_our_view():
    """Registered before wagtail-localize's own URL (wagtail_hooks.py); a reorder or an upgrade that
    moves wagtail-localize's address would silently bring back the Spanish-only translator."""
    match = resolve(reverse("wagtail_localize:machine_translate", args=[1]))
    assert match.url_name == "translation_machine_translate"


def test_brazilian_original_is_machine_translated_from_portuguese(admin_client, brazilian_original, en):
    english = translate(brazilian_original, "en", title="Remote interviews in the North")  # a person began
    edit_url = reverse("wagtailadmin_pages:edit", args=[english.pk])
    response = admin_client.post(button_url(brazilian_original, "en"), {"next": edit_url})
    assert response.status_code == 302 and response.url == edit_url
    summary = machine_string(SUMMARY, "en")
    assert summary is not None
    assert "applicants" in summary.data and "30 days" in summary.data, summary.data
    assert "*" not in summary.data, summary.data  # through Spanish: "*moram *longe *são … *dias"
    assert StringTranslation.objects.get(translation_of__data="Entrevistas remotas no Norte", locale=en).data == (
        "Remote interviews in the North"  # the person's title stays
    )
    record = TranslatedText.objects.get(page=english)
    assert (record.origin, record.source_language, record.engines) == (TextOrigin.MACHINE, "pt", "Neural")


def test_the_button_refuses_to_translate_portuguese_into_portuguese(admin_client, brazilian_original, pt):
    portuguese = translate(brazilian_original, "pt", title="Entrevistas remotas no Norte (revisto)")
    response = admin_client.post(button_url(brazilian_original, "pt"))
    assert response.status_code == 302
    (message,) = get_messages(response.wsgi_request)
    assert message.level_tag == "warning" and "portugu" in str(message).lower(), str(message)
    assert machine_string(SUMMARY, "pt") is None
    assert not TranslatedText.objects.filter(page=portuguese).exists()


def test_an_official_of_another_institution_may_not_press_it(client, brazilian_original, en):
    translate(brazilian_original, "en", title="Remote interviews in the North")
    client.force_login(get_user_model().objects.get(username="oficial-ar"))
    response = client.post(button_url(brazilian_original, "en"))
    assert (response.status_code, response.url) == (302, "/admin/")  # Wagtail's answer to PermissionDenied
    assert machine_string(SUMMARY, "en") is None
