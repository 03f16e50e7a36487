"""A Contributor imports a programme with the form (upload, preview, import),
then opens a session from the coverage dashboard's "Write recap" button."""

from .conftest import login
from pathlib import Path
from plone import api
from plone.app.testing import login as zope_login
from plone.app.testing import logout
from plone.app.testing import SITE_OWNER_NAME

import pytest
import transaction


FIXTURES = (
    Path(__file__).resolve().parents[1] / "unit" / "formats" / "programme" / "fixtures"
)
AUTHOR = ("pia", "pia-imports-programmes-1")


@pytest.fixture
def site(functional, functional_portal):
    zope_login(functional["app"], SITE_OWNER_NAME)
    api.user.create(
        email="pia@example.org",
        username=AUTHOR[0],
        password=AUTHOR[1],
        roles=("Member",),
    )
    api.user.grant_roles(
        username=AUTHOR[0], obj=functional_portal, roles=["Contributor"]
    )
    transaction.commit()
    yield functional_portal
    logout()


def test_preview_import_and_write_a_recap(site, new_page, portal_url):
    page = new_page()
    login(page, portal_url, *AUTHOR)
    page.goto(f"{portal_url}/@@programme-import")
    page.set_input_files(
        "input[name='form.widgets.upload']",
        str(FIXTURES / "frab-schedule.xml"),
    )
    page.click("#form-buttons-preview")
    preview = page.locator("#programme-import-preview")
    preview.wait_for()
    assert "Soldering for Everyone" in preview.inner_text()
    assert preview.locator("tbody tr").count() == 7
    transaction.abort()
    assert "nordhack-2024" not in site.objectIds()

    with page.expect_navigation():
        page.click("#form-buttons-import")
    assert page.url.endswith("/nordhack-2024/@@coverage")
    assert "7 created" in page.locator(".portalMessage").first.inner_text()
    rows = page.locator("tr.coverage-session")
    assert rows.count() == 7

    row = page.locator("tr[data-programme-id$='00000001']")
    with page.expect_navigation():
        row.locator("a.coverage-write").click()
    assert "/nordhack-2024/soldering-for-everyone/edit" in page.url
    assert page.locator("#form-widgets-IBasic-title").input_value() == (
        "Soldering for Everyone"
    )
    # The recap text is the field the button brought us to.
    assert page.locator("#formfield-form-widgets-IRichTextBehavior-text").count() == 1
