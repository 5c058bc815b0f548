"""Related practices for a practice page: 3 to 5 peers, never itself, never drafts.

Elasticsearch: a more-like-this query through the backend's client, with the practice's text as
`like` text (osmem supports text, not document references; Wagtail's API has no more-like-this).
Database backends: the practices sharing most topics, then stages.

Kept in the cache per practice (the pages themselves, ready to list) until the next content write
(the page cache's generation: a publish, unpublish, move or vocabulary edit anywhere can change
who is related): they were 55–65 % of a practice page at 10,000 practices.
"""

import logging

from django.core.cache import cache
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend
from wagtail.search.backends import get_search_backend

from core import pagecache
from practices.models import PracticePage
from practices.queries import published_practices
from practices.taxonomy import TaggedTopic

from .engine import ENGINE_ERRORS, breaker

RELATED_COUNT = 5
RELATED_CACHE_SECONDS = 60 * 60
logger = logging.getLogger(__name__)


def related_practices(
    practice: PracticePage, *, limit: int = RELATED_COUNT, topic_ids=None, stage_ids=None
) -> list[PracticePage]:
    key = f"related:{pagecache.generation()}:{practice.pk}:{limit}"
    related = cache.get(key)
    if related is None:
        related = _related(practice, limit, topic_ids, stage_ids)
        cache.set(key, related, RELATED_CACHE_SECONDS)
    return related


def _related(practice, limit, topic_ids, stage_ids):
    candidates = published_practices(locale=practice.locale).exclude(pk=practice.pk)
    backend = get_search_backend()
    if isinstance(backend, ElasticsearchBaseSearchBackend) and not breaker.is_open():
        try:
            return _more_like_this(backend, practice, candidates, limit)
        except ENGINE_ERRORS:
            logger.warning("more-like-this failed; using shared topics", exc_info=True)
            breaker.trip()
    return _sharing_topics_and_stages(practice, candidates, limit, topic_ids, stage_ids)


def _sharing_topics_and_stages(practice, candidates, limit, topics=None, stages=None):
    topics = topics if topics is not None else [tagged.tag_id for tagged in practice.tagged_topics.all()]
    stages = stages if stages is not None else [stage.pk for stage in practice.stages.all()]
    # Counted by correlated index lookups and ranked on ids alone, then the few winners fetched
    # whole: joining and grouping whole pages cost 1 s per practice page at 10,000 practices.
    ranked = list(
        candidates.annotate(
            shared_topics=_count(TaggedTopic.objects.filter(tag_id__in=topics), "content_object_id"),
            shared_stages=_count(
                PracticePage.stages.through.objects.filter(procedurestage_id__in=stages), "practicepage_id"
            ),
        )
        .filter(Q(shared_topics__gt=0) | Q(shared_stages__gt=0))
        .order_by("-shared_topics", "-shared_stages", "-first_published_at", "-pk")
        .values_list("pk", flat=True)[:limit]
    )
    pages = candidates.filter(pk__in=ranked).for_listing().in_bulk()
    return [pages[pk] for pk in ranked if pk in pages]


def _count(links, practice_column: str) -> Coalesce:
    """How many of `links` point at the outer practice, as a correlated subquery on an indexed column."""
    per_practice = links.filter(**{practice_column: OuterRef("pk")}).order_by().values(practice_column)
    return Coalesce(Subquery(per_practice.annotate(n=Count("pk")).values("n")), 0)


def _more_like_this(backend, practice, candidates, limit):
    like = " ".join([practice.title, practice.summary, " ".join(t.name for t in practice.topics.all())])
    compiler = backend.query_compiler_class(candidates, like)
    query = {
        "bool": {
            "must": {
                "more_like_this": {
                    "fields": ["_all_text"],
                    "like": like,
                    "min_term_freq": 1,
                    "min_doc_freq": 1,
                    "max_query_terms": 25,
                }
            },
            "filter": compiler.get_query()["bool"]["filter"],
        }
    }
    index = backend.get_index_for_model(PracticePage).name
    response = backend.es.search(index=index, query=query, size=limit, _source=False, stored_fields="pk")
    pks = [int(hit["fields"]["pk"][0]) for hit in response["hits"]["hits"]]
    pages = {page.pk: page for page in candidates.filter(pk__in=pks).for_listing()}
    return [pages[pk] for pk in pks if pk in pages]
