"""Admin: the glossary snippet, the secretariat's machine-translation page, and the
"Mark translation as reviewed" button on machine drafts."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import views
from .models import GlossaryTerm, TextOrigin, TranslatedText


class GlossaryViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "doc-full"
    menu_label = _("Translation glossary")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["term_es", "term_pt", "term_en", "plurals", "note"]
    search_fields = ["term_es", "term_pt", "term_en"]


register_snippet(GlossaryViewSet)


# order=-1: before wagtail-localize's URLs, so that its editor's "Machine translate" button
# (which posts to wagtail-localize's address) reaches our view (views.machine_translate).
@hooks.register("register_admin_urls", order=-1)
def register_translation_urls():
    return [
        path(
            "localize/translate/<int:translation_id>/machine_translate/",
            views.machine_translate,
            name="translation_machine_translate",
        ),
        path("machine-translation/", views.overview, name="translation_overview"),
        path("machine-translation/<int:page_id>/reviewed/", views.review, name="translation_review"),
    ]


class TranslationMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_translate(request.user)


@hooks.register("register_admin_menu_item")
def register_translation_menu_item():
    return TranslationMenuItem(_("Machine translation"), reverse("translation_overview"), icon_name="globe", order=305)


def _review_button(page, user):
    if not TranslatedText.objects.filter(page_id=page.pk, origin=TextOrigin.MACHINE).exists():
        return []
    if not page.permissions_for_user(user).can_edit():
        return []
    return [
        Button(
            _("Mark translation as reviewed"),
            reverse("translation_review", args=[page.pk]),
            icon_name="check",
            priority=15,
        )
    ]


@hooks.register("register_page_header_buttons")
def review_button_in_header(page, user, view_name=None, next_url=None):
    return _review_button(page, user)


@hooks.register("register_page_listing_more_buttons")
def review_button_in_listing(page, user, next_url=None):
    return _review_button(page, user)
