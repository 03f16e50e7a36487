"""Issue 2: the three content types, their FTIs, permissions and placement."""

from Acquisition import aq_base
from collective.confrecap.content.talkrecap import ITalkRecap
from plone import api
from plone.app.contenttypes.behaviors.leadimage import ILeadImage
from plone.app.dexterity.behaviors.exclfromnav import IExcludeFromNavigation
from plone.dexterity.interfaces import IDexterityFTI
from zope.component import queryUtility
from zope.interface import alsoProvides
from zope.interface import Interface
from zope.interface import noLongerProvides

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


def test_missing_attributes_are_field_defaults_items_or_acquired(conference):
    """Our types answer a name no schema has without asking every behavior
    (content/base.py); what they answer does not change."""
    recap = api.content.create(container=conference, type="TalkRecap", title="Talk")
    for name in ("highlight", "takeaways", "speakers"):
        recap.__dict__.pop(name, None)
    assert recap.highlight is False  # the talk behavior's default
    assert not recap.takeaways
    assert not hasattr(aq_base(recap), "getRemoteUrl")
    assert not hasattr(aq_base(recap), "__no_such_thing__")
    # acquisition still finds the site's tools, a conference its items
    catalog = api.portal.get_tool("portal_catalog")
    assert recap.portal_catalog.getPhysicalPath() == catalog.getPhysicalPath()
    assert aq_base(conference).talk.getId() == "talk"
    conference.__dict__.pop("exclude_from_nav", None)
    assert aq_base(conference).exclude_from_nav is False


def test_a_behavior_added_later_gives_its_marker_and_field_defaults(conference):
    recap = api.content.create(container=conference, type="TalkRecap", title="Talk")
    assert not hasattr(aq_base(recap), "exclude_from_nav")
    assert not IExcludeFromNavigation.providedBy(recap)
    fti = queryUtility(IDexterityFTI, name="TalkRecap")
    fti.manage_changeProperties(
        behaviors=(*fti.behaviors, "plone.excludefromnavigation")
    )
    assert aq_base(recap).exclude_from_nav is False
    assert IExcludeFromNavigation.providedBy(recap)
    assert ITalkRecap.providedBy(recap)  # the type's schema, as before


def test_interfaces_given_to_one_object_are_provided_at_once(conference):
    recap = api.content.create(container=conference, type="TalkRecap", title="Talk")
    assert ILeadImage.providedBy(recap)  # a behavior marker
    assert not IMarker.providedBy(recap)
    alsoProvides(recap, IMarker)
    assert IMarker.providedBy(recap)
    assert ILeadImage.providedBy(recap)
    noLongerProvides(recap, IMarker)
    assert not IMarker.providedBy(recap)


class IMarker(Interface):
    """A marker an object is given by hand."""
