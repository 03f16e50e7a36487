"""Titles of vocabulary tokens (talk kinds, resource kinds, formats), translated."""

from collective.confrecap.vocabularies.kinds import CONFERENCE_FORMATS
from collective.confrecap.vocabularies.kinds import RESOURCE_KINDS
from collective.confrecap.vocabularies.kinds import TALK_KINDS
from zope.i18n import translate


RESOURCE_KIND_ORDER = tuple(token for token, title in RESOURCE_KINDS)


TALK_KIND_TITLES = dict(TALK_KINDS)


RESOURCE_KIND_TITLES = dict(RESOURCE_KINDS)


FORMAT_TITLES = dict(CONFERENCE_FORMATS)


def title_of(token, titles, request):
    """The translated title of a vocabulary token (the token if unknown)."""
    if not token:
        return None
    message = titles.get(token)
    if message is None:
        return token
    return translate(message, context=request)


def talk_kind_title(token, request):
    return title_of(token, TALK_KIND_TITLES, request)


def resource_kind_title(token, request):
    return title_of(token, RESOURCE_KIND_TITLES, request)


def format_title(token, request):
    return title_of(token, FORMAT_TITLES, request)
