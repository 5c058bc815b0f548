"""Pages: every admin URL that shows or changes another institution's page refuses Argentina's
official, and no listing, search, chooser, report or API shows Mexico's drafts."""

import pytest
from wagtail.models import Page

from practices.models import InstitutionPage, PracticePage
from tests.factories import make_practice
from tests.refusals import is_refused

from .conftest import leaks, readable

# (method, url template): each filled with Mexico's objects.
PAGE_URLS = [
    ("get", "/admin/pages/{draft}/edit/"),
    ("post", "/admin/pages/{draft}/edit/"),
    ("get", "/admin/pages/{live}/edit/"),
    ("get", "/admin/pages/{draft}/edit/preview/"),
    ("post", "/admin/pages/{draft}/edit/preview/"),
    ("get", "/admin/pages/{live}/edit/preview/"),
    ("get", "/admin/pages/{draft}/view_draft/"),
    ("get", "/admin/pages/{live}/revisions/{pending_revision}/view/"),
    ("get", "/admin/pages/{live}/revisions/compare/{first_revision}...{pending_revision}/"),
    ("get", "/admin/pages/{live}/revisions/compare/live...{pending_revision}/"),
    ("get", "/admin/pages/{live}/revisions/{first_revision}/revert/"),
    ("post", "/admin/pages/{live}/revisions/{first_revision}/revert/"),
    ("get", "/admin/pages/{live}/history/"),
    ("get", "/admin/pages/{live}/history/results/"),
    ("get", "/admin/pages/{submitted}/workflow_history/"),
    ("get", "/admin/pages/{submitted}/usage/"),
    ("get", "/admin/pages/workflow/preview/{submitted}/{task}/"),
    ("post", "/admin/pages/workflow/action/{submitted}/approve/{task_state}/"),
    ("post", "/admin/pages/workflow/action/{submitted}/reject/{task_state}/"),
    ("get", "/admin/pages/workflow/collect_action_data/{submitted}/reject/{task_state}/"),
    ("get", "/admin/pages/{draft}/copy/"),
    ("post", "/admin/pages/{draft}/copy/"),
    ("get", "/admin/pages/{live}/move/"),
    ("get", "/admin/pages/{draft}/delete/"),
    ("post", "/admin/pages/{draft}/delete/"),
    ("post", "/admin/pages/{live}/unpublish/"),
    ("post", "/admin/pages/{draft}/lock/"),
    ("post", "/admin/pages/{live}/unlock/"),
    ("get", "/admin/pages/{live}/privacy/"),
    ("get", "/admin/pages/{institution}/add_subpage/"),
    ("get", "/admin/pages/add/practices/practicepage/{institution}/"),
    ("post", "/admin/pages/add/practices/practicepage/{institution}/preview/"),
    ("get", "/admin/localize/submit/page/{live}/"),
    ("get", "/admin/api/main/pages/{draft}/"),
]


def fill(template, mx):
    return template.format(
        draft=mx.draft.pk,
        live=mx.live.pk,
        submitted=mx.submitted.pk,
        institution=mx.institution.pk,
        pending_revision=mx.pending_revision.pk,
        first_revision=mx.first_revision.pk,
        task=mx.task_state.task_id,
        task_state=mx.task_state.pk,
    )


@pytest.mark.parametrize(("method", "template"), PAGE_URLS)
def test_an_official_cannot_reach_another_institutions_page(ar_client, mx, method, template):
    url = fill(template, mx)
    response = getattr(ar_client, method)(url, {"title": "x"} if method == "post" else None)
    assert is_refused(response), (url, response.status_code)
    assert not leaks(response)
    mx.live.refresh_from_db()
    assert mx.live.live and mx.live.locked and mx.live.title != "x"
    assert PracticePage.objects.filter(pk=mx.draft.pk).exists()
    assert mx.submitted.workflow_in_progress


LISTINGS = [
    "/admin/",
    "/admin/pages/",
    "/admin/pages/{institution}/",
    "/admin/pages/{institution}/?q=secreto",
    "/admin/pages/{institution}/?q=secreto&search_all=1",
    "/admin/pages/search/?q=secreto",
    "/admin/pages/search/?q=México",
    "/admin/pages/search/results/?q=secreto",
    "/admin/choose-page/",
    "/admin/choose-page/{institution}/",
    "/admin/choose-page/search/?q=secreto",
    "/admin/choose-page/search/?q=México",
    "/admin/choose-page/{institution}/?q=secreto",
    "/admin/api/main/pages/?child_of={institution}&for_explorer=1",
    "/admin/api/main/pages/?search=secreto",
    "/admin/api/main/pages/?descendant_of={institution}",
    "/admin/api/main/pages/?type=practices.PracticePage&limit=100",
    "/admin/pages/{live}/revisions/",  # a redirect to the history, refused
    # The modal before publishing over a workflow: names the workflow and task only.
    "/admin/pages/workflow/confirm_cancellation/{submitted}/",
    "/admin/reports/locked/",
    "/admin/reports/workflow/",
    "/admin/reports/workflow_tasks/",
    "/admin/reports/aging-pages/",
    "/admin/reports/site-history/",
    "/admin/reports/page-types-usage/",
    "/admin/workflows/list/",
    "/admin/documents/",
    "/admin/documents/?q=México",
    "/admin/documents/chooser/",
    "/admin/documents/chooser/results/?q=interno",
    "/admin/images/",
    "/admin/images/chooser/",
    "/admin/images/chooser/results/?q=interna",
]


@pytest.mark.parametrize("template", LISTINGS)
def test_no_listing_search_chooser_or_report_shows_another_institutions_drafts(ar_client, mx, template):
    response = ar_client.get(fill(template, mx))
    assert response.status_code in (200, 302, 400, 403, 404), response.status_code
    assert not leaks(response)
    mx.submitted.refresh_from_db()
    assert mx.submitted.workflow_in_progress


def test_the_page_types_report_is_the_secretariats(ar_client, mx, client, django_user_model):
    assert is_refused(ar_client.get("/admin/reports/page-types-usage/"))
    assert is_refused(ar_client.get("/admin/reports/page-types-usage/results/"))
    assert "page-types-usage" not in ar_client.get("/admin/").content.decode()
    client.force_login(django_user_model.objects.get(username="secretaria"))
    response = client.get("/admin/reports/page-types-usage/")
    assert response.status_code == 200 and "Envío secreto de México" in response.content.decode()


def test_the_chooser_still_offers_other_institutions_published_practices(ar_client, mx):
    published = make_practice(mx.institution, title="Práctica enlazable de México", slug="enlazable")
    assert published.title in readable(ar_client.get(f"/admin/choose-page/{mx.institution.pk}/"))
    assert published.title in readable(ar_client.get("/admin/choose-page/search/?q=enlazable"))


def test_the_explorer_still_shows_the_officials_own_drafts(ar_client, institution):
    own = make_practice(institution, publish=False, title="Borrador propio de Argentina", slug="borrador-propio")
    assert own.title in ar_client.get(f"/admin/pages/{institution.pk}/").content.decode()
    assert own.title in ar_client.get("/admin/pages/search/?q=Borrador").content.decode()


def test_an_official_cannot_delete_or_unpublish_her_own_published_practice(ar_client, institution):
    own = make_practice(institution, title="Práctica publicada de Argentina", slug="publicada-ar")
    assert is_refused(ar_client.post(f"/admin/pages/{own.pk}/delete/"))
    assert is_refused(ar_client.post(f"/admin/pages/{own.pk}/unpublish/"))
    own.refresh_from_db()
    assert own.live


def test_an_official_cannot_copy_or_move_her_practice_into_another_institution(ar_client, institution, mx):
    own = make_practice(institution, title="Práctica para copiar", slug="para-copiar")
    before = mx.institution.get_children().count()
    response = ar_client.post(
        f"/admin/pages/{own.pk}/copy/",
        {"new_title": "Copia", "new_slug": "copia", "new_parent_page": mx.institution.pk, "copy_subpages": ""},
    )
    assert response.status_code in (200, 302, 403)
    assert is_refused(ar_client.post(f"/admin/pages/{own.pk}/move/{mx.institution.pk}/confirm/"))
    assert mx.institution.get_children().count() == before
    assert Page.objects.get(pk=own.pk).get_parent().pk == institution.pk


def test_an_official_cannot_copy_another_institutions_draft_into_her_own(ar_client, institution, mx):
    before = institution.get_children().count()
    response = ar_client.post(
        f"/admin/pages/{mx.draft.pk}/copy/",
        {"new_title": "Copia", "new_slug": "copia-robada", "new_parent_page": institution.pk},
    )
    assert is_refused(response)
    assert institution.get_children().count() == before


def test_a_crafted_post_cannot_change_the_institutions_country(ar_client, institution):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    country = institution.country_id
    data = nested_form_data(
        {
            "title": institution.title,
            "slug": institution.slug,
            "country": InstitutionPage.objects.get(locale=institution.locale, country__iso2="MX").country_id,
            "acronym": "X",
            "name_confirmed": "",
            "mandate": rich_text("<p>Mandato.</p>"),
            "contact": "",
            "email": "",
            "website": "",
            "original_language": "es",
            "comments": inline_formset([]),
        }
    )
    ar_client.post(f"/admin/pages/{institution.pk}/edit/", data)
    latest = InstitutionPage.objects.get(pk=institution.pk).get_latest_revision_as_object()
    assert latest.country_id == country and latest.name_confirmed == institution.name_confirmed
