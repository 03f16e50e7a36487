"""The shared helpers of the programme readers: text, links, kinds, times."""

from collective.confrecap.formats.programme.html import html_to_text
from collective.confrecap.formats.programme.html import text_of
from collective.confrecap.formats.programme.model import http_url
from collective.confrecap.formats.programme.model import language_code
from collective.confrecap.formats.programme.model import parse_duration
from collective.confrecap.formats.programme.model import ResourceCollector
from collective.confrecap.formats.programme.model import talk_kind
from collective.confrecap.formats.programme.model import TALK_KINDS
from datetime import timedelta

import pytest


@pytest.mark.parametrize(
    "html, text",
    [
        ("<p>One</p><p>Two</p>", "One\n\nTwo"),
        ("<ul><li>a</li><li>b</li></ul>", "- a\n- b"),
        ("a<br>b<br/>c", "a\nb\nc"),
        ('<a href="https://x.org/">X</a>', "[X](https://x.org/)"),
        ('<a href="https://x.org/">https://x.org/</a>', "https://x.org/"),
        ('<a href="javascript:alert(1)">click</a>', "click"),
        ('<a href="data:text/html,x">d</a>', "d"),
        ('<a href="/rel">rel</a>', "rel"),
        ("<script>alert(1)</script>safe", "safe"),
        ("<style>p {color: red}</style>ok", "ok"),
        ("&lt;b&gt; &amp; &eacute;", "<b> & é"),
        (
            '<a href="https://a.org/">A <a href="https://b.org/">B</a>',
            "[A](https://a.org/) [B](https://b.org/)",
        ),
        ("<p>unclosed <b>bold", "unclosed bold"),
    ],
)
def test_html_to_text(html, text):
    assert html_to_text(html) == text


def test_relative_links_resolve_against_the_base():
    assert html_to_text('<a href="/x">x</a>', base="https://c.org/s/") == (
        "[x](https://c.org/x)"
    )


def test_markdown_keeps_its_line_breaks_around_html():
    text = "# Title\nline one\nline <em>two</em>\n\n- item"
    assert text_of(text) == "# Title\nline one\nline two\n\n- item"
    assert text_of("no html < here\r\nsecond") == "no html < here\nsecond"


def test_html_is_linear():
    # A 1 MB pathological abstract is read in one pass (no nested links).
    html_to_text("<a href='https://x.org/'>" * 100_000)
    html_to_text("<p>" * 200_000)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("https://x.org/a", "https://x.org/a"),
        ("http://x.org", "http://x.org"),
        (" https://x.org/a ", "https://x.org/a"),
        ("javascript:alert(1)", None),
        ("JAVASCRIPT:alert(1)", None),
        ("data:text/html,hi", None),
        ("mailto:a@b.org", None),
        ("ftp://x.org/f", None),
        ("//x.org/a", None),
        ("x.org", None),
        ("", None),
        (None, None),
        (42, None),
    ],
)
def test_only_http_urls(value, expected):
    assert http_url(value) == expected


def test_relative_urls_with_a_base():
    assert http_url("/media/a.pdf", "https://p.org/c/schedule/") == (
        "https://p.org/media/a.pdf"
    )
    assert http_url("javascript:x", "https://p.org/") is None


def test_resources_once_each_and_counted_when_dropped():
    collector = ResourceCollector()
    collector.add("https://x.org/a", "A")
    collector.add("https://x.org/a", "A again")
    collector.add("javascript:x", "J")
    collector.add("", "nothing")
    collector.add_reference({"url": "https://youtu.be/v", "title": "Talk"})
    collector.add_reference("https://speakerdeck.com/s/t")
    collector.add_reference(42)
    assert [r["url"] for r in collector.rows] == [
        "https://x.org/a",
        "https://youtu.be/v",
        "https://speakerdeck.com/s/t",
    ]
    assert collector.dropped == 1
    assert collector.video_url == "https://youtu.be/v"
    assert collector.slides_url == "https://speakerdeck.com/s/t"


@pytest.mark.parametrize(
    "declared, title, kind",
    [
        ("Talk 30 min + 10min Q&A", "When Lightning Strikes", "talk"),
        ("LightningTalk 15min", "", "lightning"),
        ("lightningtalk", "", "lightning"),
        ("Keynote", "", "keynote"),
        ("keynote", "", "keynote"),
        ("maintrack", "", "talk"),
        ("devroom", "", "talk"),
        ("Workshop 110min", "", "workshop"),
        ("hands-on", "", "workshop"),
        ("Tutorial (90 minutes)", "", "tutorial"),
        ("Podium", "", "panel"),
        ("discussion", "", "panel"),
        ("Performance", "", "social"),
        ("game", "", "social"),
        ("Other", "Lunch", "other"),
        ("", "Keynote: the future", "keynote"),
        (None, "Lightning talks, day 2", "lightning"),
        ("Sprint", "Sprints", "talk"),
        (None, "Pub quiz", "social"),
    ],
)
def test_talk_kinds(declared, title, kind):
    assert talk_kind(declared, title) == kind
    assert kind in TALK_KINDS


@pytest.mark.parametrize(
    "value, expected",
    [
        ("00:40", timedelta(minutes=40)),
        ("1:30", timedelta(hours=1, minutes=30)),
        ("00:05:00", timedelta(minutes=5)),
        ("PT1H15M", timedelta(hours=1, minutes=15)),
        (1800, timedelta(minutes=30)),
        (0, None),
        ("00:00", None),
        ("soon", None),
        (None, None),
        (True, None),
    ],
)
def test_durations(value, expected):
    assert parse_duration(value) == expected


@pytest.mark.parametrize(
    "value, expected",
    [("eng", "en"), ("EN", "en"), ("de", "de"), ("pt_BR", "pt-br"), ("", None)],
)
def test_languages(value, expected):
    assert language_code(value) == expected
