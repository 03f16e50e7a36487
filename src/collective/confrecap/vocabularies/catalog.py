"""Vocabularies of values found in the catalog, for Collection criteria."""

from collective.confrecap.coverage.collation import sort_key
from plone import api
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


def _unique_values(index_name):
    catalog = api.portal.get_tool("portal_catalog")
    if index_name not in catalog.indexes():
        return SimpleVocabulary([])
    # A–Z by collation key: "Érico" under E, not after "Víctor".
    values = sorted(
        catalog.uniqueValuesFor(index_name), key=lambda value: (sort_key(value), value)
    )
    return SimpleVocabulary([SimpleTerm(value, title=value) for value in values])


@provider(IVocabularyFactory)
def speakers(context):
    """Every speaker name in the catalog, alphabetically."""
    return _unique_values("confrecap_speakers")


@provider(IVocabularyFactory)
def all_tracks(context):
    """Every track used by a recap in the catalog, alphabetically."""
    return _unique_values("confrecap_track")
