from django.http import Http404
from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

from .autosave import answer_autosave_without_acting
from .chooser import one_language_tree
from .dashboard import dashboard_panels_for
from .private_media import may_download
from .reports import may_see_page_types_report
from .views import InvitationViewSet
from .visibility import visible, visible_pages
from .workflow_messages import say_what_the_decision_did


@hooks.register("register_admin_viewset")
def register_invitation_viewset():
    return InvitationViewSet()


@hooks.register("construct_page_chooser_queryset")
def hide_other_institutions_drafts_in_the_chooser(pages, request):
    return visible_pages(request.user, pages)


@hooks.register("construct_reports_menu")
def hide_page_types_report_from_officials(request, menu_items):
    if not may_see_page_types_report(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]


class VisibleDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        return visible(self.request.user, super().get_queryset())


class VisibleImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        return visible(self.request.user, super().get_queryset())


# After Wagtail's own registrations (order 0), which these replace: Wagtail's list every item.
@hooks.register("construct_admin_api", order=1)
def admin_media_api_lists_only_visible_media(router):
    router.register_endpoint("documents", VisibleDocumentsAdminAPIViewSet)
    router.register_endpoint("images", VisibleImagesAdminAPIViewSet)


@hooks.register("before_serve_document")
def serve_only_published_or_permitted_documents(document, request):
    # 404, not 403: to those who may not download it, the document does not exist.
    if not may_download(request.user, document):
        raise Http404


# Before anything is read or saved: see officials/autosave.py for the double approval it prevents.
hooks.register("before_edit_page", answer_autosave_without_acting)
hooks.register("before_create_page", answer_autosave_without_acting)
# After Wagtail's own message: see officials/workflow_messages.py.
hooks.register("after_edit_page", say_what_the_decision_did)


@hooks.register("construct_homepage_panels")
def add_work_panels(request, panels):
    panels.extend(dashboard_panels_for(request))


@hooks.register("construct_page_chooser_queryset")
def search_one_language_tree_in_the_chooser(pages, request):
    return one_language_tree(pages, request)


@hooks.register("insert_editor_js")
def one_submission_at_a_time():
    """The client half of officials/autosave.py: a click waits for an autosave on its way."""
    return format_html('<script src="{}"></script>', static("js/admin-editor.js"))
