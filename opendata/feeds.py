"""RSS 2.0 and Atom feeds of newly published practices: all, per country, per topic.

Each feed lives in a language tree (`/es/feeds/…`, `/en/feeds/…`, `/pt/feeds/…`): its items are
that tree's published practices, linked in that language, newest first. A country's feed has
the practices it publishes and those it is a partner in, as its institution page lists them.
"""

from dataclasses import dataclass, replace

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.db.models.functions import Coalesce
from django.http import Http404, QueryDict
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from practices.models import PracticePage
from practices.queries import published_practices
from practices.taxonomy import Country, Topic
from search.engine import run_search
from search.forms import SearchParameters, parse_search_parameters

from .search_links import search_label

FEED_LENGTH = 50


@dataclass
class FeedSubject:
    request: object
    locale: Locale
    country: Country | None = None
    topic: Topic | None = None
    search: SearchParameters | None = None


class PracticesRss(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, *args, **kwargs):
        return FeedSubject(request=request, locale=Locale.get_active())

    def title(self, subject):
        site = _("Asylum good practices of the Americas")
        return f"{self.subject_title(subject)} · {site}"

    def subject_title(self, subject) -> str:
        return _("New practices")

    def description(self, subject):
        return _("Good practices and lessons learned newly published by the asylum institutions of the Americas.")

    def link(self, subject):
        return reverse("search") + "?" + self.search_parameters(subject).to_query(sort=True)

    def search_parameters(self, subject) -> SearchParameters:
        """The search page that lists this feed's practices, newest first: its link is written by
        the search's own `to_query()`, so a feed never spells a parameter the page would not read."""
        data = QueryDict(mutable=True)
        data.update({"sort": "newest", **self.search_filters(subject)})
        return parse_search_parameters(data, locale=subject.locale)

    def search_filters(self, subject) -> dict[str, str]:
        return {}

    def feed_url(self, subject):
        return subject.request.path

    def practices(self, subject):
        return published_practices(locale=subject.locale)

    def items(self, subject):
        # Newest first by the original's date: an alias (untranslated page) has none of its own.
        published = Coalesce("first_published_at", "alias_of__first_published_at")
        practices = self.practices(subject).for_listing().annotate(published=published)
        items = list(practices.order_by(F("published").desc(nulls_last=True), "-pk")[:FEED_LENGTH])
        return self.prepared(items, subject)

    def prepared(self, items, subject):
        date_aliases(items)
        for item in items:
            # Feed objects are shared between requests, so the absolute URL is worked out here,
            # where the request is known, and read back by item_link.
            item.feed_link = item.get_full_url(subject.request)
        return items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.feed_link

    def item_guid(self, item):
        return item.feed_link

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_author_name(self, item):
        return item.institution.title if item.institution else None

    def item_categories(self, item):
        return [tagged.tag.localized_name() for tagged in item.tagged_topics.all()]


def date_aliases(items) -> None:
    """An untranslated page in the en/pt trees is an alias: it shows its original and carries no
    publication dates of its own, so it takes the original's (one query for the whole feed)."""
    undated = {item.alias_of_id for item in items if item.alias_of_id and not item.first_published_at}
    if not undated:
        return
    dates = {
        row["pk"]: row
        for row in Page.objects.filter(pk__in=undated).values("pk", "first_published_at", "last_published_at")
    }
    for item in items:
        original = dates.get(item.alias_of_id)
        if original and not item.first_published_at:
            item.first_published_at = original["first_published_at"]
            item.last_published_at = item.last_published_at or original["last_published_at"]


class PracticesAtom(PracticesRss):
    feed_type = Atom1Feed
    subtitle = PracticesRss.description


class CountryPracticesRss(PracticesRss):
    def get_object(self, request, code):
        country = Country.objects.filter(iso2__iexact=code).first()
        if country is None:
            raise Http404(_("No member state has the code “%(code)s”.") % {"code": code[:10]})
        return FeedSubject(request=request, locale=Locale.get_active(), country=country)

    def subject_title(self, subject) -> str:
        return _("New practices: %(subject)s") % {"subject": subject.country.localized_name()}

    def search_filters(self, subject) -> dict[str, str]:
        return {"country": subject.country.iso2}

    def practices(self, subject):
        joint = PracticePage.objects.filter(partners=subject.country).values("pk")
        return super().practices(subject).filter(country=subject.country) | super().practices(subject).filter(
            pk__in=joint
        )


class CountryPracticesAtom(CountryPracticesRss):
    feed_type = Atom1Feed
    subtitle = PracticesRss.description


class TopicPracticesRss(PracticesRss):
    def get_object(self, request, slug):
        topic = Topic.objects.filter(slug=slug).first()
        if topic is None:
            raise Http404(_("There is no topic “%(slug)s”.") % {"slug": slug[:80]})
        return FeedSubject(request=request, locale=Locale.get_active(), topic=topic)

    def subject_title(self, subject) -> str:
        return _("New practices: %(subject)s") % {"subject": subject.topic.localized_name()}

    def search_filters(self, subject) -> dict[str, str]:
        return {"topic": subject.topic.slug}

    def practices(self, subject):
        tagged = PracticePage.objects.filter(tagged_topics__tag=subject.topic).values("pk")
        return super().practices(subject).filter(pk__in=tagged)


class TopicPracticesAtom(TopicPracticesRss):
    feed_type = Atom1Feed
    subtitle = PracticesRss.description


class SearchPracticesRss(PracticesRss):
    """The newest practices matching one search, words and filters (`/es/feeds/search.atom?q=…&country=…`):
    what "Follow … (feed)" on a search page offers. The parameters are the search page's, read as
    leniently (a value it would drop is dropped here too), in the newest-first order."""

    def get_object(self, request):
        locale = Locale.get_active()
        data = request.GET.copy()
        data["sort"] = "newest"
        data.pop("page", None)
        return FeedSubject(request=request, locale=locale, search=parse_search_parameters(data, locale=locale))

    def subject_title(self, subject) -> str:
        return _("New practices: %(subject)s") % {"subject": search_label(subject.search)}

    def search_parameters(self, subject) -> SearchParameters:
        return subject.search

    def feed_url(self, subject):
        return subject.request.get_full_path()

    def items(self, subject):
        request = replace(subject.search.request, sort="newest", offset=0, limit=FEED_LENGTH)
        return self.prepared(list(run_search(request).results), subject)


class SearchPracticesAtom(SearchPracticesRss):
    feed_type = Atom1Feed
    subtitle = PracticesRss.description
