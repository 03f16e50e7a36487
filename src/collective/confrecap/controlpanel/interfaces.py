"""The settings of the "Conference coverage" control panel.

They live in the registry under this interface's dotted name (records
installed by ``profiles/default/registry/controlpanel.xml``).
"""

from collective.confrecap import _
from zope import schema
from zope.interface import Interface


class IConfrecapSettings(Interface):
    """Site-wide settings of collective.confrecap."""

    recaps_per_page = schema.Int(
        title=_("label_recaps_per_page", default="Recaps per page"),
        description=_(
            "help_recaps_per_page",
            default="How many talk recaps a conference shows per page in the "
            "views by track, by day and as one article. Further recaps follow "
            "on the next pages.",
        ),
        default=100,
        min=10,
        max=1000,
        required=True,
    )

    index_page_size = schema.Int(
        title=_("label_index_page_size", default="Index entries per page"),
        description=_(
            "help_index_page_size",
            default="How many entries the speakers index and the resources "
            "index show per page.",
        ),
        default=50,
        min=10,
        max=500,
        required=True,
    )

    structured_data = schema.Bool(
        title=_("label_structured_data", default="Structured data for search engines"),
        description=_(
            "help_structured_data",
            default="Add schema.org data (JSON-LD) describing conferences, "
            "talks and resources to the pages, so search engines can show "
            "them as events.",
        ),
        default=True,
        required=False,
    )

    max_sections = schema.Int(
        title=_("label_max_sections", default="Most sections in an imported write-up"),
        description=_(
            "help_max_sections",
            default="A Markdown write-up with more sections (headings) than "
            "this is refused by the import, so that one upload cannot keep the "
            "server busy.",
        ),
        default=2000,
        min=10,
        max=100000,
        required=True,
    )
