"""Issue 2: the review workflow by role, and what Anonymous can see."""

from AccessControl import Unauthorized
from plone import api
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import pytest


@pytest.fixture
def site(portal):
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            email="c@example.org", username="contributor", password="secret-password"
        )
        api.user.create(
            email="r@example.org", username="reviewer", password="secret-password"
        )
        api.user.grant_roles(username="reviewer", roles=["Reviewer"])
        conference = api.content.create(
            container=portal, type="Conference", id="pwc", title="PWC 2023"
        )
        api.content.transition(obj=conference, transition="publish")
        api.user.grant_roles(
            username="contributor", obj=conference, roles=["Contributor"]
        )
    return portal


def as_user(portal, username):
    login(portal, username)


def add_recap_as_contributor(portal):
    as_user(portal, "contributor")
    return api.content.create(
        container=portal["pwc"], type="TalkRecap", id="talk", title="A talk"
    )


def anonymous_finds(portal, **query):
    logout()
    return [b.getPath() for b in api.content.find(portal_type="TalkRecap", **query)]


def test_workflow_bindings(site):
    wftool = api.portal.get_tool("portal_workflow")
    assert wftool.getChainForPortalType("TalkRecap") == ("confrecap_review_workflow",)
    assert wftool.getChainForPortalType("ResourceList") == (
        "confrecap_review_workflow",
    )
    assert wftool.getChainForPortalType("Conference") == (
        "simple_publication_workflow",
    )
    workflow = wftool["confrecap_review_workflow"]
    assert set(workflow.states) == {"private", "pending", "published"}
    assert set(workflow.transitions) == {"submit", "publish", "retract", "reject"}


def test_contributor_adds_and_submits(site):
    recap = add_recap_as_contributor(site)
    assert api.content.get_state(recap) == "private"
    assert recap.Creator() == "contributor"
    api.content.transition(obj=recap, transition="submit")
    assert api.content.get_state(recap) == "pending"


def test_contributor_cannot_add_outside_their_conference(site):
    as_user(site, "contributor")
    assert site.allowedContentTypes() == []
    with pytest.raises(Unauthorized):
        api.content.create(container=site, type="Conference", title="Mine")


def test_contributor_cannot_publish(site):
    recap = add_recap_as_contributor(site)
    with pytest.raises(api.exc.InvalidParameterError):
        api.content.transition(obj=recap, transition="publish")
    api.content.transition(obj=recap, transition="submit")
    with pytest.raises(api.exc.InvalidParameterError):
        api.content.transition(obj=recap, transition="publish")
    assert api.content.get_state(recap) == "pending"


def test_private_and_pending_are_hidden_from_anonymous(site):
    recap = add_recap_as_contributor(site)
    assert anonymous_finds(site) == []
    assert anonymous_finds(site, SearchableText="talk") == []
    with pytest.raises(Unauthorized):
        site.restrictedTraverse("pwc/talk")
    as_user(site, "contributor")
    api.content.transition(obj=recap, transition="submit")
    assert anonymous_finds(site) == []
    with pytest.raises(Unauthorized):
        site.restrictedTraverse("pwc/talk")


def test_reviewer_publishes_then_anonymous_sees(site):
    recap = add_recap_as_contributor(site)
    api.content.transition(obj=recap, transition="submit")
    as_user(site, "reviewer")
    api.content.transition(obj=recap, transition="publish")
    assert api.content.get_state(recap) == "published"
    assert anonymous_finds(site) == ["/plone/pwc/talk"]
    assert site.restrictedTraverse("pwc/talk").Title() == "A talk"


def test_reviewer_rejects(site):
    recap = add_recap_as_contributor(site)
    api.content.transition(obj=recap, transition="submit")
    as_user(site, "reviewer")
    api.content.transition(obj=recap, transition="reject")
    assert api.content.get_state(recap) == "private"
    assert anonymous_finds(site) == []


def test_retract_published_and_pending(site):
    recap = add_recap_as_contributor(site)
    api.content.transition(obj=recap, transition="submit")
    api.content.transition(obj=recap, transition="retract")
    assert api.content.get_state(recap) == "private"
    api.content.transition(obj=recap, transition="submit")
    as_user(site, "reviewer")
    api.content.transition(obj=recap, transition="publish")
    assert anonymous_finds(site) == ["/plone/pwc/talk"]
    as_user(site, "contributor")  # the author takes it back
    api.content.transition(obj=recap, transition="retract")
    assert api.content.get_state(recap) == "private"
    assert anonymous_finds(site) == []


def test_resource_list_uses_the_same_workflow(site):
    as_user(site, "contributor")
    links = api.content.create(container=site["pwc"], type="ResourceList", title="L")
    assert api.content.get_state(links) == "private"
    api.content.transition(obj=links, transition="submit")
    as_user(site, "reviewer")
    api.content.transition(obj=links, transition="publish")
    logout()
    assert [b.getObject() for b in api.content.find(portal_type="ResourceList")] == [
        links
    ]


def test_manager_is_the_test_user_baseline(site):
    setRoles(site, TEST_USER_ID, ["Manager"])
    login(site, "test-user")
    recap = api.content.create(container=site["pwc"], type="TalkRecap", title="M")
    api.content.transition(obj=recap, transition="publish")
    assert api.content.get_state(recap) == "published"
