"""The ``@@programme-import`` form, through a browser: upload, preview, import."""

from pathlib import Path
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser

import pytest
import transaction


FIXTURES = (
    Path(__file__).resolve().parents[1] / "unit" / "formats" / "programme" / "fixtures"
)
PENTABARF = (FIXTURES / "pentabarf-schedule.xml").read_bytes()


@pytest.fixture
def browser(functional):
    browser = Browser(functional["app"])
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    return browser


@pytest.fixture
def folder(functional_portal):
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(
            container=functional_portal, type="Folder", id="cov", title="Cov"
        )
    transaction.commit()
    return folder


def _open(browser, folder):
    browser.open(folder.absolute_url() + "/@@programme-import")
    assert "Import conference programme" in browser.contents


def test_upload_preview_then_import(browser, folder):
    _open(browser, folder)
    control = browser.getControl(name="form.widgets.upload")
    control.add_file(PENTABARF, "application/xml", "schedule.xml")
    browser.getControl(name="form.buttons.preview").click()
    assert 'id="programme-import-preview"' in browser.contents
    assert "PostgreSQL Internals for Application Developers" in browser.contents
    assert "Ingrid Haugen" in browser.contents
    transaction.begin()
    assert folder.objectIds() == []
    # The preview kept the file: "Import" needs no second upload.
    assert (
        "Open Source Days 2025"
        in browser.getControl(name="form.widgets.programme").value
    )
    browser.getControl(name="form.buttons.import").click()
    assert browser.url == folder.absolute_url() + "/open-source-days-2025/@@coverage"
    assert "Imported the programme of “Open Source Days 2025”: 6 created" in (
        browser.contents
    )
    assert "Write recap" in browser.contents
    transaction.begin()
    assert len(folder["open-source-days-2025"].objectIds()) == 6


def test_a_markdown_file_is_refused_on_its_field(browser, folder):
    _open(browser, folder)
    control = browser.getControl(name="form.widgets.upload")
    control.add_file(b"# Notes\n", "text/markdown", "notes.md")
    browser.getControl(name="form.buttons.preview").click()
    assert "looks like a Markdown write-up" in browser.contents
    transaction.begin()
    assert folder.objectIds() == []


def test_nothing_given(browser, folder):
    _open(browser, folder)
    browser.getControl(name="form.buttons.import").click()
    assert "Upload a programme file or paste its content." in browser.contents


def test_the_folder_offers_the_action(browser, folder):
    browser.open(folder.absolute_url())
    assert "@@programme-import" in browser.contents
