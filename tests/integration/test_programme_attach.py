"""A Markdown write-up into a conference with a programme attaches its
recaps to the sessions instead of duplicating them."""

from collective.confrecap.importer.attach import candidates
from collective.confrecap.importer.attach import normal
from collective.confrecap.importer.markdown import import_markdown
from collective.confrecap.importer.programme import import_programme
from pathlib import Path
from plone import api
from plone.app.textfield.value import RichTextValue

import pytest


FIXTURES = (
    Path(__file__).resolve().parents[1] / "unit" / "formats" / "programme" / "fixtures"
)
POST = """---
title: Nordhack 2024
start: 2024-03-08
end: 2024-03-09
---

Our notes from Nordhack.

## SOLDERING FOR EVERYONE - Jana Kowalski

We learned to solder. See [the badge](https://github.com/nordhack/badge) and
[the kit list](https://example.org/kits).

- Flux is your friend

## Who owns the network? by Mira Okonkwo

Community networks everywhere.

## Panel: Right to Repair in the EU, Jonas Weber

A lively panel.

## An unscheduled hallway chat - Sam Lee

We talked.

## Links

- [Nordhack wiki](https://wiki.nordhack.example/)
"""


@pytest.mark.parametrize(
    "title, form",
    [
        ("SOLDERING FOR EVERYONE - Jana Kowalski", "soldering for everyone"),
        ("Who owns the network? by Mira Okonkwo", "who owns the network"),
        (
            "Panel: Right to Repair in the EU, Jonas Weber",
            "panel right to repair in the eu",
        ),
        ("Talk (Ada Lovelace)", "talk"),
    ],
)
def test_candidates(title, form):
    assert form in candidates(title)
    assert normal("Who Owns the Network?") == "who owns the network"


@pytest.fixture
def conference(manager):
    return import_programme(
        manager, (FIXTURES / "frab-schedule.xml").read_bytes()
    ).conference


def test_recaps_attach_to_their_sessions(manager, conference):
    count = len(conference.objectIds())
    outcome = import_markdown(manager, POST)
    result = outcome.result
    assert result.conference == conference
    soldering = conference["soldering-for-everyone"]
    assert "We learned to solder" in soldering.text.raw
    assert "Flux is your friend" in soldering.text.raw + str(soldering.takeaways)
    assert soldering.title == "Soldering for Everyone"  # the programme's
    urls = [r["url"] for r in soldering.resources]
    assert urls.count("https://github.com/nordhack/badge") == 1
    assert "https://example.org/kits" in soldering.text.raw + str(urls)
    assert "Community networks" in conference["who-owns-the-network"].text.raw
    assert "lively panel" in conference["panel-right-to-repair-in-the-eu"].text.raw
    # One new recap (no session), one resource list; no duplicates.
    assert len(conference.objectIds()) == count + 2
    assert "An unscheduled hallway chat" in [r.Title() for r in result.recaps]
    assert result.warnings[0].startswith("3 recap(s) were attached to sessions")


def test_an_authors_text_is_not_overwritten(manager, conference):
    soldering = conference["soldering-for-everyone"]
    soldering.text = RichTextValue("<p>Mine.</p>", "text/html", "text/x-html-safe")
    outcome = import_markdown(conference, POST)
    assert soldering.text.raw == "<p>Mine.</p>"
    assert any("already has a recap text" in w for w in outcome.warnings)


def test_dry_run_says_it_will_attach(manager, conference):
    count = len(conference.objectIds())
    outcome = import_markdown(manager, POST, dry_run=True)
    assert outcome.result is None
    assert any("will be attached" in w for w in outcome.warnings)
    assert len(conference.objectIds()) == count


def test_without_a_programme_it_is_a_conflict_as_before(manager):
    api.content.create(container=manager, type="Conference", title="Nordhack 2024")
    with pytest.raises(Exception, match="already exists"):
        import_markdown(manager, POST)
