"""The tracks of the enclosing conference, for a recap's ``track`` menu."""

from AccessControl import getSecurityManager
from collective.confrecap.content.lookup import find_conference
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


@provider(IVocabularyFactory)
def tracks(context):
    """Tracks of the conference ``context`` is in (or is); empty elsewhere,
    and empty when the user may not view that conference (a published recap
    in a private conference tells nothing of it)."""
    conference = find_conference(context)
    if conference is not None and not getSecurityManager().checkPermission(
        "View", conference
    ):
        conference = None
    names = getattr(conference, "tracks", None) or []
    return SimpleVocabulary(
        [SimpleTerm(name, title=name) for name in names], swallow_duplicates=True
    )
