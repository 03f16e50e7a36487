"""Issue 2: the three content types, their FTIs, permissions and placement."""

from plone import api
from plone.dexterity.interfaces import IDexterityFTI
from zope.component import queryUtility

import pytest


ROLES = {"Manager", "Site Administrator", "Owner", "Contributor"}

BEHAVIORS = {
    "Conference": [
        "plone.basic",
        "plone.eventbasic",
        "plone.eventlocation",
        "plone.eventcontact",
        "plone.richtext",
        "plone.leadimage",
        "plone.categorization",
        "plone.namefromtitle",
        "plone.shortname",
        "plone.excludefromnavigation",
        "plone.versioning",
        "plone.locking",
        "plone.relateditems",
    ],
    "TalkRecap": [
        "plone.basic",
        "plone.richtext",
        "collective.confrecap.talk",
        "collective.confrecap.speakers",
        "collective.confrecap.takeaways",
        "collective.confrecap.resources",
        "plone.categorization",
        "plone.namefromtitle",
        "plone.shortname",
        "plone.versioning",
        "plone.locking",
        "plone.relateditems",
        "plone.leadimage",
    ],
    "ResourceList": [
        "plone.basic",
        "plone.richtext",
        "collective.confrecap.resources",
        "plone.categorization",
        "plone.namefromtitle",
        "plone.shortname",
        "plone.versioning",
    ],
}

ADD_PERMISSIONS = {
    "Conference": (
        "collective.confrecap.AddConference",
        "collective.confrecap: Add Conference",
    ),
    "TalkRecap": (
        "collective.confrecap.AddTalkRecap",
        "collective.confrecap: Add Talk Recap",
    ),
    "ResourceList": (
        "collective.confrecap.AddResourceList",
        "collective.confrecap: Add Resource List",
    ),
}

DEFAULT_VIEWS = {
    "Conference": ("conference-view", {"conference-by-day", "recap-article"}),
    "TalkRecap": ("talkrecap-view", set()),
    "ResourceList": ("resourcelist-view", set()),
}

TYPES = ("Conference", "TalkRecap", "ResourceList")


@pytest.mark.parametrize("portal_type", TYPES)
def test_fti_is_a_dexterity_fti(portal, portal_type):
    fti = queryUtility(IDexterityFTI, name=portal_type)
    assert fti is not None
    assert fti.getId() in api.portal.get_tool("portal_types").objectIds()


@pytest.mark.parametrize("portal_type", TYPES)
def test_add_permission_id_title_and_roles(portal, portal_type):
    permission_id, title = ADD_PERMISSIONS[portal_type]
    fti = queryUtility(IDexterityFTI, name=portal_type)
    assert fti.add_permission == permission_id
    from zope.security.interfaces import IPermission

    permission = queryUtility(IPermission, name=permission_id)
    assert permission is not None
    assert permission.title == title
    roles = {
        role["name"]
        for role in portal.rolesOfPermission(title)
        if role["selected"] == "SELECTED"
    }
    assert roles == ROLES


@pytest.mark.parametrize("portal_type", TYPES)
def test_behaviors_exactly_as_designed(portal, portal_type):
    fti = queryUtility(IDexterityFTI, name=portal_type)
    assert list(fti.behaviors) == BEHAVIORS[portal_type]


@pytest.mark.parametrize("portal_type", TYPES)
def test_default_view_and_alternatives(portal, portal_type):
    fti = queryUtility(IDexterityFTI, name=portal_type)
    default, others = DEFAULT_VIEWS[portal_type]
    assert fti.default_view == default
    assert set(fti.view_methods) == {default} | others


def test_global_allow(portal):
    types = api.portal.get_tool("portal_types")
    assert types["Conference"].global_allow
    assert types["ResourceList"].global_allow
    assert not types["TalkRecap"].global_allow


def test_conference_allows_exactly(portal):
    fti = queryUtility(IDexterityFTI, name="Conference")
    assert fti.filter_content_types
    assert set(fti.allowed_content_types) == {
        "TalkRecap",
        "ResourceList",
        "Document",
        "Image",
        "File",
        "Link",
    }


def test_addable_types_in_conference(conference):
    addable = {fti.getId() for fti in conference.allowedContentTypes()}
    assert addable == {"TalkRecap", "ResourceList", "Document", "Image", "File", "Link"}


def test_addable_types_in_portal_and_folder(manager):
    folder = api.content.create(container=manager, type="Folder", id="f", title="F")
    for container in (manager, folder):
        addable = {fti.getId() for fti in container.allowedContentTypes()}
        assert {"Conference", "ResourceList"} <= addable
        assert "TalkRecap" not in addable


def test_talkrecap_refused_outside_a_conference(manager):
    folder = api.content.create(container=manager, type="Folder", id="f", title="F")
    for container in (manager, folder):
        with pytest.raises((ValueError, api.exc.InvalidParameterError)):
            api.content.create(container=container, type="TalkRecap", title="Lost")
    assert "lost" not in manager
    assert "lost" not in folder


def test_create_each_type_in_a_conference(conference):
    recap = api.content.create(container=conference, type="TalkRecap", title="A talk")
    links = api.content.create(container=conference, type="ResourceList", title="Links")
    assert recap.portal_type == "TalkRecap"
    assert links.portal_type == "ResourceList"
    assert conference.objectIds() == ["a-talk", "links"]


def test_conference_is_an_event(conference):
    from plone.app.event.base import get_events
    from plone.event.interfaces import IEvent

    assert IEvent.providedBy(conference)
    assert conference in [
        brain.getObject() for brain in get_events(conference.aq_parent, ret_mode=1)
    ]


def test_resource_list_in_a_folder(manager):
    folder = api.content.create(container=manager, type="Folder", id="f", title="F")
    links = api.content.create(container=folder, type="ResourceList", title="Links")
    assert links.portal_type == "ResourceList"
