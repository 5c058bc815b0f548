from meetings.models import MeetingPage


def test_the_second_regional_technical_meeting_is_in_the_demo(client, es):
    meeting = MeetingPage.objects.get(locale=es, start_date="2025-09-24")
    assert meeting.place.startswith("Ciudad de Panamá")
    assert meeting.end_date.isoformat() == "2025-09-25"
    assert meeting.mechanisms.count() >= 2
    html = client.get(meeting.get_url()).content.decode()
    assert "hoja de ruta conjunta para 2026" in html
    assert meeting.related_practices.count() > 0
    document = meeting.documents.get().document
    assert document.file_extension == "pdf"
    assert document.url in html
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
