"""Whether the search engine failed moments ago: what it raises, and the circuit breaker.

Searches (search/engine.py, search/related.py) and index writes (indexing/backend.py) both trip
it and both skip the engine while it is open, so it sits here, below search.
"""

from django.core.cache import cache
from elastic_transport import TransportError
from elasticsearch import ApiError

# What a down, slow or failing engine raises (connection refused, timeout, 5xx, bad gateway…).
ENGINE_ERRORS = (ApiError, TransportError, ConnectionError, TimeoutError)
BREAKER_SECONDS = 30


class CircuitBreaker:
    """After the engine fails, skip it for a while instead of paying its timeout on every request.

    The open state lives in the shared cache: when one worker has found the engine down, the
    others skip it too instead of each paying the timeout once more."""

    KEY = "search:breaker-open"

    def __init__(self, seconds: float):
        self.seconds = seconds

    def is_open(self) -> bool:
        return cache.get(self.KEY) is not None

    def trip(self) -> None:
        cache.set(self.KEY, 1, self.seconds)

    def reset(self) -> None:
        cache.delete(self.KEY)


breaker = CircuitBreaker(BREAKER_SECONDS)
