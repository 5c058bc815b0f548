"""The OpenAPI document and the server agree: schemathesis generates requests from the document
(valid and invalid values of every parameter), sends them to a live server over HTTP and checks
each answer: never a server error, a status code and a content type the document names, a body
that matches the documented schema.

Bounded so that it fits in `make test`: EXAMPLES requests per operation and mode (about 20
operations).
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.browser.conftest import serving

# Valid requests check the answers' shape; invalid ones (a superscript for a year, a string for
# an integer, a value outside an enum) check that a bad value is a documented 4xx, never a 500.
EXAMPLES = {GenerationMode.POSITIVE: 25, GenerationMode.NEGATIVE: 10}
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture
def live_url(django_db_setup, django_db_blocker):
    with serving(django_db_blocker) as url:
        yield url


def _failures_of(operation, base_url, calls: list, mode: GenerationMode) -> list[str]:
    failures = []

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES[mode],
        deadline=None,
        derandomize=True,  # the same requests on every run: a failure in CI is one we can replay
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        calls.append(operation.label)
        try:
            case.call_and_validate(base_url=base_url, checks=CHECKS, timeout=30)
        except (Failure, FailureGroup) as error:  # one check's failure, or several at once
            failures.append(f"{operation.label} ({mode.value}): {str(error)[:1500]}")

    run()
    return failures


def test_server_agrees_with_its_openapi_document(live_url):
    schema = schemathesis.openapi.from_url(f"{live_url}/api/v2/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15
    calls: list[str] = []
    failures = [
        failure
        for operation in operations
        for mode in EXAMPLES
        for failure in _failures_of(operation, live_url, calls, mode)
    ]
    assert not failures, "\n\n".join(failures[:20])
    assert set(calls) == {operation.label for operation in operations}
    assert len(calls) >= 5 * len(operations)  # several requests per operation, not one
