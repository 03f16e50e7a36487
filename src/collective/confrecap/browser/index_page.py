"""The base of the site-wide A–Z pages (``@@confrecap-speakers``,
``@@confrecap-resources``): page size, letters, structured data.

Both are built from catalog metadata of everything below the context that
the current user may view (no object is woken), and show ``b_size`` entries
per page (the control panel's "Index entries per page")."""

from collective.confrecap.browser.cards import StructuredDataMixin
from collective.confrecap.controlpanel import settings
from Products.Five import BrowserView

import unicodedata


def letter_of(name):
    """The index letter of a name: its first letter without accents, or #."""
    first = unicodedata.normalize("NFKD", (name or "").strip()[:1])[:1].upper()
    return first if first.isalpha() else "#"


class IndexBase(StructuredDataMixin, BrowserView):
    @property
    def b_size(self):
        """Entries per page (the control panel's "Index entries per page")."""
        return settings.index_page_size()


def letter_anchor(letter):
    return "other" if letter == "#" else letter
