"""`make bench`: a deterministic corpus, then the search page timed against the work under it.

Prints, for the configured database (and Elasticsearch on osmem with --engine osmem): medians and
p95 of the search page (text + two filters + all facets + 20 results), of the engine calls it
makes (`run_search`), of a naive search view like the one `wagtail start` writes, and of a trivial
view; the reindex time; SQL queries and engine requests per search page. Never run against a
database that matters: it adds thousands of fictitious practices.
"""

import random
import statistics
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, Page

from practices.models import InstitutionPage, PracticePage, ResultIndicator
from practices.services import ensure_site_tree
from practices.taxonomy import Mechanism, ProcedureStage, Topic

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

    def handle(self, *args, count, rounds, engine, **options):
        ensure_site_tree()
        existing = PracticePage.objects.filter(external_id__startswith="bench-").count()
        if existing < count:
            started = time.perf_counter()
            self.generate(existing, count)
            self.stdout.write(f"generated {count - existing} practices in {time.perf_counter() - started:.1f} s")
        server = None
        if engine == "osmem":
            server = self.use_osmem()
        try:
            started = time.perf_counter()
            call_command("update_index", verbosity=0)
            reindex = time.perf_counter() - started
            self.report(rounds, reindex, engine)
        finally:
            if server:
                server.close()

    def generate(self, start: int, count: int) -> None:
        rng = random.Random(20260924)
        locale = Locale.get_default()
        institutions = list(InstitutionPage.objects.filter(locale=locale))
        topics, stages = list(Topic.objects.all()), list(ProcedureStage.objects.all())
        mechanisms = list(Mechanism.objects.all())
        now = timezone.now()
        for number in range(start, count):
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
            if number % 1000 == 999:
                self.stdout.write(f"  {number + 1} practices")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

    def use_osmem(self):
        from django.conf import settings
        from osmem_server import OsmemServer

        from tests.search.osmem import PlainJsonNode

        server = OsmemServer.start()
        settings.WAGTAILSEARCH_BACKENDS = {
            "default": {
                "BACKEND": "search.backends.elasticsearch",
                "URLS": [server.url],
                "INDEX": "bench",
                "TIMEOUT": 60,
                "OPTIONS": {"node_class": PlainJsonNode},
            },
            "database": settings.WAGTAILSEARCH_BACKENDS["default"],
        }
        return server

    def report(self, rounds: int, reindex: float, engine: str) -> None:
        from search.engine import run_search
        from search.forms import parse_search_parameters

        client = Client()
        codes = ["MX", "CR", "CO", "EC", "PE", "BR", "AR"]
        requests = [
            {"q": QUERIES[i % len(QUERIES)], "country": codes[i % len(codes)], "kind": "practice"}
            for i in range(rounds)
        ]
        locale = Locale.objects.get(language_code="es")

        def page(params):
            client.get("/es/buscar/", params)

        def engine_only(params):
            from django.http import QueryDict

            data = QueryDict(mutable=True)
            data.update(params)
            run_search(parse_search_parameters(data, locale=locale).request)

        def naive(params):
            # As the search view `wagtail start` writes: live pages, .search(), a page of 10.
            results = list(Page.objects.live().search(params["q"])[:10])
            return results

        def trivial(params):
            client.get("/healthz")

        functions = {
            "search page": page,
            "engine (run_search)": engine_only,
            "naive wagtail view": naive,
            "trivial view": trivial,
        }
        timings = {name: self.time(function, requests) for name, function in functions.items()}
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            page(requests[0])
        calls = self.engine_requests(requests[0]) if engine == "osmem" else 0
        total = PracticePage.objects.live().filter(locale=locale).count()
        self.stdout.write(f"\n== {engine} on {connection.vendor}, {total} practices ==")
        self.stdout.write(f"{'':24} {'median ms':>10} {'p95 ms':>10}")
        for name, (median, p95) in timings.items():
            self.stdout.write(f"{name:24} {median:10.1f} {p95:10.1f}")
        page_median, engine_median = timings["search page"][0], timings["engine (run_search)"][0]
        self.stdout.write(f"page / engine ratio: {page_median / engine_median:.2f}")
        self.stdout.write(f"SQL queries per search page: {len(queries.captured_queries)}")
        if engine == "osmem":
            self.stdout.write(f"engine requests per search page: {calls}")
        self.stdout.write(f"full reindex: {reindex:.1f} s")

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
