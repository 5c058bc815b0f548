"""The admin log-in helper of the statistics tests, for the index notice and report."""

from tests.stats.conftest import login  # noqa: F401 (fixture)
