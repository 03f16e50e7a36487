"""The rules that find talks, on small posts of each shape people write (none
of them taken from the real posts: the rules must generalise)."""

from collective.confrecap.formats.markdown.parser import parse_markdown
from collective.confrecap.formats.markdown.talks import title_and_speakers

import datetime
import pytest


def _talks(plan):
    return [(r.title, [s["name"] for s in r.speakers]) for r in plan.recaps]


@pytest.mark.parametrize(
    "heading,title,speakers",
    [
        ("Scaling Search - Grace Hopper", "Scaling Search", ["Grace Hopper"]),
        (
            "Grace Hopper - Scaling search at sea",
            "Scaling search at sea",
            ["Grace Hopper"],
        ),
        ("Scaling Search, Grace Hopper", "Scaling Search", ["Grace Hopper"]),
        ("Scaling Search by Grace Hopper", "Scaling Search", ["Grace Hopper"]),
        (
            "Skalierung von Suche von Anna Schmidt",
            "Skalierung von Suche",
            ["Anna Schmidt"],
        ),
        ("Grace Hopper's keynote on compilers", "Compilers", ["Grace Hopper"]),
        (
            "Pair testing - Ann Lee and Bo Chen",
            "Pair testing",
            ["Ann Lee", "Bo Chen"],
        ),
        (
            "Tests y datos - Ana Ruiz y Luis Gil",
            "Tests y datos",
            ["Ana Ruiz", "Luis Gil"],
        ),
        (
            "Daten & Tests - Jan Berg und Eva Roth",
            "Daten & Tests",
            ["Jan Berg", "Eva Roth"],
        ),
        ("A walk through Django 5.0", "A walk through Django 5.0", None),
    ],
)
def test_speakers_in_headings(heading, title, speakers):
    found_title, found, _kind, _rule = title_and_speakers(heading)
    assert found_title == title
    assert ([s["name"] for s in found] if found else None) == speakers


def test_days_and_ranking_groups_cluster_the_talk_level():
    text = """---
title: "Notes from FooConf 2025"
start: 2025-04-02
end: 2025-04-03
---

## Conference - Day 1

### The Best

#### Fast Builds - Ann Lee

Good.

#### Slow Tests - Bo Chen

Also good.

## Día 2

#### Worst Slides Ever - Cy Park

Meh.

## Thanks

To the organisers.
"""
    plan = parse_markdown(text)
    assert plan.title == "FooConf 2025"
    assert _talks(plan) == [
        ("Fast Builds", ["Ann Lee"]),
        ("Slow Tests", ["Bo Chen"]),
        ("Worst Slides Ever", ["Cy Park"]),
    ]
    dates = [r.session_date for r in plan.recaps]
    assert dates == [datetime.date(2025, 4, 2)] * 2 + [datetime.date(2025, 4, 3)]
    assert "organisers" in plan.text_html


def test_speaker_lines_links_and_non_talk_sections():
    text = """# DjangoCon Europe 2026 — our notes

It ran from March 13–17, 2026.

> Tweet: see you on March 30, 2026

## Location

A nice city.

## TLDR

Great.

## 𝐁𝐨𝐥𝐝 𝐓𝐢𝐭𝐥𝐞𝐬

**Speakers:** *Ann Lee & Bo Chen.*

*[Slides](https://speakerdeck.com/x/y)*

[Recording](https://vimeo.com/123)

## Key note - Future of the web

**Speaker:** Cy Park
"""
    plan = parse_markdown(text)
    assert plan.title == "DjangoCon Europe 2026"
    assert (plan.start, plan.end) == (
        datetime.date(2026, 3, 13),
        datetime.date(2026, 3, 17),
    )
    first, second = plan.recaps
    assert first.title == "Bold Titles"
    assert [s["name"] for s in first.speakers] == ["Ann Lee", "Bo Chen"]
    assert first.slides_url == "https://speakerdeck.com/x/y"
    assert second.talk_kind == "keynote" and second.title == "Future of the web"
    assert "A nice city" in plan.text_html


def test_headingless_talks_lists_and_tables():
    text = """Some talks I liked:

- [Packaging in 2025](https://youtu.be/abc) by Ann Lee
- [Typing all the things](https://example.org/slides.pdf) by Bo Chen
- [The conference site](https://example.org/)

| Title | Video | Slides |
|---|---|---|
| Async all the way - Cy Park, ACME | [Video](https://www.youtube.com/watch?v=1) | - |
| Rust for you - Di Ho | [Video](https://youtu.be/2) | [PDF](https://x.org/r.pdf) |
"""
    plan = parse_markdown(text, filename="_posts/2025-05-01-fooconf.md")
    assert _talks(plan) == [
        ("Packaging in 2025", ["Ann Lee"]),
        ("Typing all the things", ["Bo Chen"]),
        ("Async all the way", ["Cy Park"]),
        ("Rust for you", ["Di Ho"]),
    ]
    packaging, typing_, async_, rust = plan.recaps
    assert packaging.video_url == "https://youtu.be/abc"
    assert typing_.slides_url == "https://example.org/slides.pdf"
    assert async_.speakers[0]["affiliation"] == "ACME"
    assert rust.slides_url == "https://x.org/r.pdf"
    assert plan.date == datetime.date(2025, 5, 1)
    assert "The conference site" in plan.text_html
    assert {r.rule for r in plan.recaps} == {"link-list-link-by", "table-row"}


def test_front_matter_timestamp_and_german_dates():
    text = """---
title: Bericht von der FooKonf 2024
date: 2024-03-20T09:15:00.001+01:00
---

Die FooKonf lief vom 13.–15. März 2024.

## Testen mit Freude - Jan Berg
"""
    plan = parse_markdown(text)
    assert plan.date == datetime.date(2024, 3, 20)
    assert (plan.start, plan.end) == (
        datetime.date(2024, 3, 13),
        datetime.date(2024, 3, 15),
    )
    assert _talks(plan) == [("Testen mit Freude", ["Jan Berg"])]


@pytest.mark.parametrize(
    "prose,name",
    [
        ("A great talk by Ann Lee about caching.", "Ann Lee"),
        ("Ein spannender Vortrag von Jan Berg über Tests.", "Jan Berg"),
        ("Una charla de Ana Ruiz sobre datos.", "Ana Ruiz"),
    ],
)
def test_speakers_only_in_prose(prose, name):
    plan = parse_markdown(f"## Caching Done Right\n\n{prose}\n")
    assert [s["name"] for s in plan.recaps[0].speakers] == [name]
