"""Issue 13: a site manager deactivates and reactivates the add-on (Chromium).

Activated (the test layer installs it), used, deactivated in Site Setup ->
Add-ons: every conference, recap and resource list page, and a Folder and a
Collection shown with our listings, still answer 200 to anonymous visitors,
with core views. Reactivated: a Collection filtering by speaker finds the
recap without any manual catalog rebuild.
"""

from .conftest import login
from plone import api
from plone.app.testing import login as zope_login
from plone.app.testing import logout
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.base.utils import get_installer

import datetime
import pytest
import transaction


UTC = datetime.timezone.utc
SPEAKER = "Érico Andrei"
PACKAGE = "collective.confrecap"


@pytest.fixture
def site(functional, functional_portal):
    """Published coverage, a Folder and a Collection with our listings."""
    portal = functional_portal
    zope_login(functional["app"], SITE_OWNER_NAME)
    conference = api.content.create(
        container=portal,
        type="Conference",
        id="pwc",
        title="Python Web Conference 2023",
        start=datetime.datetime(2023, 3, 13, 9, 0, tzinfo=UTC),
        end=datetime.datetime(2023, 3, 17, 18, 0, tzinfo=UTC),
        tracks=["App Dev", "Cloud"],
    )
    recap = api.content.create(
        container=conference,
        type="TalkRecap",
        id="packaging",
        title="Packaging for the web",
        track="Cloud",
        speakers=[{"name": SPEAKER, "url": None, "affiliation": None}],
        takeaways=["Use wheels."],
    )
    links = api.content.create(
        container=conference,
        type="ResourceList",
        id="links",
        title="Links we collected",
        resources=[{"title": "uv", "url": "https://docs.astral.sh/uv/"}],
    )
    folder = api.content.create(
        container=portal, type="Folder", id="coverage", title="Our coverage"
    )
    folder.setLayout("conference-listing")
    collection = api.content.create(
        container=portal,
        type="Collection",
        id="all-recaps",
        title="All recaps",
        query=[
            {
                "i": "portal_type",
                "o": "plone.app.querystring.operation.selection.any",
                "v": ["TalkRecap"],
            }
        ],
    )
    collection.setLayout("talkrecap-listing")
    for obj in (conference, recap, links, folder, collection):
        api.content.transition(obj=obj, transition="publish")
    transaction.commit()
    yield portal
    logout()


def _fresh(portal):
    transaction.abort()
    portal._p_jar.sync()
    return portal


def _addons(page, portal_url, section, action):
    """Click Install/Uninstall of our add-on in Site Setup -> Add-ons."""
    page.goto(f"{portal_url}/@@prefs_install_products_form")
    form = page.locator(
        f"#{section} form:has(input[value='{PACKAGE}'])", has_text=action
    )
    with page.expect_navigation():
        form.locator("button").click()


def _pages(portal_url):
    return {
        f"{portal_url}/pwc": "Python Web Conference 2023",
        f"{portal_url}/pwc/packaging": SPEAKER,
        f"{portal_url}/pwc/links": "https://docs.astral.sh/uv/",
        f"{portal_url}/coverage": "Our coverage",
        f"{portal_url}/all-recaps": "Packaging for the web",
    }


def test_deactivate_read_everything_reactivate_filter(site, new_page, portal_url):
    admin = new_page()
    login(admin, portal_url, SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    anonymous = new_page()
    for url in _pages(portal_url):
        response = anonymous.goto(url)
        assert response.status == 200, url

    # -- Deactivate ------------------------------------------------------
    _addons(admin, portal_url, "activated-products", "Uninstall")
    portal = _fresh(site)
    assert not get_installer(portal, portal.REQUEST).is_product_installed(PACKAGE)

    for url, text in _pages(portal_url).items():
        response = anonymous.goto(url)
        assert response.status == 200, (url, response.status)
        content = anonymous.locator("#content").inner_text()
        assert text in content, (url, content[:500])
        # Core views only: none of our page markup is left.
        assert anonymous.locator(".confrecap-conference-header").count() == 0
    # The conference is an event: Plone's event view, dates included.
    anonymous.goto(f"{portal_url}/pwc")
    assert anonymous.locator("#content .event-summary, #content .event").count() >= 1

    # -- Reactivate ------------------------------------------------------
    _addons(admin, portal_url, "install-products", "Install")
    portal = _fresh(site)
    assert get_installer(portal, portal.REQUEST).is_product_installed(PACKAGE)

    # A Collection filtering by speaker finds the recap at once.
    by_speaker = api.content.create(
        container=portal,
        type="Collection",
        id="by-speaker",
        title="Talks by Érico",
        query=[
            {
                "i": "confrecap_speakers",
                "o": "plone.app.querystring.operation.selection.any",
                "v": [SPEAKER],
            }
        ],
    )
    api.content.transition(obj=by_speaker, transition="publish")
    transaction.commit()
    response = anonymous.goto(f"{portal_url}/by-speaker")
    assert response.status == 200
    assert (
        anonymous.locator(f"#content a[href^='{portal_url}/pwc/packaging']").count()
        >= 1
    ), anonymous.locator("#content").inner_text()

    # And our pages are back.
    response = anonymous.goto(f"{portal_url}/pwc")
    assert response.status == 200
    assert anonymous.locator(".confrecap-conference-header").count() == 1
    response = anonymous.goto(f"{portal_url}/@@confrecap-speakers")
    assert response.status == 200
    assert SPEAKER in anonymous.locator("#content").inner_text()
