"""Which content our indexers index: the conference and whatever carries one
of our behaviors, never every Dexterity object."""

from collective.confrecap.interfaces import IOwnCatalogValues
from DateTime import DateTime
from plone import api
from plone.app.event.dx.interfaces import IDXEvent
from plone.dexterity.interfaces import IDexterityContent
from plone.dexterity.interfaces import IDexterityFTI
from plone.dexterity.schema import SCHEMA_CACHE
from plone.event.interfaces import IEventAccessor
from plone.indexer.interfaces import IIndexer
from zope.component import getUtility
from zope.component import queryMultiAdapter
from zope.interface import providedBy

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


def _brains(conference):
    catalog = api.portal.get_tool("portal_catalog")
    path = "/".join(conference.getPhysicalPath())
    return {b.portal_type: b for b in catalog.unrestrictedSearchResults(path=path)}


def test_recaps_are_cataloged_with_their_own_values_not_their_conferences(
    conference,
):
    """A talk does not take its conference's dates and place: a search for
    events by date or place finds the conference, not every talk in it."""
    conference.location = "Berlin"
    conference.reindexObject()
    api.content.create(container=conference, type="TalkRecap", title="Talk")
    api.content.create(container=conference, type="ResourceList", title="Links")
    brains = _brains(conference)
    assert brains["Conference"].location == "Berlin"
    assert brains["Conference"].start == IEventAccessor(conference).start
    for portal_type in ("TalkRecap", "ResourceList"):
        assert not brains[portal_type].location
        assert not brains[portal_type].start
        assert not brains[portal_type].end
    catalog = api.portal.get_tool("portal_catalog")
    events = catalog.unrestrictedSearchResults(
        start={"query": DateTime(conference.start) - 1, "range": "min"},
        path="/".join(conference.getPhysicalPath()),
    )
    assert [brain.portal_type for brain in events] == ["Conference"]


@pytest.fixture
def talk_with_event_behavior(manager):
    fti = getUtility(IDexterityFTI, name="TalkRecap")
    behaviors = tuple(fti.behaviors)
    fti._updateProperty("behaviors", (*behaviors, "plone.eventbasic"))
    SCHEMA_CACHE.invalidate("TalkRecap")
    yield fti
    fti._updateProperty("behaviors", behaviors)
    SCHEMA_CACHE.invalidate("TalkRecap")


def test_an_event_behavior_on_talks_comes_before_our_indexers(
    conference, talk_with_event_behavior
):
    """Our marker is implemented by the class, so a behavior's marker (and
    the indexers registered for it: plone.app.event's for a site that gives
    talks the event behavior) comes first in what a talk provides.

    The registry decides by that order in a site. (The test layers stack a
    registry for each layer and ask the newest first, so the indexers
    themselves cannot be compared here.)
    """
    talk = api.content.create(container=conference, type="TalkRecap", title="Talk")
    order = list(providedBy(talk).__sro__)
    assert order.index(IDXEvent) < order.index(IOwnCatalogValues)
    assert order.index(IOwnCatalogValues) < order.index(IDexterityContent)


def test_sharing_a_recap_updates_who_finds_it(conference):
    """An item's security is reindexed from its own catalog entry (no path
    search, content/base.py): sharing a private recap with a user lets that
    user find it, and taking the role back hides it again."""
    talk = api.content.create(container=conference, type="TalkRecap", title="Talk")
    catalog = api.portal.get_tool("portal_catalog")
    catalog.unrestrictedSearchResults(UID=talk.UID())  # indexed as it is now
    user = api.user.create(email="reader@example.org", username="reader")

    def found_by_reader():
        with api.env.adopt_user(user=user):
            return [b.getId for b in catalog(UID=talk.UID())]

    assert found_by_reader() == []
    api.user.grant_roles(user=user, obj=talk, roles=["Reader"])
    talk.reindexObjectSecurity()
    assert found_by_reader() == ["talk"]
    api.user.revoke_roles(user=user, obj=talk, roles=["Reader"])
    talk.reindexObjectSecurity()
    assert found_by_reader() == []


def test_publishing_a_recap_created_earlier_makes_it_public(conference):
    talk = api.content.create(container=conference, type="TalkRecap", title="Talk")
    catalog = api.portal.get_tool("portal_catalog")
    catalog.unrestrictedSearchResults(UID=talk.UID())

    def who_may_view():
        catalog.unrestrictedSearchResults(UID=talk.UID())  # the queue, done
        path = "/".join(talk.getPhysicalPath())
        return catalog.getIndexDataForUID(path)["allowedRolesAndUsers"]

    assert "Anonymous" not in who_may_view()
    api.content.transition(obj=talk, to_state="published")
    assert "Anonymous" in who_may_view()
    assert talk.isTemporary() is False
