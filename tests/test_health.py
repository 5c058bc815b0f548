def test_health_answers_without_a_language_prefix(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
