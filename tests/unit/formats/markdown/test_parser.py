"""Parser rules, one fixture or snippet per rule."""

from collective.confrecap.formats.errors import DocumentTooLargeError
from collective.confrecap.formats.errors import EmptyDocumentError
from collective.confrecap.formats.errors import FrontMatterError
from collective.confrecap.formats.errors import NotTextError
from collective.confrecap.formats.errors import UnreadableDateError
from collective.confrecap.formats.markdown.parser import MAX_SIZE
from collective.confrecap.formats.markdown.parser import parse_markdown
from collective.confrecap.formats.markdown.parser import parse_markdown_bytes
from datetime import date
from pathlib import Path

import json
import pytest


FIXTURES = Path(__file__).parent / "fixtures"


def parse(name):
    return parse_markdown_bytes((FIXTURES / name).read_bytes())


@pytest.fixture(scope="module")
def days():
    return parse("yaml-days.md")


@pytest.fixture(scope="module")
def toml():
    return parse("toml-intro.md")


def test_yaml_conference_keys(days):
    assert days.title == "PyExample 2024"
    assert (days.start, days.end) == (date(2024, 6, 10), date(2024, 6, 12))
    assert days.location == "Lyon, France"
    assert days.conference_format == "hybrid"
    assert days.event_url == "https://2024.pyexample.org/"
    assert days.organizer == "PyExample Association"
    assert days.tracks == ["Web", "Data"]
    assert days.subjects == ["Python", "Conferences"]
    assert days.author == "Ada"
    assert days.date == date(2024, 6, 20)
    assert days.description.startswith("My company sponsored PyExample 2024")
    assert days.coverage_note == (
        "My company sponsored PyExample 2024 and sent me to attend."
    )


def test_day_headings_set_session_dates(days):
    assert [r.session_date for r in days.recaps] == [
        date(2024, 6, 10),
        date(2024, 6, 10),
        date(2024, 6, 11),
        date(2024, 6, 11),
    ]


def test_kind_prefixes_and_guesses(days, toml):
    assert [(r.title, r.talk_kind) for r in days.recaps] == [
        ("The Future of Packaging", "keynote"),
        ("Five minutes of regex", "lightning"),
        ("Boat trip on the Saône", "social"),
        ("Data pipelines in practice", "talk"),
    ]
    assert [r.talk_kind for r in toml.recaps] == ["panel", "social"]


def test_co_speakers_with_affiliation(days):
    assert days.recaps[0].speakers == [
        {
            "name": "Ana Example",
            "url": "https://ana.example.org/",
            "affiliation": "PSF",
        },
        {"name": "Bob Builder", "url": None, "affiliation": None},
    ]
    assert days.recaps[1].speakers[0]["name"] == "Carol Coder"


def test_three_speakers_and_teams(toml, days):
    assert [s["name"] for s in toml.recaps[0].speakers] == [
        "Erin",
        "Frank",
        "Grace Hopper",
    ]
    assert toml.recaps[1].speakers[0]["name"] == "PyLadies team"
    assert days.recaps[2].speakers[0]["name"] == "Organizers team"


def test_name_broken_across_lines_and_talk_page(days):
    recap = days.recaps[3]
    assert recap.speakers[0]["name"] == "Dan Data"
    assert recap.talk_url == "https://2024.pyexample.org/talks/data-pipelines/"
    assert recap.track == "Data"


def test_fields_takeaways_quotes(days):
    recap = days.recaps[0]
    assert recap.track == "Web"
    assert recap.slides_url == "https://speakerdeck.com/ana/packaging"
    assert recap.takeaways == [
        "Use pyproject.toml everywhere.",
        "Lock files are coming.",
    ]
    assert recap.quotes == ["Ship wheels, not excuses."]
    assert recap.description == "Packaging is getting better, and this talk showed how."


def test_resources_in_each_shape(days):
    resources = days.recaps[0].resources
    assert [(r["title"], r["url"], r["description"], r["kind"]) for r in resources] == [
        (
            "Packaging guide",
            "https://packaging.python.org/en/latest/",
            "The docs.",
            "documentation",
        ),
        ("uv", "https://github.com/astral-sh/uv", "a fast installer", "library"),
        ("Hatch", "https://pypi.org/project/hatch/", "", "library"),
    ]


def test_javascript_link_is_kept_as_text_not_link(days):
    text = days.recaps[0].text_html
    assert "[Bad link](javascript:alert(1)) -- kept as text" in text
    assert 'href="javascript' not in json.dumps(days.to_dict())


def test_link_in_body_stays(days):
    assert 'href="https://www.youtube.com/watch?v=abc"' in days.recaps[3].text_html


def test_closing_section_goes_to_conference_text(days, toml):
    assert days.text_html.startswith("<p>Three days in Lyon")
    assert "<h2>Wrap-up</h2>\n<p>See you next year!</p>" in days.text_html
    assert "<h2>Final thoughts</h2>" in toml.text_html


def test_facts_from_the_introduction(toml):
    assert toml.title == "PyCon Example 2022"
    assert (toml.start, toml.end) == (date(2022, 5, 14), date(2022, 5, 16))
    assert toml.conference_format == "in-person"
    assert toml.tracks == ["Web", "Science", "Education"]
    assert toml.event_url == "https://pycon.example.org/"


def test_link_section_becomes_resource_list(toml):
    (links,) = toml.resource_lists
    assert links.title == "Links I collected"
    assert links.text_html == "<p>Some links worth keeping:</p>\n"
    assert [r["kind"] for r in links.resources] == ["other", "cheat-sheet", "video"]
    assert links.resources[1]["description"] == "handy"


def test_plain_text_notes():
    plan = parse("plain-notes.txt")
    assert [(r.title, r.talk_kind) for r in plan.recaps] == [
        ("Scaling Teams", "keynote"),
        ("Testing Without Tears", "talk"),
        ("After Hours Party", "social"),
    ]
    first = plan.recaps[0]
    assert first.speakers == [
        {
            "name": "Jane Roe",
            "url": None,
            "affiliation": "staff engineer at Example Corp",
        }
    ]
    assert first.takeaways == ["Write things down.", "Pair often."]
    assert "Here are a few takeaways from her talk:" in first.text_html
    assert plan.recaps[1].quotes == ["Tests are documentation that cannot lie."]
    assert plan.recaps[1].speakers[0]["name"] == "Max Mustermann"


def test_mojibake_is_repaired():
    plan = parse("mojibake.md")
    assert "13–17" in plan.text_html and "didn’t" in plan.text_html
    assert "â€" not in json.dumps(plan.to_dict(), ensure_ascii=False)
    assert plan.start == date(2023, 3, 13)


def test_autolink_title_lists():
    plan = parse_markdown(
        "# Conf 2020\n\n- Tools\n  - Skulpt <https://skulpt.org/>, Brython "
        "<https://brython.info/>, and Pyodide <https://github.com/x/pyodide>\n"
        "  - Sqlalchemy\n"
    )
    (tools,) = plan.resource_lists
    assert [r["title"] for r in tools.resources] == ["Skulpt", "Brython", "Pyodide"]
    assert "Sqlalchemy" in tools.text_html


def test_year_from_title_and_day_first_range():
    plan = parse_markdown(
        "# DjangoCon Europe 2019\n\nIt ran 10-12 April in Copenhagen.\n"
    )
    assert (plan.start, plan.end) == (date(2019, 4, 10), date(2019, 4, 12))


def test_to_dict_is_json_and_summary_counts(days):
    data = json.loads(json.dumps(days.to_dict()))
    assert data["start"] == "2024-06-10"
    assert data["recaps"][0]["session_date"] == "2024-06-10"
    assert days.summary() == {
        "conference": "PyExample 2024",
        "recaps": 4,
        "resource_lists": 0,
        "speakers": 5,
        "resources": 3,
        "takeaways": 2,
        "quotes": 1,
    }


@pytest.mark.parametrize("text", ["", "   \n\n", "---\n---\n"])
def test_empty_input(text):
    with pytest.raises(EmptyDocumentError):
        parse_markdown(text)


def test_huge_input():
    with pytest.raises(DocumentTooLargeError) as info:
        parse_markdown("a" * (MAX_SIZE + 1))
    assert "too large" in info.value.message
    with pytest.raises(DocumentTooLargeError):
        parse_markdown_bytes(b"a" * (MAX_SIZE + 1))


@pytest.mark.parametrize(
    "data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00", "héllo".encode("latin-1"), b"a\x00b"]
)
def test_binary_input(data):
    with pytest.raises(NotTextError) as info:
        parse_markdown_bytes(data)
    assert "not a text file" in info.value.message


@pytest.mark.parametrize(
    "front, line",
    [("date: next tuesday", 3), ("start: 2023-02-30", 3), ("end: soon", 3)],
)
def test_unreadable_dates(front, line):
    with pytest.raises(UnreadableDateError) as info:
        parse_markdown(f"---\ntitle: T\n{front}\n---\n\nText\n")
    assert info.value.line == line
    assert "YYYY-MM-DD" in info.value.message


def test_end_before_start():
    with pytest.raises(UnreadableDateError):
        parse_markdown("---\ntitle: T\nstart: 2023-03-17\nend: 2023-03-13\n---\n")


def test_bad_format_and_url():
    with pytest.raises(FrontMatterError) as info:
        parse_markdown("---\ntitle: T\nformat: by pigeon\n---\n")
    assert info.value.line == 3
    with pytest.raises(FrontMatterError) as info:
        parse_markdown("---\ntitle: T\nurl: javascript:alert(1)\n---\n")
    assert "http" in info.value.message


def test_unknown_front_matter_key_is_a_warning():
    plan = parse_markdown("---\ntitle: T\nlayout: post\n---\n\nHi\n")
    assert plan.warnings == ["The front matter key 'layout' was not used."]


def test_non_http_links_and_images_are_text():
    plan = parse_markdown(
        "# C\n\n## A talk\n\nSee [x](javascript:alert(1)), <mailto:a@b.org>, "
        "![logo](../logo.png) and [ok](https://ok.org/).\n"
    )
    html = plan.recaps[0].text_html
    assert "[x](javascript:alert(1))" in html
    assert "&lt;mailto:a@b.org&gt;" in html
    assert "![logo](../logo.png)" in html
    assert '<a href="https://ok.org/">ok</a>' in html
    assert html.count("<a ") == 1 and "<img" not in html


def test_raw_html_is_never_passed_through():
    # An HTML block is read for what it says (issue 14): a script is dropped.
    plan = parse_markdown("# C\n\n<script>alert(1)</script>\n\n<b>Bold</b> text\n")
    assert "<script>" not in plan.text_html
    assert "alert" not in plan.text_html
    assert "<b>" not in plan.text_html
    assert "Bold" in plan.text_html
