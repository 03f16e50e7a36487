"""``SessionDate``: a date that must fall within the enclosing conference's dates."""

from collective.confrecap import _
from collective.confrecap.content.lookup import find_conference
from collective.confrecap.fields.errors import RecapValidationError
from zope import schema
from zope.interface import implementer
from zope.schema.interfaces import IDate


class ISessionDate(IDate):
    """A date that must fall within the enclosing conference."""


@implementer(ISessionDate)
class SessionDate(schema.Date):
    """The day of a talk: bound to a context inside a Conference, it must lie
    between the conference's first and last day."""

    def _validate(self, value):
        super()._validate(value)
        conference = find_conference(self.context)
        if conference is None or getattr(conference, "start", None) is None:
            return
        first = conference.start.date()
        last = conference.end.date() if conference.end else first
        if getattr(conference, "open_end", False):
            last = None
        if value < first or (last is not None and value > last):
            if last is None:
                message = _(
                    "error_session_date_before",
                    default="${date} is before the conference starts on ${first}.",
                    mapping={"date": value.isoformat(), "first": first.isoformat()},
                )
            else:
                message = _(
                    "error_session_date_outside",
                    default="${date} is outside the conference dates "
                    "(${first} to ${last}).",
                    mapping={
                        "date": value.isoformat(),
                        "first": first.isoformat(),
                        "last": last.isoformat(),
                    },
                )
            raise RecapValidationError(message, value).with_field_and_value(self, value)
