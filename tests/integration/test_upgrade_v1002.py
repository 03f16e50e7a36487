"""Upgrade 1000 -> 1002: a conference made the old way (plone.folder's
order list) keeps its order, loses the list, and takes new items without
writing one."""

from ..content import create_conference
from collective.confrecap.content.ordering import ORDERING
from collective.confrecap.content.ordering import positions
from collective.confrecap.upgrades.v1002 import chronological_conferences
from plone import api
from zope.annotation.interfaces import IAnnotations


ORDER_KEY = "plone.folder.ordered.order"


def _old_conference(portal):
    conference = create_conference(portal)
    # The old way: plone.folder's default ordering, an order list.
    delattr(conference, "_confrecap_positions")
    conference.setOrdering("")
    for title in ("Zeta talk", "Alpha talk", "Mid talk"):
        api.content.create(container=conference, type="TalkRecap", title=title)
    conference.moveObjectsToTop(["mid-talk"])
    return conference


def test_upgrade_keeps_order_and_drops_the_list(portal):
    with api.env.adopt_roles(["Manager"]):
        conference = _old_conference(portal)
        before = conference.objectIds()
        assert before == ["mid-talk", "zeta-talk", "alpha-talk"]
        assert ORDER_KEY in IAnnotations(conference)
        chronological_conferences(portal.portal_setup)
        assert conference._ordering == ORDERING
        assert ORDER_KEY not in IAnnotations(conference)
        assert conference.objectIds() == before
        api.content.create(container=conference, type="TalkRecap", title="New talk")
        assert conference.objectIds() == [*before, "new-talk"]
        assert ORDER_KEY not in IAnnotations(conference)
        brains = api.content.find(
            context=conference,
            portal_type="TalkRecap",
            sort_on="getObjPositionInParent",
        )
        assert [brain.getId for brain in brains] == [*before, "new-talk"]


def test_new_conference_keeps_creation_order_without_a_list(portal):
    with api.env.adopt_roles(["Manager"]):
        conference = create_conference(portal)
        for title in ("B", "A", "C"):
            api.content.create(container=conference, type="TalkRecap", title=title)
        assert conference.objectIds() == ["b", "a", "c"]
        assert ORDER_KEY not in IAnnotations(conference)
        assert set(positions(conference)) == {"b", "a", "c"}
        api.content.rename(obj=conference["a"], new_id="renamed")
        assert conference.objectIds() == ["b", "renamed", "c"]
        api.content.delete(conference["b"])
        assert conference.objectIds() == ["renamed", "c"]


def test_upgrade_step_is_registered(portal):
    setup = portal.portal_setup
    steps = setup.listUpgrades("collective.confrecap:default", show_old=True)
    flat = [s for step in steps for s in (step if isinstance(step, list) else [step])]
    assert any(step["dest"] == ("1002",) for step in flat), flat
