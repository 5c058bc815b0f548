"""Admin: the reference vocabularies as snippets, grouped under one menu for the secretariat."""

from django.db import models
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms.models import register_form_field_override
from wagtail.models import Locale
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import views
from .admin_views import PracticePageViewSet
from .models import InstitutionPage
from .numbers import LocalizedDecimalField
from .roles import ensure_official_group
from .taxonomy import Country, IndicatorType, Keyword, Mechanism, ProcedureStage, Topic


class CountryViewSet(SnippetViewSet):
    model = Country
    icon = "site"
    list_display = ["iso2", "name_es", "name_en", "name_pt"]
    search_fields = ["name_es", "name_en", "name_pt", "iso2"]
    ordering = ["name_es"]


class MechanismViewSet(SnippetViewSet):
    model = Mechanism
    icon = "group"
    list_display = ["name_es", "slug", "secretariat"]


class ProcedureStageViewSet(SnippetViewSet):
    model = ProcedureStage
    icon = "list-ol"
    list_display = ["name_es", "name_en", "name_pt", "slug"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "name_en", "name_pt", "slug"]
    search_fields = ["name", "name_en", "name_pt"]


class KeywordViewSet(SnippetViewSet):
    model = Keyword
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class IndicatorTypeViewSet(SnippetViewSet):
    model = IndicatorType
    icon = "table"
    list_display = ["name_es", "name_en", "name_pt", "slug", "unit", "direction"]
    search_fields = ["name_es", "name_en", "name_pt", "slug"]


class ReferenceDataGroup(SnippetViewSetGroup):
    menu_label = _("Reference data")
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (
        TopicViewSet,
        CountryViewSet,
        MechanismViewSet,
        ProcedureStageViewSet,
        KeywordViewSet,
        IndicatorTypeViewSet,
    )


register_snippet(ReferenceDataGroup)


# After wagtail-localize's own hook (order 0), so the aliases in the other trees exist to be granted.
@hooks.register("after_create_page", order=100)
def create_group_for_new_institution(request, page):
    """Each institution gets its group of officials and its media collection when it is created."""
    if isinstance(page.specific, InstitutionPage) and page.locale_id == Locale.get_default().pk:
        ensure_official_group(page.specific)


# Every decimal typed in the admin is read as the admin's language writes numbers (numbers.py).
register_form_field_override(models.DecimalField, override={"form_class": LocalizedDecimalField})


@hooks.register("register_admin_urls")
def register_number_hint_url():
    return [path("numbers/understood/", views.number_understood, name="practices_number_understood")]


@hooks.register("insert_editor_js")
def number_hint_script():
    return format_html(
        '<script src="{}" data-url="{}" defer></script>',
        static("js/admin-numbers.js"),
        reverse("practices_number_understood"),
    )


@hooks.register("register_admin_viewset")
def register_practice_page_viewset():
    return PracticePageViewSet()
