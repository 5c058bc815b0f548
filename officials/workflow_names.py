"""The review workflow's and its task's names in the admin user's language.

Wagtail stores one name per workflow and per task and prints it as is: in dialogs ("Enviar a …"),
the status panel, the dashboard, e-mails. Ours are stored in Spanish (`workflow.py` looks them up
by that name), so the Portuguese admin read Spanish. When a workflow or task is loaded, its known
name is replaced by its translation in the active language; before a save it goes back to the
stored Spanish, whatever language the secretariat edited it in.
"""

from django.db.models.signals import post_init, pre_save
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask, Task, Workflow

from .workflow import REVIEW_TASK_NAME, REVIEW_WORKFLOW_NAME

TRANSLATED = {
    REVIEW_WORKFLOW_NAME: _("Secretariat review"),
    REVIEW_TASK_NAME: _("Secretariat approval"),
}
MODELS = (Workflow, Task, GroupApprovalTask)


def stored_name(name) -> str | None:
    """The stored (Spanish) name that `name`, in any admin language, stands for."""
    for stored, translated in TRANSLATED.items():
        if str(name) == stored or any(
            str(name) == _translated_in(translated, language) for language in ("es", "en", "pt-br", "pt")
        ):
            return stored
    return None


def _translated_in(text, language: str) -> str:
    with translation.override(language):
        return str(text)


def show_translated(sender, instance, **kwargs):
    translated = TRANSLATED.get(instance.__dict__.get("name"))
    if translated is not None:
        # A plain string (Wagtail's __str__ returns the name), in the language active when loaded:
        # the admin activates its user's language before a view loads anything.
        instance.name = str(translated)


def store_in_spanish(sender, instance, **kwargs):
    stored = stored_name(instance.name)
    if stored is not None:
        instance.name = stored


for model in MODELS:
    post_init.connect(show_translated, sender=model, dispatch_uid=f"workflow-name-shown-{model.__name__}")
    pre_save.connect(store_in_spanish, sender=model, dispatch_uid=f"workflow-name-stored-{model.__name__}")
