"""Which review workflow applies to a page, answered from the shared cache instead of the tree.

Wagtail's `Page.get_workflow()` costs up to four queries (the page's own assignment, its
ancestors with one, that assignment, its workflow) and `has_workflow` one more; the editor's
action menu asks several times per form (docs/editor.md, *Queries*). Workflows are assigned to a
handful of pages (the institutions index of each tree) and change only when the secretariat
edits a workflow, so the list of (page path, active workflow) lives in the cache and is dropped
on any change to a workflow, an assignment or a page move (`signals.py`); the answer for a page
is the deepest assigned ancestor-or-self, as in Wagtail."""

from django.conf import settings
from django.core.cache import cache
from django.utils.functional import cached_property
from wagtail.models import Page, WorkflowPage

CACHE_KEY = "practices:workflow-pages:v1"
TIMEOUT = 60 * 60  # a safety net: every change drops the key at once


def assigned_workflows() -> list[tuple[str, object]]:
    """(page path, workflow) of every assignment to an active workflow."""
    assigned = cache.get(CACHE_KEY)
    if assigned is None:
        rows = WorkflowPage.objects.filter(workflow__active=True).select_related("workflow")
        paths = dict(Page.objects.filter(pk__in=[row.page_id for row in rows]).values_list("pk", "path"))
        assigned = [(paths[row.page_id], row.workflow) for row in rows if row.page_id in paths]
        cache.set(CACHE_KEY, assigned, TIMEOUT)
    return assigned


def forget_assigned_workflows(**kwargs):
    cache.delete(CACHE_KEY)


def nearest_workflow(path: str, *, inclusive: bool):
    """The workflow assigned to the deepest of the page's ancestors (and itself, if `inclusive`)."""
    found = None
    for assigned_path, workflow in assigned_workflows():
        applies = path.startswith(assigned_path) and (inclusive or assigned_path != path)
        if applies and (found is None or len(assigned_path) > len(found[0])):
            found = (assigned_path, workflow)
    return found[1] if found else None


class CachedWorkflowMixin:
    """`get_workflow` and `has_workflow` of Wagtail's `Page`, read from `assigned_workflows()`.
    A page without a path yet (not in the tree) is left to Wagtail. A page not saved yet (the
    new-practice form) has no workflow state and no scheduled revision: Wagtail asks the database
    anyway, three queries answering nothing."""

    @property
    def current_workflow_state(self):
        if self.pk is None:
            return None
        return super().current_workflow_state

    @cached_property
    def scheduled_revision(self):
        if self.pk is None:
            return None
        return super().scheduled_revision

    def get_workflow(self):
        if not self.path or not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            return super().get_workflow()
        # Wagtail: the page's own assignment first, then the nearest ancestor's.
        return nearest_workflow(self.path, inclusive=True)

    @property
    def has_workflow(self):
        if not self.path or not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            return super().has_workflow
        return nearest_workflow(self.path, inclusive=True) is not None
