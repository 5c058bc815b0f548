"""Officials write practices in the Wagtail editor, under their own institution only."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from practices.models import PracticePage
from practices.taxonomy import ProcedureStage, Topic
from tests.factories import make_practice


@pytest.fixture
def official(db):
    return get_user_model().objects.get(username="oficial-ar")


def list_block(items):
    data = {"count": len(items)}
    for index, item in enumerate(items):
        data[str(index)] = {"value": item, "deleted": "", "order": index}
    return data


def practice_form(**overrides):
    data = {
        "title": "Práctica creada en el editor",
        "slug": "practica-creada-en-el-editor",
        "kind": "practice",
        "status": "pilot",
        "summary": "Resumen corto.",
        "problem": rich_text("<p>El problema.</p>"),
        "approach": streamfield(
            [("text", rich_text("<p>Cómo se hizo.</p>")), ("steps", list_block(["Paso uno", "Paso dos"]))]
        ),
        "results": inline_formset(
            [
                {
                    "indicator": "Días de espera",
                    "baseline": "90",
                    "result": "30",
                    "unit": "días",
                    "period": "2024",
                    "source": "CONARE",
                }
            ]
        ),
        "lessons": streamfield([("lesson", "Una lección.")]),
        "attachments": inline_formset([]),
        "year_started": "2024",
        "year_ended": "",
        "keywords": "turnos, citas",
        "original_language": "es",
        "comments": inline_formset([]),
    }
    lists = {
        "stages": [str(ProcedureStage.objects.get(slug="entrevista").pk)],
        "topics": [str(Topic.objects.get(slug="digitalizacion").pk)],
    }
    lists.update({k: overrides.pop(k) for k in list(overrides) if k in lists})
    data.update(overrides)
    # multi-valued fields go as repeated keys, which nested_form_data would flatten
    return {**nested_form_data(data), **lists}


def test_an_official_creates_a_practice_under_her_institution(client, official, institution):
    client.force_login(official)
    url = f"/admin/pages/add/practices/practicepage/{institution.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url, practice_form())
    assert response.status_code == 302, response.content.decode()[:3000]
    page = PracticePage.objects.get(slug="practica-creada-en-el-editor", locale=institution.locale)
    assert page.country.iso2 == "AR" and page.institution_id == institution.pk
    revision = page.get_latest_revision_as_object()
    assert [t.slug for t in revision.topics.all()] == ["digitalizacion"]
    assert [s.slug for s in revision.stages.all()] == ["entrevista"]
    assert revision.results.first().result == 30
    assert not page.live  # officials cannot publish


def test_an_official_cannot_add_a_topic_to_the_vocabulary(client, official, institution):
    client.force_login(official)
    before = Topic.objects.count()
    url = f"/admin/pages/add/practices/practicepage/{institution.pk}/"
    response = client.post(url, practice_form(slug="tema-inventado", topics=["Tema inventado"]))
    assert response.status_code == 200  # the form is shown again with an error
    assert Topic.objects.count() == before
    assert not PracticePage.objects.filter(slug="tema-inventado").exists()


def test_an_official_cannot_add_a_practice_under_another_institution(client, official, other_institution):
    client.force_login(official)
    before = PracticePage.objects.count()
    url = f"/admin/pages/add/practices/practicepage/{other_institution.pk}/"
    assert client.get(url).status_code in (302, 403)
    client.post(url, practice_form(slug="intrusa"))
    assert PracticePage.objects.count() == before


def test_an_official_cannot_publish(client, official, institution):
    client.force_login(official)
    url = f"/admin/pages/add/practices/practicepage/{institution.pk}/"
    client.post(url, practice_form(slug="quiere-publicar", **{"action-publish": "action-publish"}))
    page = PracticePage.objects.filter(slug="quiere-publicar").first()
    assert page is None or not page.live


def test_the_secretariat_publishes_from_the_editor(client, institution):
    client.force_login(get_user_model().objects.get(username="secretaria"))
    url = f"/admin/pages/add/practices/practicepage/{institution.pk}/"
    response = client.post(url, practice_form(slug="publicada-por-secretaria", **{"action-publish": "action-publish"}))
    assert response.status_code == 302
    assert PracticePage.objects.get(slug="publicada-por-secretaria", locale=institution.locale).live


def test_the_admin_opens_for_an_official(client, official):
    client.force_login(official)
    assert client.get("/admin/").status_code == 200


def test_an_official_cannot_submit_pages_for_translation(client, official, institution, other_institution, en):
    client.force_login(official)
    for owner in (institution, other_institution):
        practice = make_practice(owner, aliases=True)
        url = f"/admin/localize/submit/page/{practice.pk}/"
        assert client.get(url).status_code in (302, 403)
        client.post(url, {"locales": [en.pk]})
        assert PracticePage.objects.get(translation_key=practice.translation_key, locale=en).alias_of_id == practice.pk


def test_an_official_edits_the_translation_the_secretariat_submitted(client, official, institution, en):
    practice = make_practice(institution, aliases=True)
    client.force_login(get_user_model().objects.get(username="secretaria"))
    with _on_commit():
        response = client.post(f"/admin/localize/submit/page/{practice.pk}/", {"locales": [en.pk]})
    assert response.status_code == 302
    translation = PracticePage.objects.get(translation_key=practice.translation_key, locale=en)
    assert translation.alias_of_id is None
    client.force_login(official)
    response = client.get(f"/admin/pages/{translation.pk}/edit/")
    assert response.status_code == 200
    assert "wagtail_localize" in response.content.decode() or "translation" in response.content.decode().lower()


def _on_commit():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext  # noqa: F401 - imported for symmetry

    class _Run:
        def __enter__(self):
            self.start = len(connection.run_on_commit)

        def __exit__(self, *exc):
            callbacks = connection.run_on_commit[self.start :]
            del connection.run_on_commit[self.start :]
            for _, callback, _ in callbacks:
                callback()

    return _Run()


def test_an_official_cannot_move_her_institution_to_another_country(client, official, institution):
    from practices.taxonomy import Country

    client.force_login(official)
    url = f"/admin/pages/{institution.pk}/edit/"
    response = client.get(url)
    assert response.status_code == 200
    assert "country" not in response.context["form"].fields
    data = nested_form_data(
        {
            "title": institution.title,
            "slug": institution.slug,
            "acronym": "CONARE",
            "country": Country.objects.get(iso2="UY").pk,
            "mandate": rich_text("<p>Mandato editado.</p>"),
            "contact": "",
            "email": "",
            "website": "",
            "original_language": "es",
            "comments": inline_formset([]),
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    institution.refresh_from_db()
    draft = institution.get_latest_revision_as_object()
    assert "Mandato editado." in draft.mandate  # the edit itself went through
    assert draft.country.iso2 == "AR"
