"""Vocabularies of values found in the catalog, for Collection criteria.

Only values of items the current user may view: ``uniqueValuesFor`` would
also list the speakers of private (e.g. imported, not yet written) sessions.
The values come from the metadata columns of a permission-aware query.
"""

from plone import api
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


def _unique_values(index_name):
    catalog = api.portal.get_tool("portal_catalog")
    if index_name not in catalog.indexes() or index_name not in catalog.schema():
        return SimpleVocabulary([])
    found = set()
    for brain in catalog.searchResults({index_name: {"query": "", "range": "min"}}):
        value = getattr(brain, index_name, None)
        if isinstance(value, str):
            found.add(value)
        elif value:
            found.update(v for v in value if isinstance(v, str))
    values = sorted(found, key=str.casefold)
    return SimpleVocabulary([SimpleTerm(value, title=value) for value in values])


@provider(IVocabularyFactory)
def speakers(context):
    """Every speaker name in the catalog, alphabetically."""
    return _unique_values("confrecap_speakers")


@provider(IVocabularyFactory)
def all_tracks(context):
    """Every track used by a recap in the catalog, alphabetically."""
    return _unique_values("confrecap_track")
