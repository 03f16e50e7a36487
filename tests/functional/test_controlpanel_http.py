"""The "Conference coverage" control panel over HTTP: the Classic UI form
and plone.restapi's ``@controlpanels/confrecap``."""

from plone import api

import pytest
import transaction


PREFIX = "collective.confrecap.controlpanel.interfaces.IConfrecapSettings"


@pytest.fixture
def browser(request_factory):
    def factory(role):
        session = request_factory(role=role, api=False)
        session.headers.update({"Accept": "text/html"})
        return session

    return factory


def test_form_for_manager(functional_portal, browser):
    response = browser("Manager").get("/@@confrecap-controlpanel")
    assert response.status_code == 200, response.text[:500]
    assert "Conference coverage" in response.text
    assert "form.widgets.recaps_per_page" in response.text


def test_form_saves(functional_portal, browser):
    session = browser("Manager")
    # plone.protect: a POST needs the user's CSRF token
    token = session.get("/@@authenticator/token").text.strip()
    response = session.post(
        "/@@confrecap-controlpanel",
        data={
            "_authenticator": token,
            "form.widgets.recaps_per_page": "30",
            "form.widgets.index_page_size": "40",
            "form.widgets.max_sections": "1500",
            "form.widgets.structured_data-empty-marker": "1",
            "form.buttons.save": "Save",
        },
    )
    assert response.status_code == 200, response.text[:500]
    transaction.begin()
    assert api.portal.get_registry_record(f"{PREFIX}.recaps_per_page") == 30
    assert api.portal.get_registry_record(f"{PREFIX}.index_page_size") == 40
    assert api.portal.get_registry_record(f"{PREFIX}.max_sections") == 1500
    assert api.portal.get_registry_record(f"{PREFIX}.structured_data") is False


def test_form_refused_to_anonymous(functional_portal, browser):
    response = browser("Anonymous").get(
        "/@@confrecap-controlpanel", allow_redirects=False
    )
    assert response.status_code in (302, 401), response.status_code
    if response.status_code == 302:
        assert "login" in response.headers["Location"]


def test_listed_in_controlpanels(manager_request):
    response = manager_request.get("/@controlpanels")
    assert response.status_code == 200, response.text[:500]
    (panel,) = [p for p in response.json() if p["@id"].endswith("/confrecap")]
    assert panel["title"] == "Conference coverage"
    assert panel["group"] == "Add-on Configuration"


def test_get_panel(manager_request):
    response = manager_request.get("/@controlpanels/confrecap")
    assert response.status_code == 200, response.text[:500]
    data = response.json()
    assert data["data"] == {
        "recaps_per_page": 100,
        "index_page_size": 50,
        "structured_data": True,
        "max_sections": 2000,
    }
    assert set(data["schema"]["properties"]) == set(data["data"])


def test_patch_stores(manager_request):
    response = manager_request.patch(
        "/@controlpanels/confrecap", json={"recaps_per_page": 20}
    )
    assert response.status_code == 204, response.text[:500]
    transaction.begin()
    assert api.portal.get_registry_record(f"{PREFIX}.recaps_per_page") == 20
    data = manager_request.get("/@controlpanels/confrecap").json()["data"]
    assert data["recaps_per_page"] == 20


@pytest.mark.parametrize(
    "payload,field",
    [
        ({"recaps_per_page": 5}, "recaps_per_page"),
        ({"recaps_per_page": 5000}, "recaps_per_page"),
        ({"index_page_size": 0}, "index_page_size"),
        ({"recaps_per_page": "many"}, "recaps_per_page"),
    ],
)
def test_patch_out_of_range_is_a_400(manager_request, payload, field):
    response = manager_request.patch("/@controlpanels/confrecap", json=payload)
    assert response.status_code == 400, response.text[:500]
    assert field in response.text
    transaction.begin()
    assert api.portal.get_registry_record(f"{PREFIX}.recaps_per_page") == 100
    assert api.portal.get_registry_record(f"{PREFIX}.index_page_size") == 50


def test_patch_refused_to_anonymous(anon_request):
    response = anon_request.patch(
        "/@controlpanels/confrecap", json={"recaps_per_page": 20}
    )
    assert response.status_code == 401
