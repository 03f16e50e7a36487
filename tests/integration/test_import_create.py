"""create_from_plan and the Markdown export, against a Plone site."""

from collective.confrecap.browser.recap_export import export_markdown
from collective.confrecap.formats.errors import RecapImportError
from collective.confrecap.formats.markdown.parser import parse_markdown
from collective.confrecap.formats.markdown.parser import parse_markdown_bytes
from collective.confrecap.importer import create as create_module
from collective.confrecap.importer.create import ConferenceExistsError
from collective.confrecap.importer.create import create_from_plan
from collective.confrecap.importer.create import ImportValidationError
from datetime import date
from pathlib import Path
from plone import api
from plone.app.testing import logout
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import html
import os
import pytest
import re


ROOT = Path(__file__).resolve().parents[2]
SEEDS = Path(os.environ.get("CONFRECAP_SEEDS", ROOT.parent / "shared" / "seeds"))
needs_seeds = pytest.mark.skipif(
    not SEEDS.is_dir(),
    reason=(
        f"the seed write-ups are missing: {SEEDS} is not there (they live in "
        "the shared folder beside the clone, ../shared/seeds; set "
        "CONFRECAP_SEEDS to use another folder)"
    ),
)

POST = """---
title: Test Conf 2024
start: 2024-06-10
end: 2024-06-12
format: hybrid
url: https://conf.example.org/
tracks: [Web]
tags: [Python]
---

Intro of the conference.

## Day 1: Monday, June 10, 2024

### Keynote: Packaging

By [Ana Example](https://ana.example.org/) (PSF).

Track: Data

The future of packaging.

Takeaways:

- Use pyproject.toml.

> Ship wheels.

- [uv](https://github.com/astral-sh/uv) -- a fast installer

## Social: Boat trip

By the Organizers team.

## Links

- [Docs](https://docs.example.org/) -- the docs
- [Tool](https://tool.example.org/)
"""


@pytest.fixture
def manager(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    return portal


def _folder(portal, name):
    return api.content.create(container=portal, type="Folder", id=name, title=name)


def test_create_sets_every_field(manager):
    result = create_from_plan(manager, parse_markdown(POST))
    conference = result.conference
    assert conference.getId() == "test-conf-2024"
    assert conference.portal_type == "Conference"
    assert conference.start.tzinfo is not None
    assert conference.start.date() == date(2024, 6, 10)
    assert conference.end.date() == date(2024, 6, 12)
    assert conference.whole_day
    assert conference.conference_format == "hybrid"
    assert conference.event_url == "https://conf.example.org/"
    assert conference.subject == ("Python",)
    # a recap's track that the conference lacks is added to its tracks
    assert conference.tracks == ["Web", "Data"]
    assert "Intro of the conference." in conference.text.raw
    assert conference.text.mimeType == "text/html"
    keynote, boat = result.recaps
    assert keynote.talk_kind == "keynote"
    assert keynote.track == "Data"
    assert keynote.session_date == date(2024, 6, 10)
    assert keynote.speakers == [
        {"name": "Ana Example", "url": "https://ana.example.org/", "affiliation": "PSF"}
    ]
    assert keynote.takeaways == ["Use pyproject.toml."]
    assert keynote.quotes == ["Ship wheels."]
    assert keynote.resources[0]["url"] == "https://github.com/astral-sh/uv"
    assert boat.talk_kind == "social"
    (links,) = result.resource_lists
    assert [r["title"] for r in links.resources] == ["Docs", "Tool"]
    for obj in [conference, keynote, boat, links]:
        assert api.content.get_state(obj) == "private"
    summary = result.summary()
    assert summary["counts"]["recaps"] == 2
    assert summary["recaps"] == ["Packaging", "Boat trip"]


def test_publish_publishes_everything(manager):
    result = create_from_plan(manager, parse_markdown(POST), publish=True)
    objs = [result.conference, *result.recaps, *result.resource_lists]
    assert {api.content.get_state(obj) for obj in objs} == {"published"}


def test_reimport_conflicts_unless_replace(manager):
    first = create_from_plan(manager, parse_markdown(POST))
    api.content.create(container=first.conference, type="Document", id="extra")
    with pytest.raises(ConferenceExistsError) as info:
        create_from_plan(manager, parse_markdown(POST))
    assert "A conference “Test Conf 2024” already exists at" in info.value.message
    assert "use replace to update it" in info.value.message
    again = create_from_plan(manager, parse_markdown(POST), replace=True)
    assert again.replaced
    assert again.conference.getId() == "test-conf-2024"
    assert "extra" not in again.conference.objectIds()
    assert len(again.conference.objectIds()) == 3


def test_failure_half_way_leaves_nothing(manager, monkeypatch):
    original = create_module._apply
    calls = []

    def failing(obj, values, what):
        calls.append(what)
        if len(calls) == 3:  # the conference and one recap exist by now
            raise ImportValidationError("injected failure")
        return original(obj, values, what)

    monkeypatch.setattr(create_module, "_apply", failing)
    before = set(manager.objectIds())
    with pytest.raises(ImportValidationError):
        create_from_plan(manager, parse_markdown(POST))
    assert set(manager.objectIds()) == before
    catalog = api.portal.get_tool("portal_catalog")
    assert not catalog(portal_type=["Conference", "TalkRecap", "ResourceList"])


def test_bad_values_give_clear_messages(manager):
    plan = parse_markdown(POST)
    plan.recaps[0].session_date = date(2024, 7, 1)
    with pytest.raises(ImportValidationError) as info:
        create_from_plan(manager, plan)
    assert "Recap 1 “Packaging”" in info.value.message
    assert "2024-07-01 is outside the conference dates" in info.value.message
    assert "test-conf-2024" not in manager.objectIds()

    plan = parse_markdown(POST)
    plan.recaps[0].speakers[0]["url"] = "javascript:alert(1)"
    with pytest.raises(ImportValidationError) as info:
        create_from_plan(manager, plan)
    assert "Speaker 1" in info.value.message
    assert "is not a web address" in info.value.message

    plan = parse_markdown(POST)
    plan.recaps[0].talk_kind = "nonsense"
    with pytest.raises(ImportValidationError) as info:
        create_from_plan(manager, plan)
    assert "Kind" in info.value.message
    assert "test-conf-2024" not in manager.objectIds()


def test_document_without_dates_gets_a_warning(manager):
    result = create_from_plan(manager, parse_markdown("# Notes Conf\n\nJust notes."))
    assert result.conference.start is not None
    assert any("no conference dates" in w for w in result.warnings)


def test_export_round_trip(manager):
    result = create_from_plan(manager, parse_markdown(POST))
    exported = export_markdown(result.conference)
    assert exported.startswith("---\ntitle: Test Conf 2024\n")
    other = _folder(manager, "other")
    again = create_from_plan(other, parse_markdown(exported))
    assert export_markdown(again.conference) == exported


def test_export_hides_private_recaps_from_anonymous(manager):
    result = create_from_plan(manager, parse_markdown(POST))
    api.content.transition(result.conference, to_state="published")
    api.content.transition(result.recaps[1], to_state="published")
    logout()
    exported = export_markdown(result.conference)
    assert "Boat trip" in exported
    assert "Packaging" not in exported
    view = result.conference.restrictedTraverse("@@recap.md")
    body = view().decode("utf-8")
    assert body == exported
    response = view.request.response
    assert response.getHeader("Content-Type") == "text/markdown; charset=utf-8"
    assert (
        response.getHeader("Content-Disposition")
        == 'inline; filename="test-conf-2024.md"'
    )


def _all_text(conference):
    parts = []
    for obj in [conference, *conference.objectValues()]:
        for name in ("title", "description", "text", "coverage_note", "event_url"):
            value = getattr(obj, name, None)
            parts.append(getattr(value, "raw", value) or "")
        for name in ("speakers", "resources", "takeaways", "quotes"):
            parts.append(repr(getattr(obj, name, None) or ""))
        for name in ("talk_url", "slides_url", "video_url"):
            parts.append(getattr(obj, name, None) or "")
    return html.unescape(" ".join(str(p) for p in parts))


@needs_seeds
def test_seed_pwc2023(manager):
    data = (SEEDS / "pwc2023-recap.md").read_bytes()
    result = create_from_plan(manager, parse_markdown_bytes(data))
    conference = result.conference
    assert conference.start.date() == date(2023, 3, 13)
    assert conference.end.date() == date(2023, 3, 17)
    assert conference.tracks == ["App Dev", "Cloud", "Culture", "PyData", "Tutorials"]
    assert conference.subject == ("Article", "Python", "Conferences")
    assert len(result.recaps) == 7
    trivia = result.recaps[-1]
    assert trivia.talk_kind == "social"
    assert trivia.speakers[0]["name"] == "Six Feet Up team"
    assert [len(r.resources) for r in result.recaps[:2]] == [6, 2]
    assert "Closing thoughts" in conference.text.raw
    text = _all_text(conference)
    assert "â€" not in text
    links = set(re.findall(r"https?://[^\s)>]+", data.decode("utf-8")))
    assert sorted(url for url in links if url not in text) == []
    # export → import elsewhere → export is stable
    exported = export_markdown(conference)
    other = _folder(manager, "other")
    again = create_from_plan(other, parse_markdown(exported))
    assert export_markdown(again.conference) == exported


@needs_seeds
def test_seed_team_notes(manager):
    data = (SEEDS / "pwc2020-team-notes.md").read_bytes()
    result = create_from_plan(manager, parse_markdown_bytes(data))
    assert [len(r.resources) for r in result.resource_lists] == [7, 2]
    urls = {r["url"] for item in result.resource_lists for r in item.resources}
    links = set(re.findall(r"https?://[^\s)>]+", data.decode("utf-8")))
    assert links <= urls


@needs_seeds
def test_seed_day_notes(manager):
    data = (SEEDS / "pwc2021-days-2-3.txt").read_bytes()
    result = create_from_plan(manager, parse_markdown_bytes(data))
    assert len(result.recaps) == 7
    assert result.recaps[2].quotes == ["Comments are deodorant for code smells."]


def test_contributor_needs_add_permission(portal):
    setRoles(portal, TEST_USER_ID, ["Member"])
    with pytest.raises(RecapImportError, match="A conference cannot be added in"):
        create_from_plan(portal, parse_markdown(POST))
    assert "test-conf-2024" not in portal.objectIds()


def test_import_action_in_object_buttons(manager):
    folder = _folder(manager, "coverage")
    actions = api.portal.get_tool("portal_actions")
    found = actions.listFilteredActionsFor(folder)["object_buttons"]
    (action,) = [a for a in found if a["id"] == "confrecap_import"]
    assert action["url"] == folder.absolute_url() + "/@@recap-import"
    form = folder.restrictedTraverse("@@recap-import")
    assert "Import conference recap" in form()


def test_uninstall_removes_the_action(manager):
    setup = api.portal.get_tool("portal_setup")
    setup.runAllImportStepsFromProfile("profile-collective.confrecap:uninstall")
    actions = api.portal.get_tool("portal_actions")
    assert "confrecap_import" not in actions.object_buttons.objectIds()
