"""``GET <conference>/@recap`` and ``?expand=recap``."""

from ..content import AUTHOR
from ..content import SECRET_LIST_URL
from ..content import SECRET_SPEAKER
from ..content import SECRET_TITLE
from ..content import SECRET_URL


SECRETS = (SECRET_SPEAKER, SECRET_URL, SECRET_TITLE, SECRET_LIST_URL, "/draft")


def _titles(group):
    return [recap["title"] for recap in group["recaps"]]


def test_recap_conference_metadata(coverage, anon_request):
    response = anon_request.get("/pwc2023/@recap")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/json")
    data = response.json()
    conference = data["conference"]
    assert data["@id"].endswith("/pwc2023/@recap")
    assert conference["@id"].endswith("/pwc2023")
    assert conference["@type"] == "Conference"
    assert conference["uid"] == coverage["conference"].UID()
    assert conference["title"] == "Python Web Conference 2023"
    assert conference["description"] == "Five days of Python on the web."
    assert conference["start"] == "2023-03-13T09:00:00+00:00"
    assert conference["end"] == "2023-03-17T18:00:00+00:00"
    assert conference["whole_day"] is False
    assert conference["open_end"] is False
    assert conference["location"] == "Online"
    assert conference["event_url"] == "https://2023.pythonwebconf.com"
    assert conference["conference_format"] == {"token": "online", "title": "Online"}
    assert conference["organizer"] == "Six Feet Up"
    assert conference["tracks"] == ["App Dev", "Cloud", "Culture"]
    assert conference["coverage_note"] == "We covered it as a sponsor."
    assert conference["subjects"] == ["python", "web"]
    assert conference["review_state"] == "published"
    assert "text" not in conference


def test_recap_groups_by_track_and_day(coverage, anon_request):
    data = anon_request.get("/pwc2023/@recap").json()
    assert data["recaps_total"] == 2
    assert [group["track"] for group in data["recaps_by_track"]] == [
        "App Dev",
        "Cloud",
    ]
    assert [group["date"] for group in data["recaps_by_day"]] == [
        "2023-03-13",
        "2023-03-14",
    ]
    keynote = data["recaps_by_track"][1]["recaps"][0]
    assert keynote == {
        "@id": coverage["keynote"].absolute_url(),
        "@type": "TalkRecap",
        "uid": coverage["keynote"].UID(),
        "title": "Keynote: Python in the cloud",
        "description": "Pamela on serverless Python.",
        "review_state": "published",
        "type_title": "Talk Recap",
        "subjects": [],
        "speakers": [
            {
                "name": "Pamela Fox",
                "url": "https://pamelafox.org",
                "affiliation": "Microsoft",
            }
        ],
        "talk_kind": {"token": "keynote", "title": "Keynote"},
        "track": "Cloud",
        "session_date": "2023-03-14",
        "session_start": None,
        "session_end": None,
        "room": None,
        "abstract": None,
        "programme_id": None,
        "talk_url": "https://2023.pythonwebconf.com/keynote",
        "slides_url": "https://slides.example.org/keynote",
        "video_url": None,
        "highlight": True,
        "takeaways": ["Use managed services.", "Measure cold starts."],
        "quotes": ["Serverless is just someone else's server."],
        "resources": [
            {
                "url": "https://learn.microsoft.com/azure/functions/",
                "title": "Azure Functions for Python",
                "description": "Docs",
                "kind": {"token": "documentation", "title": "Documentation"},
            },
            {
                "url": "https://fastapi.tiangolo.com",
                "title": "FastAPI",
                "description": None,
                "kind": {"token": "library", "title": "Library"},
            },
        ],
    }
    assert data["recaps_by_day"][1]["recaps"][0] == keynote


def test_recap_merges_speakers_and_resources(coverage, anon_request):
    data = anon_request.get("/pwc2023/@recap").json()
    speakers = {speaker["name"]: speaker for speaker in data["speakers"]}
    assert list(speakers) == ["Pamela Fox", "The Six Feet Up team"]
    pamela = speakers["Pamela Fox"]
    assert pamela["url"] == "https://pamelafox.org"
    assert pamela["affiliation"] == "Microsoft"
    assert [ref["title"] for ref in pamela["recaps"]] == [
        "Keynote: Python in the cloud",
        "HTMX for Django developers",
    ]
    assert set(pamela["recaps"][0]) == {"@id", "@type", "uid", "title", "review_state"}

    resources = {resource["url"]: resource for resource in data["resources"]}
    fastapi = resources["https://fastapi.tiangolo.com"]
    # the same link cited by two recaps and a resource list is listed once
    assert "https://FastAPI.tiangolo.com/" not in resources
    assert sorted(ref["title"] for ref in fastapi["cited_in"]) == [
        "HTMX for Django developers",
        "Keynote: Python in the cloud",
        "Links we collected",
    ]
    assert resources["https://htmx.org"]["kind"] == {"token": "tool", "title": "Tool"}
    assert [item["title"] for item in data["resource_lists"]] == ["Links we collected"]
    assert data["resource_lists"][0]["resources"][0]["url"] == "https://htmx.org"


def test_recap_hides_private_content_from_anonymous(coverage, anon_request):
    response = anon_request.get("/pwc2023/@recap")
    assert response.status_code == 200
    for secret in SECRETS:
        assert secret not in response.text
    expanded = anon_request.get("/pwc2023?expand=recap")
    assert expanded.status_code == 200
    for secret in SECRETS:
        assert secret not in expanded.text


def test_recap_shows_authors_their_drafts(coverage, request_factory):
    author = request_factory(basic_auth=AUTHOR)
    data = author.get("/pwc2023/@recap").json()
    assert data["recaps_total"] == 3
    culture = data["recaps_by_track"][-1]
    assert culture["track"] == "Culture"
    assert _titles(culture) == [SECRET_TITLE]
    assert culture["recaps"][0]["review_state"] == "private"
    assert SECRET_SPEAKER in [speaker["name"] for speaker in data["speakers"]]
    assert SECRET_URL in [resource["url"] for resource in data["resources"]]
    # the author is Contributor on the conference, so sees the private list too
    assert SECRET_LIST_URL in author.get("/pwc2023/@recap").text


def test_recap_include_text(coverage, manager_request):
    from plone.app.textfield.value import RichTextValue

    import transaction

    coverage["keynote"].text = RichTextValue(
        "<p>Serverless all the way.</p>", "text/html", "text/x-html-safe"
    )
    transaction.commit()
    response = manager_request.get("/pwc2023/@recap?include=text")
    assert response.status_code == 200, response.text
    data = response.json()
    keynote = data["recaps_by_track"][1]["recaps"][0]
    assert keynote["text"]["data"] == "<p>Serverless all the way.</p>"
    assert keynote["text"]["content-type"] == "text/html"
    assert "text" in data["conference"]
    plain = manager_request.get("/pwc2023/@recap").json()
    assert "text" not in plain["recaps_by_track"][1]["recaps"][0]


def test_recap_unknown_include_is_400(coverage, anon_request):
    response = anon_request.get("/pwc2023/@recap?include=everything")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["type"] == "BadRequest"
    assert error["field"] == "include"
    assert error["errors"] == [
        {"field": "include", "message": "“everything” is unknown; allowed: text."}
    ]


def test_expand_recap_embeds_the_document(coverage, anon_request):
    plain = anon_request.get("/pwc2023").json()
    assert plain["@components"]["recap"] == {
        "@id": coverage["conference"].absolute_url() + "/@recap"
    }
    expanded = anon_request.get("/pwc2023?expand=recap").json()
    assert (
        expanded["@components"]["recap"] == anon_request.get("/pwc2023/@recap").json()
    )


def test_recap_only_on_conferences(coverage, anon_request):
    assert anon_request.get("/pwc2023/keynote/@recap").status_code == 404
    assert anon_request.get("/empty/@recap").status_code == 404
    assert anon_request.get("/@recap").status_code == 404
    assert "recap" not in anon_request.get("/pwc2023/keynote").json()["@components"]


def test_recap_of_private_conference_needs_login(coverage, request_factory):
    from plone import api

    import transaction

    with api.env.adopt_roles(["Manager"]):
        api.content.transition(coverage["older"], "retract")
    transaction.commit()
    anonymous = request_factory()
    response = anonymous.get("/pwc2021/@recap")
    assert response.status_code == 401
    assert "Async Python tutorial" not in response.text
    assert request_factory(role="Manager").get("/pwc2021/@recap").status_code == 200


def test_recap_items_are_search_summaries(coverage, anon_request):
    """Each recap and resource list starts from what @search gives for it
    (plone.restapi's summary serializer), metadata_fields included."""
    query = "metadata_fields=Subject&metadata_fields=start"
    data = anon_request.get(f"/pwc2023/@recap?{query}").json()
    search = anon_request.get(f"/pwc2023/@search?{query}").json()["items"]
    by_id = {item["@id"]: item for item in search}
    listed = [recap for group in data["recaps_by_track"] for recap in group["recaps"]]
    listed += data["resource_lists"]
    assert len(listed) == 3
    for item in listed:
        found = by_id[item["@id"]]
        assert "Subject" in found
        assert {key: item[key] for key in found} == found
