"""ELASTICSEARCH_TIMEOUT bounds searches and the single writes of a request; update_index's bulk
writes get ELASTICSEARCH_INDEX_TIMEOUT instead (a slow engine must not make a rebuild fail)."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from elastic_transport import ConnectionTimeout

from config.settings.env import search_backends_from_env
from indexing.models import IndexQueueEntry
from practices.models import PracticePage
from search.backends.elasticsearch import LanguageSearchBackend

pytestmark = pytest.mark.usefixtures("demo")  # reads the demo (issue 12: to convert)

ENGINE_DELAY = 1.5


class SlowEngine(BaseHTTPRequestHandler):
    """Answers every request like Elasticsearch, after ENGINE_DELAY seconds."""

    def _answer(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        time.sleep(ENGINE_DELAY)
        body = json.dumps({"took": 1, "errors": False, "items": [], "acknowledged": True}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_DELETE = _answer

    def log_message(self, *args):
        pass


@pytest.fixture
def slow_engine_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), SlowEngine)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_bulk_indexing_waits_for_a_slow_engine_that_a_request_does_not_wait_for(slow_engine_url, es):
    backend = LanguageSearchBackend(
        {
            "URLS": [slow_engine_url],
            "INDEX": "test_timeouts",
            "TIMEOUT": 0.5,
            "INDEX_TIMEOUT": 10,
            "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
        }
    )
    page = PracticePage.objects.live().filter(locale=es).first()
    started = time.monotonic()
    backend.get_index_for_model(PracticePage).add_items(PracticePage, [page])  # what update_index does
    assert time.monotonic() - started >= ENGINE_DELAY

    with pytest.raises(ConnectionTimeout):
        backend.add(page)  # a page saved in a request: the short timeout, then the queue
    assert IndexQueueEntry.objects.filter(object_id=str(page.pk), action="index").exists()


def test_the_index_timeout_comes_from_its_own_variable(monkeypatch):
    monkeypatch.setenv("SEARCH_BACKEND", "elasticsearch")
    monkeypatch.setenv("ELASTICSEARCH_TIMEOUT", "3")
    monkeypatch.delenv("ELASTICSEARCH_INDEX_TIMEOUT", raising=False)
    default = search_backends_from_env()["default"]
    assert (default["TIMEOUT"], default["INDEX_TIMEOUT"]) == (3, 300)
    monkeypatch.setenv("ELASTICSEARCH_INDEX_TIMEOUT", "900")
    assert search_backends_from_env()["default"]["INDEX_TIMEOUT"] == 900
