"""The practice editor's views: Wagtail's, minus the queries its language switcher wastes.

Wagtail 8 lists the page's (or, when adding, the parent's) other-language versions with
`.only("id", "locale", …)` and then checks permissions on them, which reads the deferred
`path` and `content_type` back one query at a time: 4 queries on each edit form, 6 on each add
form. Loading the rows whole costs one. The edit form also reuses the workflow states Wagtail
prefetched (`PracticeEditView.get_object`).
"""

from django.urls import reverse
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.viewsets.pages import PageViewSet

from .models import PracticePage


class PracticeCreateView(CreateView):
    def get_translations(self):
        translations = self.parent_page.get_translations().select_related("locale")
        return [
            {
                "locale": translation.locale,
                "url": reverse(
                    "wagtailadmin_pages:add",
                    args=[self.page_content_type.app_label, self.page_content_type.model, translation.id],
                ),
            }
            for translation in translations
            if translation.permissions_for_user(self.request.user).can_add_subpage()
            and self.page_class in translation.specific_class.creatable_subpage_models()
            and self.page_class.can_create_at(translation)
        ]


class PracticeEditView(EditView):
    def get_object(self):
        """The latest revision as a page, carrying the workflow states Wagtail prefetched on the
        page's row at the start of this request: its action menu, lock, header buttons and side
        panels ask the revision's page for its workflow state 17 times, a query each. Only when
        showing the form: a POST may start or end a workflow and must read the state afresh."""
        page = super().get_object()
        if self.request.method == "GET" and hasattr(self.real_page_record, "_current_workflow_states"):
            page._current_workflow_states = self.real_page_record._current_workflow_states
            # Read by dispatch just before (a cached property of the row, not of the revision's page).
            page.scheduled_revision = self.scheduled_revision
        return page

    def get_translations(self):
        return [
            {"locale": translation.locale, "url": reverse("wagtailadmin_pages:edit", args=[translation.id])}
            for translation in self.page.get_translations().select_related("locale").defer_streamfields()
            if translation.permissions_for_user(self.request.user).can_edit()
        ]


class PracticePageViewSet(PageViewSet):
    model = PracticePage
    name = "practicepages"
    add_view_class = PracticeCreateView
    edit_view_class = PracticeEditView
