"""``collective.confrecap.resources``: links worth keeping, with their kind."""

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


class IResourceRow(Interface):
    """One resource: a titled link, what it is and why it matters."""

    title = schema.TextLine(title=_("label_resource_title", default="Title"))

    url = HttpURL(title=_("label_resource_url", default="Link"))

    description = schema.TextLine(
        title=_("label_resource_description", default="Description"),
        required=False,
    )

    kind = schema.Choice(
        title=_("label_resource_kind", default="Kind"),
        vocabulary="collective.confrecap.ResourceKinds",
        default="other",
        required=False,
    )


@provider(IFormFieldProvider)
class IResources(model.Schema):
    """Resources cited in a talk or collected in a list, as a table of rows."""

    # A row table whose blank rows are ignored (browser/widgets.py).
    directives.widget(resources=ROW_TABLE)
    resources = RowList(
        row_label=_("label_resource", default="Resource"),
        title=_("label_resources", default="Resources"),
        description=_(
            "help_resources",
            default="One row per link: title, address, a short description and "
            "its kind.",
        ),
        value_type=RecapRow(
            title=_("label_resource", default="Resource"), schema=IResourceRow
        ),
    )
