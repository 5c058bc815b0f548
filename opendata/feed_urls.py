"""Feeds inside each language prefix: /es/feeds/practices.atom, /en/feeds/country/AR.rss…"""

from django.urls import path

from . import feeds

urlpatterns = [
    path("practices.rss", feeds.PracticesRss(), name="feed_practices_rss"),
    path("practices.atom", feeds.PracticesAtom(), name="feed_practices_atom"),
    path("country/<str:code>.rss", feeds.CountryPracticesRss(), name="feed_country_rss"),
    path("country/<str:code>.atom", feeds.CountryPracticesAtom(), name="feed_country_atom"),
    path("topic/<slug:slug>.rss", feeds.TopicPracticesRss(), name="feed_topic_rss"),
    path("topic/<slug:slug>.atom", feeds.TopicPracticesAtom(), name="feed_topic_atom"),
]
