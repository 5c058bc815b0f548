"""gunicorn's settings for the image (Dockerfile's CMD): the app and the search's sentence encoder
are loaded once in the master, before it forks the workers, so that the workers share the model's
memory (copy-on-write) instead of each loading ~155 MB on its first search (docs/search.md, "The model").

Environment: PORT (8000), GUNICORN_WORKERS (3), GUNICORN_TIMEOUT (30).
"""

import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
accesslog = "-"
# Import Django and the site in the master (and fail there, once, on a broken settings module).
preload_app = True


def when_ready(server):
    """In the master, after the app is imported and before the first worker is forked."""
    from django.db import connections

    from search.embeddings import preload

    preload()
    # Nothing opened in the master may be shared by the workers: close what the start-up opened.
    connections.close_all()
