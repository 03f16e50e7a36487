"""Our vocabularies through ``@vocabularies`` and our indexes through
``@querystring`` / ``@querystring-search``."""

from ..content import TALK_KINDS

import pytest


def _tokens(data):
    return [item["token"] for item in data["items"]]


@pytest.mark.parametrize("role", ["Anonymous", "Manager"])
def test_kinds_vocabularies(coverage, request_factory, role):
    session = request_factory(role=role)
    talk = session.get("/@vocabularies/collective.confrecap.TalkKinds")
    assert talk.status_code == 200
    assert talk.json()["items"][0] == {"token": "keynote", "title": "Keynote"}
    assert _tokens(talk.json()) == TALK_KINDS
    resource = session.get("/@vocabularies/collective.confrecap.ResourceKinds")
    assert resource.status_code == 200
    assert resource.json()["items_total"] == 10
    assert {"token": "cheat-sheet", "title": "Cheat sheet"} in resource.json()["items"]


@pytest.mark.parametrize("role", ["Anonymous", "Manager"])
def test_tracks_vocabulary_follows_the_conference(
    coverage,
    request_factory,
    role,
):
    session = request_factory(role=role)
    name = "@vocabularies/collective.confrecap.Tracks"
    expected = ["App Dev", "Cloud", "Culture"]
    assert _tokens(session.get(f"/pwc2023/{name}").json()) == expected
    assert _tokens(session.get(f"/pwc2023/keynote/{name}").json()) == expected
    assert _tokens(session.get(f"/pwc2021/{name}").json()) == ["Tutorials"]
    outside = session.get(f"/{name}")
    assert outside.status_code == 200
    assert outside.json()["items"] == []


def test_vocabulary_on_private_content_needs_login(coverage, anon_request):
    response = anon_request.get(
        "/pwc2023/draft/@vocabularies/collective.confrecap.Tracks"
    )
    assert response.status_code == 401


def test_querystring_lists_our_indexes(coverage, anon_request):
    response = anon_request.get("/@querystring")
    assert response.status_code == 200
    indexes = response.json()["indexes"]
    for name in ("confrecap_speakers", "confrecap_track", "confrecap_kind"):
        assert indexes[name]["enabled"] is True
        assert indexes[name]["group"] == "Conference coverage"
        assert (
            "plone.app.querystring.operation.selection.any"
            in indexes[name]["operations"]
        )
    assert indexes["confrecap_kind"]["values"]["keynote"] == {"title": "Keynote"}


@pytest.mark.parametrize(
    "index,value,expected",
    [
        ("confrecap_track", "Cloud", ["Keynote: Python in the cloud"]),
        (
            "confrecap_speakers",
            "Pamela Fox",
            ["Async Python tutorial", "Keynote: Python in the cloud"],
        ),
        ("confrecap_kind", "tutorial", ["Async Python tutorial"]),
    ],
)
def test_querystring_search_by_our_indexes(
    coverage,
    anon_request,
    index,
    value,
    expected,
):
    response = anon_request.post(
        "/@querystring-search",
        json={
            "query": [
                {
                    "i": index,
                    "o": "plone.app.querystring.operation.selection.any",
                    "v": [value],
                }
            ],
            "sort_on": "sortable_title",
        },
    )
    assert response.status_code == 200, response.text
    assert [item["title"] for item in response.json()["items"]] == expected


def test_querystring_search_hides_drafts(coverage, anon_request):
    response = anon_request.post(
        "/@querystring-search",
        json={
            "query": [
                {
                    "i": "confrecap_track",
                    "o": "plone.app.querystring.operation.selection.any",
                    "v": ["Culture"],
                }
            ]
        },
    )
    assert response.status_code == 200
    assert response.json()["items_total"] == 0
