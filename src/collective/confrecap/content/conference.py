"""The Conference: an event that holds the coverage written about it."""

from BTrees.OOBTree import OOBTree
from collective.confrecap import _
from collective.confrecap.content.base import BaseContainer
from collective.confrecap.content.ordering import ORDERING
from collective.confrecap.content.ordering import positions
from collective.confrecap.fields.errors import RecapValidationError
from OFS.event import ObjectWillBeAddedEvent
from plone.supermodel import model
from zope import schema
from zope.event import notify
from zope.interface import implementer
from zope.lifecycleevent import ObjectAddedEvent


def check_tracks(value):
    """Track names are non-empty and each is listed once."""
    seen = set()
    for name in value:
        if not name or not name.strip():
            raise RecapValidationError(
                _("error_track_empty", default="A track name cannot be empty."),
                value,
            )
        key = name.strip().casefold()
        if key in seen:
            raise RecapValidationError(
                _(
                    "error_track_duplicate",
                    default="The track “${name}” is listed twice.",
                    mapping={"name": name.strip()},
                ),
                value,
            )
        seen.add(key)
    return True


class IConference(model.Schema):
    """A conference edition an author attended and wrote about.

    Dates, location and website come from plone.app.event's behaviors, so a
    Conference is an event for listings, calendars and iCal.
    """

    conference_format = schema.Choice(
        title=_("label_conference_format", default="Format"),
        description=_(
            "help_conference_format",
            default="Whether people met in person, online, or both.",
        ),
        vocabulary="collective.confrecap.ConferenceFormats",
        required=False,
    )

    organizer = schema.TextLine(
        title=_("label_organizer", default="Organizer"),
        description=_(
            "help_organizer", default="Who ran the conference, e.g. Six Feet Up."
        ),
        required=False,
    )

    tracks = schema.List(
        title=_("label_tracks", default="Tracks"),
        description=_(
            "help_tracks",
            default="The tracks of this edition, one per line, in the order "
            "they should be listed (e.g. App Dev, Cloud, Culture).",
        ),
        # Not required: an empty name reaches ``check_tracks``, which says so.
        value_type=schema.TextLine(
            title=_("label_track_name", default="Track"), required=False
        ),
        required=False,
        default=[],
        missing_value=[],
        constraint=check_tracks,
    )

    coverage_note = schema.Text(
        title=_("label_coverage_note", default="Coverage note"),
        description=_(
            "help_coverage_note",
            default="Who covered this conference and why, e.g. a sponsorship.",
        ),
        required=False,
    )


@implementer(IConference)
class Conference(BaseContainer):
    """A folderish conference holding talk recaps and resource lists.

    Several authors add recaps to one conference at the same time (live
    coverage by a team), so adding an item must not write the conference
    object itself, which every one of them would then conflict on:

    - its items are kept in creation order without plone.folder's order
      list (:mod:`collective.confrecap.content.ordering`);
    - the annotation storage (content rules look there on every add) and
      the positions exist from the start;
    - adding an item does not fire ``ContainerModifiedEvent``, whose
      handler re-indexes the whole conference and bumps its modification
      date: nothing of the conference changed (its catalog data does not
      depend on its items). Removing, renaming and ordering still fire it.
    """

    _ordering = ORDERING

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        positions(self, create=True)
        self.__annotations__ = OOBTree()

    def _setObject(
        self, id, object, roles=None, user=None, set_owner=1, suppress_events=False
    ):
        """BTreeFolder2's ``_setObject`` without ``notifyContainerModified``."""
        if suppress_events:
            return super()._setObject(
                id, object, roles, user, set_owner, suppress_events=True
            )
        checked = self._checkId(id)
        if checked is not None:
            id = checked
        if id in self:
            self._delObject(id)
        notify(ObjectWillBeAddedEvent(object, self, id))
        super()._setObject(id, object, roles, user, set_owner, suppress_events=True)
        notify(ObjectAddedEvent(self._getOb(id), self, id))
        return id
