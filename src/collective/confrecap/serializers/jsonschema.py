"""JSON schema of speakers/resources rows for Volto's ``object_list`` widget.

plone.restapi describes a ``RowList`` as ``{"type": "array", "items":
{"type": "object", "properties": ...}}``, which Volto cannot edit. Volto's
standard widget for a list of objects is ``object_list``, which reads the
row schema from ``schema`` (``fieldsets``, ``properties``, ``required``).
The generic ``items`` stay for other JSON schema clients.
"""

from collective.confrecap.fields.rows import IRowList
from collective.confrecap.interfaces import ICollectiveConfrecapLayer
from plone.restapi.types.adapters import ListJsonSchemaProvider
from plone.restapi.types.interfaces import IJsonSchemaProvider
from zope.component import adapter
from zope.interface import implementer
from zope.interface import Interface
from zope.schema import getFieldsInOrder


@adapter(IRowList, Interface, ICollectiveConfrecapLayer)
@implementer(IJsonSchemaProvider)
class RowListJsonSchemaProvider(ListJsonSchemaProvider):
    def additional(self):
        info = super().additional()
        items = info["items"]
        columns = getFieldsInOrder(self.field.value_type.schema)
        info["widget"] = "object_list"
        info["schema"] = {
            "title": items.get("title"),
            "fieldsets": [
                {
                    "id": "default",
                    "title": "Default",
                    "fields": [name for name, _column in columns],
                }
            ],
            "properties": items.get("properties", {}),
            "required": [name for name, column in columns if column.required],
        }
        return info
