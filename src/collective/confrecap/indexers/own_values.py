"""Catalog values our content has itself, never its parents'.

For a column or index with no indexer, the catalog reads the attribute of
that name, and acquisition answers from the parents when the object has
none. A talk recap's catalog entry thus got its conference's ``start``,
``end``, ``location``, ``whole_day``, ``open_end`` and ``sync_uid`` (the
iCalendar id plone.app.event's import matches events by), so that a
collection of events by date found the talks too. And the names no one in
the chain has (``cmf_uid``, ``getRemoteUrl``, ``in_reply_to``,
``getRawRelatedItems``, ``path``) were looked up on the conference, the
archive folder and the site root, schema by schema, for every recap
indexed (some 0.5 ms each when an archive is loaded).

These indexers answer with the object's own attribute (a field's value or
default included) and otherwise say the value is missing, as for content
of any type that has no such attribute.
"""

from Acquisition import aq_base
from collective.confrecap.interfaces import IOwnCatalogValues
from plone.indexer.decorator import indexer


_MISSING = object()


def own_value(name):
    """An indexer for ``name`` that does not acquire it."""

    @indexer(IOwnCatalogValues)
    def value(obj):
        found = getattr(aq_base(obj), name, _MISSING)
        if found is _MISSING:
            raise AttributeError(name)
        return found

    return value


start = own_value("start")
end = own_value("end")
whole_day = own_value("whole_day")
open_end = own_value("open_end")
recurrence = own_value("recurrence")
location = own_value("location")
sync_uid = own_value("sync_uid")
cmf_uid = own_value("cmf_uid")
getRemoteUrl = own_value("getRemoteUrl")
in_reply_to = own_value("in_reply_to")
getRawRelatedItems = own_value("getRawRelatedItems")
path = own_value("path")
