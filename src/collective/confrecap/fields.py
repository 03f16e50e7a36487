"""Schema fields with the rules conference coverage needs."""

from collective.confrecap import _
from collective.confrecap.conference_lookup import find_conference
from collective.confrecap.errors import RecapValidationError
from collective.confrecap.urls import is_http_url
from collective.z3cform.datagridfield.interfaces import IRow
from collective.z3cform.datagridfield.row import DictRow
from zope import schema
from zope.interface import implementer
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import IDate
from zope.schema.interfaces import IList
from zope.schema.interfaces import IURI
from zope.schema.interfaces import ValidationError


def not_a_web_address(field, value):
    """The error for a link that is not an absolute http(s) URL."""
    return RecapValidationError(
        _(
            "error_http_url",
            default="“${value}” is not a web address. Use a full link "
            "starting with http:// or https://.",
            mapping={"value": value},
        ),
        value,
    ).with_field_and_value(field, value)


class IHttpURL(IURI):
    """A URI restricted to http and https."""


@implementer(IHttpURL)
class HttpURL(schema.URI):
    """A link a reader can follow: absolute http(s) only.

    ``javascript:`` and ``data:`` URIs, relative paths and text with spaces
    are refused with a message that says so.
    """

    def fromUnicode(self, value):
        return super().fromUnicode(value.strip())

    def _validate(self, value):
        if not is_http_url(value):
            raise not_a_web_address(self, value)
        super()._validate(value)


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


class IRecapRow(IRow):
    """A row of a speakers or resources table."""


@implementer(IRecapRow)
class RecapRow(DictRow):
    """A table row; its own marker lets the REST deserializer explain bad rows."""


class IRowList(IList):
    """A list of table rows (speakers, resources)."""


@implementer(IRowList)
class RowList(schema.List):
    """A list of ``RecapRow`` rows whose errors name the row and the column.

    ``row_label`` is what one row is called ("Speaker", "Resource"), so a
    message reads "Speaker 2: Name is required." rather than zope.schema's
    "Wrong contained type".
    """

    def __init__(self, row_label, **kw):
        self.row_label = row_label
        kw.setdefault("required", False)
        kw.setdefault("default", [])
        kw.setdefault("missing_value", [])
        super().__init__(**kw)

    def row_error(self, number, message, value=None):
        """A validation error about row ``number`` (counted from 1)."""
        return RecapValidationError(
            _(
                "error_row",
                default="${label} ${number}: ${message}",
                mapping={"label": self.row_label, "number": number, "message": message},
            ),
            value,
        ).with_field_and_value(self, value)

    def _validate(self, value):
        if self.value_type is None:  # the default, checked while constructing
            return super()._validate(value)
        columns = schema.getFieldsInOrder(self.value_type.schema)
        names = [name for name, _column in columns]
        for number, row in enumerate(value, start=1):
            if not isinstance(row, dict):
                raise self.row_error(
                    number,
                    _(
                        "error_row_expected_object",
                        default="expected an object with the keys ${keys}.",
                        mapping={"keys": ", ".join(names)},
                    ),
                    value,
                )
            unknown = sorted(str(key) for key in set(row) - set(names))
            if unknown:
                raise self.row_error(
                    number,
                    _(
                        "error_row_unknown_keys",
                        default="unknown key ${unknown}; allowed are ${keys}.",
                        mapping={
                            "unknown": ", ".join(unknown),
                            "keys": ", ".join(names),
                        },
                    ),
                    value,
                )
            for name, column in columns:
                cell = row.get(name)
                empty = cell is None or (isinstance(cell, str) and not cell.strip())
                if empty:
                    if column.required:
                        raise self.row_error(
                            number,
                            _(
                                "error_row_column_missing",
                                default="${column} is required.",
                                mapping={"column": column.title},
                            ),
                            value,
                        )
                    continue
                column = column.bind(self.context)
                if IChoice.providedBy(column) and cell not in column.vocabulary:
                    raise self.row_error(
                        number,
                        _(
                            "error_row_choice",
                            default="${column}: “${value}” is not one of ${choices}.",
                            mapping={
                                "column": column.title,
                                "value": cell,
                                "choices": ", ".join(
                                    term.token for term in column.vocabulary
                                ),
                            },
                        ),
                        value,
                    )
                try:
                    column.validate(cell)
                except ValidationError as error:
                    raise self.row_error(
                        number,
                        _(
                            "error_row_cell",
                            default="${column}: ${message}",
                            mapping={"column": column.title, "message": error.doc()},
                        ),
                        value,
                    ) from error
        # The rows are valid; let zope.schema check the list itself (and the
        # row field, which wants every column present: an omitted optional
        # column is simply empty).
        super()._validate(
            [
                {
                    name: None if row.get(name) in (None, "") else row[name]
                    for name in names
                }
                for row in value
            ]
        )


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
