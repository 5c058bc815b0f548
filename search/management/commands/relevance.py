"""`make relevance`: the judged query set (search/relevance/judgements.py) through the search page's
own path, with P@5, R@10, MRR and nDCG@10 per language and the worst queries (docs/search.md).

Runs against the configured database with the demo content loaded and indexed; `--engine osmem`
starts an osmem-server and indexes into it first, as `make bench` does.
"""

import logging
import statistics
from collections import defaultdict

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection
from django.http import QueryDict
from wagtail.models import Locale

from practices.models import PracticePage
from search.forms import parse_search_parameters
from search.management.commands.bench import Command as Bench
from search.queries import search_practices
from search.relevance import metrics
from search.relevance.judgements import QUERIES

DEPTH = 10


class Command(BaseCommand):
    help = "Measures the search against the judged query set (see docs/search.md)."

    def add_arguments(self, parser):
        parser.add_argument("--engine", choices=["database", "osmem"], default="database")
        parser.add_argument("--worst", type=int, default=8, help="how many of the worst queries to list")
        parser.add_argument("--verbose-queries", action="store_true", help="print every query's top 10")

    def handle(self, *args, engine, worst, verbose_queries, **options):
        logging.getLogger("elastic_transport").setLevel(logging.WARNING)  # one line per request otherwise
        server = None
        if engine == "osmem":
            server = Bench().use_osmem()
            call_command("update_index", verbosity=0)
        try:
            rows = [self.measure(*query) for query in QUERIES]
        finally:
            if server is not None:
                server.close()
        label = f"{connection.vendor}{' + elasticsearch (osmem)' if engine == 'osmem' else ''}"
        self.stdout.write(f"Relevance on {label}: {len(rows)} judged queries")
        self.stdout.write(f"{'':10} {'n':>3} {'P@5':>6} {'/best':>6} {'R@10':>6} {'MRR':>6} {'nDCG':>6} {'empty':>6}")
        groups = defaultdict(list)
        for row in rows:
            groups[row["language"]].append(row)
            groups[row["kind"]].append(row)
        for name, group in [("all", rows), *sorted(groups.items())]:
            self.stdout.write(self.line(name, group))
        self.stdout.write("Worst queries (nDCG@10):")
        for row in sorted(rows, key=lambda row: (row["ndcg"], row["mrr"]))[:worst]:
            self.stdout.write(
                f"  {row['ndcg']:.2f} [{row['language']}] {row['query']!r} {row['params'] or ''}"
                f" -> {', '.join(row['ranked'][:5]) or 'nothing'}; missed {', '.join(row['missed']) or '-'}"
            )
        if verbose_queries:
            for row in rows:
                self.stdout.write(f"[{row['language']}] {row['query']!r}: {' '.join(row['ranked'])}")

    def measure(self, kind, language, query, params, judged) -> dict:
        locale = Locale.objects.get(language_code=language)
        data = QueryDict(mutable=True)
        data.update({"q": query, **params, "page_size": str(DEPTH)})
        page = search_practices(parse_search_parameters(data, locale=locale, allow_page_size=True))
        ids = [result.pk for result in page.results]
        codes = dict(PracticePage.objects.filter(pk__in=ids).values_list("pk", "external_id"))
        ranked = [codes[pk].removeprefix("demo-") for pk in ids]
        relevant = [item for item, grade in judged.items() if grade > 0]
        return {
            "kind": kind,
            "language": language,
            "query": query,
            "params": params,
            "ranked": ranked,
            "missed": [item for item in relevant if item not in ranked],
            "empty": page.count == 0,
            "p5": metrics.precision_at(ranked, judged),
            "best_p5": metrics.best_precision_at(judged),
            "r10": metrics.recall_at(ranked, judged),
            "mrr": metrics.reciprocal_rank(ranked, judged) if relevant else float(bool(ranked)),
            "ndcg": metrics.ndcg_at(ranked, judged) if relevant else float(bool(ranked)),
        }

    @staticmethod
    def line(name: str, rows: list[dict]) -> str:
        def mean(key):
            return statistics.fmean(row[key] for row in rows)

        share = mean("p5") / mean("best_p5")
        empty = sum(row["empty"] for row in rows)
        return (
            f"{name:10} {len(rows):>3} {mean('p5'):6.2f} {share:6.2f} {mean('r10'):6.2f} {mean('mrr'):6.2f}"
            f" {mean('ndcg'):6.2f} {empty:>6}"
        )
