"""Admin: the roadmap's commitments as a snippet the secretariat keeps (menu "Roadmap commitments")."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Commitment


class CommitmentViewSet(SnippetViewSet):
    model = Commitment
    icon = "tasks"
    menu_label = _("Roadmap commitments")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["__str__", "mechanism", "country", "target_date", "status"]
    list_filter = ["year", "status", "mechanism", "country"]
    search_fields = ["action_es", "action_en", "action_pt", "responsible"]
    ordering = ["year", "target_date"]


register_snippet(CommitmentViewSet)
