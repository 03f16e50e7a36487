"""Pure helpers for the links authors paste (no Plone import here)."""

from urllib.parse import urlsplit


ALLOWED_SCHEMES = ("http", "https")


def is_http_url(value):
    """True for an absolute http(s) URL with a host and no whitespace.

    ``javascript:``, ``data:``, ``mailto:``, relative paths and anything with
    spaces are refused: a link we store is a link a reader can safely follow.
    """
    if not isinstance(value, str) or not value or value != value.strip():
        return False
    if any(ch.isspace() for ch in value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme.lower() in ALLOWED_SCHEMES and bool(parts.hostname)
