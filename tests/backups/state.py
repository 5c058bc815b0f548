"""What must survive a backup and restore, as plain data that two processes can compare."""

import hashlib

SEARCHED_TITLE_WORDS = 2


def site_state(*, search: bool = False) -> dict:
    from wagtail.documents import get_document_model
    from wagtail.models import Locale, Revision

    from exchange.models import ExchangeRequest
    from practices.models import PracticePage

    documents = {}
    for document in get_document_model().objects.order_by("pk"):
        try:
            with document.file.open("rb") as handle:
                documents[str(document.pk)] = hashlib.sha256(handle.read()).hexdigest()
        except FileNotFoundError:
            documents[str(document.pk)] = None
    state = {
        "practices": {str(pk): title for pk, title in PracticePage.objects.values_list("pk", "title")},
        "live": sorted(PracticePage.objects.live().values_list("pk", flat=True)),
        "documents": documents,
        "revisions": sorted(Revision.objects.values_list("pk", flat=True)),
        "exchange_requests": {
            str(pk): email for pk, email in ExchangeRequest.objects.values_list("pk", "email").order_by("pk")
        },
    }
    if search:
        from search.engine import SearchRequest, run_search

        found = {}
        spanish = Locale.objects.get(language_code="es")
        for page in PracticePage.objects.live().filter(locale=spanish).order_by("pk")[:5]:
            words = " ".join(page.title.split()[:SEARCHED_TITLE_WORDS])
            outcome = run_search(SearchRequest(locale=spanish, query=words, limit=100))
            found[str(page.pk)] = page.pk in {result.pk for result in outcome.results}
        state["search"] = found
    return state
