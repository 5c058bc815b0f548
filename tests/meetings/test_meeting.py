from meetings.models import MeetingIndexPage
from practices.taxonomy import Mechanism
from tests.factories import make_meeting, make_practice


def test_a_meeting_page_shows_its_objectives_documents_and_practices(client, es, institution):
    practice = make_practice(institution, title="Práctica presentada en la reunión")
    meeting = make_meeting(
        es,
        objectives="<p>Avanzar en una hoja de ruta conjunta para 2026.</p>",
        mechanisms=list(Mechanism.objects.all()[:2]),
        related=[practice],
        documents=1,
    )
    html = client.get(meeting.get_url()).content.decode()
    assert "hoja de ruta conjunta para 2026" in html
    assert "Práctica presentada en la reunión" in html and practice.get_url() in html
    document = meeting.documents.get().document
    assert document.url in html
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_the_meetings_index_lists_the_newest_meeting_first(client, es):
    make_meeting(es, title="Primera reunión", start_date="2024-03-01", end_date=None)
    make_meeting(es, title="Segunda reunión", start_date="2025-09-24", end_date="2025-09-25")
    html = client.get(MeetingIndexPage.objects.get(locale=es).get_url()).content.decode()
    assert html.index("Segunda reunión") < html.index("Primera reunión")
