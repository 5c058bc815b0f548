"""`make bench`: a deterministic corpus, then the search page timed against the work under it.

Prints, for the configured database (and Elasticsearch on osmem with --engine osmem): medians and
p95 of the search page (text + two filters + all facets + 20 results), of the engine calls it
makes (`run_search`), of a naive search view like the one `wagtail start` writes, and of a trivial
view; the reindex time; SQL queries and engine requests per search page. Never run against a
database that matters: it adds thousands of fictitious practices.
"""

import contextlib
import io
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import override_settings
from django.utils import timezone
from wagtail.models import Locale

from core import pagecache
from practices.models import InstitutionPage, PracticePage, ResultIndicator
from practices.taxonomy import Mechanism, ProcedureStage, Topic
from search import embeddings, semantic
from search import log as search_log
from search.engine import run_search
from search.forms import parse_search_parameters
from search.semantic import index_live_practices

WORDS = (
    "registro entrevista rezago digitalización frontera notificación apelación capacitación calidad integridad "
    "solicitudes refugio niñas mujeres intérpretes oficina plataforma expediente decisión protocolo comunidad"
).split()
QUERIES = ["rezago", "entrevista", "registro frontera", "digitalización", "calidad", "solicitudes", "intérpretes"]


class Command(BaseCommand):
    help = "Benchmarks the search page against the engine work under it (see docs/performance.md)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=10_000)
        parser.add_argument("--rounds", type=int, default=30)
        parser.add_argument("--engine", choices=["database", "osmem"], default="database")
        parser.add_argument("--no-reindex", action="store_true", help="reuse the index (a second run on one corpus)")
        parser.add_argument("--load-only", action="store_true", help="only the load runs")
        parser.add_argument(
            "--load-seconds", type=int, default=60, help="length of the 50-client load run with wrk (0: skip it)"
        )
        parser.add_argument(
            "--clients", type=int, nargs="+", default=[16, 50], help="wrk connections, one load run each"
        )

    def handle(self, *args, count, rounds, engine, load_seconds, clients, no_reindex, load_only, **options):
        # By name: the site is assembled by home/, which sits above search (docs/architecture.md).
        call_command("setup_site", stdout=io.StringIO())
        existing = PracticePage.objects.filter(external_id__startswith="bench-").count()
        if existing < count:
            started = time.perf_counter()
            self.generate(existing, count)
            self.stdout.write(f"generated {count - existing} practices in {time.perf_counter() - started:.1f} s")
        server = None
        if engine == "osmem":
            server = self.use_osmem()
        try:
            # The vectors first, timed on their own; update_index then finds them unchanged.
            started = time.perf_counter()
            embedded = 0 if load_only else index_live_practices()
            self.stdout.write(f"embedded {embedded} new passages in {time.perf_counter() - started:.1f} s")
            started = time.perf_counter()
            if not (no_reindex or load_only):
                call_command("update_index", backend_name="default", verbosity=0)
            reindex = time.perf_counter() - started
            if not load_only:
                self.report(rounds, reindex, engine)
            if load_seconds:
                self.load_run(load_seconds, clients, server.url if server else "")
        finally:
            if server:
                server.close()

    def generate(self, start: int, count: int) -> None:
        rng = random.Random(20260924)
        now = timezone.now()
        # One transaction per batch and no index update per page: the corpus is indexed once
        # after, by the timed reindex.
        without_auto_update = {
            name: {**options, "AUTO_UPDATE": False} for name, options in settings.WAGTAILSEARCH_BACKENDS.items()
        }
        with override_settings(WAGTAILSEARCH_BACKENDS=without_auto_update):
            for batch_start in range(start, count, 500):
                with transaction.atomic():
                    self.generate_batch(rng, range(batch_start, min(batch_start + 500, count)), now)
                self.stdout.write(f"  {min(batch_start + 500, count)} practices")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

    def generate_batch(self, rng, numbers, now) -> None:
        locale = Locale.get_default()
        institutions = list(InstitutionPage.objects.filter(locale=locale))
        topics, stages = list(Topic.objects.all()), list(ProcedureStage.objects.all())
        mechanisms = list(Mechanism.objects.all())
        for number in numbers:
            rng.seed(number)
            words = rng.sample(WORDS, 8)
            page = PracticePage(
                title=f"Práctica {number}: {' '.join(words[:4])}",
                slug=f"bench-{number}",
                external_id=f"bench-{number}",
                summary=" ".join(words),
                problem=f"<p>{' '.join(rng.sample(WORDS, 12))}</p>",
                kind=rng.choice(["practice", "lesson"]),
                status=rng.choice(["pilot", "implemented", "scaled", "discontinued"]),
                year_started=rng.randint(2012, 2025),
                locale=locale,
                live=True,
                first_published_at=now,
                last_published_at=now,
                is_demo=True,
            )
            page.stages = rng.sample(stages, 2)
            page.mechanisms = rng.sample(mechanisms, 1)
            page.topics.set(rng.sample(topics, 2))
            page.results = [
                ResultIndicator(
                    indicator="Tiempo medio", baseline=300, result=rng.randint(30, 250), unit="días", locale=locale
                )
            ]
            rng.choice(institutions).add_child(instance=page)

    def use_osmem(self):
        from django.conf import settings
        from osmem_server import OsmemServer

        # Only with --engine osmem: the test suite's osmem node (tests/ is not part of the site).
        from tests.search.osmem import PlainJsonNode

        server = OsmemServer.start()
        settings.WAGTAILSEARCH_BACKENDS = {
            "default": {
                "BACKEND": "search.backends.elasticsearch",
                "URLS": [server.url],
                "INDEX": "bench",
                "TIMEOUT": 300,  # bulk indexing 10,000 documents into osmem on a busy machine
                "OPTIONS": {"node_class": PlainJsonNode},
            },
            "database": settings.WAGTAILSEARCH_BACKENDS["default"],
        }
        return server

    def report(self, rounds: int, reindex: float, engine: str) -> None:
        client = Client()
        codes = ["MX", "CR", "CO", "EC", "PE", "BR", "AR"]
        requests = [
            {"q": QUERIES[i % len(QUERIES)], "country": codes[i % len(codes)], "kind": "practice"}
            for i in range(rounds)
        ]
        locale = Locale.objects.get(language_code="es")

        def page(params):
            # Uncached: the page cache would answer repeated parameters from Redis.
            with override_settings(PAGE_CACHE_SECONDS=0):
                response = client.get("/es/buscar/", params)
            if response.status_code != 200:
                raise CommandError(f"the search page answered {response.status_code} for {params}")

        def listing(params):
            with override_settings(PAGE_CACHE_SECONDS=0):
                client.get("/es/buscar/", {"country": params["country"]})

        def engine_only(params):
            from django.http import QueryDict

            data = QueryDict(mutable=True)
            data.update(params)
            run_search(parse_search_parameters(data, locale=locale).request)

        def naive(params):
            # The search view `wagtail start` writes (search/bench_views.py), rendered.
            client.get("/bench/naive-search/", {"q": params["q"]})

        def trivial(params):
            client.get("/healthz")

        def floor_words(params):
            floor.words(params["q"], params["country"], params["kind"])

        def floor_listing(params):
            floor.listing(params["country"])

        floor = Floor(locale)
        functions = {
            "trivial view": trivial,
            "floor, words": floor_words,
            "search page, words": page,
            "floor, no words": floor_listing,
            "search page, no words": listing,
            "engine (run_search)": engine_only,
            "naive wagtail view": naive,
        }
        timings = {name: self.time(function, requests) for name, function in functions.items()}
        timings.update(self.page_cache_timings(requests, locale))
        timings.update(self.semantic_timings(requests))
        # The search log writes in batches (search/log.py); empty it so that the page counted is an
        # ordinary one, not the one in a hundred that carries the batch.
        search_log.flush()
        statements = []
        with connection.execute_wrapper(lambda execute, sql, *args: statements.append(sql) or execute(sql, *args)):
            page(requests[0])
        calls = self.engine_requests(requests[0]) if engine == "osmem" else 0
        total = PracticePage.objects.live().filter(locale=locale).count()
        self.stdout.write(f"\n== {engine} on {connection.vendor}, {total} practices ==")
        self.stdout.write(f"{'':24} {'median ms':>10} {'p95 ms':>10}")
        for name, (median, p95) in timings.items():
            self.stdout.write(f"{name:24} {median:10.1f} {p95:10.1f}")
        page_median, engine_median = timings["search page, words"][0], timings["engine (run_search)"][0]
        trivial_median = timings["trivial view"][0]
        self.stdout.write(f"page / engine ratio: {page_median / engine_median:.2f}")
        for name in ("words", "no words"):
            page_ms, floor_ms = timings[f"search page, {name}"][0], timings[f"floor, {name}"][0]
            self.stdout.write(
                f"search page, {name}: page / floor {page_ms / floor_ms:.2f}, "
                f"page / trivial {page_ms / trivial_median:.0f}"
            )
        self.stdout.write(f"SQL queries per search page: {len(statements)}")
        if engine == "osmem":
            self.stdout.write(f"engine requests per search page: {calls}")
        self.stdout.write(f"full reindex: {reindex:.1f} s")

    def page_cache_timings(self, requests, locale) -> dict:
        """Anonymous pages rendered (the page cache forgotten before each request) and served from
        the page cache (core/pagecache.py), side by side with the trivial view above."""
        practice = PracticePage.objects.live().filter(locale=locale).order_by("pk").first()
        institution = InstitutionPage.objects.live().filter(locale=locale).order_by("pk").first()
        addresses = {
            "home": "/es/",
            "practice page": practice.get_url(None),
            "institution page": institution.get_url(None),
            "search page": "/es/buscar/?q=rezago&country=MX&kind=practice",
        }
        timings = {}
        with override_settings(PAGE_CACHE_SECONDS=3600):
            for name, address in addresses.items():
                visitor = Client()

                def cold(params, address=address, visitor=visitor):
                    pagecache.bump()
                    visitor.get(address)

                def warm(params, address=address, visitor=visitor):
                    visitor.get(address)

                timings[f"{name} (rendered)"] = self.time(cold, requests)
                visitor.get(address)
                timings[f"{name} (cached)"] = self.time(warm, requests)
        return timings

    def semantic_timings(self, requests) -> dict:
        """The hybrid path's own steps: embedding the query, and the matrix product over every passage."""
        import numpy as np

        held = semantic.matrix()
        vectors = {}

        def embed(params):
            vectors[params["q"]] = embeddings.embed([params["q"]])[0]

        def vector_step(params):
            scores = held.vectors @ vectors[params["q"]]
            np.argpartition(-scores, min(len(scores) - 1, semantic.MAX_RESULTS))

        self.stdout.write(f"passages in the vector matrix: {len(held.page_ids)} ({held.vectors.nbytes / 1e6:.0f} MB)")
        return {"query embedding": self.time(embed, requests), "vector step": self.time(vector_step, requests)}

    @staticmethod
    def time(function, requests):
        function(requests[0])  # warm caches
        samples = []
        for params in requests:
            started = time.perf_counter()
            function(params)
            samples.append((time.perf_counter() - started) * 1000)
        samples.sort()
        return statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)]

    @staticmethod
    def engine_requests(params) -> int:
        """Requests the search page sends to the engine, counted on the client class (every instance)."""
        from elasticsearch import Elasticsearch

        calls = []
        original = Elasticsearch.search

        def counting(self, *args, **kwargs):
            calls.append(1)
            return original(self, *args, **kwargs)

        Elasticsearch.search = counting
        try:
            Client().get("/es/buscar/", params)
        finally:
            Elasticsearch.search = original
        return len(calls)

    def load_run(self, seconds: int, clients: list[int], osmem_url: str) -> None:
        """wrk against gunicorn on loopback, `seconds` per run: the trivial view, cached anonymous
        pages (home, institutions, practices) and uncached search pages (varied queries and
        filters; the page cache off in that server), each with every number of `clients`; then
        the memory of each worker."""
        wrk = shutil.which("wrk")
        if not wrk:
            self.stdout.write("load run skipped: wrk is not installed (apt-get install wrk)")
            return
        workers = max(2, (os.cpu_count() or 1) * 2)
        locale = Locale.objects.get(language_code="es")
        cached = ["/es/"] + [page.get_url(None) for page in InstitutionPage.objects.live().filter(locale=locale)]
        practices = PracticePage.objects.live().filter(locale=locale).order_by("pk")[:30]
        cached += [page.get_url(None) for page in practices]
        runs = [
            ("trivial view", ["/healthz"], True),
            ("cached pages", cached, True),
            ("search, uncached", self.search_paths(), False),
        ]
        self.stdout.write(f"\nload runs: wrk, {seconds} s each, gunicorn with {workers} sync workers")
        self.stdout.write(f"{'':18} {'clients':>7} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}  errors")
        for name, paths, page_cache in runs:
            with self.gunicorn(workers, osmem_url, page_cache) as (port, pids):
                # Fill the page cache (each worker's own with local memory), or warm each worker.
                for path in paths if page_cache else paths[: 2 * workers]:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=120).read()
                for count in clients:
                    result = _wrk(wrk, port, paths, count, seconds)
                    self.stdout.write(
                        f"{name:18} {count:7} {result['rate']:8.1f} {result['p50']:8.0f} {result['p99']:8.0f}  "
                        f"{result['errors']}"
                    )
                if name == "search, uncached":
                    rss = [_rss_mb(pid) for pid in pids]
                    sizes = ", ".join(f"{size:.0f} MB" for size in rss)
                    self.stdout.write(f"memory per worker after the search runs (RSS): {sizes}")

    @contextlib.contextmanager
    def gunicorn(self, workers: int, osmem_url: str, page_cache: bool):
        port = _free_port()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.bench",
            "BENCH_OSMEM_URL": osmem_url,
            "BENCH_PAGE_CACHE": "1" if page_cache else "0",
        }
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "config.wsgi", "-w", str(workers), "-b", f"127.0.0.1:{port}"]
            + ["-t", "120"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            _wait_for(f"http://127.0.0.1:{port}/healthz")
            children = Path(f"/proc/{server.pid}/task/{server.pid}/children")
            pids = [int(pid) for pid in children.read_text().split()] if children.exists() else []
            yield port, pids
        finally:
            server.terminate()
            try:
                server.wait(timeout=60)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()

    def search_paths(self) -> list[str]:
        rng = random.Random(7)
        codes = ["MX", "CR", "CO", "EC", "PE", "BR", "AR", "PA", "GT", "HN"]
        stages = list(ProcedureStage.objects.values_list("slug", flat=True))
        paths = []
        for number in range(300):
            query = urllib.parse.urlencode(
                [("q", rng.choice(QUERIES)), ("country", rng.choice(codes))]
                + ([("stage", rng.choice(stages))] if number % 3 == 0 else [])
                + ([("kind", "lesson")] if number % 4 == 0 else [])
                + ([("sort", "newest")] if number % 5 == 0 else [])
            )
            paths.append(f"/es/buscar/?{query}")
        return paths


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, seconds: float = 300) -> None:
    # Workers import Django, Wagtail and the embedding model: over a minute on a loaded 2-core machine.
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=30).read()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def _wrk(wrk: str, port: int, paths: list[str], clients: int, seconds: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "bench.lua"
        script.write_text(_wrk_script(paths))
        output = subprocess.run(
            [
                wrk,
                "-t2",
                f"-c{clients}",
                f"-d{seconds}s",
                "--timeout",
                "30s",
                "-s",
                str(script),
                f"http://127.0.0.1:{port}",
            ],
            capture_output=True,
            text=True,
            timeout=seconds + 120,
            check=False,
        ).stdout
    result = {"rate": 0.0, "p50": 0.0, "p99": 0.0, "errors": output.strip()[-200:]}
    for line in output.splitlines():
        words = line.replace(",", "").split()
        if line.startswith("requests/s"):
            result["rate"] = float(words[1])
        elif line.startswith("latency"):
            result["p50"], result["p99"] = float(words[3]), float(words[7])
        elif line.startswith("errors"):
            result["errors"] = line.removeprefix("errors: ")
    return result


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _wrk_script(paths: list[str]) -> str:
    """wrk picks a path at random per request and prints rate, p50/p95/p99 and every kind of error."""
    listed = ",\n".join(f"  {_lua_string(path)}" for path in paths)
    return (
        f"local paths = {{\n{listed}\n}}\n"
        "math.randomseed(20260924)\n"
        "request = function() return wrk.format('GET', paths[math.random(#paths)]) end\n"
        "done = function(summary, latency, requests)\n"
        "  local seconds = summary.duration / 1e6\n"
        "  io.write(string.format('requests/s %.1f (%d requests)\\n', summary.requests / seconds, summary.requests))\n"
        "  io.write(string.format('latency ms: p50 %.0f, p95 %.0f, p99 %.0f, max %.0f\\n',\n"
        "    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,\n"
        "    latency.max / 1000))\n"
        "  local e = summary.errors\n"
        "  io.write(string.format('errors: connect %d, read %d, write %d, timeout %d, non-2xx/3xx %d\\n',\n"
        "    e.connect, e.read, e.write, e.timeout, e.status))\n"
        "end\n"
    )


def _lua_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Floor:
    """The yardstick: what the search page needs from the database (the first 20 ids by text
    relevance and every facet's counts for the same request) in the fewest statements written by
    hand: one. The match is taken once as a materialised CTE, each facet counted over it; the text
    expression and its relevance are the engine's own (same query, same ranking), so the ids are
    the same as the page's text ranking (the page also fuses results found by meaning)."""

    def __init__(self, locale):
        from django.contrib.contenttypes.models import ContentType

        self.locale = locale
        self.content_type = ContentType.objects.get_for_model(PracticePage).pk

    # The facets, by hand: (label, SQL of the value, join). `f` is the CTE of the matches with one
    # boolean per filter of the request (`s_country`, `s_kind`).
    FACET_BRANCHES = [
        ("country", "f.country_id", "", "s_kind"),
        ("country", "l.country_id", "JOIN practices_practicepage_partners l ON l.practicepage_id = f.id", "s_kind"),
        ("institution", "f.institution_id", "", "s_country AND s_kind"),
        (
            "mechanism",
            "l.mechanism_id",
            "JOIN practices_practicepage_mechanisms l ON l.practicepage_id = f.id",
            "s_country AND s_kind",
        ),
        ("topic", "l.tag_id", "JOIN practices_taggedtopic l ON l.content_object_id = f.id", "s_country AND s_kind"),
        (
            "stage",
            "l.procedurestage_id",
            "JOIN practices_practicepage_stages l ON l.practicepage_id = f.id",
            "s_country AND s_kind",
        ),
        ("kind", "f.kind", "", "s_country"),
        ("status", "f.status", "", "s_country AND s_kind"),
        ("language", "f.original_language", "", "s_country AND s_kind"),
    ]

    def statement(self, matches: str, order: str, *, kind: bool, rank: str = "") -> str:
        """`matches`: SQL of (id, score) for the practices matched; `order`: of the top 20 (or
        `rank`: a relevance expression on the index entry `e`, computed for the top's candidates)."""
        passing = "s_country AND s_kind" if kind else "s_country"
        branches = []
        for label, value, join, where in self.FACET_BRANCHES:
            where = where if kind else where.replace(" AND s_kind", "").replace("s_kind", "1 = 1")
            where = where.replace("s_", "f.s_")
            branches.append(
                f"SELECT '{label}', CAST({value} AS text), COUNT(*) FROM f {join} WHERE {where} GROUP BY {value}"
            )
        if rank:  # relevance computed for the passing matches only, on their index entries
            entry = "e.content_type_id = %(ct)s AND e.object_id = CAST(f.id AS text)"
            top = (
                f"SELECT 'top', CAST(f.id AS text), 0 FROM f JOIN wagtailsearch_indexentry e ON {entry} "
                f"WHERE {passing.replace('s_', 'f.s_')} ORDER BY {rank} DESC, f.id DESC LIMIT 20"
            )
        else:
            top = f"SELECT 'top', CAST(id AS text), 0 FROM f WHERE {passing} ORDER BY {order} LIMIT 20"
        branches.append(f"SELECT * FROM ({top}) t")
        return (
            f"WITH f AS MATERIALIZED (SELECT p.page_ptr_id AS id, m.score, w.first_published_at, p.country_id, "
            f"p.institution_id, p.kind, p.status, p.original_language, "
            f"(p.country_id = %(country)s OR p.page_ptr_id IN (SELECT practicepage_id FROM "
            f"practices_practicepage_partners WHERE country_id = %(country)s)) AS s_country, "
            f"p.kind = %(kind)s AS s_kind "
            f"FROM ({matches}) m JOIN practices_practicepage p ON p.page_ptr_id = m.id "
            f"JOIN wagtailcore_page w ON w.id = p.page_ptr_id WHERE w.live AND w.locale_id = %(locale)s) "
            + " UNION ALL ".join(branches)
        )

    def run(self, sql: str, params: dict) -> list:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def country(self, code: str) -> int:
        from practices.taxonomy import Country

        return Country.objects.get(iso2=code).pk

    def words(self, query: str, code: str, kind: str) -> list:
        from search.text import text_query

        text = text_query(query)
        params = {"country": self.country(code), "kind": kind, "locale": self.locale.pk, "ct": self.content_type}
        if connection.vendor == "postgresql":
            tsquery, rank = self.postgres_text(text)
            matches = (
                "SELECT CAST(e.object_id AS integer) AS id, 0 AS score FROM wagtailsearch_indexentry e "
                f"WHERE e.content_type_id = %(ct)s AND (e.title || e.body) @@ {tsquery}"
            )
            return self.run(self.statement(matches, "", kind=True, rank=rank), params)
        else:
            from search.backends.sqlite import StemmingSQLiteQueryCompiler

            compiler = StemmingSQLiteQueryCompiler(PracticePage.objects.all(), text)
            params["match"] = compiler._single_match()
            matches = (
                "SELECT CAST(e.object_id AS integer) AS id, m.score FROM (SELECT rowid AS id, "
                "bm25(wagtailsearch_indexentry_fts, 0.0, 1.0, 2.0) AS score FROM wagtailsearch_indexentry_fts "
                "WHERE wagtailsearch_indexentry_fts MATCH %(match)s) m CROSS JOIN wagtailsearch_indexentry e "
                "ON e.id = m.id WHERE e.content_type_id = %(ct)s"
            )
            order = "score, id DESC"
        return self.run(self.statement(matches, order, kind=True), params)

    def listing(self, code: str) -> list:
        params = {"country": self.country(code), "kind": "", "locale": self.locale.pk}
        matches = "SELECT page_ptr_id AS id, 0 AS score FROM practices_practicepage"
        return self.run(self.statement(matches, "first_published_at DESC, id DESC", kind=False), params)

    @staticmethod
    def postgres_text(text) -> tuple[str, str]:
        """The engine's tsquery and relevance as SQL text (literal: the floor binds no query text)."""
        from django.db.models import F
        from wagtail.search.backends import get_search_backend
        from wagtail.search.models import IndexEntry

        backend = get_search_backend()
        compiler = backend.query_compiler_class(PracticePage.objects.all(), text, order_by_relevance=True)
        config = compiler.get_config(backend)
        tsquery = compiler.build_tsquery(compiler.query, config=config)
        rank = compiler._build_rank_expression([(F("title"), F("title_norm")), (F("body"), 1.0)], config)
        query = IndexEntry.objects.annotate(q=tsquery, r=rank).values("q", "r").query
        sql_compiler = query.get_compiler(connection=connection)
        pieces = []
        for expression in (query.annotations["q"], query.annotations["r"]):
            sql, params = sql_compiler.compile(expression)
            with connection.cursor() as cursor:
                literal = cursor.mogrify(sql, params)
            pieces.append(literal.decode() if isinstance(literal, bytes) else literal)
        return tuple(piece.replace('"wagtailsearch_indexentry".', "e.") for piece in pieces)
