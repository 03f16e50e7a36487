"""Read the control panel's settings, with the defaults as a fallback.

The records can be missing (before the profile is applied, or after an
uninstall while a view is still reachable), and a view must not break then.
"""

from collective.confrecap.controlpanel.interfaces import IConfrecapSettings
from plone import api


PREFIX = IConfrecapSettings.__identifier__


def _record(name):
    default = IConfrecapSettings[name].default
    try:
        value = api.portal.get_registry_record(f"{PREFIX}.{name}", default=default)
    except Exception:  # no site or registry (e.g. outside a request)
        return default
    return default if value is None else value


def recaps_per_page():
    """Recaps per page on conference-view, conference-by-day and recap-article."""
    return _record("recaps_per_page")


def index_page_size():
    """Entries per page on @@confrecap-speakers and @@confrecap-resources."""
    return _record("index_page_size")


def structured_data():
    """Whether the views add their schema.org JSON-LD."""
    return bool(_record("structured_data"))


def max_sections():
    """Most sections (headings) a Markdown write-up may have to be imported."""
    return int(_record("max_sections"))
