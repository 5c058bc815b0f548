"""The review workflow through the real admin URLs: an official submits, the secretariat requests
changes with a comment or approves, the official resubmits; e-mails and the page history follow."""

import pytest
from django.core import mail
from django.test import Client
from wagtail.models import PageLogEntry, TaskState, Workflow, WorkflowPage, WorkflowState

from officials.workflow import REVIEW_TASK_NAME, REVIEW_WORKFLOW_NAME, ensure_review_workflow
from practices.models import InstitutionPage, PracticeIndexPage, PracticePage
from tests.practices.test_editor import practice_form
from tests.refusals import is_refused

COMMENT = "Añadan la fuente de los indicadores, por favor."


def submit_new_practice(client, institution, **fields):
    data = practice_form(**fields)
    data["action-submit"] = "1"
    response = client.post(f"/admin/pages/add/practices/practicepage/{institution.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return PracticePage.objects.get(path__startswith=institution.path, slug=data["slug"])


def current_task_state(page) -> TaskState:
    return WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk), status="in_progress") \
        .current_task_state  # fmt: skip


def act(client, page, action, **data):
    task_state = current_task_state(page)
    url = f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/"
    return client.post(url, data)


def test_the_workflow_covers_every_institutions_index_and_is_set_up_once(db):
    ensure_review_workflow()  # again: idempotent
    workflow = Workflow.objects.get(name=REVIEW_WORKFLOW_NAME)
    assert [t.specific.groups.get().name for t in workflow.tasks] == ["Secretaría técnica"]
    indexes = set(PracticeIndexPage.objects.values_list("pk", flat=True))
    assert len(indexes) == 3
    assert set(WorkflowPage.objects.filter(workflow=workflow).values_list("page_id", flat=True)) == indexes
    for institution in InstitutionPage.objects.all()[:5]:
        assert institution.get_workflow() == workflow


def test_submit_request_changes_resubmit_approve(official, secretary, es):
    institution = InstitutionPage.objects.get(locale=es, country__iso2="AR")
    official_client, secretary_client = Client(), Client()
    official_client.force_login(official)
    secretary_client.force_login(secretary)

    page = submit_new_practice(official_client, institution)
    assert not page.live and page.workflow_in_progress
    assert page.current_workflow_task.name == REVIEW_TASK_NAME
    # The submission reaches the secretariat, not the official who sent it, in Spanish.
    assert [m.to for m in mail.outbox] == [[secretary.email]]
    assert "ha sido enviada para aprobación" in mail.outbox[0].subject or page.title in mail.outbox[0].subject
    assert "ha sido enviada para aprobación" in mail.outbox[0].body
    mail.outbox.clear()

    # An official cannot act on the task, not even on her own page.
    assert is_refused(act(official_client, page, "approve"))
    assert not PracticePage.objects.get(pk=page.pk).live

    # The secretariat requests changes with a comment.
    response = act(secretary_client, page, "reject", comment=COMMENT)
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert not page.live and not page.workflow_in_progress
    assert [m.to for m in mail.outbox] == [[official.email]]
    assert COMMENT in mail.outbox[0].body
    assert "rechazada" in mail.outbox[0].subject
    mail.outbox.clear()

    # The official sees the comment in the editor, edits and resubmits.
    response = official_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    assert COMMENT in response.content.decode()
    data = practice_form(title="Práctica corregida", slug=page.slug, summary="Resumen con fuentes.")
    data["action-submit"] = "1"
    response = official_client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page.refresh_from_db()
    assert page.workflow_in_progress and not page.live
    assert [m.to for m in mail.outbox] == [[secretary.email]]
    mail.outbox.clear()

    # Approval publishes the corrected version and tells the official.
    response = act(secretary_client, page, "approve")
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live and page.title == "Práctica corregida" and not page.workflow_in_progress
    assert [m.to for m in mail.outbox] == [[official.email]]
    assert "aprobada" in mail.outbox[0].subject

    # The page history says who did what.
    entries = list(PageLogEntry.objects.filter(page=page).order_by("timestamp", "pk").values_list("action", "user"))
    assert ("wagtail.workflow.start", official.pk) in entries
    assert ("wagtail.workflow.reject", secretary.pk) in entries
    assert ("wagtail.workflow.approve", secretary.pk) in entries
    assert ("wagtail.publish", secretary.pk) in entries
    assert ("wagtail.workflow.resume", official.pk) in entries  # the resubmission
    history = secretary_client.get(f"/admin/pages/{page.pk}/history/")
    assert history.status_code == 200


def test_a_brazilian_official_is_written_to_in_portuguese(official_br, secretary, es):
    institution = InstitutionPage.objects.get(locale=es, country__iso2="BR")
    official_client, secretary_client = Client(), Client()
    official_client.force_login(official_br)
    secretary_client.force_login(secretary)
    page = submit_new_practice(official_client, institution, title="Prática do CONARE", slug="pratica-do-conare")
    mail.outbox.clear()

    act(secretary_client, page, "reject", comment=COMMENT)
    (message,) = mail.outbox
    assert message.to == [official_br.email]
    assert "A página" in message.subject and "Prática do CONARE" in message.subject
    assert "O seguinte comentário foi deixado" in message.body
    # No HTML part: Wagtail would render it in the reviewer's language (see settings).
    assert not message.alternatives


@pytest.mark.parametrize("action", ["approve", "reject"])
def test_an_official_of_another_institution_cannot_act_on_a_submission(official, secretary, es, action):
    mx = InstitutionPage.objects.get(locale=es, country__iso2="MX")
    from django.contrib.auth import get_user_model

    mx_client, ar_client = Client(), Client()
    mx_client.force_login(get_user_model().objects.get(username="oficial-mx"))
    ar_client.force_login(official)
    page = submit_new_practice(mx_client, mx, title="Borrador de México", slug="borrador-de-mexico")
    assert is_refused(act(ar_client, page, action, comment="x"))
    page.refresh_from_db()
    assert page.workflow_in_progress and not page.live
