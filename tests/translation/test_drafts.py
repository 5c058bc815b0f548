"""A Spanish practice through the real engines into the Portuguese and English trees: what the
visitor, the search and the secretariat see, and that a failure changes nothing."""

import pytest
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from django.utils import translation as django_translation
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText
from wagtail_localize.models import StringTranslation

from practices.models import PracticePage, ResultIndicator
from practices.services import add_child_with_aliases
from search.engine import SearchRequest, run_search
from tests.factories import PracticePageFactory, make_practice, translate
from translation import signals
from translation.engines import Apertium, EngineFailed, Router
from translation.models import TextOrigin, TranslatedText, TranslationJob
from translation.services import enqueue, machine_translate, run_job, text_origin
from translation.templatetags.translation_tags import machine_translation_notice

PROBLEM = (
    '<p>El rezago superaba los 1.200 expedientes. Vea la <a href="https://example.org/guia">guía de '
    "elegibilidad</a>.</p><ul><li>Faltaban oficiales.</li><li>Las entrevistas eran largas.</li></ul>"
)
STEPS = ["Registrar la solicitud.", "Entrevistar al solicitante.", "Decidir la elegibilidad en 30 días."]


@pytest.fixture
def original(institution):
    page = PracticePageFactory.build(
        title="Censo de murciélagos y reducción del rezago",
        summary="La CONARE redujo el rezago de solicitudes de 1.200 a 300 casos.",
        problem=PROBLEM,
        approach=[("text", RichText("<p>Se formó un equipo de elegibilidad.</p>")), ("steps", STEPS)],
        lessons=[("lesson", "El zorglubado no funcionó.")],
        locale=institution.locale,
        live=False,
    )
    page.results = [
        ResultIndicator(
            indicator="Tiempo medio de decisión",
            baseline=240,
            result=95,
            unit="días",
            period="2022-2024",
            locale=institution.locale,
        )
    ]
    add_child_with_aliases(institution, page)  # as the editor does: aliases in the en and pt trees
    page.save_revision().publish()
    return PracticePage.objects.get(pk=page.pk)


def committed():
    """wagtail-localize publishes a translation in on-commit hooks; a test's transaction never
    commits, so a test runs the hooks of what it does, as production would at commit."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def draft(page, locale, **kwargs):
    with committed():
        return machine_translate(page, locale, **kwargs)


def translated(page, locale) -> PracticePage:
    return PracticePage.objects.get(pk=page.get_translation(locale).pk)


def test_spanish_practice_becomes_portuguese_and_english_drafts(original, pt, en):
    draft(original, pt)
    draft(original, en)
    portuguese, english = translated(original, pt), translated(original, en)
    for page, backlog, eligibility, unit, decision in (
        (portuguese, "acúmulo", "elegibilidade", "dias", "decisão"),
        (english, "backlog", "eligibility", "days", "decision"),
    ):
        assert page.alias_of_id is None and page.live
        assert backlog in page.title.lower() and backlog in page.summary and "CONARE" in page.summary
        assert "1.200" in page.summary or "1,200" in page.summary
        # Block structure: the same blocks in the same order, three steps, two list items, the link.
        assert [block.block_type for block in page.approach] == ["text", "steps"]
        assert len(page.approach[1].value) == 3 and eligibility in str(page.approach[1].value[2])
        assert "30" in str(page.approach[1].value[2])
        assert page.problem.count("<li>") == 2 and '<a href="https://example.org/guia">' in page.problem
        assert eligibility in page.problem
        # Indicator: numbers are the original's, the unit and label are translated, the period is untouched.
        (indicator,) = page.results.all()
        assert (indicator.baseline, indicator.result, indicator.unit, indicator.period) == (240, 95, unit, "2022-2024")
        assert decision in indicator.indicator.lower() and "decisión" not in indicator.indicator
        assert "*zorglubado" in page.lessons[0].value  # unknown word kept and marked
        assert text_origin(page) == TextOrigin.MACHINE
    assert original.title == "Censo de murciélagos y reducción del rezago"
    assert text_origin(original) == TextOrigin.ORIGINAL


def test_public_draft_has_banner_link_to_original_and_lang_everywhere(client, original, en):
    draft(original, en)
    english = translated(original, en)
    html = client.get(english.url).content.decode()
    assert "Machine translation, not reviewed" in html
    assert f'href="{original.url}" hreflang="es"' in html
    assert '<article class="container practice" lang="en">' in html
    # The word the engine did not know is shown as a Spanish word inside the English text.
    assert '<mark class="mt-unknown" lang="es"' in html and ">zorglubado</mark>" in html
    assert "*zorglubado" not in html


def test_banner_reads_in_spanish_for_a_spanish_interface(rf, original, en):
    draft(original, en)
    with django_translation.override("es"):
        context = machine_translation_notice({"request": rf.get("/")}, translated(original, en))
        from django.template.loader import render_to_string

        html = render_to_string("translation/machine_notice.html", context)
    assert "Traducción automática, no revisada — " in html and "ver el original" in html


def test_reviewed_flag_removes_the_banner(settings, client, admin_client, original, en):
    settings.PAGE_CACHE_SECONDS = 3600  # anonymous visitors get cached pages, as in production
    draft(original, en)
    english = translated(original, en)
    assert "Machine translation, not reviewed" in client.get(english.url).content.decode()  # now in the cache
    review_url = reverse("translation_review", args=[english.pk])
    # The admin speaks the site's default language (Spanish) to this user.
    assert "Marcar la traducción como revisada" in admin_client.get(review_url).content.decode()
    assert admin_client.post(review_url).status_code == 302
    html = client.get(english.url).content.decode()
    assert "Machine translation, not reviewed" not in html and "mt-unknown" not in html
    assert TranslatedText.objects.get(page=english).origin == TextOrigin.REVIEWED


def test_english_search_finds_a_word_only_in_the_machine_translation(original, en):
    def found():
        return {page.pk for page in run_search(SearchRequest(locale=en, query="bats", limit=100)).results}

    english_pk = original.get_translation(en).pk
    assert english_pk not in found()  # the alias shows the Spanish text ("murciélagos")
    draft(original, en)
    assert english_pk in found()


def failing_apertium(tmp_path) -> Apertium:
    """A real Apertium that lists its modes but whose translation process crashes."""
    script = tmp_path / "apertium"
    script.write_text('#!/bin/sh\nif [ "$1" = "-l" ]; then exec apertium -l; fi\necho "segfault" >&2\nexit 139\n')
    script.chmod(0o755)
    return Apertium(binary=str(script))


def test_failure_leaves_original_and_human_translation_untouched(tmp_path, pt, institution):
    source = make_practice(institution, title="Entrevistas remotas", aliases=True)
    human = translate(source, "pt", title="Entrevistas remotas traduzidas por uma pessoa")
    assert not TranslatedText.objects.filter(page=human).exists()  # a person's translation, not a machine draft
    original = PracticePage.objects.get(pk=human.get_translation(Locale.get_default()).pk)
    # The original gains a lesson the translation lacks, so there is something to translate.
    original.lessons.append(("lesson", "Una lección nueva sobre el rezago."))
    original.save_revision().publish()
    before = (human.title, human.summary, human.latest_revision_id, Page.objects.get(pk=human.pk).live)
    strings_before = set(StringTranslation.objects.filter(locale=pt).values_list("pk", "data"))
    (job,) = enqueue(original, [pt])
    router = Router(apertium=failing_apertium(tmp_path))
    with pytest.raises(EngineFailed):
        machine_translate(original, pt, router=router)
    with committed():
        assert run_job(job, router=router) == TranslationJob.Status.FAILED
    job.refresh_from_db()
    assert job.attempts == 1 and "Apertium failed (139)" in job.last_error and job.not_before
    human = PracticePage.objects.get(pk=human.pk)
    assert (human.title, human.summary, human.latest_revision_id, human.live) == before
    assert not TranslatedText.objects.filter(page=human).exists()
    assert set(StringTranslation.objects.filter(locale=pt).values_list("pk", "data")) == strings_before
    assert PracticePage.objects.get(pk=original.pk).lessons[-1].value == "Una lección nueva sobre el rezago."


def test_publishing_a_new_original_queues_drafts_made_after_the_response(settings, original, pt, en):
    settings.TRANSLATION_AFTER_RESPONSE = True
    settings.TRANSLATION_AFTER_RESPONSE_SECONDS = 600  # this busy test machine; 20 s in production
    queued = set(TranslationJob.objects.filter(page=original).values_list("target_locale", "status"))
    assert queued == {(pt.pk, "pending"), (en.pk, "pending")}  # publishing outside a request only queues
    # Inside a request (the signals Django's handler sends), the jobs run once the response is out.
    # Django's own receivers of these signals would close the test's connection: call ours.
    signals._remember_jobs_of_this_request(sender=None)
    original.save_revision().publish()
    assert translated(original, en).alias_of_id is not None  # nothing done while the request runs
    with committed():
        signals._translate_after_response(sender=None)
    assert set(TranslationJob.objects.filter(page=original).values_list("status", flat=True)) == {"done"}
    assert translated(original, pt).alias_of_id is None and translated(original, en).alias_of_id is None


def test_queue_command_runs_due_jobs_and_reports(original, capsys):
    TranslationJob.objects.exclude(page=original).delete()  # the demo's own jobs are not this test's
    with committed():
        call_command("translate_practices", "--queue", verbosity=0)
    assert set(TranslationJob.objects.filter(page=original).values_list("status", flat=True)) == {"done"}
    out = capsys.readouterr().out
    assert "done: " in out


def test_api_and_export_say_whether_a_text_is_original_machine_or_reviewed(client, original, en, admin_user):
    draft(original, en)
    english = translated(original, en)

    def api_origin(page):
        return client.get(f"/api/v2/practices/{page.pk}/").json()["meta"]["text_origin"]

    def export_origin(locale_code, query):
        import json

        response = client.get("/api/export.json", {"q": query, "lang": locale_code})
        rows = json.loads(b"".join(response.streaming_content))["results"]
        return {row["id"]: row["text_origin"] for row in rows}

    assert api_origin(original) == "original"
    assert api_origin(english) == "machine"
    assert export_origin("es", "murciélagos").get(original.pk) == "original"
    assert export_origin("en", "bats").get(english.pk) == "machine"
    from translation.services import mark_reviewed

    mark_reviewed(english, admin_user)
    assert api_origin(english) == "reviewed"


def test_without_apertium_jobs_are_skipped_said_once_and_pages_stay_as_today(original, pt, caplog):
    from translation import services

    services._warned.clear()
    router = Router(apertium=Apertium(binary="/nonexistent/apertium"))
    (job,) = enqueue(original, [pt])
    with caplog.at_level("WARNING", logger="translation.services"):
        assert run_job(job, router=router) == TranslationJob.Status.SKIPPED
        assert run_job(job, router=router) == TranslationJob.Status.SKIPPED
    assert sum("is not installed" in record.getMessage() for record in caplog.records) == 1
    assert translated(original, pt).alias_of_id is not None  # the alias still shows the original
