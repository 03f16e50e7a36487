"""Content and rows the tests share, whatever their layer."""

from plone import api

import datetime


# The five tracks of the seed blog post, in its order.
TRACKS = ["App Dev", "Cloud", "Culture", "PyData", "Tutorials"]

TALK_KINDS = [
    "keynote",
    "talk",
    "tutorial",
    "workshop",
    "panel",
    "lightning",
    "social",
    "other",
]

SPEAKERS = [
    {"name": "Pamela Fox", "url": "https://pamelafox.org", "affiliation": "Microsoft"},
    {"name": "the Six Feet Up team", "url": None, "affiliation": None},
]

# One link in plain http: both schemes are web addresses.
RESOURCES = [
    {
        "title": "uv",
        "url": "https://docs.astral.sh/uv/",
        "description": "Fast Python package manager",
        "kind": "tool",
    },
    {
        "title": "Cheat sheet",
        "url": "http://example.org/cheat.pdf",
        "description": None,
        "kind": "cheat-sheet",
    },
]


def create_conference(container, **fields):
    """A three-day conference ``pwc`` with the five tracks; ``fields`` override.

    The caller needs the right to add it (a Manager role, adopted or granted).
    """
    data = {
        "id": "pwc",
        "title": "PWC 2023",
        "start": datetime.datetime(2023, 9, 20, 9, 0),
        "end": datetime.datetime(2023, 9, 22, 17, 0),
        "tracks": TRACKS,
    }
    data.update(fields)
    return api.content.create(container=container, type="Conference", **data)


def small_post(title):
    """A short Markdown post: one keynote in the "Web" track and a link list."""
    return f"""---
title: {title}
start: 2024-06-10
end: 2024-06-12
tracks: [Web]
---

Intro.

## Keynote: Packaging

By [Ana Example](https://ana.example.org/).

Track: Web

The future.

## Links

- [Docs](https://docs.example.org/) -- the docs
"""
