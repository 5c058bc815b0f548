"""A meeting cannot end before it starts: the model refuses it, and the editor says why in her language."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from meetings.models import MeetingIndexPage, MeetingPage


def meeting(es, **dates) -> MeetingPage:
    return MeetingPage(title="Reunión de prueba", slug="reunion-de-prueba", place="Quito, Ecuador", locale=es, **dates)


def test_a_meeting_ending_before_it_starts_is_refused(es):
    with pytest.raises(ValidationError) as refused, translation.override("es"):
        meeting(es, start_date=date(2026, 5, 10), end_date=date(2026, 5, 9)).clean()
    assert refused.value.message_dict == {"end_date": ["La reunión no puede terminar antes de comenzar."]}


@pytest.mark.parametrize("end_date", [date(2026, 5, 10), date(2026, 5, 11), None])
def test_a_one_day_or_longer_meeting_or_no_end_date_is_accepted(es, end_date):
    meeting(es, start_date=date(2026, 5, 10), end_date=end_date).clean()


def meeting_form(**dates):
    return nested_form_data(
        {
            "title": "Tercera reunión técnica",
            "slug": "tercera-reunion-tecnica",
            "place": "Quito, Ecuador",
            "summary": "",
            "objectives": rich_text(""),
            "agenda": streamfield([]),
            "original_language": "es",
            "documents": inline_formset([]),
            "related_practices": inline_formset([]),
            "comments": inline_formset([]),
            **dates,
        }
    )


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("es", "La reunión no puede terminar antes de comenzar."),
        ("pt-br", "A reunião não pode terminar antes de começar."),
    ],
)
def test_the_editor_sees_the_refusal_in_her_admin_language(admin_client, admin_user, es, language, message):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = language
    profile.save()
    index = MeetingIndexPage.objects.get(locale=es)
    url = f"/admin/pages/add/meetings/meetingpage/{index.pk}/"
    response = admin_client.post(url, meeting_form(start_date="2026-05-10", end_date="2026-05-09"))
    assert response.status_code == 200  # the form again, with the message; not a 500, nothing saved
    assert message in response.content.decode()
    assert not MeetingPage.objects.filter(slug="tercera-reunion-tecnica").exists()
    response = admin_client.post(url, meeting_form(start_date="2026-05-10", end_date="2026-05-11"))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert MeetingPage.objects.get(slug="tercera-reunion-tecnica", locale=es).end_date == date(2026, 5, 11)
