"""Issue 13: a wrong track over REST names the conference's tracks."""

import pytest


CONFERENCE = {
    "@type": "Conference",
    "id": "pwc",
    "title": "PWC 2023",
    "start": "2023-03-13T09:00:00+00:00",
    "end": "2023-03-17T18:00:00+00:00",
    "tracks": ["App Dev", "Cloud", "Culture"],
}
MESSAGE = "“Foo” is not one of this conference's tracks: App Dev, Cloud, Culture."


@pytest.fixture
def conference(functional_portal, manager_request):
    response = manager_request.post("/", json=CONFERENCE)
    assert response.status_code == 201, response.text


def _messages(response):
    assert response.status_code == 400, (response.status_code, response.text)
    message = response.json().get("message")
    if isinstance(message, list):
        return [error.get("message", "") for error in message]
    return [str(message)]


def test_create_with_unknown_track(conference, manager_request):
    response = manager_request.post(
        "/pwc", json={"@type": "TalkRecap", "title": "Talk", "track": "Foo"}
    )
    assert MESSAGE in " ".join(_messages(response)), response.text
    assert "Constraint not satisfied" not in response.text


def test_update_with_unknown_track(conference, manager_request):
    response = manager_request.post(
        "/pwc", json={"@type": "TalkRecap", "id": "talk", "title": "Talk"}
    )
    assert response.status_code == 201, response.text
    response = manager_request.patch("/pwc/talk", json={"track": "Foo"})
    assert MESSAGE in " ".join(_messages(response)), response.text
    response = manager_request.patch("/pwc/talk", json={"track": "Cloud"})
    assert response.status_code == 204, response.text
