"""Help when a search finds little or nothing: the secretariat's promoted pages, a near spelling."""

import difflib

from django.core.cache import cache
from modelsearch.utils import normalise_query_string
from wagtail.contrib.search_promotions.models import SearchPromotion

from practices.taxonomy import Country, Keyword, Topic

from .backends.analysis import WORD, fold
from .thesaurus import synonym_groups

VOCABULARY_CACHE_KEY = "search-vocabulary"
CACHE_SECONDS = 300


def promoted(query: str, locale) -> list[SearchPromotion]:
    """Pages or links the secretariat promotes for this query (Wagtail's search promotions)."""
    if not query:
        return []
    promotions = (
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .select_related("page")
        .order_by("sort_order")
    )
    results = []
    for promotion in promotions:
        if promotion.page_id:
            page = promotion.page.get_translation_or_none(locale) or promotion.page
            if not page.live:
                continue
            promotion.localized_page = page.specific
        results.append(promotion)
    return results


def vocabulary() -> list[str]:
    words = cache.get(VOCABULARY_CACHE_KEY)
    if words is None:
        texts = [*Topic.objects.values_list("name", "name_en", "name_pt")]
        texts += [*Country.objects.values_list("name_es", "name_en", "name_pt")]
        texts += [(name,) for name in Keyword.objects.values_list("name", flat=True)]
        texts += [tuple(group) for group in synonym_groups()]
        words = sorted(
            {fold(word) for row in texts for text in row if text for word in WORD.findall(text) if len(word) > 3}
        )
        cache.set(VOCABULARY_CACHE_KEY, words, CACHE_SECONDS)
    return words


def near_spelling(query: str) -> str | None:
    """The query with each unknown-looking word replaced by the closest word of the vocabulary."""
    known = vocabulary()
    changed, words = False, []
    for word in query.split():
        folded = fold(word)
        if len(folded) > 3 and folded not in known:
            match = difflib.get_close_matches(folded, known, n=1, cutoff=0.8)
            if match:
                words.append(match[0])
                changed = True
                continue
        words.append(word)
    return " ".join(words) if changed else None
