"""The review step of ``@@recap-import`` in Chromium: preview a write-up, drop
one recap, rename one, merge two, fix a speaker, make a recap of a section of
the conference text, import, and find exactly that plan in the site."""

from .conftest import login
from plone import api
from plone.app.testing import login as zope_login
from plone.app.testing import logout
from plone.app.testing import SITE_OWNER_NAME

import pytest
import transaction


AUTHOR = ("ida", "ida-imports-recaps-1")
POST = """---
title: Review Conf 2025 Recap
start: 2025-05-05
end: 2025-05-06
---

We went to Review Conf.

## Alpha Talk - Ann Lee

Alpha body.

## Beta Talk - Bob Stone

Beta body.

## Gamma Talk - Cy Young

Gamma body.

## Delta Talk - Dee Kay

Delta body.

## Location

We met in Hall 1.
"""


@pytest.fixture
def folder(functional, functional_portal):
    portal = functional_portal
    zope_login(functional["app"], SITE_OWNER_NAME)
    api.user.create(
        email="ida@example.org",
        username=AUTHOR[0],
        password=AUTHOR[1],
        roles=("Member",),
    )
    folder = api.content.create(
        container=portal, type="Folder", id="coverage", title="Coverage"
    )
    api.user.grant_roles(username=AUTHOR[0], obj=folder, roles=["Contributor"])
    transaction.commit()
    yield folder
    logout()


def test_review_edit_and_import(folder, new_page, portal_url):
    page = new_page()
    login(page, portal_url, *AUTHOR)
    page.goto(f"{portal_url}/coverage/@@recap-import")
    page.fill("#form-widgets-markdown", POST)
    with page.expect_navigation():
        page.click("#form-buttons-preview")
    rows = page.locator("tr.preview-recap")
    assert rows.count() == 4
    assert page.input_value("input[name='recap.0.title']") == "Alpha Talk"
    assert page.input_value("input[name='recap.0.speakers']") == "Ann Lee"
    assert page.locator("input[name='section.1.to_recap']").count() == 1

    # Rename, and see the change applied to the plan before importing.
    page.fill("input[name='recap.0.title']", "Alpha Talk, renamed")
    with page.expect_navigation():
        page.click("button[name='review.apply']")
    assert page.input_value("input[name='recap.0.title']") == "Alpha Talk, renamed"

    page.uncheck("input[name='recap.1.keep']")  # drop Beta
    page.fill("input[name='recap.2.speakers']", "Cy Young; Zed Zee")  # fix
    page.check("input[name='recap.3.merge']")  # Delta into Gamma
    page.check("input[name='section.1.to_recap']")  # Location becomes a recap
    with page.expect_navigation():
        page.click("button[name='review.import']")
    assert page.url.rstrip("/").endswith("/coverage/review-conf-2025")
    assert "Imported" in " ".join(page.locator(".portalMessage").all_inner_texts())

    transaction.abort()
    conference = api.content.get(path="/coverage/review-conf-2025")
    recaps = {
        o.Title(): o for o in conference.objectValues() if o.portal_type == "TalkRecap"
    }
    assert set(recaps) == {"Alpha Talk, renamed", "Gamma Talk", "Location"}
    gamma = recaps["Gamma Talk"]
    assert [s["name"] for s in gamma.speakers] == ["Cy Young", "Zed Zee", "Dee Kay"]
    assert "Delta body" in gamma.text.raw
    assert "Hall 1" in recaps["Location"].text.raw
    assert "Hall 1" not in (conference.text.raw if conference.text else "")


def test_review_refuses_a_forged_plan(folder, new_page, portal_url):
    page = new_page()
    login(page, portal_url, *AUTHOR)
    page.goto(f"{portal_url}/coverage/@@recap-import")
    page.fill("#form-widgets-markdown", POST)
    with page.expect_navigation():
        page.click("#form-buttons-preview")
    page.evaluate(
        """() => {
          const field = document.querySelector("input[name='plan']");
          const plan = JSON.parse(field.value);
          plan.event_url = "javascript:alert(1)";
          field.value = JSON.stringify(plan);
        }"""
    )
    with page.expect_navigation():
        page.click("button[name='review.import']")
    error = page.locator(".recap-import-review-error").inner_text()
    assert "event_url" in error and "http(s)" in error
    transaction.abort()
    assert api.content.get(path="/coverage/review-conf-2025") is None
