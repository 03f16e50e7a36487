"""Issue 2: the vocabularies TalkKinds, ResourceKinds and the context-aware Tracks."""

from ..content import TALK_KINDS
from ..content import TRACKS
from plone import api
from zope.component import getUtility
from zope.globalrequest import getRequest
from zope.schema.interfaces import IVocabularyFactory


RESOURCE_KINDS = [
    "tool",
    "library",
    "documentation",
    "article",
    "cheat-sheet",
    "video",
    "slides",
    "service",
    "training",
    "other",
]


def vocabulary(name, context):
    return getUtility(IVocabularyFactory, name=name)(context)


def tokens(vocab):
    return [term.token for term in vocab]


def test_talk_kinds(portal):
    vocab = vocabulary("collective.confrecap.TalkKinds", portal)
    assert tokens(vocab) == TALK_KINDS
    assert [term.value for term in vocab] == TALK_KINDS
    assert all(term.title for term in vocab)


def test_resource_kinds(portal):
    vocab = vocabulary("collective.confrecap.ResourceKinds", portal)
    assert tokens(vocab) == RESOURCE_KINDS
    assert [term.value for term in vocab] == RESOURCE_KINDS


def test_tracks_of_a_conference(conference):
    vocab = vocabulary("collective.confrecap.Tracks", conference)
    assert [term.value for term in vocab] == TRACKS
    assert [term.title for term in vocab] == TRACKS


def test_tracks_of_a_recap_inside_a_conference(conference):
    recap = api.content.create(container=conference, type="TalkRecap", title="T")
    vocab = vocabulary("collective.confrecap.Tracks", recap)
    assert [term.value for term in vocab] == TRACKS


def test_tracks_in_an_add_form_context(conference):
    """An add form's context is the container the recap will be added to."""
    form = conference.restrictedTraverse("++add++TalkRecap")
    vocab = vocabulary("collective.confrecap.Tracks", form.context)
    assert [term.value for term in vocab] == TRACKS
    # Without a context (a schema built before binding), the published
    # object the request knows about decides.
    request = getRequest()
    request["PARENTS"] = [conference, conference.aq_parent]
    vocab = vocabulary("collective.confrecap.Tracks", None)
    assert [term.value for term in vocab] == TRACKS


def test_tracks_follow_the_conference(conference):
    conference.tracks = ["Only"]
    vocab = vocabulary("collective.confrecap.Tracks", conference)
    assert [term.value for term in vocab] == ["Only"]


def test_tracks_empty_outside_a_conference(manager):
    folder = api.content.create(container=manager, type="Folder", id="f", title="F")
    for context in (manager, folder):
        assert list(vocabulary("collective.confrecap.Tracks", context)) == []


def test_tracks_of_a_conference_without_tracks(manager):
    conference = api.content.create(container=manager, type="Conference", title="C")
    assert list(vocabulary("collective.confrecap.Tracks", conference)) == []


def test_tracks_with_non_ascii_names(manager):
    conference = api.content.create(
        container=manager,
        type="Conference",
        title="C",
        tracks=["Café & Culture", "Données"],
    )
    vocab = vocabulary("collective.confrecap.Tracks", conference)
    assert [term.value for term in vocab] == ["Café & Culture", "Données"]
    assert len(set(tokens(vocab))) == 2
    for term in vocab:
        assert vocab.getTermByToken(term.token).value == term.value
