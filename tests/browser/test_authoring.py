"""An author covers a conference through the Classic UI; a reviewer publishes.

Everything a person does here goes through the browser: the login form, the
add forms (tracks textarea, track <select>, the datagridfield tables of
speakers and resources), the workflow menu. plone.api is only used to set up
the users beforehand and to look at the result afterwards.
"""

from .conftest import login
from plone import api
from plone.app.testing import login as zope_login
from plone.app.testing import logout
from plone.app.testing import SITE_OWNER_NAME

import pytest
import transaction


AUTHOR = ("ada", "ada-writes-recaps-1")
REVIEWER = ("rex", "rex-reviews-recaps-1")

SPEAKERS = [
    ("Pamela Fox", "https://pamelafox.org", "Microsoft"),
    ("The Six Feet Up team", "https://sixfeetup.com", ""),
]
RESOURCES = [
    ("Ruff", "https://docs.astral.sh/ruff/", "An extremely fast linter", "tool"),
    ("pytest docs", "https://docs.pytest.org/", "", "documentation"),
]
RECAP_TITLE = "Containerizing Python web apps"


@pytest.fixture
def site(functional, functional_portal):
    """An author (Contributor) and a reviewer (Reviewer), committed."""
    portal = functional_portal
    zope_login(functional["app"], SITE_OWNER_NAME)
    api.user.create(
        email="ada@example.org",
        username=AUTHOR[0],
        password=AUTHOR[1],
        roles=("Member",),
        properties={"fullname": "Ada Author"},
    )
    api.user.grant_roles(username=AUTHOR[0], obj=portal, roles=["Contributor"])
    api.user.create(
        email="rex@example.org",
        username=REVIEWER[0],
        password=REVIEWER[1],
        roles=("Member", "Reviewer"),
        properties={"fullname": "Rex Reviewer"},
    )
    transaction.commit()
    yield portal
    logout()


def _fresh(portal):
    """See what the server threads committed."""
    transaction.abort()
    portal._p_jar.sync()
    return portal


ROWS = "#{} tbody tr.datagridwidget-row:not([data-index=TT])"


def _rows(page, table_id):
    """The rows a person sees in a datagridfield table.

    The hidden ``TT`` row is the widget's template. The last visible row may
    be the auto-append row (``AA``): left empty, it is ignored on save.
    """
    return page.locator(ROWS.format(table_id))


def _fill_rows(page, table_id, rows, fill_row):
    """Fill one table row per item, adding rows with the "Add row" buttons."""
    for index, values in enumerate(rows):
        if index > 0:
            # "Add row" on the row just filled inserts a fresh row below it.
            before = _rows(page, table_id).count()
            _rows(page, table_id).nth(index - 1).locator("button.dgf--row-add").click()
            page.wait_for_function(
                "([selector, n]) => document.querySelectorAll(selector).length > n",
                arg=[ROWS.format(table_id), before],
            )
        fill_row(_rows(page, table_id).nth(index), values)


def _fill_speaker(row, values):
    name, url, affiliation = values
    row.locator("input[name$='.widgets.name']").fill(name)
    row.locator("input[name$='.widgets.url']").fill(url)
    row.locator("input[name$='.widgets.affiliation']").fill(affiliation)


def _fill_resource(row, values):
    title, url, description, kind = values
    row.locator("input[name$='.widgets.title']").fill(title)
    row.locator("input[name$='.widgets.url']").fill(url)
    row.locator("input[name$='.widgets.description']").fill(description)
    row.locator("select[name$='.widgets.kind:list']").select_option(kind)


def _open_add_form(page, container_url, portal_type):
    """Use the toolbar's "Add new…" menu, as an author would."""
    page.goto(container_url)
    page.click("#plone-contentmenu-factories > a")
    with page.expect_navigation():
        page.click(f"#plone-contentmenu-factories a[href$='++add++{portal_type}']")
    assert f"++add++{portal_type}" in page.url


def _transition(page, object_url, transition_id):
    """Use the toolbar's workflow ("State") menu."""
    page.goto(object_url)
    page.click("#plone-contentmenu-workflow > a")
    with page.expect_navigation():
        page.click(f"#workflow-transition-{transition_id}")
    assert "Item state changed" in page.locator(".portalMessage").first.inner_text()


def _add_conference(page, portal_url):
    _open_add_form(page, portal_url, "Conference")
    page.fill("#form-widgets-IBasic-title", "Python Web Conference 2023")
    page.fill("#form-widgets-IBasic-description", "Five days of Python on the web.")
    page.select_option("#form-widgets-conference_format", "online")
    page.fill("#form-widgets-organizer", "Six Feet Up")
    page.fill("#form-widgets-tracks", "App Dev\nCloud\nCulture")
    page.fill("#form-widgets-IEventBasic-start", "2023-03-13T09:00")
    page.fill("#form-widgets-IEventBasic-end", "2023-03-17T18:00")
    page.fill("#form-widgets-IEventContact-event_url", "https://2023.pythonwebconf.com")
    with page.expect_navigation():
        page.click("#form-buttons-save")
    assert "Item created" in page.locator(".portalMessage").first.inner_text()
    return page.url.split("/@@")[0].rstrip("/").removesuffix("/view")


def _fill_recap_form(page, title, talk_url):
    page.fill("#form-widgets-IBasic-title", title)
    page.fill(
        "#form-widgets-IBasic-description", "From a laptop to the cloud in an hour."
    )
    page.select_option("#form-widgets-ITalk-talk_kind", "talk")
    # The track menu offers the tracks of the enclosing conference.
    options = page.locator("#form-widgets-ITalk-track option").all_inner_texts()
    assert {"App Dev", "Cloud", "Culture"} <= {o.strip() for o in options}, options
    page.select_option("#form-widgets-ITalk-track", label="Cloud")
    page.fill("#form-widgets-ITalk-session_date", "2023-03-14")
    page.fill("#form-widgets-ITalk-talk_url", talk_url)
    page.check("#form-widgets-ITalk-highlight-0")
    _fill_rows(page, "form-widgets-ISpeakers-speakers", SPEAKERS, _fill_speaker)
    _fill_rows(page, "form-widgets-IResources-resources", RESOURCES, _fill_resource)


def test_author_writes_reviewer_publishes_anonymous_reads(site, new_page, portal_url):
    # -- The author writes the coverage -------------------------------------
    author = new_page()
    login(author, portal_url, *AUTHOR)
    conference_url = _add_conference(author, portal_url)

    _open_add_form(author, conference_url, "TalkRecap")
    _fill_recap_form(
        author, RECAP_TITLE, "https://2023.pythonwebconf.com/talks/containers"
    )
    with author.expect_navigation():
        author.click("#form-buttons-save")
    assert "Item created" in author.locator(".portalMessage").first.inner_text()
    recap_url = author.url.removesuffix("/view")
    # Saved into the fields the form promised, rows in order.
    portal = _fresh(site)
    recap = api.content.get(path=recap_url.split("/plone", 1)[1])
    assert recap.portal_type == "TalkRecap"
    assert recap.track == "Cloud"
    assert recap.highlight is True
    assert [(s["name"], s["url"]) for s in recap.speakers] == [
        (n, u) for n, u, _ in SPEAKERS
    ]
    assert [(r["title"], r["url"], r["kind"]) for r in recap.resources] == [
        (t, u, k) for t, u, _, k in RESOURCES
    ]
    assert api.content.get_state(recap) == "private"

    _transition(author, recap_url, "submit")
    # The conference (simple_publication_workflow) goes to review as well:
    # a private item is invisible to reviewers.
    _transition(author, conference_url, "submit")
    assert (
        api.content.get_state(
            _fresh(portal).unrestrictedTraverse(recap.getPhysicalPath())
        )
        == "pending"
    )

    # -- Anonymous sees nothing yet (the login form instead) ------------------
    anon = new_page()
    anon.goto(recap_url)
    assert RECAP_TITLE not in anon.content()
    assert anon.locator("#__ac_password").count() == 1

    # -- The reviewer publishes ----------------------------------------------
    reviewer = new_page()
    login(reviewer, portal_url, *REVIEWER)
    _transition(reviewer, conference_url, "publish")
    _transition(reviewer, recap_url, "publish")
    recap = _fresh(portal).unrestrictedTraverse(recap.getPhysicalPath())
    assert api.content.get_state(recap) == "published"

    # -- Anonymous reads it everywhere ----------------------------------------
    for view in ("", "/conference-by-day", "/recap-article"):
        response = anon.goto(conference_url + view)
        assert response.status == 200, (view, response.status)
        content = anon.locator("#content").inner_text()
        assert RECAP_TITLE in content, view
        assert "Pamela Fox" in content, view
    response = anon.goto(f"{portal_url}/@@confrecap-speakers")
    assert response.status == 200
    content = anon.locator("#content").inner_text()
    assert "Pamela Fox" in content
    assert "The Six Feet Up team" in content
    assert anon.locator(f"#content a[href^='{recap_url}']").count() >= 1


def test_javascript_talk_url_is_refused_with_a_clear_message(
    site, new_page, portal_url
):
    conference = api.content.create(
        container=site,
        type="Conference",
        title="PWC 2023",
        tracks=["App Dev", "Cloud", "Culture"],
    )
    api.user.grant_roles(username=AUTHOR[0], obj=conference, roles=["Owner"])
    transaction.commit()
    page = new_page()
    login(page, portal_url, *AUTHOR)
    page.goto(conference.absolute_url() + "/++add++TalkRecap")
    _fill_recap_form(page, "A sneaky talk", "javascript:alert(1)")
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    with page.expect_navigation():
        page.click("#form-buttons-save")

    # Still on the add form, with the message next to the field.
    assert "++add++TalkRecap" in page.url
    field = page.locator("#formfield-form-widgets-ITalk-talk_url")
    assert "is not a web address" in field.inner_text()
    assert "http://" in field.inner_text() and "https://" in field.inner_text()
    assert "There were some errors" in page.locator(".portalMessage").first.inner_text()
    assert not dialogs
    # Nothing was created.
    portal = _fresh(site)
    assert len(api.content.find(context=portal, portal_type="TalkRecap")) == 0
    assert (
        list(portal.unrestrictedTraverse(conference.getPhysicalPath()).objectIds())
        == []
    )
