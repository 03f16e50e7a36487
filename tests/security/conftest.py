"""Content and sessions of the security suite.

The shared REST coverage (``tests/content.py``: two
published conferences, a private draft by a Contributor, a private resource
list) plus what a curious visitor should never learn of:

- a private conference ("Hidden Summit") with its location, organizer,
  website and a track of its own, holding one *published* recap;
- a pending recap whose speaker and track are not public yet;
- a user "other" who is Contributor of another folder only.

``MARKERS`` are the strings that must never reach anyone but the editors.
The private conference's *title* is not one of them: Plone's own
breadcrumbs and plone.restapi's ``parent`` show the title of a private
parent above a published item, as for any Plone content; everything else
of the conference stays hidden.
"""

from ..content import AUTHOR
from ..content import build_coverage
from ..content import MANAGER
from ..content import MEMBER
from ..content import SECRET_LIST_URL
from ..content import SECRET_SPEAKER
from ..content import SECRET_TITLE
from ..content import SECRET_URL
from datetime import date
from datetime import datetime
from plone import api

import pytest
import pytz
import transaction


OTHER = ("other", "other-secret-1")

HIDDEN_LOCATION = "Secret Bunker 42"
HIDDEN_ORGANIZER = "Shadow Organisation Qzx"
HIDDEN_WEBSITE = "https://hidden-summit.example.org"
HIDDEN_TRACK = "Secret Track Omega"
HIDDEN_TITLE = "Hidden Summit Vvq"
PENDING_SPEAKER = "Pending Speaker Qwerty"

MARKERS = (
    SECRET_SPEAKER,
    SECRET_URL,
    SECRET_TITLE,
    SECRET_LIST_URL,
    "video.example.org/secret",
    HIDDEN_LOCATION,
    HIDDEN_ORGANIZER,
    "hidden-summit.example.org",
    HIDDEN_TRACK,
    PENDING_SPEAKER,
)

__all__ = ["AUTHOR", "MANAGER", "MEMBER", "OTHER"]


def _utc(*args):
    return pytz.utc.localize(datetime(*args))


def build_security(portal):
    objects = build_coverage(portal)
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            email="other@example.org",
            username=OTHER[0],
            password=OTHER[1],
            roles=("Member",),
        )
        api.user.grant_roles(
            username=OTHER[0], obj=objects["folder"], roles=["Contributor"]
        )
        hidden = api.content.create(
            container=portal,
            type="Conference",
            id="hidden-summit",
            title=HIDDEN_TITLE,
            start=_utc(2024, 5, 1, 9, 0),
            end=_utc(2024, 5, 2, 18, 0),
            location=HIDDEN_LOCATION,
            organizer=HIDDEN_ORGANIZER,
            event_url=HIDDEN_WEBSITE,
            conference_format="in-person",
            tracks=["Open Track", HIDDEN_TRACK],
        )
        public = api.content.create(
            container=hidden,
            type="TalkRecap",
            id="public-talk",
            title="A published talk in a private conference",
            talk_kind="talk",
            track="Open Track",
            session_date=date(2024, 5, 1),
            speakers=[{"name": "Open Speaker", "url": None, "affiliation": None}],
        )
        api.content.transition(public, "publish")
        pending = api.content.create(
            container=objects["conference"],
            type="TalkRecap",
            id="pending",
            title="Pending recap",
            talk_kind="talk",
            track="Culture",
            speakers=[{"name": PENDING_SPEAKER, "url": None, "affiliation": None}],
        )
        api.content.transition(pending, "submit")
    transaction.commit()
    objects.update(hidden=hidden, public_in_hidden=public, pending=pending)
    return objects


@pytest.fixture
def security(functional_portal):
    return build_security(functional_portal)


@pytest.fixture
def sessions(request_factory):
    """Role name -> (REST session, Classic UI session) for the visitors."""
    identities = {
        "anonymous": None,
        "member": MEMBER,
        "contributor-elsewhere": OTHER,
    }
    result = {}
    for name, auth in identities.items():
        if auth is None:
            result[name] = (request_factory(), request_factory(api=False))
        else:
            result[name] = (
                request_factory(basic_auth=auth),
                request_factory(basic_auth=auth, api=False),
            )
    return result


def leaks(text):
    """The private markers found in ``text``."""
    return [marker for marker in MARKERS if marker in text]


# The browser fixtures (Debian Chromium through Playwright) of tests/browser.
# (chromium, new_page and portal_url come from the tests.browser_fixtures plugin)
from ..browser_fixtures import CHROMIUM  # noqa: E402
from ..browser_fixtures import login  # noqa: E402, F401

import os  # noqa: E402


needs_chromium = pytest.mark.skipif(
    not os.access(CHROMIUM, os.X_OK),
    reason=f"Chromium not found at {CHROMIUM}: the browser security tests need "
    "a system Chromium (Debian: apt-get install chromium)",
)
