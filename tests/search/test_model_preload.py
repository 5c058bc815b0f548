"""The image's gunicorn settings load the sentence encoder in the master, before the workers fork,
so that they share it (docker/gunicorn.conf.py; memory per worker in docs/search.md)."""

import runpy
from pathlib import Path

from search import embeddings

CONFIG = Path(__file__).resolve().parents[2] / "docker" / "gunicorn.conf.py"


def test_the_gunicorn_master_loads_the_model_before_forking(db):
    settings = runpy.run_path(str(CONFIG))
    assert settings["preload_app"] is True
    loads = embeddings.loads
    settings["when_ready"](None)  # what gunicorn's arbiter calls before spawning the workers
    assert embeddings._model is not None
    assert embeddings.loads <= max(loads, 1)  # loaded at most once in this process, ever
