"""The "Conference coverage" control panel: its records, its configlet, its
form, and the behaviour each setting changes."""

from ..content import create_conference
from collective.confrecap.controlpanel import settings
from collective.confrecap.controlpanel.interfaces import IConfrecapSettings
from collective.confrecap.interfaces import ICollectiveConfrecapLayer
from plone import api
from plone.app.testing import logout
from plone.base.utils import get_installer
from plone.registry.interfaces import IRegistry
from zope.component import getUtility
from zope.interface import alsoProvides
from zope.schema.interfaces import TooBig
from zope.schema.interfaces import TooSmall

import datetime
import pytest


PACKAGE = "collective.confrecap"
PREFIX = "collective.confrecap.controlpanel.interfaces.IConfrecapSettings"
DEFAULTS = {
    "recaps_per_page": 100,
    "index_page_size": 50,
    "structured_data": True,
    "max_sections": 2000,
}
CONFIGLET = "confrecap-controlpanel"


def record_names():
    registry = getUtility(IRegistry)
    return {name for name in registry.records if name.startswith(PREFIX + ".")}


def configlet_ids():
    tool = api.portal.get_tool("portal_controlpanel")
    with api.env.adopt_roles(["Manager"]):  # configlets a Manager sees
        return {action["id"] for action in tool.enumConfiglets(group="Products")}


def set_setting(name, value):
    api.portal.set_registry_record(f"{PREFIX}.{name}", value)


def render(context, name, **form):
    request = context.REQUEST
    alsoProvides(request, ICollectiveConfrecapLayer)
    request.form.clear()
    request.form.update(form)
    return api.content.get_view(name=name, context=context, request=request)()


@pytest.fixture
def installer(portal):
    return get_installer(portal, portal.REQUEST)


@pytest.fixture
def conference(portal):
    with api.env.adopt_roles(["Manager"]):
        conf = create_conference(
            portal,
            start=datetime.datetime(2023, 3, 13, 9, 0),
            end=datetime.datetime(2023, 3, 17, 18, 0),
            tracks=["Cloud"],
        )
        for index in range(12):
            api.content.create(
                container=conf,
                type="TalkRecap",
                id=f"talk-{index:02d}",
                title=f"Talk number {index:02d}",
                track="Cloud",
                speakers=[
                    {"name": f"Speaker {index:02d}", "url": None, "affiliation": None}
                ],
            )
    return conf


# Records and configlet -------------------------------------------------------


def test_records_installed_with_defaults(portal):
    assert record_names() == {f"{PREFIX}.{name}" for name in DEFAULTS}
    for name, value in DEFAULTS.items():
        assert api.portal.get_registry_record(f"{PREFIX}.{name}") == value
        assert IConfrecapSettings[name].default == value
    assert settings.recaps_per_page() == 100
    assert settings.index_page_size() == 50
    assert settings.structured_data() is True


def test_configlet_in_add_on_configuration(portal):
    tool = api.portal.get_tool("portal_controlpanel")
    (action,) = [a for a in tool.listActions() if a.getId() == CONFIGLET]
    assert action.category == "Products"
    assert action.appId == PACKAGE
    assert action.permissions == ("Manage portal",)
    assert action.getActionExpression().endswith("/@@confrecap-controlpanel")
    assert CONFIGLET in configlet_ids()


def test_uninstall_removes_records_and_configlet_reinstall_restores(portal, installer):
    set_setting("recaps_per_page", 20)
    with api.env.adopt_roles(["Manager"]):
        installer.uninstall_product(PACKAGE)
    assert record_names() == set()
    assert CONFIGLET not in configlet_ids()
    # Without records, the helpers give the defaults.
    assert settings.recaps_per_page() == 100
    assert settings.index_page_size() == 50
    assert settings.structured_data() is True
    with api.env.adopt_roles(["Manager"]):
        installer.install_product(PACKAGE)
    assert record_names() == {f"{PREFIX}.{name}" for name in DEFAULTS}
    assert api.portal.get_registry_record(f"{PREFIX}.recaps_per_page") == 100
    assert CONFIGLET in configlet_ids()


def test_range_is_enforced_by_the_registry(portal):
    with pytest.raises(TooSmall):
        set_setting("recaps_per_page", 5)
    with pytest.raises(TooBig):
        set_setting("index_page_size", 501)
    assert settings.recaps_per_page() == 100
    assert settings.index_page_size() == 50


# Each setting changes behaviour ----------------------------------------------


@pytest.mark.parametrize(
    "view_name", ["conference-view", "conference-by-day", "recap-article"]
)
def test_recaps_per_page_batches_the_conference_views(conference, view_name):
    html = render(conference, view_name)
    assert html.count("Talk number") >= 12
    assert "b_start:int=10" not in html and "b_start=10" not in html

    set_setting("recaps_per_page", 10)
    first = render(conference, view_name)
    shown = {f"{i:02d}" for i in range(12) if f"Talk number {i:02d}" in first}
    assert len(shown) == 10
    assert "b_start:int=10" in first or "b_start=10" in first  # a next link
    second = render(conference, view_name, b_start="10")
    rest = {f"{i:02d}" for i in range(12) if f"Talk number {i:02d}" in second}
    assert len(rest) == 2
    assert not shown & rest


def test_index_page_size_batches_the_speakers_index(conference, portal):
    html = render(portal, "confrecap-speakers")
    assert all(f"Speaker {i:02d}" in html for i in range(12))

    set_setting("index_page_size", 10)
    first = render(portal, "confrecap-speakers")
    shown = {i for i in range(12) if f"Speaker {i:02d}" in first}
    assert shown == set(range(10))
    assert "b_start:int=10" in first or "b_start=10" in first
    second = render(portal, "confrecap-speakers", b_start="10")
    assert {i for i in range(12) if f"Speaker {i:02d}" in second} == {10, 11}


def test_index_page_size_batches_the_resources_index(portal):
    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            container=portal,
            type="ResourceList",
            id="links",
            title="Links",
            resources=[
                {
                    "title": f"Resource {i:02d}",
                    "url": f"https://r{i}.org",
                    "kind": "tool",
                }
                for i in range(12)
            ],
        )
    set_setting("index_page_size", 10)
    first = render(portal, "confrecap-resources")
    assert {i for i in range(12) if f"Resource {i:02d}" in first} == set(range(10))
    second = render(portal, "confrecap-resources", b_start="10")
    assert {i for i in range(12) if f"Resource {i:02d}" in second} == {10, 11}


@pytest.mark.parametrize(
    "path,view_name",
    [
        ("pwc", "conference-view"),
        ("pwc", "conference-by-day"),
        ("pwc", "recap-article"),
        ("pwc/talk-00", "talkrecap-view"),
        ("", "confrecap-resources"),
    ],
)
def test_structured_data_off_removes_json_ld(conference, portal, path, view_name):
    context = portal.unrestrictedTraverse(path) if path else portal
    assert "application/ld+json" in render(context, view_name)
    set_setting("structured_data", False)
    html = render(context, view_name)
    assert "application/ld+json" not in html
    assert "PWC 2023" in html or view_name == "confrecap-resources"


# The form --------------------------------------------------------------------


def test_form_renders_for_manager(portal):
    request = portal.REQUEST
    alsoProvides(request, ICollectiveConfrecapLayer)
    view = api.content.get_view("confrecap-controlpanel", portal, request)
    html = view()
    assert "Conference coverage" in html
    for name in DEFAULTS:
        assert f"form.widgets.{name}" in html
    assert 'value="100"' in html
    assert 'value="50"' in html


def test_form_needs_manage_portal(portal):
    logout()
    assert not api.user.has_permission("Manage portal", obj=portal)
