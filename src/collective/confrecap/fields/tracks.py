"""``TrackChoice``: a recap's track, whose error names the conference's tracks.

zope.schema's Choice says "Constraint not satisfied" for a value outside its
vocabulary; an author (or a REST client) needs to know which tracks there
are: "“Foo” is not one of this conference's tracks: App Dev, Cloud, Culture."
"""

from collective.confrecap import _
from collective.confrecap.fields.errors import RecapValidationError
from zope import schema
from zope.schema.interfaces import ConstraintNotSatisfied


class UnknownTrack(RecapValidationError, ConstraintNotSatisfied):
    """Not one of the tracks (still a ConstraintNotSatisfied to callers)."""


class TrackChoice(schema.Choice):
    """A Choice from the enclosing conference's tracks."""

    def _validate(self, value):
        try:
            super()._validate(value)
        except ConstraintNotSatisfied as error:
            vocabulary = self._resolve_vocabulary(value)
            names = [term.title or term.value for term in vocabulary]
            if names:
                message = _(
                    "error_track_unknown",
                    default="“${value}” is not one of this conference's tracks: "
                    "${tracks}.",
                    mapping={"value": value, "tracks": ", ".join(names)},
                )
            else:
                message = _(
                    "error_track_no_tracks",
                    default="“${value}” is not a track: this item's conference "
                    "lists no tracks.",
                    mapping={"value": value},
                )
            raise UnknownTrack(message, value).with_field_and_value(
                self, value
            ) from error
