"""OWASP A01 Broken access control: nothing private through any surface.

Every page, listing, index, export, REST endpoint, vocabulary and
querystring answer is fetched as an anonymous visitor, a Member, and a
Contributor of another folder; none may contain a private marker (see
``conftest.MARKERS``). A refusal (401/403/404) is fine; a 5xx is not.
"""

from .conftest import HIDDEN_LOCATION
from .conftest import HIDDEN_TRACK
from .conftest import leaks
from .conftest import MANAGER
from .conftest import MARKERS

import contextlib
import gzip
import pytest


# (surface, REST?) : Classic UI pages, then REST endpoints.
CLASSIC = [
    "/",
    "/pwc2023",
    "/pwc2023/conference-view",
    "/pwc2023/conference-by-day",
    "/pwc2023/recap-article",
    "/pwc2023/keynote",
    "/pwc2023/htmx",
    "/pwc2023/links",
    "/pwc2023/recap.md",
    "/pwc2023/ics_view",
    "/hidden-summit/public-talk",
    "/hidden-summit/public-talk/talkrecap-view",
    "/@@confrecap-speakers",
    "/@@confrecap-resources",
    "/@@confrecap-speakers?letter=Z",
    "/@@confrecap-resources?kind=article",
    "/pwc2023/@@confrecap-speakers",
    "/empty/talkrecap-listing",
    "/empty/conference-listing",
    "/talkrecap-listing",
    "/conference-listing",
    "/@@search?SearchableText=xyzzy",
    "/@@search?SearchableText=Secretspeaker",
    "/@@search?SearchableText=Bunker",
    "/@@qsOptions",
    "/@@event_listing",
    "/@@ical_view",
    "/sitemap.xml.gz",
    "/RSS",
]
REST = [
    "/",
    "/pwc2023",
    "/pwc2023?expand=recap",
    "/pwc2023/@recap",
    "/pwc2023/@recap?include=text",
    "/pwc2023/@speakers",
    "/pwc2023/@resources",
    "/@speakers",
    "/@resources",
    "/@speakers?q=zyx",
    "/hidden-summit/public-talk",
    "/hidden-summit/public-talk/@recap",
    "/@vocabularies/collective.confrecap.Speakers",
    "/@vocabularies/collective.confrecap.AllTracks",
    "/@vocabularies/collective.confrecap.Speakers?title=zyx",
    "/hidden-summit/public-talk/@vocabularies/collective.confrecap.Tracks",
    "/pwc2023/@vocabularies/collective.confrecap.Tracks",
    "/@querystring",
    "/@search?SearchableText=xyzzy",
    "/@search?SearchableText=Bunker",
    "/@search?confrecap_speakers=Zyxwv%20Secretspeaker",
    "/@search?portal_type=TalkRecap&fullobjects=1",
    "/@search?portal_type=Conference&metadata_fields=_all",
    "/@search?confrecap_track=Culture&metadata_fields=confrecap_data",
    "/@navigation",
    "/@breadcrumbs",
    "/hidden-summit/public-talk/@breadcrumbs",
    "/@types",
]

SURFACES = [("classic", path) for path in CLASSIC] + [("rest", p) for p in REST]
VISITORS = ["anonymous", "member", "contributor-elsewhere"]


def _fetch(sessions, visitor, kind, path):
    rest, classic = sessions[visitor]
    session = rest if kind == "rest" else classic
    return session.get(path, allow_redirects=True)


@pytest.mark.parametrize("visitor", VISITORS)
def test_no_surface_leaks_private_content(security, sessions, visitor):
    """Tried: len(SURFACES) surfaces per visitor."""
    found = []
    for kind, path in SURFACES:
        response = _fetch(sessions, visitor, kind, path)
        if response.status_code >= 500:
            found.append((kind, path, response.status_code, "server error"))
            continue
        text = response.text
        if path.endswith(".gz") and response.status_code == 200:
            with contextlib.suppress(OSError):
                text = gzip.decompress(response.content).decode("utf-8")
        for marker in leaks(text):
            found.append((kind, path, response.status_code, marker))
    assert found == [], found


def test_the_markers_are_really_there_for_the_editors(security, request_factory):
    """The suite cannot pass by looking at the wrong place: a Manager sees
    the private content through the same surfaces."""
    rest = request_factory(basic_auth=MANAGER)
    seen = set()
    for path in (
        "/pwc2023/@recap",
        "/@vocabularies/collective.confrecap.Speakers",
        "/hidden-summit",
        "/hidden-summit/public-talk/@vocabularies/collective.confrecap.Tracks",
    ):
        response = rest.get(path)
        assert response.status_code == 200, (path, response.text[:300])
        seen.update(leaks(response.text))
    assert seen >= {MARKERS[0], HIDDEN_LOCATION, HIDDEN_TRACK}, seen


def test_vocabularies_list_only_visible_values(security, request_factory):
    anonymous = request_factory()
    speakers = anonymous.get("/@vocabularies/collective.confrecap.Speakers").json()
    titles = [item["title"] for item in speakers["items"]]
    assert "Pamela Fox" in titles
    assert "Open Speaker" in titles
    tracks = anonymous.get("/@vocabularies/collective.confrecap.AllTracks").json()
    assert {item["token"] for item in tracks["items"]} == {
        "Cloud",
        "App Dev",
        "Tutorials",
        "Open Track",
    }
    manager = request_factory(basic_auth=MANAGER)
    all_speakers = manager.get("/@vocabularies/collective.confrecap.Speakers").json()
    assert len(all_speakers["items"]) > len(speakers["items"])


def test_published_recap_in_private_conference_says_nothing_of_it(
    security, request_factory
):
    page = request_factory(api=False).get("/hidden-summit/public-talk")
    assert page.status_code == 200
    assert "A published talk in a private conference" in page.text
    assert leaks(page.text) == []
    assert '"superEvent"' not in page.text
    tracks = request_factory().get(
        "/hidden-summit/public-talk/@vocabularies/collective.confrecap.Tracks"
    )
    assert tracks.status_code == 200
    assert tracks.json()["items"] == []
