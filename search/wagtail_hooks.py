from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SynonymGroup


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "list-ul"
    list_display = ["name", "terms"]
    search_fields = ["name", "terms"]
    menu_order = 310
    add_to_admin_menu = True


register_snippet(SynonymGroupViewSet)
