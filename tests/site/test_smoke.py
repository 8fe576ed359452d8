import pytest


@pytest.mark.django_db
def test_home_answers(client, initial_content):
    response = client.get("/")
    assert response.status_code == 200
    assert "Action Internationale des Collectivités" in response.content.decode()
