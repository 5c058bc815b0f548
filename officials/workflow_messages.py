"""Say what a review decision taken in the page editor did.

Wagtail's edit view ends every workflow action with "Page 'X' has been updated." ("ha sido
actualizada"), also when the secretariat's click has just approved and published the practice or
sent it back to its institution. The secretariat must read what happened, so after such an edit
that one message is replaced by one naming the decision; every other message stays as it is."""

import html

from django.contrib import messages
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from wagtail.admin import messages as admin_messages

from .autosave import is_autosave


def _wagtail_update_message(page) -> str:
    # The exact text Wagtail queued (wagtail/admin/views/pages/edit.py, add_save_confirmation_message).
    return _("Page '%(page_title)s' has been updated.") % {"page_title": page.get_admin_display_title()}


def _decision_message(page, action: str) -> str | None:
    title = page.get_admin_display_title()
    if action == "approve" and page.live and not page.has_unpublished_changes:
        return _("“%(title)s” has been approved and published.") % {"title": title}
    if action == "approve" and page.scheduled_revision:
        return _("“%(title)s” has been approved; it will be published on the scheduled date.") % {"title": title}
    if action == "approve":
        return _("“%(title)s” has been approved.") % {"title": title}
    if action == "reject":
        return _("Changes to “%(title)s” have been requested; its institution has been told.") % {"title": title}
    return None


def say_what_the_decision_did(request, page):
    if request.method != "POST" or is_autosave(request) or not request.POST.get("action-workflow-action"):
        return None
    page.refresh_from_db()
    decision = _decision_message(page, request.POST.get("workflow-action-name", ""))
    if decision is None:
        return None
    replaced = _wagtail_update_message(page)
    queued = list(messages.get_messages(request))  # reading marks them used: re-queued below
    for message in queued:
        if _plain(message.message) == replaced:
            text = admin_messages.render(decision, None)  # as Wagtail renders its own
        else:
            text = message.message
        messages.add_message(request, message.level, text, extra_tags=message.extra_tags)
    return None


def _plain(message) -> str:
    """The words of a message Wagtail rendered as HTML (wagtail/admin/messages.py)."""
    return " ".join(html.unescape(strip_tags(str(message))).split())
