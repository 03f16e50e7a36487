"""OWASP A03 Injection (and the 500s hostile input used to cause).

- International links (``https://bücher.example/``) in every link field and
  row cell: stored, shown and exported as the same link, never a 500;
- Zope's form converters (``:int``, ``:boolean``, ``:list``, ``:record``)
  on our query parameters: a 400 that says what to send;
- speaker and track names made of HTML: escaped wherever they are shown,
  including the vocabulary titles Plone's querystring widget renders as HTML
  (the browser half is in test_xss_browser.py);
- reserved ids: a post titled ``index_html`` cannot take over a view.
"""

from .conftest import MANAGER
from plone import api

import pytest
import transaction


IDN = "https://bücher.example/katalog?q=é"
IDN_SLIDES = "https://例え.テスト/slides"


def _recap_json(**fields):
    data = {
        "@type": "TalkRecap",
        "title": "International links",
        "talk_kind": "talk",
        "track": "Cloud",
        "talk_url": IDN,
        "slides_url": IDN_SLIDES,
        "video_url": "https://xn--bcher-kva.example/video",
        "speakers": [{"name": "Ünal Çelik", "url": IDN}],
        "resources": [{"title": "Bücher", "url": IDN_SLIDES, "kind": "article"}],
    }
    data.update(fields)
    return data


def test_international_links_never_500(security, request_factory):
    rest = request_factory(basic_auth=MANAGER)
    created = rest.post("/pwc2023", json=_recap_json())
    assert created.status_code in (201, 400), created.text
    if created.status_code == 400:  # refused: a sentence, not a traceback
        assert "Traceback" not in created.text
        return
    url = created.json()["@id"]
    path = url.split("/++api++", 1)[-1] if "/++api++" in url else None
    path = path or "/pwc2023/" + url.rstrip("/").rsplit("/", 1)[-1]
    rest.post(f"{path}/@workflow/publish")
    classic = request_factory(basic_auth=MANAGER, api=False)
    for session, target in (
        (rest, path),
        (rest, "/pwc2023/@recap"),
        (rest, "/pwc2023/@speakers"),
        (rest, "/pwc2023/@resources"),
        (classic, path),
        (classic, "/pwc2023"),
        (classic, "/pwc2023/recap-article"),
        (classic, "/pwc2023/recap.md"),
        (classic, "/@@confrecap-speakers"),
        (classic, "/@@confrecap-resources"),
        (request_factory(api=False), path),
    ):
        response = session.get(target)
        assert response.status_code == 200, (target, response.text[:500])
    item = rest.get(path).json()
    assert item["talk_url"] in (IDN, "https://xn--bcher-kva.example/katalog?q=é")


@pytest.mark.parametrize(
    "path",
    [
        "/pwc2023/@recap?include:int=5",
        "/pwc2023/@recap?include:boolean=1",
        "/pwc2023/@recap?include.a:record=x",
        "/pwc2023/@recap?include:int:list=1",
        "/pwc2023/@recap?b_start:int=1",
        "/pwc2023/@recap?b_size:boolean=1",
        "/pwc2023/@recap?b_size=-1",
        "/pwc2023/@recap?b_size=" + "9" * 5000,
        "/pwc2023/@recap?b_size=1001",
        "/pwc2023/@recap?include=secrets",
        "/coverage/@recap-import?publish:boolean=1",
    ],
)
def test_zope_converters_on_our_parameters_are_400(security, request_factory, path):
    session = request_factory(basic_auth=MANAGER)
    if "@recap-import" in path:
        response = session.post(
            path.replace("/coverage", "/empty"),
            data="# Title\n",
            headers={"Content-Type": "text/markdown"},
        )
    else:
        response = session.get(path)
    assert response.status_code == 400, (path, response.status_code, response.text)
    assert "Traceback" not in response.text


@pytest.mark.parametrize("title", ["index_html", "view", "edit", "recap.md"])
def test_reserved_ids_do_not_take_over_a_view(security, request_factory, title):
    rest = request_factory(basic_auth=MANAGER)
    markdown = f"""---
title: {title}
start: 2024-06-10
end: 2024-06-12
tracks: [Web]
---

Intro.

## {title}

Track: Web

Body.
"""
    response = rest.post(
        "/empty/@recap-import",
        data=markdown.encode(),
        headers={"Content-Type": "text/markdown"},
    )
    assert response.status_code in (201, 400), response.text
    folder = request_factory(api=False, basic_auth=MANAGER).get("/empty")
    assert folder.status_code == 200
    if response.status_code == 201:
        conference_id = response.json()["id"]
        assert conference_id != title
        conference = request_factory(api=False, basic_auth=MANAGER).get(
            f"/empty/{conference_id}"
        )
        assert conference.status_code == 200
        assert "confrecap-conference" in conference.text or "Intro." in conference.text


def test_reserved_recap_id_in_conference(security):
    from collective.confrecap.importer.create import _new_id

    conference = security["conference"]
    for title in ("index_html", "view", "folder_contents", "recap.md"):
        new_id = _new_id(conference, title)
        assert new_id != title
        assert conference.checkIdAvailable(new_id)


def test_html_in_names_is_escaped_in_vocabulary_titles(security, request_factory):
    payload = "<img src=x onerror=alert(1)>"
    with api.env.adopt_roles(["Manager"]):
        recap = api.content.create(
            container=security["conference"],
            type="TalkRecap",
            id="xss",
            title="XSS",
            track="Cloud",
            speakers=[{"name": payload, "url": None, "affiliation": None}],
        )
        api.content.transition(recap, "publish")
    transaction.commit()
    items = (
        request_factory()
        .get("/@vocabularies/collective.confrecap.Speakers")
        .json()["items"]
    )
    titles = [item["title"] for item in items]
    assert payload not in titles
    assert "&lt;img src=x onerror=alert(1)&gt;" in titles
    options = request_factory().get("/@querystring").json()
    values = options["indexes"]["confrecap_speakers"]["values"]
    assert all("<" not in value["title"] for value in values.values())
