"""``@recap-import`` under hostile input, and with a plan an author edited:
pathological documents get a 400/413 naming the limit while the server keeps
answering; ``{"plan": {...}}`` imports exactly what the author kept."""

from ..content import small_post
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import pytest
import threading
import time
import transaction


PATHOLOGICAL = [
    ("*a " * 20000 + " a*" * 20000, 400, "emphasis markers (* or _): the limit is"),
    ("---\nx: " + "[" * 10000 + "]" * 10000 + "\n---\nbody\n", 400, "limit is 16"),
    ("+++\nx = " + "9" * 5000 + "\n+++\nbody\n", 400, "more than 64 digits"),
    (">" * 10000 + " a\n", 400, "nested more than 32 levels"),
    ("".join(f"## T{n}\n\nx\n\n" for n in range(2001)), 413, "limit is 2,000"),
]


def _created(portal):
    transaction.begin()
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.unrestrictedSearchResults(
        portal_type=["Conference", "TalkRecap", "ResourceList"]
    )


@pytest.mark.parametrize(
    "text,status,message",
    PATHOLOGICAL,
    ids=["emphasis", "yaml-depth", "digits", "quotes", "sections"],
)
def test_pathological_input_is_refused_quickly(
    import_site, basic, text, status, message
):
    started = time.monotonic()
    response = basic.post("/coverage/@recap-import", json={"markdown": text})
    assert time.monotonic() - started < 3.0
    assert response.status_code == status, response.text
    assert message in response.json()["error"]["message"]
    assert len(_created(import_site)) == 0


def test_server_answers_while_pathological_imports_are_refused(
    import_site, basic, request_factory
):
    other = request_factory(basic_auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD))
    statuses, stop = [], threading.Event()

    def hammer():
        deadline = time.monotonic() + 5
        while not stop.is_set() and time.monotonic() < deadline:
            for text, _status, _message in PATHOLOGICAL:
                response = basic.post(
                    "/coverage/@recap-import", json={"markdown": text}
                )
                statuses.append(response.status_code)

    thread = threading.Thread(target=hammer)
    thread.start()
    try:
        for _ in range(5):
            started = time.monotonic()
            response = other.get("/coverage", headers={"Accept": "application/json"})
            assert response.status_code == 200
            assert time.monotonic() - started < 2.0
            time.sleep(0.2)
    finally:
        stop.set()
        thread.join(10)
    assert statuses and set(statuses) <= {400, 413}


def test_edited_plan_imports_what_the_author_kept(import_site, basic):
    post = (
        small_post("Plan Conf 2024") + "\n## Second Talk\n\nBy Bob Builder\n\nText.\n"
    )
    dry = basic.post(
        "/coverage/@recap-import", json={"markdown": post, "dry_run": True}
    )
    assert dry.status_code == 200, dry.text
    plan = dry.json()["plan"]
    titles = [r["title"] for r in plan["recaps"]]
    assert "Second Talk" in titles and "Packaging" in titles
    plan["recaps"] = [r for r in plan["recaps"] if r["title"] != "Packaging"]
    plan["recaps"][0]["title"] = "Second Talk, renamed"
    plan["recaps"][0]["speakers"] = [{"name": "Bob the Builder"}]
    response = basic.post("/coverage/@recap-import", json={"plan": plan})
    assert response.status_code == 201, response.text
    assert response.json()["summary"]["recaps"] == ["Second Talk, renamed"]
    transaction.begin()
    conference = import_site["coverage"]["plan-conf-2024"]
    (recap,) = [o for o in conference.objectValues() if o.portal_type == "TalkRecap"]
    assert recap.speakers[0]["name"] == "Bob the Builder"


@pytest.mark.parametrize(
    "plan,message",
    [
        (
            {"title": "X", "recaps": [{"title": "A", "colour": 1}]},
            "['colour']: unknown key",
        ),
        ({"title": "X", "recaps": [{"title": "A", "talk_kind": "rant"}]}, "not one of"),
        ({"title": "X", "event_url": "javascript:alert(1)"}, "not an http(s) link"),
        ({"title": ""}, "['title']: must not be empty"),
        ({"recaps": []}, "['title']: is required"),
        ("nope", '"plan" must be a JSON object'),
    ],
)
def test_bad_plan_is_400_naming_the_key(import_site, basic, plan, message):
    response = basic.post("/coverage/@recap-import", json={"plan": plan})
    assert response.status_code == 400, response.text
    assert message in response.json()["error"]["message"]
    assert len(_created(import_site)) == 0
