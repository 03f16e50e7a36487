"""Content and rows the tests share, whatever their layer."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import datetime
import pytz
import transaction


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


# The coverage the REST and HTTP tests share (the ``coverage`` fixture of
# tests/functional/conftest.py): a published conference "PWC 2023" with two
# published recaps, one private draft written by a Contributor ("author"), a
# published resource list and a private one; a second published conference
# "PWC 2021" with one recap; and a plain folder holding nothing of ours.

AUTHOR = ("author", "author-secret-1")
MEMBER = ("member", "member-secret-1")

SECRET_SPEAKER = "Zyxwv Secretspeaker"
SECRET_URL = "https://secret.example.org/leak-me"
SECRET_TITLE = "Private draft about xyzzy"
SECRET_LIST_URL = "https://hidden-list.example.org/only-editors"

MANAGER = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)


def _utc(*args):
    return pytz.utc.localize(datetime.datetime(*args))


def build_coverage(portal):
    """Create the shared content and commit it; returns the objects."""
    with api.env.adopt_roles(["Manager"]):
        for login, password in (AUTHOR, MEMBER):
            api.user.create(
                email=f"{login}@example.org",
                username=login,
                password=password,
                roles=("Member",),
            )
        conference = api.content.create(
            container=portal,
            type="Conference",
            id="pwc2023",
            title="Python Web Conference 2023",
            description="Five days of Python on the web.",
            start=_utc(2023, 3, 13, 9, 0),
            end=_utc(2023, 3, 17, 18, 0),
            location="Online",
            event_url="https://2023.pythonwebconf.com",
            conference_format="online",
            organizer="Six Feet Up",
            tracks=["App Dev", "Cloud", "Culture"],
            coverage_note="We covered it as a sponsor.",
            subject=("python", "web"),
        )
        api.content.transition(conference, "publish")
        keynote = api.content.create(
            container=conference,
            type="TalkRecap",
            id="keynote",
            title="Keynote: Python in the cloud",
            description="Pamela on serverless Python.",
            talk_kind="keynote",
            track="Cloud",
            session_date=datetime.date(2023, 3, 14),
            talk_url="https://2023.pythonwebconf.com/keynote",
            slides_url="https://slides.example.org/keynote",
            highlight=True,
            speakers=[
                {
                    "name": "Pamela Fox",
                    "url": "https://pamelafox.org",
                    "affiliation": "Microsoft",
                }
            ],
            takeaways=["Use managed services.", "Measure cold starts."],
            quotes=["Serverless is just someone else's server."],
            resources=[
                {
                    "title": "Azure Functions for Python",
                    "url": "https://learn.microsoft.com/azure/functions/",
                    "description": "Docs",
                    "kind": "documentation",
                },
                {
                    "title": "FastAPI",
                    "url": "https://fastapi.tiangolo.com",
                    "description": None,
                    "kind": "library",
                },
            ],
        )
        api.content.transition(keynote, "publish")
        appdev = api.content.create(
            container=conference,
            type="TalkRecap",
            id="htmx",
            title="HTMX for Django developers",
            talk_kind="talk",
            track="App Dev",
            session_date=datetime.date(2023, 3, 13),
            speakers=[
                {"name": "The Six Feet Up team", "url": None, "affiliation": None},
                {"name": "pamela  fox", "url": None, "affiliation": None},
            ],
            resources=[
                {
                    "title": "FastAPI docs",
                    "url": "https://FastAPI.tiangolo.com/",
                    "description": "Same link, other spelling",
                    "kind": "library",
                },
            ],
        )
        api.content.transition(appdev, "publish")
        links = api.content.create(
            container=conference,
            type="ResourceList",
            id="links",
            title="Links we collected",
            resources=[
                {
                    "title": "htmx",
                    "url": "https://htmx.org",
                    "description": "HTML over the wire",
                    "kind": "tool",
                },
                {
                    "title": "FastAPI",
                    "url": "https://fastapi.tiangolo.com",
                    "description": None,
                    "kind": "library",
                },
            ],
        )
        api.content.transition(links, "publish")
        api.content.create(
            container=conference,
            type="ResourceList",
            id="hidden-links",
            title="Hidden links",
            resources=[
                {
                    "title": "Only editors",
                    "url": SECRET_LIST_URL,
                    "description": None,
                    "kind": "tool",
                }
            ],
        )
        api.user.grant_roles(username=AUTHOR[0], obj=conference, roles=["Contributor"])
        older = api.content.create(
            container=portal,
            type="Conference",
            id="pwc2021",
            title="Python Web Conference 2021",
            start=_utc(2021, 3, 22, 9, 0),
            end=_utc(2021, 3, 26, 18, 0),
            conference_format="online",
            tracks=["Tutorials"],
        )
        api.content.transition(older, "publish")
        tutorial = api.content.create(
            container=older,
            type="TalkRecap",
            id="tutorial",
            title="Async Python tutorial",
            talk_kind="tutorial",
            track="Tutorials",
            session_date=datetime.date(2021, 3, 22),
            speakers=[{"name": "Pamela Fox", "url": None, "affiliation": None}],
            resources=[
                {
                    "title": "asyncio",
                    "url": "https://docs.python.org/3/library/asyncio.html",
                    "description": None,
                    "kind": "documentation",
                }
            ],
        )
        api.content.transition(tutorial, "publish")
        folder = api.content.create(
            container=portal, type="Folder", id="empty", title="Empty folder"
        )
        api.content.transition(folder, "publish")
    with api.env.adopt_user(username=AUTHOR[0]):
        draft = api.content.create(
            container=conference,
            type="TalkRecap",
            id="draft",
            title=SECRET_TITLE,
            talk_kind="talk",
            track="Culture",
            session_date=datetime.date(2023, 3, 15),
            video_url="https://video.example.org/secret",
            speakers=[{"name": SECRET_SPEAKER, "url": None, "affiliation": None}],
            resources=[
                {
                    "title": "Secret",
                    "url": SECRET_URL,
                    "description": None,
                    "kind": "article",
                }
            ],
        )
    transaction.commit()
    return {
        "conference": conference,
        "keynote": keynote,
        "appdev": appdev,
        "links": links,
        "older": older,
        "tutorial": tutorial,
        "draft": draft,
        "folder": folder,
    }
