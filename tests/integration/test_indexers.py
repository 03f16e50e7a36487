"""Which content our indexers index: the conference and whatever carries one
of our behaviors, never every Dexterity object."""

from plone import api
from plone.dexterity.interfaces import IDexterityFTI
from plone.dexterity.schema import SCHEMA_CACHE
from plone.indexer.interfaces import IIndexer
from zope.component import getUtility
from zope.component import queryMultiAdapter

import pytest


OURS = ("confrecap_conference", "confrecap_data")


@pytest.fixture
def news_item_with_resources(manager):
    """The News Item FTI with only the resources behavior, addable in a
    Conference; restored after."""
    fti = getUtility(IDexterityFTI, name="News Item")
    conference_fti = getUtility(IDexterityFTI, name="Conference")
    behaviors = tuple(fti.behaviors)
    allowed = tuple(conference_fti.allowed_content_types)
    fti._updateProperty("behaviors", (*behaviors, "collective.confrecap.resources"))
    conference_fti._updateProperty("allowed_content_types", (*allowed, "News Item"))
    SCHEMA_CACHE.invalidate("News Item")
    yield fti
    fti._updateProperty("behaviors", behaviors)
    conference_fti._updateProperty("allowed_content_types", allowed)
    SCHEMA_CACHE.invalidate("News Item")


def _indexer(obj, name):
    catalog = api.portal.get_tool("portal_catalog")
    return queryMultiAdapter((obj, catalog), IIndexer, name=name)


@pytest.mark.parametrize("name", OURS)
def test_plain_content_in_a_conference_is_not_ours(conference, name):
    page = api.content.create(container=conference, type="Document", title="Page")
    assert _indexer(page, name) is None
    brain = api.content.find(UID=api.content.get_uuid(page))[0]
    assert not getattr(brain, name)


def test_the_conference_has_card_data_but_no_enclosing_conference(conference):
    brain = api.content.find(UID=api.content.get_uuid(conference))[0]
    assert brain.confrecap_data["tracks"] == list(conference.tracks)
    assert not brain.confrecap_conference


def test_one_behavior_is_enough(conference, news_item_with_resources):
    news = api.content.create(
        container=conference,
        type="News Item",
        title="Links in the news",
        resources=[{"title": "Plone", "url": "https://plone.org", "kind": "tool"}],
    )
    brain = api.content.find(UID=api.content.get_uuid(news))[0]
    assert brain.confrecap_conference == api.content.get_uuid(conference)
    assert brain.confrecap_data["resources"][0]["url"] == "https://plone.org"


# --- image_scales and getObjSize: Plone's metadata, asked of Plone only for an
# item storing a file (tests/integration/test_indexers.py)


def _png():
    from plone.namedfile.file import NamedBlobImage

    import base64

    # A 1×1 transparent PNG.
    data = base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA"
        "60e6kgAAAABJRU5ErkJggg=="
    )
    return NamedBlobImage(data=data, filename="lead.png")


def test_a_recap_without_an_image_has_no_image_scales(conference):
    from Products.CMFPlone.CatalogTool import getObjSize

    recap = api.content.create(container=conference, type="TalkRecap", title="Talk")
    brain = api.content.find(UID=api.content.get_uuid(recap))[0]
    assert not brain.image_scales
    assert brain.getObjSize == getObjSize.callable(recap) == "0 KB"


@pytest.mark.parametrize("portal_type", ["TalkRecap", "Conference"])
def test_a_lead_image_gives_the_scales_plone_gives(manager, conference, portal_type):
    from Products.CMFPlone.CatalogTool import getObjSize
    from Products.CMFPlone.image_scales.indexer import image_scales

    container = conference if portal_type == "TalkRecap" else manager
    obj = api.content.create(
        container=container, type=portal_type, title="With an image", image=_png()
    )
    brain = api.content.find(UID=api.content.get_uuid(obj))[0]
    assert brain.image_scales["image"][0]["filename"] == "lead.png"
    assert dict(brain.image_scales) == dict(image_scales.callable(obj))
    assert brain.getObjSize == getObjSize.callable(obj) != "0 KB"
