"""Fixed vocabularies: kinds of talk, kinds of resource, conference formats."""

from collective.confrecap import _
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


TALK_KINDS = (
    ("keynote", _("talk_kind_keynote", default="Keynote")),
    ("talk", _("talk_kind_talk", default="Talk")),
    ("tutorial", _("talk_kind_tutorial", default="Tutorial")),
    ("workshop", _("talk_kind_workshop", default="Workshop")),
    ("panel", _("talk_kind_panel", default="Panel")),
    ("lightning", _("talk_kind_lightning", default="Lightning talk")),
    ("social", _("talk_kind_social", default="Social activity")),
    ("other", _("talk_kind_other", default="Other")),
)

RESOURCE_KINDS = (
    ("tool", _("resource_kind_tool", default="Tool")),
    ("library", _("resource_kind_library", default="Library")),
    ("documentation", _("resource_kind_documentation", default="Documentation")),
    ("article", _("resource_kind_article", default="Article")),
    ("cheat-sheet", _("resource_kind_cheat_sheet", default="Cheat sheet")),
    ("video", _("resource_kind_video", default="Video")),
    ("slides", _("resource_kind_slides", default="Slides")),
    ("service", _("resource_kind_service", default="Service")),
    ("training", _("resource_kind_training", default="Training")),
    ("other", _("resource_kind_other", default="Other")),
)

CONFERENCE_FORMATS = (
    ("in-person", _("conference_format_in_person", default="In person")),
    ("online", _("conference_format_online", default="Online")),
    ("hybrid", _("conference_format_hybrid", default="Hybrid")),
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
