"""Scheduled publishing and unpublishing (Wagtail's publish_scheduled), and discontinued practices
that stay published with a clear label."""

from datetime import timedelta
from unittest import mock

from django.core.management import call_command
from django.test import Client
from django.utils import timezone, translation

from practices.choices import PracticeStatus
from practices.models import PracticePage
from tests.factories import make_practice, translate


def test_a_practice_approved_for_a_future_date_goes_live_when_the_scheduler_runs(institution):
    page = make_practice(institution, publish=False, title="Práctica programada", slug="programada")
    page.go_live_at = timezone.now() + timedelta(days=2)
    revision = page.save_revision()
    revision.publish()  # what approval does: with a future go_live_at it is scheduled, not published
    page.refresh_from_db()
    assert not page.live and revision.approved_go_live_at is not None

    call_command("publish_scheduled", verbosity=0)
    assert not PracticePage.objects.get(pk=page.pk).live  # not yet

    three_days_later = timezone.now() + timedelta(days=3)
    with mock.patch("django.utils.timezone.now", return_value=three_days_later):
        call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert page.live and page.title == "Práctica programada"
    assert Client().get(page.url).status_code == 200


def test_a_practice_with_an_expiry_date_is_unpublished_by_the_scheduler(institution):
    page = make_practice(institution, title="Práctica con vencimiento", slug="con-vencimiento")
    PracticePage.objects.filter(pk=page.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert not page.live and page.expired
    assert Client().get(page.url or f"/es/instituciones/{institution.slug}/con-vencimiento/").status_code == 404


def label(language: str) -> str:
    with translation.override(language):
        return str(PracticeStatus.DISCONTINUED.label)


def test_a_discontinued_practice_stays_readable_and_says_so(institution, pt):
    page = make_practice(
        institution, title="Práctica discontinuada", slug="discontinuada", status=PracticeStatus.DISCONTINUED
    )
    assert page.live
    response = Client().get(page.url)
    assert response.status_code == 200
    body = response.content.decode()
    assert f"<dd>{label('es')}</dd>" in body  # the status row
    with translation.override("es"):
        notice = translation.gettext(
            "This practice has been discontinued. It stays here because what was learned remains useful."
        )
    assert notice in body

    response = Client().get("/es/buscar/", {"q": "Práctica discontinuada"})
    body = response.content.decode()
    assert "Práctica discontinuada" in body
    assert f'<span class="badge badge--discontinued">{label("es")}</span>' in body

    original = make_practice(institution, title="Práctica a traducir", aliases=True)
    translated = translate(original, "pt", title="Prática traduzida e descontinuada")
    translated.status = PracticeStatus.DISCONTINUED
    translated.save_revision().publish()
    response = Client().get("/pt/busca/", {"q": translated.title})
    assert translated.title in response.content.decode()
    assert f'<span class="badge badge--discontinued">{label("pt")}</span>' in response.content.decode()


def test_other_practices_carry_no_discontinued_badge(institution):
    make_practice(institution, title="Práctica vigente", slug="vigente", status=PracticeStatus.IMPLEMENTED)
    body = Client().get("/es/buscar/", {"q": "Práctica vigente"}).content.decode()
    # Its own card: the search may also list practices close in meaning, some discontinued.
    card = next(card for card in body.split('<article class="card practice-card">')[1:] if "Práctica vigente" in card)
    assert "badge--discontinued" not in card.split("</article>")[0]
