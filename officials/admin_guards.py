"""The one place where Wagtail admin views that apply no visibility rule are wrapped.

Each pattern below is matched before Wagtail's own (`config/urls.py` includes this module ahead of
the admin), checks or narrows what the request names with `officials/visibility.py`, then hands
the request to Wagtail's view for the same path, so Wagtail's URL names and templates stay as
they are. Found by walking every admin URL as one institution's official against another's
(`tests/security/test_resolver_walk.py`); a Wagtail upgrade that fixes one of these makes its
entry here redundant, not wrong.

- the explorer and the page chooser show their parent page's latest draft title;
- the chooser's "chosen" view returns any page by id, with its draft title (and fails on the root);
- a page's workflow action, action data and task preview views put the page's latest title in
  an error message (shown on the next page) when it is not in moderation, before any check;
- moving a page: Wagtail checks the rights only when the confirmation is posted;
- bulk-action confirmations list by title the objects the user may not act on;
- the tag autocomplete offers every tag, those of other institutions' drafts included;
- the snippet chooser and wagtail-localize's snippet API list every keyword;
- choosing a parent page (new page of a type, copy) echoes the posted parent's latest draft title
  in the chooser and in the refusal, whoever's it is (found by the POST walk,
  `tests/security/test_resolver_walk_post.py`);
- `failwhale/` answers any admin user with a server error (it exists to test error reporting).
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import URLResolver, include, path, re_path
from django.urls.resolvers import RegexPattern
from django.utils.translation import gettext
from taggit.models import Tag, TagBase
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.views.tags import TAGS_AUTOCOMPLETE_LIMIT
from wagtail.models import Page
from wagtail.snippets.views.snippets import get_snippet_model_from_url_params

from .visibility import may_see_page, sees_all, visible

WAGTAIL_ADMIN = URLResolver(RegexPattern(r"^admin/"), wagtailadmin_urls)
MAX_ID_DIGITS = 18  # below 2**63: a longer id cannot exist and would overflow the database's integer


def wagtails_view(request):
    """Wagtail's own view for this path (the patterns here only shadow it)."""
    match = WAGTAIL_ADMIN.resolve(request.path_info.lstrip("/"))
    request.resolver_match = match  # Wagtail's views read their URL name and namespace from it
    return match.func(request, *match.args, **match.kwargs)


def object_ids(request) -> list[str]:
    """The `id` parameters that can name a row ("all" is the bulk actions' select-all)."""
    ids = request.GET.getlist("id")
    return [pk for pk in ids if pk == "all" or (pk.isascii() and pk.isdigit() and len(pk) <= MAX_ID_DIGITS)]


def with_ids(request, ids):
    query = request.GET.copy()
    query.setlist("id", [str(pk) for pk in ids])
    request.GET = query
    request.META["QUERY_STRING"] = query.urlencode()
    return request


def visible_parent(request, parent_page_id, **kwargs):
    """The explorer and the chooser below a page show that page's title."""
    if not may_see_page(request.user, get_object_or_404(Page, pk=parent_page_id)):
        raise Http404
    return wagtails_view(request)


def visible_page(request, page_id, **kwargs):
    """The page's workflow views report "'<latest title>' is not awaiting moderation" in a message
    before they check any right."""
    if not may_see_page(request.user, get_object_or_404(Page, pk=page_id)):
        raise Http404
    return wagtails_view(request)


PARENT_FIELDS = ("parent_page", "new_parent_page")


def visible_posted_parent(request, **kwargs):
    """A posted parent page the user may not see does not exist for her (before Wagtail names it)."""
    if request.method == "POST":
        for name in PARENT_FIELDS:
            value = request.POST.get(name, "")
            if value.isascii() and value.isdigit() and len(value) <= MAX_ID_DIGITS:
                page = Page.objects.filter(pk=value).first()
                if page is not None and not may_see_page(request.user, page):
                    raise Http404
    return wagtails_view(request)


def chosen_pages(request):
    """Only pages the user may see; not the root, which has no parent to report."""
    pages = visible(request.user, Page.objects.filter(pk__in=[pk for pk in object_ids(request) if pk != "all"]))
    return wagtails_view(with_ids(request, pages.filter(depth__gt=1).values_list("pk", flat=True)))


def move_confirmation(request, page_to_move_id, destination_id):
    page = get_object_or_404(Page, pk=page_to_move_id)
    if not page.permissions_for_user(request.user).can_move_to(get_object_or_404(Page, pk=destination_id)):
        raise PermissionDenied
    return wagtails_view(request)


class VisibleOnlyBulkAction:
    """Lists, among the objects the user may not act on, only those she may see."""

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        hidden = extra["items_with_no_access"]
        shown = visible(self.request.user, self.model.objects.filter(pk__in=[item.pk for item in hidden]))
        shown = set(shown.values_list("pk", flat=True))
        extra["items_with_no_access"] = [item for item in hidden if item.pk in shown]
        return objects, extra


def bulk_action(request, app_label, model_name, action):
    """Wagtail's bulk-action dispatcher, with the action class narrowed by `VisibleOnlyBulkAction`."""
    action_class = bulk_action_registry.get_bulk_action_class(app_label, model_name, action)
    if action_class is None:
        raise Http404
    guarded = type(action_class.__name__, (VisibleOnlyBulkAction, action_class), {})
    request = with_ids(request, object_ids(request))
    return guarded(request, apps.get_model(app_label, model_name)).dispatch(request)


def tag_autocomplete(request, app_name=None, model_name=None):
    """Wagtail's tag autocomplete (`wagtail.admin.views.tags`), narrowed to the tags the user may see."""
    tag_model = Tag
    if app_name and model_name:
        try:
            tag_model = ContentType.objects.get_by_natural_key(app_name, model_name).model_class()
        except ContentType.DoesNotExist as error:
            raise Http404 from error
        if tag_model is None or not issubclass(tag_model, TagBase):
            raise Http404
    term = request.GET.get("term", "")
    if "\x00" in term:
        return JsonResponse({"error": gettext("The search text contains a character that is not allowed.")}, status=400)
    tags = visible(request.user, tag_model.objects.filter(name__istartswith=term)) if term else tag_model.objects.none()
    names = tags.order_by("name").values_list("name", flat=True)[:TAGS_AUTOCOMPLETE_LIMIT]
    return JsonResponse(list(names), safe=False)


def whole_snippet_listing(request, app_label, model_name):
    """Wagtail's snippet chooser and wagtail-localize's snippet API list and return every row of a
    snippet model: refused for a model that `visibility.py` narrows for this user (keywords)."""
    if not sees_all(request.user, get_snippet_model_from_url_params(app_label, model_name)):
        raise Http404
    return wagtails_view(request)


def error_test(request):
    """Wagtail's deliberate server error, to try error reporting, is the administrators' to trigger."""
    if not request.user.is_superuser:
        raise Http404
    return wagtails_view(request)


urlpatterns = [
    path("admin/pages/<int:parent_page_id>/", require_admin_access(visible_parent)),
    path("admin/pages/<int:parent_page_id>/results/", require_admin_access(visible_parent)),
    path("admin/choose-page/<int:parent_page_id>/", require_admin_access(visible_parent)),
    path("admin/choose-page/chosen-multiple/", require_admin_access(chosen_pages)),
    path(
        "admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        require_admin_access(visible_page),
    ),
    path(
        "admin/pages/workflow/collect_action_data/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        require_admin_access(visible_page),
    ),
    path("admin/pages/workflow/preview/<int:page_id>/<int:task_id>/", require_admin_access(visible_page)),
    path("admin/pages/workflow/confirm_cancellation/<int:page_id>/", require_admin_access(visible_page)),
    path(
        "admin/pages/<int:page_to_move_id>/move/<int:destination_id>/confirm/",
        require_admin_access(move_confirmation),
    ),
    path("admin/pages/create/<slug:app_label>/<slug:model_name>", require_admin_access(visible_posted_parent)),
    path("admin/pages/<int:page_id>/copy/", require_admin_access(visible_posted_parent)),
    path("admin/bulk/<str:app_label>/<str:model_name>/<str:action>/", require_admin_access(bulk_action)),
    path("admin/tag-autocomplete/", require_admin_access(tag_autocomplete)),
    path("admin/tag-autocomplete/<slug:app_name>/<slug:model_name>/", require_admin_access(tag_autocomplete)),
    # Every view below these prefixes (no `$`): the chooser's listing, results, chosen, create.
    re_path(
        r"^admin/snippets/choose/(?P<app_label>\w+)/(?P<model_name>\w+)/", require_admin_access(whole_snippet_listing)
    ),
    re_path(
        r"^admin/localize/api/snippets/(?P<app_label>\w+)/(?P<model_name>\w+)/",
        require_admin_access(whole_snippet_listing),
    ),
    path("admin/failwhale/", require_admin_access(error_test)),
    path("", include("officials.reports")),
]
