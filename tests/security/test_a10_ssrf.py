"""OWASP A10 Server-side request forgery: the add-on never fetches a URL
a user gave it.

A post full of links (speakers, talk/slides/video pages, resources, the
conference website, an image) pointing at a local server is imported,
rendered, exported and served through every endpoint; the local server
must receive no request at all. (The links are only ever written into
pages for the reader's browser to follow.)
"""

from .conftest import MANAGER
from http.server import BaseHTTPRequestHandler
from http.server import ThreadingHTTPServer

import threading


def _listener():
    hits = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            self.send_response(204)
            self.end_headers()

        do_HEAD = do_POST = do_GET  # noqa: N815

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, hits


def test_imported_links_are_never_fetched(security, request_factory):
    server, hits = _listener()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    post = f"""---
title: SSRF Conf
start: 2024-06-10
end: 2024-06-12
url: {base}/website
image: {base}/image.png
tracks: [Web]
---

Intro with [a link]({base}/intro) and ![an image]({base}/inline.png).

## Keynote: Fetch nothing

By [Ana Example]({base}/speaker).

Track: Web

Slides: [slides]({base}/slides)

Video: [video]({base}/video)

Body with <img src="{base}/raw.png">.

## Links

- [Docs]({base}/docs) -- the docs
- [More]({base}/more)
"""
    try:
        rest = request_factory(basic_auth=MANAGER)
        created = rest.post(
            "/empty/@recap-import?publish=true",
            data=post.encode(),
            headers={"Content-Type": "text/markdown"},
        )
        assert created.status_code == 201, created.text
        conference = "/empty/" + created.json()["id"]
        classic = request_factory(basic_auth=MANAGER, api=False)
        for session, path in (
            (rest, f"{conference}/@recap?include=text"),
            (rest, f"{conference}/@speakers"),
            (rest, f"{conference}/@resources"),
            (rest, conference),
            (classic, conference),
            (classic, f"{conference}/recap-article"),
            (classic, f"{conference}/recap.md"),
            (classic, "/@@confrecap-resources"),
            (classic, "/@@confrecap-speakers"),
        ):
            response = session.get(path)
            assert response.status_code == 200, (path, response.status_code)
        # The links are there, for the reader's browser.
        assert f"{base}/docs" in rest.get(f"{conference}/@recap").text
    finally:
        server.shutdown()
    assert hits == []
