"""Speakers and resources as plain JSON lists of objects.

collective.z3cform.datagridfield's row deserializer assumes every row is a
dict and names no row in its errors; a headless client sending a string, an
unknown key or a ``javascript:`` link gets a 500 or "Wrong contained type".
This one answers with the row, the column and the problem.
"""

from collective.confrecap import _
from collective.confrecap.errors import RecapValidationError
from collective.confrecap.fields import IRowList
from collective.confrecap.interfaces import ICollectiveConfrecapLayer
from plone.dexterity.interfaces import IDexterityContent
from plone.restapi.deserializer.dxfields import DefaultFieldDeserializer
from plone.restapi.interfaces import IFieldDeserializer
from zope.component import adapter
from zope.interface import implementer
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import IFromUnicode
from zope.schema.interfaces import ValidationError


@implementer(IFieldDeserializer)
@adapter(IRowList, IDexterityContent, ICollectiveConfrecapLayer)
class RowListDeserializer(DefaultFieldDeserializer):
    """Turn ``[{"name": ..., "url": ...}, ...]`` into validated rows."""

    def __call__(self, value):
        if not isinstance(value, list):
            raise RecapValidationError(
                _(
                    "error_rows_not_list",
                    default="${field}: expected a list of objects.",
                    mapping={"field": self.field.title},
                ),
                value,
            ).with_field_and_value(self.field, value)
        rows = [self.row(number, row) for number, row in enumerate(value, start=1)]
        self.field.validate(rows)
        return rows

    def row(self, number, row):
        columns = getFieldsInOrder(self.field.value_type.schema)
        names = [name for name, _column in columns]
        if not isinstance(row, dict):
            raise self.field.row_error(
                number,
                _(
                    "error_row_expected_object",
                    default="expected an object with the keys ${keys}.",
                    mapping={"keys": ", ".join(names)},
                ),
                row,
            )
        unknown = sorted(set(row) - set(names))
        if unknown:
            raise self.field.row_error(
                number,
                _(
                    "error_row_unknown_keys",
                    default="unknown key ${unknown}; allowed are ${keys}.",
                    mapping={"unknown": ", ".join(unknown), "keys": ", ".join(names)},
                ),
                row,
            )
        return {
            name: self.cell(number, column, row.get(name)) for name, column in columns
        }

    def cell(self, number, column, value):
        if IChoice.providedBy(column) and isinstance(value, dict):
            value = value.get("token")
        if isinstance(value, str):
            value = value.strip()
            if not value:
                return None
        if value is None:
            return None
        column = column.bind(self.context)
        if IChoice.providedBy(column) and value not in column.vocabulary:
            raise self.field.row_error(
                number,
                _(
                    "error_row_choice",
                    default="${column}: “${value}” is not one of ${choices}.",
                    mapping={
                        "column": column.title,
                        "value": value,
                        "choices": ", ".join(t.token for t in column.vocabulary),
                    },
                ),
                value,
            )
        try:
            if isinstance(value, str):
                return IFromUnicode(column).fromUnicode(value)
            column.validate(value)
        except ValidationError as error:
            raise self.field.row_error(
                number,
                _(
                    "error_row_cell",
                    default="${column}: ${message}",
                    mapping={"column": column.title, "message": error.doc()},
                ),
                value,
            ) from error
        return value
