"""Feeds inside each language prefix: /es/feeds/practices.atom, /en/feeds/country/AR.rss…"""

from django.urls import path

from core.http import read_only

from . import feeds

urlpatterns = [
    path("practices.rss", read_only(feeds.PracticesRss()), name="feed_practices_rss"),
    path("practices.atom", read_only(feeds.PracticesAtom()), name="feed_practices_atom"),
    path("search.rss", read_only(feeds.SearchPracticesRss()), name="feed_search_rss"),
    path("search.atom", read_only(feeds.SearchPracticesAtom()), name="feed_search_atom"),
    path("country/<str:code>.rss", read_only(feeds.CountryPracticesRss()), name="feed_country_rss"),
    path("country/<str:code>.atom", read_only(feeds.CountryPracticesAtom()), name="feed_country_atom"),
    path("topic/<slug:slug>.rss", read_only(feeds.TopicPracticesRss()), name="feed_topic_rss"),
    path("topic/<slug:slug>.atom", read_only(feeds.TopicPracticesAtom()), name="feed_topic_atom"),
]
