"""The HTTP examples of docs/rest-api.md, produced by the API itself.

Each example in ``docs/examples/`` is a real request against the shared test
content and its response, with the volatile bits normalised (server address,
UIDs). The test fails when the API's answer differs from the committed
example; ``CONFRECAP_WRITE_DOCS=1`` rewrites them.
"""

from pathlib import Path

import json
import os
import pytest


EXAMPLES = Path(__file__).parent.parent.parent / "docs" / "examples"
WRITE = os.environ.get("CONFRECAP_WRITE_DOCS") == "1"
DOC_SITE = "http://localhost:8080/Plone"

CASES = [
    ("recap", "Anonymous", "pwc2023/@recap"),
    ("recap-include-text", "Anonymous", "pwc2021/@recap?include=text"),
    ("speakers", "Anonymous", "@speakers?b_size=1"),
    ("speakers-conference", "Anonymous", "@speakers?conference={older}"),
    ("resources", "Anonymous", "pwc2023/@resources?kind=tool&kind=library"),
    ("resources-q", "Anonymous", "@resources?q=async"),
    ("error-kind", "Anonymous", "@resources?kind=podcast"),
    ("error-b-size", "Anonymous", "@speakers?b_size=0"),
    ("error-conference", "Anonymous", "@speakers?conference=0123456789abcdef"),
    (
        "vocabulary-tracks",
        "Anonymous",
        "pwc2023/@vocabularies/collective.confrecap.Tracks",
    ),
    (
        "error-import-line",
        "Manager",
        "@recap-import",
        "---\ntitle: Broken links\nurl: ftp://files.example.org/\n---\n",
    ),
]


def _normalise(text, portal_url, uids):
    text = text.replace(portal_url, DOC_SITE)
    for uid, placeholder in uids.items():
        text = text.replace(uid, placeholder)
    return text


def _example(session, path, portal_url, uids, markdown=None):
    """A GET of ``path``, or a POST of ``markdown`` (``text/markdown``)."""
    if markdown is None:
        response = session.get(path)
        request = ""
    else:
        response = session.post(
            path, data=markdown, headers={"Content-Type": "text/markdown"}
        )
        request = f"Content-Type: text/markdown\n\n{markdown}"
    body = json.dumps(response.json(), indent=2, ensure_ascii=False, sort_keys=True)
    request_path = _normalise(f"{portal_url}/++api++/{path}", portal_url, uids)
    request_path = request_path.replace(DOC_SITE, "/Plone")
    return (
        f"{'GET' if markdown is None else 'POST'} {request_path} HTTP/1.1\n"
        "Accept: application/json\n"
        f"{request}"
        "\n"
        f"HTTP/1.1 {response.status_code} {response.reason}\n"
        "Content-Type: application/json\n"
        "\n"
        f"{_normalise(body, portal_url, uids)}\n"
    )


@pytest.mark.parametrize("case", CASES, ids=[case[0] for case in CASES])
def test_documented_examples(coverage, functional_portal, request_factory, case):
    name, role, path, *markdown = case
    uids = {obj.UID(): f"{key}-uid" for key, obj in coverage.items()}
    path = path.format(**{key: obj.UID() for key, obj in coverage.items()})
    text = _example(
        request_factory(role=role),
        path,
        functional_portal.absolute_url(),
        uids,
        *markdown,
    )
    target = EXAMPLES / f"{name}.http"
    if WRITE:
        EXAMPLES.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    assert target.exists(), f"{target} missing: run with CONFRECAP_WRITE_DOCS=1"
    assert target.read_text(encoding="utf-8") == text, (
        f"{target.name} is out of date: run with CONFRECAP_WRITE_DOCS=1"
    )
