"""Summaries of coverage items through plone.restapi's own machinery.

A recap or resource list listed by ``@recap`` starts from exactly what
``@search`` gives for the same catalog brain: plone.restapi's
``ISerializeToJsonSummary`` (``@id``, ``@type``, ``type_title``, ``title``,
``description``, ``review_state``, plus any ``metadata_fields`` the client
asks for), from catalog metadata only. The endpoint adds its own keys.
"""

from plone.restapi.interfaces import ISerializeToJsonSummary
from zope.component import getMultiAdapter


def brain_summary(brain, request):
    """plone.restapi's summary of ``brain``, as ``@search`` items have it."""
    return getMultiAdapter((brain, request), ISerializeToJsonSummary)()
