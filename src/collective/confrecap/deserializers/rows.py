"""Speakers and resources as plain JSON lists of objects.

collective.z3cform.datagridfield's row deserializer assumes every row is a
dict and names no row in its errors; a headless client sending a string, an
unknown key or a ``javascript:`` link gets a 500 or "Wrong contained type".
This one answers with the row, the column and the problem.
"""

from collective.confrecap import _
from collective.confrecap.fields.errors import RecapValidationError
from collective.confrecap.fields.rows import IRowList
from collective.confrecap.interfaces import ICollectiveConfrecapLayer
from plone.dexterity.interfaces import IDexterityContent
from plone.restapi.deserializer.dxfields import DefaultFieldDeserializer
from plone.restapi.interfaces import IFieldDeserializer
from zope.component import adapter
from zope.interface import implementer
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IChoice


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
        rows = [self.normalize(row) for row in value]
        # RowList validates each row and names the row and column at fault.
        self.field.validate(rows)
        return rows

    def normalize(self, row):
        """JSON to a row: every column present, strings stripped (empty ones
        become None), ``{"token": ...}`` choices unwrapped. Anything else,
        unknown keys and rows that are not objects included, is left for the
        field's validation to report."""
        if not isinstance(row, dict):
            return row
        columns = dict(getFieldsInOrder(self.field.value_type.schema))
        normalized = dict.fromkeys(columns)
        for key, cell in row.items():
            if IChoice.providedBy(columns.get(key)) and isinstance(cell, dict):
                cell = cell.get("token")
            if isinstance(cell, str):
                cell = cell.strip() or None
            normalized[key] = cell
        return normalized
