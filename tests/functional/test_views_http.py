"""The Classic UI views over HTTP, through the real WSGI server."""

from plone import api

import datetime
import json
import pytest
import re
import transaction


LD_RE = re.compile(r'<script type="application/ld\+json"\s*>(.*?)</script>', re.DOTALL)


@pytest.fixture
def site(functional_portal):
    with api.env.adopt_roles(["Manager"]):
        conf = api.content.create(
            container=functional_portal,
            type="Conference",
            id="pwc",
            title="Python Web Conference 2023",
            start=datetime.datetime(2023, 3, 13),
            end=datetime.datetime(2023, 3, 17),
            whole_day=True,
            tracks=["Cloud"],
        )
        api.content.transition(conf, "publish")
        public = api.content.create(
            container=conf,
            type="TalkRecap",
            id="azure",
            title="Deploys to Azure",
            track="Cloud",
            speakers=[{"name": "Pamela Fox", "url": None, "affiliation": None}],
        )
        api.content.transition(public, "publish")
        api.content.create(
            container=conf,
            type="TalkRecap",
            id="secret",
            title="Secret Private Talk",
            speakers=[{"name": "Hidden Speaker", "url": None, "affiliation": None}],
        )
        resources = api.content.create(
            container=conf,
            type="ResourceList",
            id="links",
            title="Links",
            resources=[
                {"title": "NubesGen", "url": "https://nubesgen.com", "kind": "tool"}
            ],
        )
        api.content.transition(resources, "publish")
    transaction.commit()
    return functional_portal


@pytest.fixture
def browser(request_factory):
    session = request_factory(api=False)
    session.headers.update({"Accept": "text/html"})
    return session


@pytest.mark.parametrize(
    "path,ld_type",
    [
        ("/pwc", "Event"),
        ("/pwc/@@conference-by-day", "Event"),
        ("/pwc/@@recap-article", "Event"),
        ("/pwc/azure", "Article"),
        ("/pwc/links", "ItemList"),
        ("/@@confrecap-resources", "ItemList"),
        ("/@@confrecap-speakers", None),
    ],
)
def test_views_over_http(site, browser, path, ld_type):
    response = browser.get(path)
    assert response.status_code == 200, response.text[:500]
    html = response.text
    assert "Secret Private Talk" not in html
    assert "Hidden Speaker" not in html
    if ld_type:
        types = [json.loads(found)["@type"] for found in LD_RE.findall(html)]
        assert ld_type in types
    if path != "/pwc/links" and "resources" not in path:
        assert "Deploys to Azure" in html


def test_display_menu_lists_listing_views(site, request_factory):
    session = request_factory(role="Manager", api=False)
    session.headers.update({"Accept": "text/html"})
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(container=site, type="Folder", id="coverage")
        folder.setLayout("conference-listing")
    transaction.commit()
    response = session.get("/coverage")
    assert response.status_code == 200
    assert "confrecap-conference-listing" in response.text
