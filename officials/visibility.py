"""What a user may see in the admin of what belongs to other institutions: one rule per kind.

- **Pages.** Those who publish (the secretariat, administrators) see every page. Anyone else sees
  the pages she has rights on (and their ancestors), and other pages only while they are live
  without pending changes: the admin shows a page's latest draft title, which may be unpublished.
- **Documents and images.** Those of the collections the user may use (choose or change).
- **Keywords.** Keywords are shared tags; a keyword is seen when a page the user may see carries
  it. A draft's keywords live in its revisions until it is published; a never-published draft's
  first keywords are in its rows, which is why other institutions' drafts are excluded here.

Wagtail applies these to its own listings, but not everywhere (the page chooser and its
"chosen" view, bulk-action confirmations, the admin media API, the tag autocomplete, the
explorer's parent): `officials/admin_guards.py` applies them there, `wagtail_hooks.py` in the
chooser and the admin API.
"""

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

# The page and media rules live in practices, whose page forms apply them too.
from practices.media import visible_media
from practices.page_visibility import sees_every_page, visible_pages
from practices.taxonomy import Keyword


def may_see_page(user, page) -> bool:
    return visible_pages(user, Page.objects.filter(pk=page.pk)).exists()


def visible_keywords(user, keywords):
    if sees_every_page(user):
        return keywords
    pages = visible_pages(user, Page.objects.all()).values("pk")
    return keywords.filter(tagged_practices__content_object__in=pages).distinct()


def sees_all(user, model) -> bool:
    """Whether `visible()` leaves every row of `model` to `user` (views that cannot narrow a
    listing are refused to the others)."""
    if issubclass(model, (Page, Keyword)):
        return sees_every_page(user)
    if issubclass(model, (get_document_model(), get_image_model())):
        return user.is_superuser
    return True


def visible(user, items):
    """Any queryset of a kind above, narrowed to what `user` may see; other kinds unchanged."""
    model = items.model
    if issubclass(model, Page):
        return visible_pages(user, items)
    if issubclass(model, (get_document_model(), get_image_model())):
        return visible_media(user, items)
    if issubclass(model, Keyword):
        return visible_keywords(user, items)
    return items
