"""Fixed vocabularies: kinds of talk, kinds of resource, conference formats."""

from collective.confrecap import _
from collective.confrecap.formats import kinds as tokens
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


TALK_KIND_TITLES = {
    "keynote": _("talk_kind_keynote", default="Keynote"),
    "talk": _("talk_kind_talk", default="Talk"),
    "tutorial": _("talk_kind_tutorial", default="Tutorial"),
    "workshop": _("talk_kind_workshop", default="Workshop"),
    "panel": _("talk_kind_panel", default="Panel"),
    "lightning": _("talk_kind_lightning", default="Lightning talk"),
    "social": _("talk_kind_social", default="Social activity"),
    "other": _("talk_kind_other", default="Other"),
}
TALK_KINDS = tuple((token, TALK_KIND_TITLES[token]) for token in tokens.TALK_KINDS)

RESOURCE_KIND_TITLES = {
    "tool": _("resource_kind_tool", default="Tool"),
    "library": _("resource_kind_library", default="Library"),
    "documentation": _("resource_kind_documentation", default="Documentation"),
    "article": _("resource_kind_article", default="Article"),
    "cheat-sheet": _("resource_kind_cheat_sheet", default="Cheat sheet"),
    "video": _("resource_kind_video", default="Video"),
    "slides": _("resource_kind_slides", default="Slides"),
    "service": _("resource_kind_service", default="Service"),
    "training": _("resource_kind_training", default="Training"),
    "other": _("resource_kind_other", default="Other"),
}
RESOURCE_KINDS = tuple(
    (token, RESOURCE_KIND_TITLES[token]) for token in tokens.RESOURCE_KINDS
)

CONFERENCE_FORMAT_TITLES = {
    "in-person": _("conference_format_in_person", default="In person"),
    "online": _("conference_format_online", default="Online"),
    "hybrid": _("conference_format_hybrid", default="Hybrid"),
}
CONFERENCE_FORMATS = tuple(
    (token, CONFERENCE_FORMAT_TITLES[token]) for token in tokens.CONFERENCE_FORMATS
)


def _vocabulary(pairs):
    return SimpleVocabulary([SimpleTerm(value, value, title) for value, title in pairs])


@provider(IVocabularyFactory)
def talk_kinds(context):
    """Kinds of session: keynote, talk, tutorial, workshop, panel…"""
    return _vocabulary(TALK_KINDS)


@provider(IVocabularyFactory)
def resource_kinds(context):
    """Kinds of resource: tool, library, documentation, article…"""
    return _vocabulary(RESOURCE_KINDS)


@provider(IVocabularyFactory)
def conference_formats(context):
    """In person, online or hybrid."""
    return _vocabulary(CONFERENCE_FORMATS)
