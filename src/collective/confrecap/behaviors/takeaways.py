"""``collective.confrecap.takeaways``: the points and quotes worth keeping."""

from collective.confrecap import _
from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from zope import schema
from zope.interface import provider


# Edited as a one-column row table, like speakers and resources; stored as a
# plain list of strings (browser/widgets.py).
TEXT_ROWS = "collective.confrecap.browser.widgets.TextRowsFieldWidget"


@provider(IFormFieldProvider)
class ITakeaways(model.Schema):
    """What an author took away from a talk."""

    directives.widget(takeaways=TEXT_ROWS)
    takeaways = schema.List(
        title=_("label_takeaways", default="Takeaways"),
        description=_("help_takeaways", default="One point each."),
        value_type=schema.Text(title=_("label_takeaway", default="Takeaway")),
        required=False,
        default=[],
        missing_value=[],
    )

    directives.widget(quotes=TEXT_ROWS)
    quotes = schema.List(
        title=_("label_quotes", default="Quotes"),
        description=_("help_quotes", default="Memorable quotes, one each."),
        value_type=schema.Text(title=_("label_quote", default="Quote")),
        required=False,
        default=[],
        missing_value=[],
    )
