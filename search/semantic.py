"""The semantic side of the search: practices cut into passages, embedded, and ranked by meaning.

Storage (why not an engine): every passage's vector is kept as float32 bytes in the database
(`PassageVector`), which works the same on SQLite, PostgreSQL and beside Elasticsearch, and a
numpy matrix of all of them is held per process. A query is one embedding and one matrix
product: ~1 ms for 10,000 passages, a few ms for 100,000 (docs/search.md). pgvector is not
available here and osmem-server has no kNN (docs/search.md), so one store serves every backend,
and the engine-down fallback keeps its semantic results.

The matrix is rebuilt when the vectors change: writers bump a generation number in the shared
cache, every process compares it with the one its matrix was built at (one cache read per query).
A practice's semantic score is its best passage.
"""

import hashlib
import uuid
from dataclasses import dataclass

import numpy as np
from django.core.cache import cache
from django.utils.html import strip_tags

from practices.models import PracticePage

from .embeddings import DIMENSIONS, embed
from .models import PassageVector

GENERATION_KEY = "search-vectors-generation"
# Cosine below which a passage is not about the query. Measured on the demo with the judged
# queries (docs/search.md): relevant best passages mostly 0.25-0.65, unrelated ones up to ~0.35:
# 0.30 gave R@10 0.82, 0.25 gave 0.83 at the same P@5, 0.22 cost precision.
MIN_SIMILARITY = 0.25
MAX_RESULTS = 30  # semantic results per query: the text side brings the long tail
BATCH = 256


def passages(page) -> list[str]:
    """Title and summary; problem; each approach block; results; lessons: what a reader skims."""
    texts = [f"{page.title}. {page.summary}", strip_tags(page.problem or "")]
    for block in page.approach or []:
        texts.append(" ".join(str(part) for part in block.block.get_searchable_content(block.value)))
    indicators = [result.indicator for result in page.results.all()]
    if indicators:
        texts.append(". ".join(indicators))
    lessons = [str(part) for block in page.lessons or [] for part in block.block.get_searchable_content(block.value)]
    if lessons:
        texts.append(" ".join(lessons))
    return [" ".join(strip_tags(text).split()) for text in texts if text and text.strip()]


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def index_practices(pages) -> int:
    """Embed and store the passages of these pages; returns how many passages were embedded.

    Passages whose text is already stored (an alias in another language tree, an unchanged
    section) reuse their vector instead of being embedded again.
    """
    pages = list(pages)
    if not pages:
        return 0
    texts = {page.pk: passages(page) for page in pages}
    stored: dict[int, list[str]] = {}
    for page_id, digest in PassageVector.objects.filter(page_id__in=list(texts)).values_list("page_id", "digest"):
        stored.setdefault(page_id, []).append(digest)
    # Unchanged pages keep their rows: update_index runs this over every practice.
    texts = {pk: page_texts for pk, page_texts in texts.items() if stored.get(pk) != [_digest(t) for t in page_texts]}
    if not texts:
        return 0
    digests = {_digest(text): text for page_texts in texts.values() for text in page_texts}
    known = dict(
        PassageVector.objects.filter(digest__in=list(digests)).order_by().values_list("digest", "vector").distinct()
    )
    missing = [digest for digest in digests if digest not in known]
    for start in range(0, len(missing), BATCH):
        chunk = missing[start : start + BATCH]
        for digest, vector in zip(chunk, embed([digests[digest] for digest in chunk]), strict=True):
            known[digest] = vector.astype(np.float32).tobytes()
    PassageVector.objects.filter(page_id__in=list(texts)).delete()
    PassageVector.objects.bulk_create(
        PassageVector(page_id=pk, position=position, digest=_digest(text), vector=known[_digest(text)])
        for pk, page_texts in texts.items()
        for position, text in enumerate(page_texts)
    )
    changed()
    return len(missing)


def index_live_practices(*, chunk: int = 500) -> int:
    """Every live practice (update_index, embed_practices); vectors of the others are dropped."""
    live = PracticePage.objects.live().order_by("pk")
    embedded = 0
    ids = list(live.values_list("pk", flat=True))
    for start in range(0, len(ids), chunk):
        embedded += index_practices(live.filter(pk__in=ids[start : start + chunk]).prefetch_related("results"))
    stale = PassageVector.objects.exclude(page_id__in=live.values("pk"))
    if stale.exists():
        stale.delete()
        changed()
    return embedded


def remove_practices(page_ids) -> None:
    PassageVector.objects.filter(page_id__in=list(page_ids)).delete()
    changed()


def changed() -> None:
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


@dataclass
class Matrix:
    generation: str
    page_ids: np.ndarray  # one row per passage
    locale_ids: np.ndarray
    vectors: np.ndarray  # (passages, DIMENSIONS) float32, L2-normalised


_matrix: Matrix | None = None


def matrix() -> Matrix:
    global _matrix
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = uuid.uuid4().hex
        cache.add(GENERATION_KEY, generation, None)
        generation = cache.get(GENERATION_KEY) or generation
    if _matrix is None or _matrix.generation != generation:
        rows = list(PassageVector.objects.order_by().values_list("page_id", "page__locale_id", "vector"))
        _matrix = Matrix(
            generation=generation,
            page_ids=np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows)),
            locale_ids=np.fromiter((row[1] for row in rows), dtype=np.int64, count=len(rows)),
            vectors=np.frombuffer(b"".join(bytes(row[2]) for row in rows), dtype=np.float32).reshape(-1, DIMENSIONS),
        )
    return _matrix


def rank_by_meaning(query: str, *, locale_id: int, limit: int = MAX_RESULTS) -> list[tuple[int, float]]:
    """(page id, best passage's cosine) of the practices in one language tree closest to the
    query, best first, at most `limit`, none below MIN_SIMILARITY."""
    held = matrix()
    if not len(held.page_ids) or not query.strip():
        return []
    rows = np.flatnonzero(held.locale_ids == locale_id)
    scores = held.vectors[rows] @ embed([query])[0]
    best: dict[int, float] = {}
    for row in np.argsort(-scores):
        if scores[row] < MIN_SIMILARITY or len(best) >= limit:
            break
        best.setdefault(int(held.page_ids[rows[row]]), float(scores[row]))
    return list(best.items())
