"""Demo coverage: our example posts, imported published, idempotently."""

from collective.confrecap.demo import create_demo_coverage
from collective.confrecap.demo import demo_posts
from collective.confrecap.formats.markdown.parser import parse_markdown_bytes
from collective.confrecap.formats.markdown.writer import write_markdown
from datetime import date
from plone import api
from plone.app.testing import logout
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import pytest


EXPECTED = {
    "pwc2020.md": {
        "conference": "Python Web Conference 2020",
        "recaps": 2,
        "resource_lists": 2,
        "resources": 9,
        "takeaways": 6,
        "quotes": 0,
        "speakers": 1,
    },
    "pwc2021.md": {
        "conference": "Python Web Conference 2021",
        "recaps": 7,
        "resource_lists": 0,
        "resources": 1,
        "takeaways": 9,
        "quotes": 1,
        "speakers": 5,
    },
    "pwc2023.md": {
        "conference": "Python Web Conference 2023",
        "recaps": 7,
        "resource_lists": 0,
        "resources": 8,
        "takeaways": 2,
        "quotes": 0,
        "speakers": 7,
    },
}
IDS = [
    "python-web-conference-2020",
    "python-web-conference-2021",
    "python-web-conference-2023",
]


def load(name):
    (path,) = [p for p in demo_posts() if p.name == name]
    return parse_markdown_bytes(path.read_bytes())


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_post_parses_to_expected_counts(name):
    plan = load(name)
    assert plan.summary() == EXPECTED[name]
    assert plan.warnings == []
    assert plan.tracks
    assert all(recap.track in plan.tracks for recap in plan.recaps)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_post_is_in_the_writers_shape(name):
    (path,) = [p for p in demo_posts() if p.name == name]
    assert write_markdown(load(name)) == path.read_text(encoding="utf-8")


def test_pwc2023_facts():
    plan = load("pwc2023.md")
    assert (plan.start, plan.end) == (date(2023, 3, 13), date(2023, 3, 17))
    assert plan.tracks == ["App Dev", "Cloud", "Culture", "PyData", "Tutorials"]
    assert [len(r.resources) for r in plan.recaps[:2]] == [6, 2]
    assert plan.recaps[-1].talk_kind == "social"
    assert plan.recaps[-1].speakers[0]["name"] == "Six Feet Up team"


def test_pwc2021_days():
    plan = load("pwc2021.md")
    assert [r.session_date for r in plan.recaps] == [date(2021, 3, 23)] * 2 + [
        date(2021, 3, 24)
    ] * 3 + [None, None]
    memory = plan.recaps[2]
    assert memory.quotes == ["Comments are deodorant for code smells."]
    assert memory.highlight


def test_demo_is_idempotent_published_and_public(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    first = create_demo_coverage(portal)
    assert sorted(c.getId() for c in first) == IDS
    snapshot = {cid: sorted(portal[cid].objectIds()) for cid in IDS}
    assert create_demo_coverage(portal) == []
    assert {cid: sorted(portal[cid].objectIds()) for cid in IDS} == snapshot

    conference = portal["python-web-conference-2023"]
    assert len(conference.objectIds()) == 7
    assert conference.start.tzinfo is not None
    for cid in IDS:
        for obj in [portal[cid], *portal[cid].objectValues()]:
            assert api.content.get_state(obj) == "published", obj
    logout()
    catalog = api.portal.get_tool("portal_catalog")
    found = catalog(portal_type=["Conference", "TalkRecap", "ResourceList"])
    assert len(found) == 3 + 2 + 2 + 7 + 7


def test_front_page_introduces_the_coverage(portal):
    """Issue 13: the demo front page leads to the conferences and indexes."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    create_demo_coverage(portal)
    # Stored as resolveuid links (the page is written where the host is
    # unknown), shown with the reader's own address.
    assert "nohost" not in portal.text.raw
    assert "resolveuid/" in portal.text.raw
    html = portal.text.output
    root = portal.absolute_url()
    for conference_id in IDS:
        assert f'href="{root}/{conference_id}"' in html
    path = portal.absolute_url_path()
    assert f'href="{path}/@@confrecap-speakers"' in html
    assert f'href="{path}/@@confrecap-resources"' in html
    # A front page someone wrote is kept.
    from collective.confrecap.demo import introduce_coverage
    from plone.app.textfield.value import RichTextValue

    portal.text = RichTextValue("<p>Ours</p>", "text/html", "text/x-html-safe")
    assert introduce_coverage(portal) is False
    assert portal.text.raw == "<p>Ours</p>"
