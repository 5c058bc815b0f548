// One submission at a time in Wagtail 8's page editor (see officials/autosave.py for the server side).
//
// Wagtail's autosave posts the whole form in the background while the editor types. When the
// editor then clicks "Submit for review", "Publish" or "Approve", two requests can run at once:
// on a new page both try to create it (the second fails on the slug, 500), on a submitted page
// both perform the action. So:
// - a click waits for an autosave already on its way, then submits to the address the autosave
//   returned (a new page has become an existing one);
// - an autosave that was scheduled but not yet sent is cancelled, and no new one starts.
// Wagtail inserts editor scripts before the form: wait for the document.
document.addEventListener("DOMContentLoaded", () => {
  "use strict";

  const form = document.querySelector("form[data-edit-form]");
  if (!form) {
    return;
  }
  let scheduled = null;
  let submitting = false;

  // Wagtail dispatches this event when it schedules an autosave; the request itself leaves
  // later and is skipped if the event was cancelled by then.
  form.addEventListener("w-autosave:save", (event) => {
    if (submitting) {
      event.preventDefault();
      return;
    }
    scheduled = event;
  });

  const autosave = () =>
    window.wagtail?.app?.getControllerForElementAndIdentifier(form, "w-autosave") ?? null;

  form.addEventListener(
    "submit",
    (event) => {
      if (submitting) {
        return;
      }
      submitting = true;
      if (scheduled) {
        scheduled.preventDefault();
      }
      const controller = autosave();
      if (controller) {
        controller.activeValue = false;
      }
      const inFlight = controller?.submitPromise;
      if (inFlight) {
        event.preventDefault();
        event.stopImmediatePropagation();
        const submitter = event.submitter;
        inFlight.finally(() => {
          // The hidden action inputs Wagtail added on the click stay in the form; the button's
          // own name and value go with requestSubmit.
          form.requestSubmit(submitter && submitter.form === form ? submitter : undefined);
        });
      }
    },
    { capture: true },
  );
});
