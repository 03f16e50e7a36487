"""``RowList``: the speaker and resource tables, validated row by row."""

from collective.confrecap import _
from collective.confrecap.fields.errors import RecapValidationError
from collective.z3cform.datagridfield.interfaces import IRow
from collective.z3cform.datagridfield.row import DictRow
from zope import schema
from zope.interface import implementer
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import IList
from zope.schema.interfaces import ValidationError


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
