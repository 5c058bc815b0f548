"""Admin views of exchange requests: Wagtail's generic views, each limited to the rows the user may see.

The list, its CSV/XLSX export, edit, inspect, delete, history and usage all go through the
permission policy (`permissions.py`); a request of another institution answers 403 (a 404 in the admin is
redirected by LocaleMiddleware to the language-prefixed page router, which is misleading).
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage

from core.spreadsheet import defuse

from .permissions import institution_ids_of, sees_all

ANY_ACCESS = ["view", "change", "delete"]


def visible_requests(user, queryset):
    if sees_all(user):
        return queryset
    return queryset.filter(institution_id__in=institution_ids_of(user))


class ScopedObjectMixin:
    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not self.permission_policy.user_has_any_permission_for_instance(self.request.user, ANY_ACCESS, obj):
            raise PermissionDenied
        return obj


class IndexView(generic.IndexView):
    def get_base_queryset(self):
        return visible_requests(self.request.user, super().get_base_queryset()).for_listing()

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        # Visitors type these values: a leading = + - @ would run as a formula in a CSV opened in a
        # spreadsheet. XLSX cells carry a type, and Wagtail's writer stores a formula-looking value
        # as text (tests/exchange/test_admin.py checks both), so it keeps the value as typed.
        return defuse(value) if export_format == self.FORMAT_CSV else value


class EditView(ScopedObjectMixin, generic.EditView):
    pass


class InspectView(ScopedObjectMixin, generic.InspectView):
    pass


class DeleteView(ScopedObjectMixin, generic.DeleteView):
    pass


class HistoryView(ScopedObjectMixin, history.HistoryView):
    pass


class UsageView(ScopedObjectMixin, usage.UsageView):
    pass


class RequestDetailsPanel(Panel):
    """What the requester sent and what happened since, read-only: only status and notes are edited."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "exchange/admin/details_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["exchange_request"] = self.instance
            context["history"] = list(self.instance.history.select_related("user")) if self.instance.pk else []
            return context


def details_panel():
    return RequestDetailsPanel(heading=_("Request details"))
