"""An autosave never performs an editorial action (work-around for Wagtail 8.0 autosave).

What happened: the secretariat clicks "Aprobar y Publicar" in the page editor. Wagtail's
`workflow-action.js` appends two hidden inputs to the edit form (`action-workflow-action`,
`workflow-action-name`) and lets the button submit it. The form's unsaved-changes controller
polls the form every 500 ms, sees those new inputs as an edit and starts an autosave, which
posts the *whole* form, hidden inputs included, with `Accept: application/json`. The edit
view treats that autosave as a second "approve" running next to the real one: one of them
publishes; the other, built from the page as it was before, saves it back as a draft and then
fails with `'NoneType' object has no attribute 'on_action'` (500) because the task is over.
The same goes for any action field an editor's click puts in the form while an autosave runs.

The editor's script (`static/js/admin-editor.js`, added by `insert_editor_js`) stops autosaves
once a submission starts and makes a click wait for an autosave already sent (on a new page the
two would both create it: the second failed on its slug with a 500). Here, the server side: a
JSON (autosave) request that still carries an action is answered at once, before anything is
read from the form or saved: the full-page submission carrying the same fields does the work.
Upstream: the race itself is wagtail/wagtail#14460 (open; a guard in `perform_workflow_action`
and locked buttons), the missing task wagtail/wagtail#13856 (fixed in 8.0: no 500 when the task
is gone before the request starts). Remove this hook when Wagtail's autosave stops sending
action fields.
"""

from django.http import JsonResponse

# Every POST field by which Wagtail's page editor asks for more than a draft save.
ACTION_FIELDS = (
    "action-publish",
    "action-submit",
    "action-workflow-action",
    "action-restart-workflow",
    "action-cancel-workflow",
)


def is_autosave(request) -> bool:
    """Wagtail's autosave asks for JSON; the editor's own submissions ask for HTML."""
    return request.method == "POST" and not request.accepts("text/html")


def carries_action(request) -> bool:
    return any(request.POST.get(name) for name in ACTION_FIELDS)


def answer_autosave_without_acting(request, *args):
    if is_autosave(request) and carries_action(request):
        # "success" so the editor shows no error while the real submission loads the next page.
        return JsonResponse({"success": True, "skipped": "action_submitted"})
    return None
