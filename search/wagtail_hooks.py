from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from practices.forms import CACHED_CHOICES_HOOK
from practices.models import PRACTICE_PAGE_CONTEXT_HOOK

from .facets import FACETS_BY_KEY
from .models import SynonymGroup
from .related import related_practices

# The practice editor's checkbox fields and the facets that keep their vocabulary cached.
FACET_OF_FIELD = {"stages": "stage", "topics": "topic", "mechanisms": "mechanism", "partners": "country"}


@hooks.register(PRACTICE_PAGE_CONTEXT_HOOK)
def add_related_practices(page, context):
    """Related practices belong to the search adapter (search/related.py), not to the page model."""
    context["related"] = related_practices(
        page, topic_ids=[t.pk for t in context["topics"]], stage_ids=[s.pk for s in context["stages"]]
    )


@hooks.register(CACHED_CHOICES_HOOK)
def cached_vocabulary(field_name, locale):
    key = FACET_OF_FIELD.get(field_name)
    return [(o.value, o.label) for o in FACETS_BY_KEY[key].options(locale)] if key else None


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "list-ul"
    list_display = ["name", "terms"]
    search_fields = ["name", "terms"]
    menu_order = 310
    add_to_admin_menu = True


register_snippet(SynonymGroupViewSet)
