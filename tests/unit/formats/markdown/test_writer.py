"""Export shape and export → import → export stability."""

from collective.confrecap.formats.markdown.parser import parse_markdown
from collective.confrecap.formats.markdown.rendering import escape_markdown
from collective.confrecap.formats.markdown.writer import write_markdown
from collective.confrecap.formats.plan import ConferencePlan
from collective.confrecap.formats.plan import RecapPlan
from collective.confrecap.formats.plan import ResourceListPlan
from datetime import date
from pathlib import Path

import pytest


FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("[!b]*")))
def test_fixture_round_trip(name):
    plan = parse_markdown((FIXTURES / name).read_text(encoding="utf-8"))
    exported = write_markdown(plan)
    again = parse_markdown(exported)
    assert again == plan
    assert write_markdown(again) == exported


def test_export_shape():
    exported = write_markdown(parse_markdown((FIXTURES / "yaml-days.md").read_text()))
    assert exported.startswith(
        "---\ntitle: PyExample 2024\nconference: PyExample 2024\n"
    )
    assert "\nstart: 2024-06-10\nend: 2024-06-12\n" in exported
    assert (
        "## Day 1: Monday, June 10, 2024\n\n### Keynote: The Future of Packaging"
        in (exported)
    )
    assert "By [Ana Example](https://ana.example.org/) (PSF) and Bob Builder." in (
        exported
    )
    assert "Track: Web\nSlides: <https://speakerdeck.com/ana/packaging>" in exported
    assert "Takeaways:\n\n- Use pyproject.toml everywhere." in exported
    assert "> Ship wheels, not excuses." in exported
    assert "- [uv](https://github.com/astral-sh/uv) -- a fast installer" in exported
    assert "### Boat trip on the Saône\n\nBy the Organizers team." in exported
    assert exported.rstrip().endswith("## Wrap-up\n\nSee you next year!")


def test_plan_built_by_hand_round_trips():
    plan = ConferencePlan(
        title="Hand Conf",
        description="Written by hand.",
        text_html="<p>Intro <a href='https://hand.example/'>site</a>.</p>",
        start=date(2025, 1, 6),
        end=date(2025, 1, 7),
        conference_format="online",
        tracks=["Main"],
        coverage_note="Covered for the team blog.",
        recaps=[
            RecapPlan(
                title="Conclusion",
                talk_kind="other",
                track="Main",
                session_date=date(2025, 1, 7),
                video_url="https://vimeo.com/1",
                highlight=True,
                description="Not the first sentence.",
                text_html="<p>Body *with* stars.</p>",
                speakers=[{"name": "Zoë [Z]", "url": None, "affiliation": None}],
                takeaways=["1. not a list", "# not a heading"],
                quotes=["Two\n\nparagraphs"],
                resources=[
                    {
                        "title": "Thing",
                        "url": "https://example.org/a_(b)",
                        "description": "",
                        "kind": "tool",
                    }
                ],
            )
        ],
        resource_lists=[ResourceListPlan(title="Day 3", resources=[])],
    )
    exported = write_markdown(plan)
    again = parse_markdown(exported)
    assert write_markdown(again) == exported
    recap = again.recaps[0]
    assert (recap.title, recap.talk_kind, recap.session_date) == (
        "Conclusion",
        "other",
        date(2025, 1, 7),
    )
    assert recap.takeaways == ["1. not a list", "# not a heading"]
    assert recap.quotes == ["Two\n\nparagraphs"]
    assert recap.resources[0]["url"] == "https://example.org/a_(b)"
    assert recap.resources[0]["kind"] == "tool"
    assert recap.description == "Not the first sentence."
    assert again.coverage_note == "Covered for the team blog."
    assert again.resource_lists[0].title == "Day 3"


@pytest.mark.parametrize(
    "text", ["a *b* _c_", "[x](y)", "<tag>", "&amp;", "1. one", "- dash", "# hash"]
)
def test_escape_reads_back(text):
    plan = parse_markdown(f"## Title\n\nTakeaways:\n\n- {escape_markdown(text)}\n")
    assert plan.recaps[0].takeaways == [text]
