"""``HttpURL``: a URI field that accepts only http(s) links."""

from collective.confrecap import _
from collective.confrecap.fields.errors import RecapValidationError
from collective.confrecap.formats.urls import is_http_url
from zope import schema
from zope.interface import implementer
from zope.schema.interfaces import IURI


def not_a_web_address(field, value):
    """The error for a link that is not an absolute http(s) URL."""
    return RecapValidationError(
        _(
            "error_http_url",
            default="“${value}” is not a web address. Use a full link "
            "starting with http:// or https://.",
            mapping={"value": value},
        ),
        value,
    ).with_field_and_value(field, value)


class IHttpURL(IURI):
    """A URI restricted to http and https."""


@implementer(IHttpURL)
class HttpURL(schema.URI):
    """A link a reader can follow: absolute http(s) only.

    ``javascript:`` and ``data:`` URIs, relative paths and text with spaces
    are refused with a message that says so.
    """

    def fromUnicode(self, value):
        # zope.schema's URI refuses non-ASCII text with a TypeError (a 500
        # in the REST API). An international link (``https://bücher.example/``)
        # is a web address: it is kept as typed (an IRI, as a browser shows
        # it), the same whether it comes from a form, REST or an import.
        value = value.strip()
        self.validate(value)
        return value

    def fromBytes(self, value):
        return self.fromUnicode(value.decode("utf-8"))

    def _validate(self, value):
        if not is_http_url(value):
            raise not_a_web_address(self, value)
        super()._validate(value)
