"""Admin: the exchange requests, by institution for officials, all of them for the secretariat."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale

from practices.models import InstitutionPage
from practices.taxonomy import Country

from . import admin_views
from .choices import RequestStatus
from .forms import AnswerForm
from .models import ExchangeRequest, ExchangeRequestLogEntry
from .permissions import institution_ids_of, sees_all


def _institutions(request):
    institutions = InstitutionPage.objects.filter(locale=Locale.get_default()).order_by("title")
    if request is None or sees_all(request.user):
        return institutions
    return institutions.filter(pk__in=institution_ids_of(request.user))


def _countries(request):
    return Country.objects.all()


class ExchangeRequestFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=RequestStatus.choices)
    institution = django_filters.ModelChoiceFilter(label=_("Publishing institution"), queryset=_institutions)
    requester_country = django_filters.ModelChoiceFilter(label=_("Requester's country"), queryset=_countries)

    class Meta:
        model = ExchangeRequest
        fields = ["status", "institution", "requester_country"]


class ExchangeRequestViewSet(ModelViewSet):
    model = ExchangeRequest
    icon = "mail"
    menu_label = _("Exchange requests")
    menu_order = 250
    add_to_admin_menu = True
    # Requests come from the public form only; and they stay out of page "usage" listings,
    # which officials of other institutions can read.
    copy_view_enabled = False
    add_to_reference_index = False
    inspect_view_enabled = True
    index_view_class = admin_views.IndexView
    edit_view_class = admin_views.EditView
    inspect_view_class = admin_views.InspectView
    delete_view_class = admin_views.DeleteView
    history_view_class = admin_views.HistoryView
    usage_view_class = admin_views.UsageView
    filterset_class = ExchangeRequestFilterSet
    search_fields = ["name", "requester_institution", "email", "practice_title", "message"]
    search_backend_name = None  # the database's own filtering: requests are not in the search index
    list_per_page = 50
    list_display = [
        "__str__",
        DateColumn("created_at", label=_("Received"), sort_key="created_at"),
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        Column("name", label=_("Requester")),
        Column("requester_institution", label=_("Requester's institution")),
        Column("country_display", label=_("Country")),
        Column("practice_title", label=_("Practice")),
        Column("institution", label=_("Publishing institution")),
    ]
    list_export = [
        "pk",
        "created_at",
        "get_status_display",
        "institution",
        "practice_title",
        "name",
        "requester_institution",
        "country_display",
        "email",
        "get_formats_display",
        "get_language_display",
        "message",
        "consent_at",
    ]
    export_headings = {
        "pk": _("Request number"),
        "created_at": _("Received"),
        "get_status_display": _("Status"),
        "institution": _("Publishing institution"),
        "practice_title": _("Practice"),
        "name": _("Requester"),
        "requester_institution": _("Requester's institution"),
        "country_display": _("Country"),
        "email": _("E-mail address"),
        "get_formats_display": _("Preferred formats"),
        "get_language_display": _("Language"),
        "message": _("What they would like to learn"),
        "consent_at": _("Consent given at"),
    }
    export_filename = "solicitudes-de-intercambio"
    inspect_view_fields = [
        "created_at",
        "status",
        "institution",
        "practice_title",
        "name",
        "requester_institution",
        "country_display",
        "email",
        "message",
        "get_formats_display",
        "language",
        "consent_at",
    ]
    edit_handler = ObjectList(
        [
            admin_views.details_panel(),
            FieldPanel("status"),
            FieldPanel("note"),
            FieldPanel("send_to_requester"),
        ],
        base_form_class=AnswerForm,
    )


exchange_request_viewset = ExchangeRequestViewSet("exchangerequest")


@hooks.register("register_admin_viewset")
def register_exchange_viewset():
    return exchange_request_viewset


@hooks.register("register_log_actions")
def register_exchange_log_model(actions):
    actions.register_model(ExchangeRequest, ExchangeRequestLogEntry)
