"""The Classic UI ``@@recap-import`` form, through a browser."""

from ..content import small_post
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser

import pytest
import transaction


POST = small_post("Form Conf 2024")


@pytest.fixture
def browser(functional):
    browser = Browser(functional["app"])
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    return browser


def _open(browser, portal):
    browser.open(portal.absolute_url() + "/@@recap-import")
    assert "Import conference recap" in browser.contents


def test_preview_creates_nothing(browser, functional_portal):
    _open(browser, functional_portal)
    browser.getControl(name="form.widgets.markdown").value = POST
    browser.getControl(name="form.buttons.preview").click()
    assert 'id="recap-import-preview"' in browser.contents
    assert "Form Conf 2024" in browser.contents
    assert "Ana Example" in browser.contents
    assert "keynote" in browser.contents
    transaction.begin()
    assert "form-conf-2024" not in functional_portal.objectIds()


def test_import_redirects_with_status_message(browser, functional_portal):
    _open(browser, functional_portal)
    browser.getControl(name="form.widgets.markdown").value = POST
    browser.getControl(name="form.widgets.publish:list").value = ["selected"]
    browser.getControl(name="form.buttons.import").click()
    assert browser.url == functional_portal.absolute_url() + "/form-conf-2024"
    assert "Imported “Form Conf 2024”: 1 recap(s)" in browser.contents
    transaction.begin()
    conference = functional_portal["form-conf-2024"]
    assert api.content.get_state(conference) == "published"
    assert len(conference.objectIds()) == 2


def test_upload_a_file(browser, functional_portal):
    _open(browser, functional_portal)
    control = browser.getControl(name="form.widgets.upload")
    control.add_file(POST.encode("utf-8"), "text/markdown", "post.md")
    browser.getControl(name="form.buttons.import").click()
    assert browser.url.endswith("/form-conf-2024")


def test_error_shows_the_line(browser, functional_portal):
    _open(browser, functional_portal)
    browser.getControl(
        name="form.widgets.markdown"
    ).value = "---\ntitle: X\nstart: someday\n---\n\n# X\n"
    browser.getControl(name="form.buttons.import").click()
    assert "Line 3: The start" in browser.contents
    assert "is not a date I can read" in browser.contents
    transaction.begin()
    catalog = api.portal.get_tool("portal_catalog")
    assert not catalog.unrestrictedSearchResults(portal_type="Conference")


def test_conflict_is_a_form_error(browser, functional_portal):
    for _ in range(2):
        _open(browser, functional_portal)
        browser.getControl(name="form.widgets.markdown").value = POST
        browser.getControl(name="form.buttons.import").click()
    assert "already exists at" in browser.contents
    assert "use replace to update it" in browser.contents


def test_anonymous_cannot_open_the_form(functional, functional_portal):
    url = functional_portal.absolute_url() + "/@@recap-import"
    browser = Browser(functional["app"])
    browser.raiseHttpErrors = False
    browser.open(url)
    assert "form.buttons.import" not in browser.contents
    assert "/login?came_from=" in browser.url
