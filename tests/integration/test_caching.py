"""plone.app.caching rulesets declared for our read views and endpoints."""

from collective.confrecap.services.recap.get import RecapGet
from collective.confrecap.services.resources.get import ResourcesGet
from collective.confrecap.services.speakers.get import SpeakersGet
from plone import api
from z3c.caching.registry import lookup

import pytest


@pytest.fixture
def coverage(conference):
    recap = api.content.create(
        container=conference, type="TalkRecap", id="recap", title="Recap"
    )
    links = api.content.create(
        container=conference, type="ResourceList", id="links", title="Links"
    )
    return {"conference": conference, "recap": recap, "links": links}


@pytest.mark.parametrize(
    "where,name,ruleset",
    [
        ("conference", "conference-view", "plone.content.folderView"),
        ("conference", "conference-by-day", "plone.content.folderView"),
        ("conference", "recap-article", "plone.content.folderView"),
        ("conference", "recap.md", "plone.content.folderView"),
        ("recap", "talkrecap-view", "plone.content.itemView"),
        ("links", "resourcelist-view", "plone.content.itemView"),
        ("conference", "confrecap-speakers", "plone.content.dynamic"),
        ("conference", "confrecap-resources", "plone.content.dynamic"),
    ],
)
def test_views_have_a_ruleset(coverage, where, name, ruleset):
    view = api.content.get_view(
        name=name, context=coverage[where], request=coverage[where].REQUEST
    )
    assert lookup(view) == ruleset


def test_folder_listings_have_a_ruleset(manager):
    folder = api.content.create(container=manager, type="Folder", title="F")
    for name in ("talkrecap-listing", "conference-listing"):
        view = api.content.get_view(name=name, context=folder, request=folder.REQUEST)
        assert lookup(view) == "plone.content.folderView", name


@pytest.mark.parametrize("service", [RecapGet, SpeakersGet, ResourcesGet])
def test_read_endpoints_are_dynamic(service):
    assert lookup(service()) == "plone.content.dynamic"
