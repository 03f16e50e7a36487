"""``collective.confrecap.talk``: what kind of session it was, when, where."""

from collective.confrecap import _
from collective.confrecap.fields.dates import SessionDate
from collective.confrecap.fields.tracks import TrackChoice
from collective.confrecap.fields.urls import HttpURL
from datetime import timezone
from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from zope import schema
from zope.interface import Invalid
from zope.interface import invariant
from zope.interface import provider


@provider(IFormFieldProvider)
class ITalk(model.Schema):
    """Details of a talk or activity at a conference."""

    talk_kind = schema.Choice(
        title=_("label_talk_kind", default="Kind"),
        description=_(
            "help_talk_kind",
            default="Keynote, talk, tutorial, workshop, panel, lightning talk, "
            "social activity…",
        ),
        vocabulary="collective.confrecap.TalkKinds",
        default="talk",
        required=False,
    )

    track = TrackChoice(
        title=_("label_track", default="Track"),
        description=_(
            "help_track", default="One of the tracks of the conference it belongs to."
        ),
        vocabulary="collective.confrecap.Tracks",
        required=False,
    )

    session_date = SessionDate(
        title=_("label_session_date", default="Date"),
        description=_(
            "help_session_date",
            default="The day of the talk; it must lie within the conference dates.",
        ),
        required=False,
    )

    session_start = schema.Datetime(
        title=_("label_session_start", default="Starts"),
        description=_(
            "help_session_start",
            default="When the session starts, as in the programme.",
        ),
        required=False,
    )

    session_end = schema.Datetime(
        title=_("label_session_end", default="Ends"),
        required=False,
    )

    room = schema.TextLine(
        title=_("label_room", default="Room"),
        required=False,
    )

    abstract = schema.Text(
        title=_("label_abstract", default="Abstract"),
        description=_(
            "help_abstract",
            default="The programme's description of the session (your recap "
            "goes in the text).",
        ),
        required=False,
    )

    directives.mode(programme_id="hidden")
    programme_id = schema.TextLine(
        title=_("label_programme_id", default="Programme id"),
        description=_(
            "help_programme_id",
            default="The session's id in the imported programme (e.g. a pretalx "
            "or frab guid); a new import of the programme finds it by this id.",
        ),
        required=False,
    )

    talk_url = HttpURL(
        title=_("label_talk_url", default="Talk page"),
        description=_(
            "help_talk_url", default="The talk's page on the conference website."
        ),
        required=False,
    )

    slides_url = HttpURL(
        title=_("label_slides_url", default="Slides"),
        required=False,
    )

    video_url = HttpURL(
        title=_("label_video_url", default="Video"),
        required=False,
    )

    highlight = schema.Bool(
        title=_("label_highlight", default="Highlight"),
        description=_(
            "help_highlight",
            default="One of your favourites: listed first and marked as a highlight.",
        ),
        default=False,
        required=False,
    )

    @invariant
    def session_end_after_start(data):
        start = getattr(data, "session_start", None)
        end = getattr(data, "session_end", None)
        if start and end and _comparable(end) < _comparable(start):
            raise Invalid(
                _(
                    "error_session_end_before_start",
                    default="The session cannot end before it starts.",
                )
            )


def _comparable(moment):
    """Naive datetimes as UTC, so aware and naive values compare."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment
