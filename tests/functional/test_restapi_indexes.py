"""``GET <context>/@speakers`` and ``GET <context>/@resources``."""

from ..content import AUTHOR
from ..content import SECRET_LIST_URL
from ..content import SECRET_SPEAKER
from ..content import SECRET_TITLE
from ..content import SECRET_URL

import pytest


SECRETS = (SECRET_SPEAKER, SECRET_URL, SECRET_TITLE, SECRET_LIST_URL, "/draft")


def _names(data):
    return [item["name"] for item in data["items"]]


def _urls(data):
    return [item["url"] for item in data["items"]]


def test_speakers_site_wide(coverage, anon_request):
    response = anon_request.get("/@speakers")
    assert response.status_code == 200
    data = response.json()
    assert data["@id"].endswith("/@speakers")
    assert data["items_total"] == 2
    assert "batching" not in data
    assert _names(data) == ["Pamela Fox", "The Six Feet Up team"]
    pamela = data["items"][0]
    assert pamela["url"] == "https://pamelafox.org"
    assert pamela["affiliation"] == "Microsoft"
    recaps = {ref["title"]: ref for ref in pamela["recaps"]}
    assert set(recaps) == {
        "Keynote: Python in the cloud",
        "HTMX for Django developers",
        "Async Python tutorial",
    }
    tutorial = recaps["Async Python tutorial"]
    assert tutorial["@id"] == coverage["tutorial"].absolute_url()
    assert tutorial["uid"] == coverage["tutorial"].UID()
    assert tutorial["@type"] == "TalkRecap"
    assert tutorial["review_state"] == "published"
    assert tutorial["conference"] == {
        "@id": coverage["older"].absolute_url(),
        "uid": coverage["older"].UID(),
        "title": "Python Web Conference 2021",
    }


def test_speakers_below_a_conference_and_a_folder(coverage, anon_request):
    data = anon_request.get("/pwc2021/@speakers").json()
    assert _names(data) == ["Pamela Fox"]
    assert [ref["title"] for ref in data["items"][0]["recaps"]] == [
        "Async Python tutorial"
    ]
    empty = anon_request.get("/empty/@speakers").json()
    assert empty["items"] == []
    assert empty["items_total"] == 0


def test_speakers_filters(coverage, anon_request):
    assert _names(anon_request.get("/@speakers?q=SIX").json()) == [
        "The Six Feet Up team"
    ]
    assert _names(anon_request.get("/@speakers?q=nobody").json()) == []
    uid = coverage["older"].UID()
    data = anon_request.get(f"/@speakers?conference={uid}").json()
    assert _names(data) == ["Pamela Fox"]
    assert [ref["title"] for ref in data["items"][0]["recaps"]] == [
        "Async Python tutorial"
    ]


def test_speakers_batching(coverage, anon_request):
    data = anon_request.get("/@speakers?b_size=1").json()
    assert data["items_total"] == 2
    assert _names(data) == ["Pamela Fox"]
    assert data["batching"]["next"].endswith("/@speakers?b_start=1&b_size=1")
    assert data["batching"]["last"].endswith("b_start=1&b_size=1")
    second = anon_request.get("/@speakers?b_size=1&b_start=1").json()
    assert _names(second) == ["The Six Feet Up team"]
    assert "next" not in second["batching"]
    # q= matches the beginnings of words: "f" is in "Fox" and "Feet"
    filtered = anon_request.get("/@speakers?b_size=1&q=f").json()
    assert filtered["items_total"] == 2
    assert "q=f" in filtered["batching"]["next"]


def test_resources_site_wide(coverage, anon_request):
    response = anon_request.get("/@resources")
    assert response.status_code == 200
    data = response.json()
    assert data["items_total"] == 4
    # "https://FastAPI.tiangolo.com/" is the same resource as FastAPI's
    assert [item["title"] for item in data["items"]] == [
        "asyncio",
        "Azure Functions for Python",
        "FastAPI",
        "htmx",
    ]
    fastapi = data["items"][2]
    assert fastapi["url"] == "https://fastapi.tiangolo.com"
    assert fastapi["kind"] == {"token": "library", "title": "Library"}
    # the first description given, from any citation
    assert fastapi["description"] == "Same link, other spelling"
    assert sorted(ref["title"] for ref in fastapi["cited_in"]) == [
        "HTMX for Django developers",
        "Keynote: Python in the cloud",
        "Links we collected",
    ]
    assert all(
        ref["conference"]["title"] == "Python Web Conference 2023"
        for ref in fastapi["cited_in"]
    )


def test_resources_filters(coverage, anon_request):
    tools = anon_request.get("/@resources?kind=tool").json()
    assert _urls(tools) == ["https://htmx.org"]
    both = anon_request.get("/@resources?kind=tool&kind=documentation").json()
    assert [item["title"] for item in both["items"]] == [
        "asyncio",
        "Azure Functions for Python",
        "htmx",
    ]
    assert _urls(anon_request.get("/@resources?q=AZURE").json()) == [
        "https://learn.microsoft.com/azure/functions/"
    ]
    # q also matches the address
    assert _urls(anon_request.get("/@resources?q=htmx.org").json()) == [
        "https://htmx.org"
    ]
    uid = coverage["older"].UID()
    assert _urls(anon_request.get(f"/@resources?conference={uid}").json()) == [
        "https://docs.python.org/3/library/asyncio.html"
    ]
    assert _urls(anon_request.get("/pwc2023/links/@resources").json()) == [
        "https://fastapi.tiangolo.com",
        "https://htmx.org",
    ]


@pytest.mark.parametrize(
    "query,field,message",
    [
        ("b_size=abc", "b_size", "“abc” is not a whole number."),
        ("b_size=0", "b_size", "must be 1 or more, not 0."),
        ("b_start=-1", "b_start", "must be 0 or more, not -1."),
        ("b_start=1.5", "b_start", "“1.5” is not a whole number."),
        ("conference=nope", "conference", "No conference with UID “nope”."),
        ("q=a&q=b", "q", "give it once."),
    ],
)
@pytest.mark.parametrize("endpoint", ["@speakers", "@resources"])
def test_invalid_parameters_are_400(
    coverage,
    anon_request,
    endpoint,
    query,
    field,
    message,
):
    response = anon_request.get(f"/{endpoint}?{query}")
    assert response.status_code == 400
    body = response.json()
    assert body == {
        "error": {
            "type": "BadRequest",
            "message": f"{field}: {message}",
            "field": field,
            "errors": [{"field": field, "message": message}],
        }
    }


def test_bad_kind_is_400(coverage, anon_request):
    response = anon_request.get("/@resources?kind=podcast")
    assert response.status_code == 400
    assert response.json()["error"]["errors"] == [
        {
            "field": "kind",
            "message": "“podcast” is not one of tool, library, documentation, "
            "article, cheat-sheet, video, slides, service, training, other.",
        }
    ]


def test_conference_filter_does_not_reveal_private_conferences(
    coverage,
    request_factory,
):
    from plone import api

    import transaction

    with api.env.adopt_roles(["Manager"]):
        api.content.transition(coverage["older"], "retract")
    transaction.commit()
    uid = coverage["older"].UID()
    anonymous = request_factory().get(f"/@speakers?conference={uid}")
    assert anonymous.status_code == 400
    assert anonymous.json()["error"]["field"] == "conference"
    manager = request_factory(role="Manager").get(f"/@speakers?conference={uid}")
    assert manager.status_code == 200
    assert _names(manager.json()) == ["Pamela Fox"]


@pytest.mark.parametrize("path", ["/", "/pwc2023/"])
@pytest.mark.parametrize("endpoint", ["@speakers", "@resources"])
def test_anonymous_never_sees_private_coverage(
    coverage,
    anon_request,
    path,
    endpoint,
):
    response = anon_request.get(f"{path}{endpoint}?b_size=1000")
    assert response.status_code == 200
    for secret in SECRETS:
        assert secret not in response.text
    assert anon_request.get(f"{path}{endpoint}?q=zyxwv").json()["items_total"] == 0


def test_author_sees_own_draft(coverage, request_factory):
    author = request_factory(basic_auth=AUTHOR)
    speakers = author.get("/@speakers").json()
    assert SECRET_SPEAKER in _names(speakers)
    secret = next(item for item in speakers["items"] if item["name"] == SECRET_SPEAKER)
    assert secret["recaps"][0]["review_state"] == "private"
    assert secret["recaps"][0]["title"] == SECRET_TITLE
    resources = author.get("/@resources?kind=article").json()
    assert _urls(resources) == [SECRET_URL]


def test_private_folder_needs_login(coverage, request_factory):
    from plone import api

    import transaction

    with api.env.adopt_roles(["Manager"]):
        api.content.transition(coverage["folder"], "retract")
    transaction.commit()
    for endpoint in ("@speakers", "@resources"):
        assert request_factory().get(f"/empty/{endpoint}").status_code == 401


def test_shared_answers_follow_every_change_at_once(
    coverage, anon_request, request_factory
):
    """The key lists requests share (coverage.shared) are per user and per
    committed catalog state: an author's own draft never reaches anonymous
    visitors through them, and publishing or retracting shows at once."""
    from plone import api

    import transaction

    def anonymous_sees_secret():
        speakers = anon_request.get("/@speakers").json()
        resources = anon_request.get("/@resources").json()
        return (SECRET_SPEAKER in _names(speakers), SECRET_URL in _urls(resources))

    author = request_factory(basic_auth=AUTHOR)
    assert anonymous_sees_secret() == (False, False)
    assert anonymous_sees_secret() == (False, False)  # now answered from memory
    assert SECRET_SPEAKER in _names(author.get("/@speakers").json())
    assert anonymous_sees_secret() == (False, False)

    with api.env.adopt_roles(["Manager"]):
        api.content.transition(coverage["draft"], "publish")
    transaction.commit()
    assert anonymous_sees_secret() == (True, True)

    with api.env.adopt_roles(["Manager"]):
        api.content.transition(coverage["draft"], "retract")
    transaction.commit()
    assert anonymous_sees_secret() == (False, False)
    assert SECRET_SPEAKER in _names(author.get("/@speakers").json())


def test_shared_answers_are_computed_once_per_user_and_catalog_state(coverage):
    from collective.confrecap.behaviors.speakers import ISpeakers
    from collective.confrecap.coverage.shared import shared
    from plone import api
    from plone.app.testing import logout

    import transaction

    portal = api.portal.get()
    query = {"object_provides": ISpeakers.__identifier__}
    built = []

    def build(visible):
        built.append(len(visible))
        return visible

    logout()
    first = shared("test", portal, query, build)
    assert shared("test", portal, query, build) is first
    assert len(built) == 1
    with api.env.adopt_user(username=AUTHOR[0]):
        assert len(shared("test", portal, query, build)) == len(first) + 1  # the draft
    assert len(built) == 2
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(coverage["draft"], "publish")
    # Not committed yet: this transaction computes its own answer each time.
    assert len(shared("test", portal, query, build)) == len(first) + 1
    assert len(shared("test", portal, query, build)) == len(first) + 1
    assert len(built) == 4
    transaction.commit()
    shared("test", portal, query, build)
    shared("test", portal, query, build)
    assert len(built) == 5
