"""The page chooser's search lists each page once: in one language tree, not three.

Every page exists in the three trees (originals in Spanish, translations or aliases in en/pt),
so a search for a practice used to list it three times with the same title. A link chosen in an
original must point into the Spanish tree (wagtail-localize carries it to the right page in each
translation), so the search shows that tree unless the editor picks another language with the
chooser's own `locale` parameter.
"""

from wagtail.models import Locale

SEARCH_VIEW = "wagtailadmin_choose_page_search"


def one_language_tree(pages, request):
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name != SEARCH_VIEW:
        return pages  # browsing walks one tree already; its root lists the three trees on purpose
    chosen = Locale.objects.filter(language_code=request.GET.get("locale", "")).first()
    return pages.filter(locale=chosen or Locale.get_default())
