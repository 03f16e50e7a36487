"""Vocabularies of values found in the catalog, for Collection criteria."""

from plone import api
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


def _unique_values(index_name):
    catalog = api.portal.get_tool("portal_catalog")
    if index_name not in catalog.indexes():
        return SimpleVocabulary([])
    values = sorted(catalog.uniqueValuesFor(index_name), key=str.casefold)
    return SimpleVocabulary([SimpleTerm(value, title=value) for value in values])


@provider(IVocabularyFactory)
def speakers(context):
    """Every speaker name in the catalog, alphabetically."""
    return _unique_values("confrecap_speakers")


@provider(IVocabularyFactory)
def all_tracks(context):
    """Every track used by a recap in the catalog, alphabetically."""
    return _unique_values("confrecap_track")
