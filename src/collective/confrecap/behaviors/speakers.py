"""``collective.confrecap.speakers``: who gave the talk (a person or a team)."""

from collective.confrecap import _
from collective.confrecap.fields.rows import RecapRow
from collective.confrecap.fields.rows import RowList
from collective.confrecap.fields.urls import HttpURL
from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from zope import schema
from zope.interface import Interface
from zope.interface import provider


ROW_TABLE = "collective.confrecap.browser.widgets.RowTableFieldWidget"


class ISpeakerRow(Interface):
    """One speaker: a person, or a team such as "the Six Feet Up team"."""

    name = schema.TextLine(title=_("label_speaker_name", default="Name"))

    url = HttpURL(
        title=_("label_speaker_url", default="Link"),
        description=_(
            "help_speaker_url", default="Their profile or speaker page (optional)."
        ),
        required=False,
    )

    affiliation = schema.TextLine(
        title=_("label_speaker_affiliation", default="Affiliation"),
        required=False,
    )


@provider(IFormFieldProvider)
class ISpeakers(model.Schema):
    """The speakers of a talk, as a table of rows."""

    # A row table whose blank rows are ignored (browser/widgets.py).
    directives.widget(speakers=ROW_TABLE)
    speakers = RowList(
        row_label=_("label_speaker", default="Speaker"),
        title=_("label_speakers", default="Speakers"),
        description=_(
            "help_speakers",
            default="One row per speaker. A team can be a speaker too.",
        ),
        value_type=RecapRow(
            title=_("label_speaker", default="Speaker"), schema=ISpeakerRow
        ),
    )
