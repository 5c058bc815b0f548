import pytest
from django.core.management import call_command
from wagtail.models import Locale

from practices.models import PracticePage
from search.related import related_practices
from tests.factories import make_practice

pytestmark = pytest.mark.usefixtures("demo")  # reads the demo (issue 12: to convert)


def test_more_like_this_on_elasticsearch_finds_peers_never_itself_never_drafts(settings, request, institution):
    request.getfixturevalue("elasticsearch_backend")
    settings.WAGTAILSEARCH_BACKENDS = {
        **settings.WAGTAILSEARCH_BACKENDS,
        "default": settings.WAGTAILSEARCH_BACKENDS["elasticsearch"],
    }
    draft = make_practice(institution, title="Entrevistas de elegibilidad con intérpretes", publish=False)
    call_command("update_index", backend_name="default", verbosity=0)
    page = (
        PracticePage.objects.live()
        .filter(locale=Locale.objects.get(language_code="es"), title__icontains="entrevista")
        .first()
    )
    related = related_practices(page)
    assert 3 <= len(related) <= 5
    assert page.pk not in {p.pk for p in related} and draft.pk not in {p.pk for p in related}
    assert all(p.locale_id == page.locale_id for p in related)
