"""``POST <folder>/@recap-import`` over HTTP (plone.restapi)."""

from ..content import small_post
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import pytest
import transaction


POST = small_post("Test Conf 2024")
MARKDOWN = {"Content-Type": "text/markdown; charset=utf-8"}


def _ours(portal):
    catalog = api.portal.get_tool("portal_catalog")
    transaction.begin()
    return catalog.unrestrictedSearchResults(
        portal_type=["Conference", "TalkRecap", "ResourceList"]
    )


def test_markdown_body_creates_the_conference(import_site, basic):
    response = basic.post("/coverage/@recap-import", data=POST, headers=MARKDOWN)
    assert response.status_code == 201, response.text
    url = import_site.absolute_url() + "/coverage/test-conf-2024"
    data = response.json()
    assert data["@id"] == url
    assert response.headers["Location"] == url
    assert data["summary"]["recaps"] == ["Packaging"]
    assert data["summary"]["resource_lists"] == ["Links"]
    assert data["summary"]["counts"]["recaps"] == 1
    assert data["summary"]["review_state"] == "private"
    recap = basic.get("/coverage/test-conf-2024/packaging").json()
    assert recap["talk_kind"]["token"] == "keynote"
    assert recap["speakers"][0]["name"] == "Ana Example"


def test_json_body_with_publish_at_site_root(import_site, basic):
    response = basic.post("/@recap-import", json={"markdown": POST, "publish": True})
    assert response.status_code == 201, response.text
    assert response.json()["summary"]["review_state"] == "published"
    assert basic.get("/test-conf-2024").status_code == 200


def test_dry_run_creates_nothing(import_site, basic):
    response = basic.post(
        "/coverage/@recap-import", json={"markdown": POST, "dry_run": True}
    )
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["plan"]["title"] == "Test Conf 2024"
    assert data["plan"]["recaps"][0]["title"] == "Packaging"
    assert data["summary"]["recaps"] == 1
    assert len(_ours(import_site)) == 0


def test_anonymous_gets_401(import_site, anon_request):
    response = anon_request.post("/coverage/@recap-import", data=POST, headers=MARKDOWN)
    assert response.status_code == 401
    assert len(_ours(import_site)) == 0


@pytest.mark.parametrize(
    "kwargs, message, line",
    [
        (
            {"data": "---\ntitle: [broken\n---\n# X\n", "headers": MARKDOWN},
            "The YAML front matter cannot be read",
            2,
        ),
        ({"data": "   \n", "headers": MARKDOWN}, "The document is empty", None),
        (
            {"data": b"\x00\x01\x02binary", "headers": MARKDOWN},
            "This is not a text file",
            None,
        ),
        (
            {"data": "x" * 1_000_001, "headers": MARKDOWN},
            "The document is too large",
            None,
        ),
        (
            {"data": "---\nstart: someday\n---\n# X\n", "headers": MARKDOWN},
            "The start 'someday' is not a date I can read",
            2,
        ),
        ({"json": {"text": POST}}, 'The JSON body has no "markdown" key', None),
        (
            {"data": POST, "headers": {"Content-Type": "application/pdf"}},
            "Send the Markdown as text/markdown",
            None,
        ),
        (
            {"data": "{not json", "headers": {"Content-Type": "application/json"}},
            "The request body is not valid JSON",
            None,
        ),
    ],
)
def test_bad_input_is_400_and_creates_nothing(
    import_site, basic, kwargs, message, line
):
    response = basic.post("/coverage/@recap-import", **kwargs)
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["type"] == "BadRequest"
    assert error["message"].startswith(message), error
    assert error.get("line") == line
    assert len(_ours(import_site)) == 0


def test_invalid_value_is_400_and_creates_nothing(import_site, basic):
    bad = POST.replace("end: 2024-06-12", "end: 2024-06-12\nurl: ftp://x.example/")
    response = basic.post("/coverage/@recap-import", data=bad, headers=MARKDOWN)
    assert response.status_code == 400
    assert "not an http(s) link" in response.json()["error"]["message"]
    assert response.json()["error"]["line"] == 5
    assert len(_ours(import_site)) == 0


def test_reimport_conflict_and_replace(import_site, basic):
    first = basic.post("/coverage/@recap-import", data=POST, headers=MARKDOWN)
    assert first.status_code == 201
    again = basic.post("/coverage/@recap-import", data=POST, headers=MARKDOWN)
    assert again.status_code == 409
    error = again.json()["error"]
    assert error["type"] == "Conflict"
    assert "A conference “Test Conf 2024” already exists at" in error["message"]
    assert "use replace to update it" in error["message"]
    changed = POST.replace("The future.", "The future, replaced.")
    replaced = basic.post(
        "/coverage/@recap-import", json={"markdown": changed, "replace": True}
    )
    assert replaced.status_code == 201, replaced.text
    assert replaced.json()["summary"]["replaced"] is True
    recap = basic.get("/coverage/test-conf-2024/packaging").json()
    assert "replaced" in recap["text"]["data"]
    assert len(_ours(import_site)) == 3


def test_export_view_over_http(import_site, basic, request_factory):
    basic.post("/coverage/@recap-import", data=POST, headers=MARKDOWN)
    browser_session = request_factory(
        basic_auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD), api=False
    )
    response = browser_session.get("/coverage/test-conf-2024/@@recap.md")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/markdown; charset=utf-8"
    assert response.headers["Content-Disposition"] == (
        'inline; filename="test-conf-2024.md"'
    )
    assert response.text.startswith("---\ntitle: Test Conf 2024\n")


def test_import_where_conferences_are_not_allowed_is_a_400(import_site, basic):
    api.content.create(
        container=import_site["coverage"], type="Conference", id="host", title="Host"
    )
    transaction.commit()
    response = basic.post("/coverage/host/@recap-import", data=POST, headers=MARKDOWN)
    assert response.status_code == 400
    message = response.json()["error"]["message"]
    assert "A conference cannot be added in “Host”" in message
    assert [brain.getId for brain in _ours(import_site)] == ["host"]
