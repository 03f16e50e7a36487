"""Issue 13: deactivating keeps content readable; reactivating fills the indexes.

Also: Conference in the navigation's displayed types, added by installing and
removed by uninstalling only when installing added it.
"""

from ..content import create_conference
from collective.confrecap import setuphandlers
from plone import api
from plone.base.utils import get_installer
from Products.CMFCore.indexing import processQueue
from zope.annotation.interfaces import IAnnotations

import datetime
import pytest


UTC = datetime.timezone.utc
DATES = {
    "start": datetime.datetime(2023, 9, 20, 9, 0, tzinfo=UTC),
    "end": datetime.datetime(2023, 9, 22, 17, 0, tzinfo=UTC),
}
PACKAGE = "collective.confrecap"
SPEAKER = {"name": "Érico Andrei", "url": None, "affiliation": None}


@pytest.fixture
def installer(portal):
    return get_installer(portal, portal.REQUEST)


@pytest.fixture
def coverage(portal):
    """A published conference with a recap and a resource list, a Folder and
    a Collection shown with our listings, a conference shown by day."""
    with api.env.adopt_roles(["Manager"]):
        conference = create_conference(portal, tracks=["Cloud"], **DATES)
        api.content.transition(obj=conference, transition="publish")
        recap = api.content.create(
            container=conference,
            type="TalkRecap",
            id="recap",
            title="Packaging",
            track="Cloud",
            talk_kind="keynote",
            speakers=[SPEAKER],
            takeaways=["Use uv."],
        )
        api.content.transition(obj=recap, transition="publish")
        links = api.content.create(
            container=conference,
            type="ResourceList",
            id="links",
            title="Links",
            resources=[{"title": "uv", "url": "https://x.org", "kind": "tool"}],
        )
        api.content.transition(obj=links, transition="publish")
        folder = api.content.create(container=portal, type="Folder", id="coverage")
        folder.setLayout("conference-listing")
        collection = api.content.create(
            container=portal,
            type="Collection",
            id="recaps",
            title="Recaps",
            query=[
                {
                    "i": "portal_type",
                    "o": "plone.app.querystring.operation.selection.any",
                    "v": ["TalkRecap"],
                }
            ],
        )
        collection.setLayout("talkrecap-listing")
        by_day = create_conference(portal, id="by-day", title="By day", **DATES)
        by_day.setLayout("conference-by-day")
    return {
        "conference": conference,
        "recap": recap,
        "links": links,
        "folder": folder,
        "collection": collection,
        "by_day": by_day,
    }


def render(obj):
    """What a visitor of ``obj``'s URL gets: its selected layout, rendered."""
    layout = obj.getLayout()
    view = api.content.get_view(name=layout, context=obj, request=obj.REQUEST)
    return layout, view()


def test_uninstall_switches_our_types_to_core_views(portal, installer, coverage):
    with api.env.adopt_roles(["Manager"]):
        installer.uninstall_product(PACKAGE)
    types = api.portal.get_tool("portal_types")
    assert types.Conference.default_view == "event_view"
    assert "conference-view" not in types.Conference.view_methods
    assert types.TalkRecap.default_view == "view"
    assert types.ResourceList.default_view == "view"
    for name in ("Folder", "Collection"):
        assert not set(types[name].view_methods) & set(setuphandlers.OUR_VIEWS)

    # Single items shown with our views fall back to their type's default.
    assert coverage["folder"].getLayout() == "listing_view"
    assert coverage["collection"].getLayout() == "listing_view"
    assert coverage["by_day"].getLayout() == "event_view"

    # Every page renders with a core view, showing its content.
    for key, expected in (
        ("conference", "PWC 2023"),
        ("recap", "Érico Andrei"),
        ("links", "https://x.org"),
        ("folder", ""),
        ("collection", "Packaging"),
        ("by_day", "By day"),
    ):
        layout, html = render(coverage[key])
        assert layout not in setuphandlers.OUR_VIEWS, key
        assert expected in html, (key, layout)


def test_uninstall_leaves_other_layouts_alone(portal, installer, coverage):
    with api.env.adopt_roles(["Manager"]):
        other = api.content.create(container=portal, type="Folder", id="other")
        other.setLayout("summary_view")
        installer.uninstall_product(PACKAGE)
    assert other.getLayout() == "summary_view"


def test_reactivation_fills_indexes_and_metadata(portal, installer, coverage):
    with api.env.adopt_roles(["Manager"]):
        installer.uninstall_product(PACKAGE)
        installer.install_product(PACKAGE)
    recap = coverage["recap"]
    catalog = api.portal.get_tool("portal_catalog")
    # No manual reindex: the indexes are filled by the install itself.
    for query in (
        {"confrecap_speakers": "Érico Andrei"},
        {"confrecap_track": "Cloud"},
        {"confrecap_kind": "keynote"},
    ):
        brains = catalog(**query)
        assert [brain.getPath() for brain in brains] == ["/plone/pwc/recap"], query
    inside = catalog(confrecap_conference=api.content.get_uuid(coverage["conference"]))
    assert {brain.getPath() for brain in inside} == {
        "/plone/pwc/recap",
        "/plone/pwc/links",
    }
    brain = catalog(UID=api.content.get_uuid(recap))[0]
    assert brain.confrecap_data["speakers"][0]["name"] == "Érico Andrei"
    assert brain.confrecap_track == "Cloud"
    (links,) = catalog(UID=api.content.get_uuid(coverage["links"]))
    assert links.confrecap_data["resources"][0]["url"] == "https://x.org"
    # The types show our views again.
    types = api.portal.get_tool("portal_types")
    assert types.Conference.default_view == "conference-view"
    assert types.TalkRecap.default_view == "talkrecap-view"


def test_reindex_touches_only_coverage(portal, coverage):
    with api.env.adopt_roles(["Manager"]):
        api.content.create(container=portal, type="Document", id="elsewhere")
        inside = api.content.create(
            container=coverage["conference"], type="Document", id="inside"
        )
    processQueue()  # what creating them queued, before we count
    catalog = api.portal.get_tool("portal_catalog")
    seen = []
    original = catalog.catalog_object

    def spy(obj, uid=None, idxs=None, update_metadata=1, pghandler=None):
        seen.append(uid)
        return original(obj, uid, idxs, update_metadata, pghandler)

    catalog.catalog_object = spy
    try:
        setuphandlers.reindex_coverage()
    finally:
        del catalog.catalog_object
    # Our types and what carries our behaviors; a plain Document, inside a
    # conference or not, has nothing for our indexers (they are registered
    # for the behaviors) and is left alone.
    assert sorted(seen) == [
        "/plone/by-day",
        "/plone/pwc",
        "/plone/pwc/links",
        "/plone/pwc/recap",
    ]
    assert inside.getId() not in {
        b.id
        for b in catalog(
            confrecap_conference=api.content.get_uuid(coverage["conference"])
        )
    }


def test_install_shows_conferences_in_navigation(portal, installer):
    displayed = api.portal.get_registry_record("plone.displayed_types")
    assert "Conference" in displayed
    with api.env.adopt_roles(["Manager"]):
        installer.uninstall_product(PACKAGE)
    assert "Conference" not in api.portal.get_registry_record("plone.displayed_types")
    assert setuphandlers.ADDED_TO_NAVIGATION not in IAnnotations(portal)
    with api.env.adopt_roles(["Manager"]):
        installer.install_product(PACKAGE)
    assert "Conference" in api.portal.get_registry_record("plone.displayed_types")


def test_uninstall_keeps_conference_in_navigation_the_site_had(portal, installer):
    with api.env.adopt_roles(["Manager"]):
        installer.uninstall_product(PACKAGE)
        displayed = api.portal.get_registry_record("plone.displayed_types")
        # The site manager lists Conferences themselves, then installs.
        api.portal.set_registry_record(
            "plone.displayed_types", displayed + ("Conference",)
        )
        installer.install_product(PACKAGE)
        installer.uninstall_product(PACKAGE)
    assert "Conference" in api.portal.get_registry_record("plone.displayed_types")
