"""OWASP A05 Security misconfiguration: the login cookie, error pages and
headers of a site with the add-on.

- errors of our endpoints answer with a sentence, never a traceback;
- the add-on adds no anonymous write path: every write endpoint refuses
  an anonymous visitor.
"""

from .conftest import MANAGER

import pytest


@pytest.mark.parametrize(
    "method,path,kwargs",
    [
        ("get", "/pwc2023/@recap?include=nope", {}),
        ("get", "/pwc2023/@recap?b_size=abc", {}),
        ("get", "/pwc2023/@speakers?b_start=-4", {}),
        ("post", "/empty/@recap-import", {"data": b"\xff\xfe", "headers": {}}),
        (
            "post",
            "/empty/@recap-import",
            {"data": b"{", "headers": {"Content-Type": "application/json"}},
        ),
        ("post", "/pwc2023", {"json": {"@type": "TalkRecap", "talk_url": "x y"}}),
    ],
)
def test_errors_are_sentences_not_tracebacks(
    security, request_factory, method, path, kwargs
):
    session = request_factory(basic_auth=MANAGER)
    response = getattr(session, method)(path, **kwargs)
    assert 400 <= response.status_code < 500, (path, response.status_code)
    assert "Traceback" not in response.text
    assert 'File "' not in response.text


@pytest.mark.parametrize(
    "method,path,kwargs",
    [
        (
            "post",
            "/@recap-import",
            {"data": b"# T\n", "headers": {"Content-Type": "text/markdown"}},
        ),
        ("post", "/pwc2023", {"json": {"@type": "TalkRecap", "title": "x"}}),
        ("patch", "/pwc2023/keynote", {"json": {"title": "Defaced"}}),
        ("delete", "/pwc2023/keynote", {}),
        ("post", "/pwc2023/draft/@workflow/publish", {}),
    ],
)
@pytest.mark.parametrize("visitor", ["anonymous", "member", "contributor-elsewhere"])
def test_no_write_for_visitors(security, sessions, method, path, kwargs, visitor):
    rest, _ = sessions[visitor]
    response = getattr(rest, method)(path, **kwargs)
    assert response.status_code in (401, 403, 404), (path, response.status_code)
