"""Standard content endpoints for Conference, TalkRecap and ResourceList."""

from .test_restapi_setup import coverage  # noqa: F401
from .test_restapi_setup import MEMBER

import pytest


RECAP = {
    "@type": "TalkRecap",
    "id": "new-talk",
    "title": "A new talk",
    "talk_kind": "workshop",
    "track": "Cloud",
    "session_date": "2023-03-15",
    "video_url": "https://video.example.org/new",
    "speakers": [
        {"name": "Ada", "url": "https://ada.example.org", "affiliation": "ACME"},
        {"name": "Bob"},
    ],
    "resources": [
        {"title": "Tool", "url": "https://tool.example.org", "kind": "tool"},
    ],
    "takeaways": ["One", "Two"],
    "quotes": ["Quote"],
}


def test_recap_create_read_update_delete(coverage, manager_request):  # noqa: F811
    created = manager_request.post("/pwc2023", json=RECAP)
    assert created.status_code == 201, created.text
    data = manager_request.get("/pwc2023/new-talk").json()
    assert data["talk_kind"] == {"token": "workshop", "title": "Workshop"}
    assert data["track"] == {"token": "Cloud", "title": "Cloud"}
    assert data["session_date"] == "2023-03-15"
    assert data["speakers"] == [
        {"name": "Ada", "url": "https://ada.example.org", "affiliation": "ACME"},
        {"name": "Bob", "url": None, "affiliation": None},
    ]
    assert data["resources"] == [
        {
            "title": "Tool",
            "url": "https://tool.example.org",
            "description": None,
            "kind": "tool",
        }
    ]
    assert data["takeaways"] == ["One", "Two"]

    patched = manager_request.patch(
        "/pwc2023/new-talk",
        json={"speakers": [{"name": "Carol"}], "resources": [], "takeaways": []},
    )
    assert patched.status_code == 204, patched.text
    data = manager_request.get("/pwc2023/new-talk").json()
    assert data["speakers"] == [{"name": "Carol", "url": None, "affiliation": None}]
    assert data["resources"] == []
    assert data["takeaways"] == []
    assert data["quotes"] == ["Quote"]
    # the catalog follows: Carol is a speaker now, Ada is not
    names = [item["name"] for item in manager_request.get("/@speakers").json()["items"]]
    assert "Carol" in names
    assert "Ada" not in names

    assert manager_request.delete("/pwc2023/new-talk").status_code == 204
    assert manager_request.get("/pwc2023/new-talk").status_code == 404


def test_conference_create_and_read(coverage, manager_request):  # noqa: F811
    response = manager_request.post(
        "/",
        json={
            "@type": "Conference",
            "id": "pwc2024",
            "title": "PWC 2024",
            "start": "2024-03-04T09:00:00+00:00",
            "end": "2024-03-08T17:00:00+00:00",
            "conference_format": "hybrid",
            "tracks": ["Data", "Web"],
        },
    )
    assert response.status_code == 201, response.text
    data = manager_request.get("/pwc2024").json()
    assert data["conference_format"] == {"token": "hybrid", "title": "Hybrid"}
    assert data["start"] == "2024-03-04T09:00:00+00:00"
    assert data["end"] == "2024-03-08T17:00:00+00:00"
    assert data["tracks"] == ["Data", "Web"]


def test_resource_list_update(coverage, manager_request):  # noqa: F811
    response = manager_request.patch(
        "/pwc2023/links",
        json={"resources": [{"title": "Plone", "url": "https://plone.org"}]},
    )
    assert response.status_code == 204, response.text
    data = manager_request.get("/pwc2023/links").json()
    assert data["resources"] == [
        {
            "title": "Plone",
            "url": "https://plone.org",
            "description": None,
            "kind": None,
        }
    ]


@pytest.mark.parametrize(
    "payload,needle",
    [
        ({"speakers": [{"url": "https://x.org"}]}, "Speaker 1"),
        ({"speakers": "Ada"}, "expected a list"),
        ({"resources": [{"title": "X", "url": "javascript:alert(1)"}]}, "Resource 1"),
        (
            {"resources": [{"title": "X", "url": "https://x.org", "kind": "bad"}]},
            "kind",
        ),
        ({"talk_kind": "lecture"}, "talk_kind"),
    ],
)
def test_invalid_writes_are_400(coverage, manager_request, payload, needle):  # noqa: F811
    response = manager_request.patch("/pwc2023/keynote", json=payload)
    assert response.status_code == 400, response.text
    body = response.json()
    assert body["type"] == "BadRequest"
    # plone.restapi adds a traceback only in debug mode, as the test server runs
    assert needle.casefold() in body["message"].casefold()


def test_unauthorised_writes(coverage, request_factory):  # noqa: F811
    anonymous = request_factory()
    assert anonymous.post("/pwc2023", json=RECAP).status_code == 401
    assert anonymous.patch("/pwc2023/keynote", json={"title": "x"}).status_code == 401
    assert anonymous.delete("/pwc2023/keynote").status_code == 401
    member = request_factory(basic_auth=MEMBER)
    assert member.post("/pwc2023", json=RECAP).status_code in (401, 403)
    assert member.patch("/pwc2023/keynote", json={"title": "x"}).status_code in (
        401,
        403,
    )


def test_types_schema_for_rows(coverage, manager_request):  # noqa: F811
    response = manager_request.get("/@types/TalkRecap")
    assert response.status_code == 200
    schema = response.json()
    speakers = schema["properties"]["speakers"]
    assert speakers["type"] == "array"
    assert set(speakers["items"]["properties"]) == {"name", "url", "affiliation"}
    resources = schema["properties"]["resources"]
    assert resources["type"] == "array"
    kind = resources["items"]["properties"]["kind"]
    assert kind["vocabulary"]["@id"].endswith(
        "@vocabularies/collective.confrecap.ResourceKinds"
    )
    assert schema["properties"]["talk_kind"]["vocabulary"]["@id"].endswith(
        "@vocabularies/collective.confrecap.TalkKinds"
    )
    assert schema["properties"]["takeaways"]["type"] == "array"
    # Volto edits the rows with its standard object_list widget
    assert speakers["widget"] == "object_list"
    assert speakers["schema"]["fieldsets"][0]["fields"] == [
        "name",
        "url",
        "affiliation",
    ]
    assert speakers["schema"]["required"] == ["name"]
    assert speakers["schema"]["properties"]["url"]["type"] == "string"
    assert resources["schema"]["required"] == ["title", "url"]
