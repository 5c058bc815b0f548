"""The editor reads a page's review workflow from the shared cache (practices/workflow_lookup.py):
it must give Wagtail's own answer, and follow the secretariat's changes at once."""

from wagtail.models import Page, Workflow, WorkflowPage

from practices.models import PracticePage
from tests.factories import make_practice


def wagtails_answer(page):
    return Page.get_workflow(page), Page.has_workflow.fget(page)


def cached_answer(pk):
    page = PracticePage.objects.get(pk=pk)
    return page.get_workflow(), page.has_workflow


def test_the_cached_workflow_is_wagtails_and_follows_assignments(institution):
    practice = make_practice(institution, publish=False, title="Práctica en revisión", slug="en-revision")
    review = practice.get_workflow()
    assert review is not None and cached_answer(practice.pk) == wagtails_answer(practice)

    nearer = Workflow.objects.create(name="Revisión propia de Argentina", active=True)
    WorkflowPage.objects.create(page=institution, workflow=nearer)
    assert cached_answer(practice.pk) == (nearer, True) == wagtails_answer(practice)

    nearer.active = False
    nearer.save()
    assert cached_answer(practice.pk) == (review, True) == wagtails_answer(practice)

    WorkflowPage.objects.filter(workflow=review).delete()  # the root's default workflow applies then
    assert cached_answer(practice.pk) == wagtails_answer(practice)
    assert cached_answer(practice.pk)[0] != review
