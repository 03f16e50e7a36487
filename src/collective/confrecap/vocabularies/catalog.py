"""Vocabularies of values found in the catalog, for Collection criteria.

Only values of content the current user may view are listed (a private
recap's speaker is nobody else's business), and each title is HTML-escaped:
Plone's querystring widget renders vocabulary titles as HTML, and these
values are typed by any Contributor.
"""

from collective.confrecap.behaviors.speakers import ISpeakers
from collective.confrecap.behaviors.talk import ITalk
from collective.confrecap.coverage.values import visible_values
from collective.confrecap.formats.collation import sort_key
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

import html


def safe_term(value):
    """A term whose title is plain text even where a widget renders HTML."""
    return SimpleTerm(value, title=html.escape(value, quote=True))


def _unique_values(index_name, interface):
    values = visible_values(index_name, object_provides=interface.__identifier__)
    return SimpleVocabulary(
        [safe_term(value) for value in sorted(values, key=lambda v: (sort_key(v), v))]
    )


@provider(IVocabularyFactory)
def speakers(context):
    """Every speaker name on content the user may view, alphabetically."""
    return _unique_values("confrecap_speakers", ISpeakers)


@provider(IVocabularyFactory)
def all_tracks(context):
    """Every track of a recap the user may view, alphabetically."""
    return _unique_values("confrecap_track", ITalk)
