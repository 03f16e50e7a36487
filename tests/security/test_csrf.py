"""CSRF on REST writes (OWASP A01/A08 family): a page of the same site
cannot make an editor's browser import a conference.

The reproduction of the issue: an editor logged in with the ``__ac``
cookie opens a page (here served from another port of the same host: the
same *site*, so even a SameSite=Lax cookie goes along) that auto-submits
``<form enctype="text/plain" action=".../@recap-import?publish=true">``.
A cross-site form can only send text/plain, form-urlencoded or multipart
bodies, and ``@recap-import`` reads only application/json and
text/markdown: nothing may be created.
"""

from .conftest import MANAGER
from .conftest import needs_chromium
from http.server import BaseHTTPRequestHandler
from http.server import ThreadingHTTPServer
from plone import api

import html
import pytest
import threading
import transaction


POST_NAME = "---\ntitle: CSRF Conf\nstart: 2024-06-10\nend: 2024-06-12\n---\n\nIntro"
POST_VALUE = "\n\n## Keynote\n\nTrack: Web\n\nBody.\n"


def _serve(page):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            body = page.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _created(portal):
    transaction.begin()
    return [
        brain.getId
        for brain in api.content.find(context=portal, portal_type="Conference")
        if brain.Title == "CSRF Conf"
    ]


FORM_TYPES = ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]


def _form_body(enctype):
    """The request a browser sends for a form of ``enctype``."""
    if enctype == "text/plain":
        return {
            "data": f"{POST_NAME}={POST_VALUE}".encode(),
            "headers": {"Content-Type": enctype},
        }
    if enctype == "multipart/form-data":
        return {"files": {POST_NAME: (None, POST_VALUE)}}
    return {"data": {POST_NAME: POST_VALUE}}


@pytest.mark.parametrize("enctype", FORM_TYPES)
def test_cross_site_form_cannot_import(
    security, functional_portal, request_factory, enctype
):
    session = request_factory(basic_auth=MANAGER)
    response = session.post("/empty/@recap-import?publish=true", **_form_body(enctype))
    assert response.status_code == 400, response.text
    assert "text/markdown" in response.json()["error"]["message"]
    assert _created(functional_portal) == []


def test_the_same_post_as_markdown_is_imported(
    security, functional_portal, request_factory
):
    """Control: the endpoint works for a real client."""
    session = request_factory(basic_auth=MANAGER)
    response = session.post(
        "/empty/@recap-import",
        data=f"{POST_NAME}={POST_VALUE}".encode(),
        headers={"Content-Type": "text/markdown"},
    )
    assert response.status_code == 201, response.text
    assert len(_created(functional_portal)) == 1


@needs_chromium
def test_same_site_auto_submitting_form_creates_nothing(
    security, functional, functional_portal, new_page, portal_url
):
    from .conftest import login

    page = new_page()
    login(page, portal_url, *MANAGER)
    cookies = {c["name"]: c for c in page.context.cookies()}
    assert "__ac" in cookies
    action = f"{portal_url}/++api++/empty/@recap-import?publish=true"
    attack = f"""<!doctype html><html><body>
<form method="post" enctype="text/plain" action="{html.escape(action)}">
<textarea name="{html.escape(POST_NAME)}">{html.escape(POST_VALUE)}</textarea>
</form>
<script>document.forms[0].submit();</script>
</body></html>"""
    server = _serve(attack)
    try:
        host = functional["host"]
        with page.expect_response(lambda r: "@recap-import" in r.url) as answer:
            page.goto(f"http://{host}:{server.server_address[1]}/attack.html")
        response = answer.value
        assert response.request.method == "POST"
        assert "__ac=" in (response.request.header_value("cookie") or "")
        assert response.status == 400
    finally:
        server.shutdown()
    assert _created(functional_portal) == []
