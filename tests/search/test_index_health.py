"""index_health compares live practices per language in the database and in the index (on osmem)."""

import pytest
from django.core.management import CommandError, call_command

from indexing import health
from practices.models import InstitutionPage
from search.engine import breaker
from tests.factories import make_practice

from .test_engine_down import closed_port_url, production_shape  # noqa: F401 (fixture)


def test_index_health_lists_what_the_index_misses_and_holds_stale_until_the_queue_is_replayed(
    production_shape,  # noqa: F811
    es,
    capsys,
):
    clone, point_at = production_shape
    institution = InstitutionPage.objects.get(locale=es, country__iso2="SV")
    unpublished = make_practice(institution, title="Brigada fluvial de registro", summary="Registro en el río.")
    call_command("index_health", verbosity=0)  # in step after the writes the engine took

    point_at(closed_port_url())
    published = make_practice(institution, title="Ventanilla única nocturna", summary="Atención nocturna.")
    unpublished.unpublish()
    point_at(clone.url)
    breaker.reset()

    report = {language.language: language for language in health.compare().languages}
    assert report["es"].missing == [published.pk] and report["es"].stale == [unpublished.pk]
    assert report["es"].database == report["es"].index  # one more, one less: the counts alone would not tell
    with pytest.raises(CommandError):
        call_command("index_health")
    out = capsys.readouterr().out
    assert f"missing: {published.pk}" in out and f"stale: {unpublished.pk}" in out

    call_command("process_index_queue", verbosity=0)
    call_command("index_health")
    assert health.compare().in_step
