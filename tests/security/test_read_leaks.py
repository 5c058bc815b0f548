"""The read leaks of the audit (issue 10), each tried through its real URL as Argentina's official
against Mexico's content, with what must keep working next to it."""

import json

import pytest
from wagtail.models import Page

from practices.models import PracticePage
from practices.page_forms import FOREIGN_MEDIA_MESSAGE, FOREIGN_PAGE_MESSAGE
from practices.roles import institution_collection
from tests.factories import make_practice
from tests.practices.test_editor import practice_form
from tests.refusals import is_refused

from .conftest import leaks, readable

SECRET_KEYWORD = "Clave secreta de México"


def ids(*objects):
    return "&".join(f"id={item.pk}" for item in objects)


def test_the_chosen_view_returns_only_pages_the_official_may_see(ar_client, mx):
    published = make_practice(mx.institution, title="Práctica enlazable de México", slug="enlazable")
    url = f"/admin/choose-page/chosen-multiple/?{ids(mx.draft, mx.live, mx.submitted, published)}&id=1&id=abc&id=¹"
    response = ar_client.get(url)
    assert response.status_code == 200
    assert not leaks(response)
    chosen = json.loads(response.content)["result"]
    assert [page["id"] for page in chosen] == [published.pk]


def test_the_chosen_view_answers_the_root_page_without_a_server_error(ar_client, db):
    assert ar_client.get("/admin/choose-page/chosen-multiple/?id=1").status_code == 200


@pytest.mark.parametrize(
    "template",
    ["/admin/pages/{page}/", "/admin/pages/{page}/results/", "/admin/choose-page/{page}/"],
)
def test_another_institutions_draft_cannot_be_the_explorers_or_choosers_parent(ar_client, mx, institution, template):
    for page in (mx.draft, mx.submitted, mx.live):
        response = ar_client.get(template.format(page=page.pk))
        assert is_refused(response) and not leaks(response), (page, response.status_code)
    own = make_practice(institution, publish=False, title="Borrador propio de Argentina", slug="borrador-propio")
    response = ar_client.get(template.format(page=own.pk))
    assert response.status_code == 200 and own.title in readable(response)


@pytest.mark.parametrize(
    "template",
    [
        "/admin/pages/workflow/action/{page}/approve/{task_state}/",
        "/admin/pages/workflow/collect_action_data/{page}/reject/{task_state}/",
        "/admin/pages/workflow/preview/{page}/{task}/",
    ],
)
def test_workflow_views_name_no_draft_in_their_refusal_message(ar_client, mx, template):
    from django.contrib.messages import get_messages

    for page in (mx.draft, mx.live):
        url = template.format(page=page.pk, task_state=mx.task_state.pk, task=mx.task_state.task_id)
        response = ar_client.get(url)
        queued = " ".join(str(message) for message in get_messages(response.wsgi_request))
        assert is_refused(response) and not leaks(response), (url, response.status_code)
        assert mx.draft.title not in queued and mx.pending_revision.object_str not in queued, queued


def test_the_move_confirmation_is_refused_before_it_is_posted(ar_client, mx, institution):
    response = ar_client.get(f"/admin/pages/{mx.draft.pk}/move/{institution.pk}/confirm/")
    assert is_refused(response) and not leaks(response)
    assert Page.objects.get(pk=mx.draft.pk).get_parent().pk == mx.institution.pk


@pytest.mark.parametrize("action", ["delete", "move", "publish", "unpublish"])
def test_page_bulk_confirmations_name_no_other_institutions_draft(ar_client, mx, action):
    for query in (ids(mx.draft, mx.live, mx.submitted), f"id=all&childOf={mx.institution.pk}", "id=abc"):
        response = ar_client.get(f"/admin/bulk/wagtailcore/page/{action}/?{query}")
        assert response.status_code in (200, 302, 403, 404), (query, response.status_code)
        assert not leaks(response), (query, leaks(response))


@pytest.mark.parametrize(
    "url",
    [
        "/admin/bulk/wagtaildocs/document/delete/?id={document}",
        "/admin/bulk/wagtaildocs/document/add_to_collection/?id={document}",
        "/admin/bulk/wagtaildocs/document/add_tags/?id=all",
        "/admin/bulk/wagtailimages/image/delete/?id={image}",
        "/admin/bulk/wagtailimages/image/add_to_collection/?id=all",
        "/admin/bulk/practices/keyword/delete/?id={keyword}",
        "/admin/bulk/practices/keyword/delete/?id=all",
    ],
)
def test_media_and_keyword_bulk_confirmations_name_nothing_of_another_institution(ar_client, mx, url):
    mx.draft.keywords.add(SECRET_KEYWORD)
    mx.draft.save()
    keyword = mx.draft.keywords.get(name=SECRET_KEYWORD)
    response = ar_client.get(url.format(document=mx.document.pk, image=mx.image.pk, keyword=keyword.pk))
    assert response.status_code in (200, 302, 403, 404)
    assert not leaks(response) and SECRET_KEYWORD not in readable(response)


@pytest.mark.parametrize("kind", ["documents", "images"])
def test_the_admin_media_api_lists_only_the_officials_collection(ar_client, mx, institution, kind):
    item = mx.document if kind == "documents" else mx.image
    listing = ar_client.get(f"/admin/api/main/{kind}/?limit=100")
    assert listing.status_code == 200 and not leaks(listing)
    assert str(mx.document.file.name) not in readable(listing)
    assert all(row["id"] != item.pk for row in json.loads(listing.content)["items"]), (
        "another institution's item is listed"
    )
    assert is_refused(ar_client.get(f"/admin/api/main/{kind}/{item.pk}/"))


def test_the_admin_document_api_still_lists_the_officials_own_documents(ar_client, institution):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    own = get_document_model().objects.create(
        title="Documento propio de Argentina",
        file=ContentFile(b"%PDF-1.4 propio", name="propio.pdf"),
        collection=institution_collection(institution),
    )
    listing = json.loads(ar_client.get("/admin/api/main/documents/?limit=100").content)
    assert own.pk in [row["id"] for row in listing["items"]]


def test_the_tag_autocomplete_offers_only_keywords_of_pages_the_official_may_see(ar_client, mx, institution):
    mx.draft.keywords.add(SECRET_KEYWORD)
    mx.draft.save()
    published = make_practice(mx.institution, title="Práctica con clave", slug="con-clave")
    published.keywords.add("Clave pública de México")
    published.save()
    own = make_practice(institution, publish=False, title="Borrador con clave", slug="borrador-con-clave")
    own.keywords.add("Clave propia de Argentina")
    own.save()
    offered = json.loads(ar_client.get("/admin/tag-autocomplete/practices/keyword/?term=clave").content)
    assert SECRET_KEYWORD not in offered
    assert {"Clave pública de México", "Clave propia de Argentina"} <= set(offered)


def test_the_tag_autocomplete_answers_a_nul_with_a_translated_400(ar_client, db):
    response = ar_client.get("/admin/tag-autocomplete/practices/keyword/?term=a%00b", HTTP_ACCEPT_LANGUAGE="es")
    # Refused by the address guard before the view (core/middleware.py), in the admin's language.
    assert response.status_code == 400
    assert "NUL" in response.content.decode()


@pytest.mark.parametrize("where", ["attachment", "document block", "image block"])
def test_an_official_cannot_attach_another_institutions_media_to_her_draft(ar_client, mx, institution, where):
    from wagtail.test.utils.form_data import inline_formset, streamfield

    own = make_practice(institution, publish=False, title="Borrador con adjunto", slug="borrador-con-adjunto")
    fields = {"title": own.title, "slug": own.slug}
    if where == "attachment":
        fields["attachments"] = inline_formset([{"document": str(mx.document.pk)}])
    elif where == "document block":
        fields["approach"] = streamfield([("document", {"document": str(mx.document.pk), "title": ""})])
    else:
        fields["approach"] = streamfield([("image", {"image": str(mx.image.pk), "alt_text": "x", "caption": ""})])
    response = ar_client.post(f"/admin/pages/{own.pk}/edit/", practice_form(**fields))
    assert response.status_code == 200
    assert str(FOREIGN_MEDIA_MESSAGE) in readable(response) or "otra institución" in readable(response)
    assert own.revisions.count() == 1
    assert mx.document.title not in readable(response)


@pytest.mark.parametrize("where", ["problem", "text block"])
def test_a_rich_text_link_to_another_institutions_draft_is_refused_and_forgotten(ar_client, mx, institution, where):
    """Wagtail rebuilds a link from the page's id when the form is shown again: its address carries
    the draft's slug, made from its secret title. The link must be refused, and gone from the
    redisplayed editor, next to a foreign attachment (refused too) and a link that stays."""
    from wagtail.test.utils.form_data import inline_formset, rich_text, streamfield

    published = make_practice(mx.institution, title="Práctica enlazable de México", slug="enlazable-mx")
    own = make_practice(institution, publish=False, title="Borrador con enlace", slug="borrador-con-enlace")
    html = (
        f'<p><a linktype="page" id="{mx.draft.pk}">texto del enlace</a> y '
        f'<a linktype="page" id="{published.pk}">otro enlace</a></p>'
    )
    fields = {"title": own.title, "slug": own.slug, "attachments": inline_formset([{"document": str(mx.document.pk)}])}
    if where == "problem":
        fields["problem"] = rich_text(html)
    else:
        fields["approach"] = streamfield([("text", rich_text(html))])
    response = ar_client.post(f"/admin/pages/{own.pk}/edit/", practice_form(**fields), HTTP_ACCEPT_LANGUAGE="es")
    body = readable(response)
    assert response.status_code == 200
    assert own.revisions.count() == 1
    assert str(FOREIGN_PAGE_MESSAGE) in body or "otra institución" in body
    assert not leaks(response)
    assert mx.draft.slug not in body and mx.draft.url not in body
    assert "texto del enlace" in body  # the text stays, without its link
    assert published.url in body  # the permitted link is shown again


def test_a_rich_text_link_to_another_institutions_draft_alone_is_not_saved(ar_client, mx, institution):
    from wagtail.test.utils.form_data import rich_text

    own = make_practice(institution, publish=False, title="Borrador con enlace", slug="borrador-con-enlace")
    problem = rich_text(f'<p><a linktype="page" id="{mx.draft.pk}">texto del enlace</a></p>')
    form = practice_form(title=own.title, slug=own.slug, problem=problem)
    response = ar_client.post(f"/admin/pages/{own.pk}/edit/", form)
    assert response.status_code == 200 and own.revisions.count() == 1
    assert mx.draft.slug not in readable(response)


def test_an_official_attaches_her_own_document(ar_client, institution):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.test.utils.form_data import inline_formset

    document = get_document_model().objects.create(
        title="Adjunto propio",
        file=ContentFile(b"%PDF-1.4 propio", name="adjunto.pdf"),
        collection=institution_collection(institution),
    )
    own = make_practice(institution, publish=False, title="Borrador con adjunto", slug="borrador-con-adjunto")
    fields = {"title": own.title, "slug": own.slug, "attachments": inline_formset([{"document": str(document.pk)}])}
    response = ar_client.post(f"/admin/pages/{own.pk}/edit/", practice_form(**fields))
    assert response.status_code == 302, readable(response)[:2000]
    latest = PracticePage.objects.get(pk=own.pk).get_latest_revision_as_object()
    assert [attachment.document_id for attachment in latest.attachments.all()] == [document.pk]
