"""Issue 2: over real HTTP, Anonymous sees only published coverage."""

from ..content import AUTHOR
from ..content import create_conference
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import pytest
import requests
import transaction


SECRET = "Zanzibarprivatetalk"


@pytest.fixture
def site(functional_portal):
    portal = functional_portal
    with api.env.adopt_roles(["Manager"]):
        conference = create_conference(portal, tracks=["Cloud"])
        api.content.transition(obj=conference, transition="publish")
        public = api.content.create(
            container=conference,
            type="TalkRecap",
            id="public",
            title="Public talk Zanzibarpublic",
            speakers=[{"name": "Open Speaker", "url": None, "affiliation": None}],
        )
        api.content.transition(obj=public, transition="publish")
        api.content.create(
            container=conference,
            type="TalkRecap",
            id="secret",
            title=f"Secret talk {SECRET}",
            speakers=[{"name": "Hidden Speaker", "url": None, "affiliation": None}],
        )
        pending = api.content.create(
            container=conference,
            type="ResourceList",
            id="pending-links",
            title=f"Pending links {SECRET}",
        )
        api.content.transition(obj=pending, transition="submit")
    transaction.commit()
    return portal


@pytest.fixture
def anon(site):
    session = requests.Session()
    yield session
    session.close()


def url(site, path=""):
    return f"{site.absolute_url()}/{path}".rstrip("/")


def test_private_recap_page_is_not_served(site, anon):
    response = anon.get(url(site, "pwc/secret"), allow_redirects=False)
    assert response.status_code in (302, 401, 403, 404)
    if response.status_code == 302:  # to the login form
        assert "login" in response.headers["Location"]
    assert SECRET not in response.text
    response = anon.get(url(site, "pwc/pending-links"), allow_redirects=True)
    assert SECRET not in response.text


def test_published_recap_page_is_served(site, anon):
    # (The Classic UI views are tested elsewhere.) The object is reachable:
    response = anon.get(url(site, "++api++/pwc/public"))
    assert response.status_code == 200
    assert response.json()["title"] == "Public talk Zanzibarpublic"


def test_rest_api_get_private_is_refused(site, anon):
    for path in ("pwc/secret", "pwc/pending-links"):
        response = anon.get(
            url(site, f"++api++/{path}"), headers={"Accept": "application/json"}
        )
        assert response.status_code in (401, 404), path
        assert SECRET not in response.text


def test_rest_api_search_lists_only_published(site, anon):
    response = anon.get(
        url(site, "++api++/@search"),
        params={"portal_type": ["TalkRecap", "ResourceList"], "b_size": 100},
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 200
    ids = sorted(item["@id"].rsplit("/", 1)[-1] for item in response.json()["items"])
    assert ids == ["public"]
    response = anon.get(
        url(site, "++api++/@search"),
        params={"SearchableText": SECRET},
        headers={"Accept": "application/json"},
    )
    assert response.json()["items_total"] == 0
    assert "Secret talk" not in response.text


def test_rest_api_conference_items_list_only_published(site, anon):
    response = anon.get(
        url(site, "++api++/pwc"), headers={"Accept": "application/json"}
    )
    assert response.status_code == 200
    ids = [item["@id"].rsplit("/", 1)[-1] for item in response.json()["items"]]
    assert ids == ["public"]
    assert SECRET not in response.text


def test_classic_search_lists_only_published(site, anon):
    response = anon.get(url(site, "@@search"), params={"SearchableText": SECRET})
    assert response.status_code == 200
    assert "Secret talk" not in response.text  # the query itself is echoed
    assert "Pending links" not in response.text
    assert "pwc/secret" not in response.text
    response = anon.get(
        url(site, "@@search"), params={"SearchableText": "Zanzibarpublic"}
    )
    assert response.status_code == 200
    assert "pwc/public" in response.text


@pytest.mark.parametrize(
    "path",
    ["pwc", "pwc/recap-article", "@@confrecap-speakers", "@@confrecap-resources"],
)
def test_our_pages_hide_private_and_pending(site, anon, path):
    # Our own listings (not Plone's folder_contents, which needs a login anyway)
    response = anon.get(url(site, path))
    assert response.status_code == 200
    assert SECRET not in response.text
    assert "Hidden Speaker" not in response.text
    assert "pwc/secret" not in response.text
    if path.startswith("pwc"):
        assert "pwc/public" in response.text
    if path == "@@confrecap-speakers":
        assert "Open Speaker" in response.text


def test_manager_sees_everything(site):
    session = requests.Session()
    session.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    response = session.get(
        url(site, "++api++/@search"),
        params={"portal_type": ["TalkRecap", "ResourceList"]},
        headers={"Accept": "application/json"},
    )
    ids = sorted(item["@id"].rsplit("/", 1)[-1] for item in response.json()["items"])
    assert ids == ["pending-links", "public", "secret"]
    session.close()


def test_shared_draft_is_private_and_owned_by_its_author(coverage):
    draft = coverage["draft"]
    assert api.content.get_state(draft) == "private"
    assert draft.getOwner().getId() == AUTHOR[0]


def test_anonymous_cannot_read_the_shared_draft(coverage, anon_request):
    assert anon_request.get("/pwc2023/draft").status_code == 401
    assert anon_request.get("/pwc2023").status_code == 200
