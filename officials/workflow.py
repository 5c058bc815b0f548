"""The secretariat's review workflow: every institution profile and practice goes through it.

Officials cannot publish; "Submit to Revisión de la Secretaría" is their only way to the public
site. The workflow hangs on the institutions index of each language tree, so it also covers
institution pages created later and the translations officials edit in wagtail-localize.
"""

from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from practices.models import PracticeIndexPage
from practices.roles import ensure_secretariat_group

# Stored names, in Spanish; the admin shows them in its user's language (workflow_names.py). The
# task is named apart from the workflow: Wagtail says "at <task> in <workflow>", which read
# "en Revisión de la Secretaría en Revisión de la Secretaría" while both had one name.
REVIEW_WORKFLOW_NAME = "Revisión de la Secretaría"
REVIEW_TASK_NAME = "Aprobación de la Secretaría"


def ensure_review_workflow() -> Workflow:
    """Creates the workflow and its one task once, and assigns it to every institutions index.

    Idempotent; an index page that another workflow was assigned to is reassigned to this one.
    """
    secretariat = ensure_secretariat_group()
    task = GroupApprovalTask.objects.filter(name__in=[REVIEW_TASK_NAME, REVIEW_WORKFLOW_NAME]).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK_NAME)
    elif task.name != REVIEW_TASK_NAME:  # sites set up while the task had the workflow's name
        GroupApprovalTask.objects.filter(pk=task.pk).update(name=REVIEW_TASK_NAME)
    task.groups.add(secretariat)
    if not task.active:
        task.active = True
        task.save(update_fields=["active"])
    workflow, _ = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW_NAME)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for index in PracticeIndexPage.objects.all():
        WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
    return workflow
