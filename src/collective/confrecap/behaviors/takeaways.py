"""``collective.confrecap.takeaways``: the points and quotes worth keeping."""

from collective.confrecap import _
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from zope import schema
from zope.interface import provider


@provider(IFormFieldProvider)
class ITakeaways(model.Schema):
    """What an author took away from a talk."""

    takeaways = schema.List(
        title=_("label_takeaways", default="Takeaways"),
        description=_("help_takeaways", default="One point each."),
        value_type=schema.Text(title=_("label_takeaway", default="Takeaway")),
        required=False,
        default=[],
        missing_value=[],
    )

    quotes = schema.List(
        title=_("label_quotes", default="Quotes"),
        description=_("help_quotes", default="Memorable quotes, one each."),
        value_type=schema.Text(title=_("label_quote", default="Quote")),
        required=False,
        default=[],
        missing_value=[],
    )
