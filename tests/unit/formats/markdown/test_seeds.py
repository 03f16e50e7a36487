"""The real write-ups in ../shared/seeds (skipped when they are not there)."""

from collective.confrecap.formats.markdown.parser import parse_markdown_bytes
from collective.confrecap.formats.markdown.writer import write_markdown
from datetime import date
from pathlib import Path

import html
import json
import os
import pytest
import re


ROOT = Path(__file__).resolve().parents[4]
SEEDS = Path(os.environ.get("CONFRECAP_SEEDS", ROOT.parent / "shared" / "seeds"))

pytestmark = pytest.mark.skipif(
    not SEEDS.is_dir(),
    reason=(
        f"the seed write-ups are missing: {SEEDS} is not there (they live in "
        "the shared folder beside the clone, ../shared/seeds; set "
        "CONFRECAP_SEEDS to use another folder)"
    ),
)


def load(name):
    return parse_markdown_bytes((SEEDS / name).read_bytes())


def links(name):
    text = (SEEDS / name).read_text(encoding="utf-8")
    return set(re.findall(r"https?://[^\s)>]+", text))


def kept(plan):
    return html.unescape(json.dumps(plan.to_dict(), ensure_ascii=False))


def words(name):
    text = (SEEDS / name).read_text(encoding="utf-8").replace("â€“", "–")
    text = re.sub(
        r"\(https?://[^)]+\)|<https?://[^>]+>|^---.*?^---$",
        " ",
        text,
        flags=re.S | re.M,
    )
    return set(re.findall(r"[A-Za-z]{4,}", text))


@pytest.mark.parametrize(
    "name", ["pwc2023-recap.md", "pwc2020-team-notes.md", "pwc2021-days-2-3.txt"]
)
def test_every_link_and_word_is_kept(name):
    plan = load(name)
    text = kept(plan)
    assert [url for url in links(name) if url not in text] == []
    lost = {w for w in words(name) if w.casefold() not in text.casefold()}
    assert lost <= {"Keynote", "KEYNOTE", "Speaker"}, lost


@pytest.mark.parametrize(
    "name", ["pwc2023-recap.md", "pwc2020-team-notes.md", "pwc2021-days-2-3.txt"]
)
def test_round_trip(name):
    plan = load(name)
    exported = write_markdown(plan)
    again = parse_markdown_bytes(exported.encode("utf-8"))
    assert again == plan
    assert write_markdown(again) == exported


def test_pwc2023():
    plan = load("pwc2023-recap.md")
    assert plan.title == "Python Web Conference 2023"
    assert (plan.start, plan.end) == (date(2023, 3, 13), date(2023, 3, 17))
    assert plan.conference_format == "online"
    assert plan.tracks == ["App Dev", "Cloud", "Culture", "PyData", "Tutorials"]
    assert plan.event_url == "https://2023.pythonwebconf.com/"
    assert plan.subjects == ["Article", "Python", "Conferences"]
    assert plan.organizer == "Six Feet Up"
    assert len(plan.recaps) == 7
    assert [r.speakers[0]["name"] for r in plan.recaps] == [
        "Dwayne McDaniel",
        "Pamela Fox",
        "Chad Carlson",
        "Daniel Roy Greenfeld",
        "JJ Asghar",
        "Paul Everitt",
        "Six Feet Up team",
    ]
    trivia = plan.recaps[-1]
    assert trivia.talk_kind == "social"
    assert [len(r.resources) for r in plan.recaps[:2]] == [6, 2]
    cheat = plan.recaps[0].resources[1]
    assert cheat["kind"] == "cheat-sheet"
    assert "https://cheatsheetseries.owasp.org/IndexTopTen.html" in cheat["description"]
    assert "<h2>Closing thoughts</h2>" in plan.text_html
    assert "March 13–17" in plan.text_html
    assert "â€" not in kept(plan)


def test_pwc2020():
    plan = load("pwc2020-team-notes.md")
    assert plan.title == "Python Web Conference 2020"
    assert plan.conference_format == "online"
    assert [len(r.resources) for r in plan.resource_lists] == [7, 2]
    assert "Fireside Chat with Carl from Instagram" in plan.text_html


def test_pwc2021():
    plan = load("pwc2021-days-2-3.txt")
    assert [r.talk_kind for r in plan.recaps] == [
        "keynote",
        "keynote",
        "keynote",
        "talk",
        "talk",
        "talk",
        "social",
    ]
    assert [len(r.takeaways) for r in plan.recaps[:2]] == [4, 5]
    memory = plan.recaps[2]
    assert memory.quotes == ["Comments are deodorant for code smells."]
    assert memory.highlight
    assert [r.speakers[0]["name"] for r in plan.recaps[:5]] == [
        "Andrew Godwin",
        "Linda Calvin",
        "Michael Kennedy",
        "Paul Everitt",
        "Adam Hopkins",
    ]
