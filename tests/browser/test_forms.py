"""Issue 13: forms an author trusts (Chromium, Classic UI add form).

- With one speaker filled and an unrelated error (a date outside the
  conference), the form is shown again with that one error: no "Required
  input is missing." under the blank speaker and resource rows.
- A blank row left between filled ones is ignored on save.
- Takeaways and quotes are row tables like speakers: "Add row" adds a row
  in the page (the form is not submitted), the values are stored as plain
  strings.
"""

from .conftest import login
from plone import api
from plone.app.testing import login as zope_login
from plone.app.testing import logout
from plone.app.testing import SITE_OWNER_NAME

import datetime
import pytest
import transaction


AUTHOR = ("ada", "ada-writes-recaps-1")
SPEAKERS = "#form-widgets-ISpeakers-speakers"
RESOURCES = "#form-widgets-IResources-resources"
TAKEAWAYS = "#form-widgets-ITakeaways-takeaways"
QUOTES = "#form-widgets-ITakeaways-quotes"
ROWS = "{} tbody tr.datagridwidget-row:not([data-index=TT])"
UTC = datetime.timezone.utc


@pytest.fixture
def conference_url(functional, functional_portal):
    """A conference (13-17 March 2023, three tracks) an author may fill."""
    portal = functional_portal
    zope_login(functional["app"], SITE_OWNER_NAME)
    api.user.create(
        email="ada@example.org",
        username=AUTHOR[0],
        password=AUTHOR[1],
        roles=("Member",),
    )
    conference = api.content.create(
        container=portal,
        type="Conference",
        id="pwc",
        title="PWC 2023",
        start=datetime.datetime(2023, 3, 13, 9, 0, tzinfo=UTC),
        end=datetime.datetime(2023, 3, 17, 18, 0, tzinfo=UTC),
        tracks=["App Dev", "Cloud", "Culture"],
    )
    api.user.grant_roles(username=AUTHOR[0], obj=conference, roles=["Contributor"])
    transaction.commit()
    yield conference.absolute_url()
    logout()


def _stored(functional_portal, recap_id):
    transaction.abort()
    functional_portal._p_jar.sync()
    return functional_portal["pwc"][recap_id]


def _rows(page, table):
    return page.locator(ROWS.format(table))


def _add_row_after(page, table, index):
    """The row's "Add row" button, as a person clicks it (no navigation)."""
    before = _rows(page, table).count()
    _rows(page, table).nth(index).locator("button.dgf--row-add").click()
    page.wait_for_function(
        "([selector, n]) => document.querySelectorAll(selector).length > n",
        arg=[ROWS.format(table), before],
    )


def _type(cell, text):
    """Type into a cell and leave it, as a person does (the table notices)."""
    cell.fill(text)
    cell.press("Tab")


def _errors(page):
    return [
        text.strip()
        for text in page.locator("#content .invalid-feedback").all_inner_texts()
        if text.strip()
    ]


def _author_on_add_form(new_page, portal_url, conference_url):
    page = new_page()
    login(page, portal_url, *AUTHOR)
    page.goto(f"{conference_url}/++add++TalkRecap")
    page.fill("#form-widgets-IBasic-title", "Packaging in 2023")
    return page


def test_blank_rows_raise_no_false_errors(
    functional_portal, conference_url, new_page, portal_url
):
    page = _author_on_add_form(new_page, portal_url, conference_url)
    _type(
        _rows(page, SPEAKERS).nth(0).locator("input[name$='.widgets.name']"),
        "Érico Andrei",
    )
    page.fill("#form-widgets-ITalk-session_date", "2001-01-01")
    with page.expect_navigation():
        page.click("#form-buttons-save")

    # Only the real error, next to its field.
    assert "++add++TalkRecap" in page.url
    assert "Required input is missing." not in page.locator("#content").inner_text()
    errors = _errors(page)
    assert len(errors) == 1, errors
    assert "outside the conference dates" in errors[0]
    # What the author typed is still there.
    names = _rows(page, SPEAKERS).locator("input[name$='.widgets.name']")
    assert names.nth(0).input_value() == "Érico Andrei"

    # Correcting the date saves: one speaker, no blank speaker or resource.
    page.fill("#form-widgets-ITalk-session_date", "2023-03-14")
    with page.expect_navigation():
        page.click("#form-buttons-save")
    assert "Item created" in page.locator(".portalMessage").first.inner_text()
    recap = _stored(functional_portal, "packaging-in-2023")
    assert [row["name"] for row in recap.speakers] == ["Érico Andrei"]
    assert recap.resources == []
    assert recap.takeaways == [] and recap.quotes == []


def test_blank_row_between_filled_rows_is_ignored(
    functional_portal, conference_url, new_page, portal_url
):
    page = _author_on_add_form(new_page, portal_url, conference_url)
    _type(_rows(page, SPEAKERS).nth(0).locator("input[name$='.widgets.name']"), "Ana")
    _add_row_after(page, SPEAKERS, 0)
    _add_row_after(page, SPEAKERS, 1)
    _type(_rows(page, SPEAKERS).nth(2).locator("input[name$='.widgets.name']"), "Bo")
    # A resource row where only the (default) kind is set is blank too.
    with page.expect_navigation():
        page.click("#form-buttons-save")
    assert "Item created" in page.locator(".portalMessage").first.inner_text(), _errors(
        page
    )
    recap = _stored(functional_portal, "packaging-in-2023")
    assert [row["name"] for row in recap.speakers] == ["Ana", "Bo"]
    assert recap.resources == []


def test_a_half_filled_row_is_still_checked(
    functional_portal, conference_url, new_page, portal_url
):
    page = _author_on_add_form(new_page, portal_url, conference_url)
    row = _rows(page, RESOURCES).nth(0)
    _type(row.locator("input[name$='.widgets.url']"), "https://docs.astral.sh/uv/")
    with page.expect_navigation():
        page.click("#form-buttons-save")
    assert "++add++TalkRecap" in page.url
    text = page.locator("#formfield-form-widgets-IResources-resources").inner_text()
    assert "Required input is missing." in text or "Title is required" in text
    assert len(_errors(page)) == 1, _errors(page)


def test_takeaways_and_quotes_are_row_tables(
    functional_portal, conference_url, new_page, portal_url
):
    page = _author_on_add_form(new_page, portal_url, conference_url)
    # The same table as speakers, with "Add row" buttons that stay in the page.
    for table in (TAKEAWAYS, QUOTES):
        assert _rows(page, table).count() == 1
        assert page.locator(f"{table} button.dgf--row-add").count() >= 1
        # No z3c.form multi-widget "Add" (a submit button) any more.
        assert page.locator(f"{table}-buttons-add").count() == 0
    url = page.url
    cells = _rows(page, TAKEAWAYS).locator("textarea")
    _type(cells.nth(0), "Pin your dependencies.")
    _add_row_after(page, TAKEAWAYS, 0)
    assert page.url == url
    assert page.locator(".portalMessage").count() == 0
    _type(cells.nth(1), "Ship wheels,\nnot source.")
    _add_row_after(page, TAKEAWAYS, 1)  # left blank: ignored
    _type(
        _rows(page, QUOTES).locator("textarea").nth(0), "Packaging is a social problem."
    )
    with page.expect_navigation():
        page.click("#form-buttons-save")
    assert "Item created" in page.locator(".portalMessage").first.inner_text(), _errors(
        page
    )
    recap = _stored(functional_portal, "packaging-in-2023")
    assert recap.takeaways == ["Pin your dependencies.", "Ship wheels,\nnot source."]
    assert recap.quotes == ["Packaging is a social problem."]

    # The edit form shows them back as rows, in order.
    page.goto(f"{conference_url}/packaging-in-2023/edit")
    values = _rows(page, TAKEAWAYS).locator("textarea")
    assert [values.nth(i).input_value() for i in range(2)] == [
        "Pin your dependencies.",
        "Ship wheels,\nnot source.",
    ]
