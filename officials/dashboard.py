"""Dashboard panels: where each person's work is, one click away.

Officials get a "New practice" button straight into their institution's add form in the
Spanish tree (the one place where originals are written) and three short lists of their
institution's practices: came back with comments, waiting for review, drafts. The secretariat
gets the review queue and the practices published last. A fixed number of queries per panel.
"""

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page, WorkflowState

from exchange.permissions import institution_ids_of
from practices.models import InstitutionPage, PracticePage
from practices.roles import SECRETARIAT_GROUP

LIST_LENGTH = 10


def latest_workflow_states(pages) -> dict[int, WorkflowState]:
    """The newest workflow state of each page, in one query."""
    states = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page), object_id__in=[str(page.pk) for page in pages]
    ).order_by("created_at")
    return {int(state.object_id): state for state in states}


def may_publish_everywhere(user) -> bool:
    return user.is_superuser or user.groups.filter(name=SECRETARIAT_GROUP).exists()


class OfficialWorkPanel(Component):
    name = "official_work"
    template_name = "officials/dashboard/official_work.html"
    order = 50  # above Wagtail's own panels

    def __init__(self, institution: InstitutionPage):
        self.institution = institution

    def get_context_data(self, parent_context):
        institution = self.institution
        unpublished = list(
            PracticePage.objects.filter(institution=institution, locale_id=institution.locale_id)
            .exclude(live=True, has_unpublished_changes=False)
            .order_by("-latest_revision_created_at")
        )
        states = latest_workflow_states(unpublished)
        returned, waiting, drafts = [], [], []
        for page in unpublished:
            state = states.get(page.pk)
            status = state.status if state else None
            if status == WorkflowState.STATUS_NEEDS_CHANGES:
                returned.append(page)
            elif status == WorkflowState.STATUS_IN_PROGRESS:
                waiting.append(page)
            else:
                drafts.append(page)
        return {
            "institution": institution,
            "add_url": reverse("wagtailadmin_pages:add", args=("practices", "practicepage", institution.pk)),
            "returned": returned[:LIST_LENGTH],
            "waiting": waiting[:LIST_LENGTH],
            "drafts": drafts[:LIST_LENGTH],
        }


class SecretariatReviewPanel(Component):
    name = "secretariat_review"
    template_name = "officials/dashboard/secretariat_review.html"
    order = 50

    def get_context_data(self, parent_context):
        queue = list(
            WorkflowState.objects.filter(
                status=WorkflowState.STATUS_IN_PROGRESS, base_content_type=ContentType.objects.get_for_model(Page)
            )
            .select_related("requested_by", "current_task_state")
            .order_by("created_at")[:LIST_LENGTH]
        )
        ids = [int(state.object_id) for state in queue]
        pages = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific(defer=True)}
        return {
            "queue": [(state, pages.get(int(state.object_id))) for state in queue],
            "published": PracticePage.objects.live()
            .filter(locale=Locale.get_default())
            .select_related("institution", "country")
            .order_by("-last_published_at")[:LIST_LENGTH],
        }


def dashboard_panels_for(request) -> list[Component]:
    user = request.user
    panels: list[Component] = []
    if may_publish_everywhere(user):
        panels.append(SecretariatReviewPanel())
    for institution in InstitutionPage.objects.filter(pk__in=institution_ids_of(user)).order_by("title"):
        panels.append(OfficialWorkPanel(institution))
    return panels
