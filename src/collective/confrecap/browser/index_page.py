"""The base of the site-wide A–Z pages (``@@confrecap-speakers``,
``@@confrecap-resources``): page size, letters, structured data.

Both are served from catalog indexes of collation keys
(:mod:`collective.confrecap.coverage.keyed`) restricted to what the current
user may view (no object is woken), and show ``b_size`` entries per page
(the control panel's "Index entries per page")."""

from collective.confrecap.browser.cards import StructuredDataMixin
from collective.confrecap.controlpanel import settings
from collective.confrecap.formats.collation import letter_of  # noqa: F401
from plone.memoize.instance import memoize
from Products.Five import BrowserView


class IndexBase(StructuredDataMixin, BrowserView):
    @property
    @memoize
    def b_size(self):
        """Entries per page (the control panel's "Index entries per page"),
        read once per view: the page template asks for it for every letter."""
        return settings.index_page_size()


def letter_anchor(letter):
    return "other" if letter == "#" else letter
