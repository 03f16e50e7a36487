"""Clear 400s for core fields on coverage content.

plone.restapi answers 500 when a field's constraint raises a bare
``zope.interface.Invalid`` (plone.app.event's ``event_url`` does, for a
``javascript:`` link) or when a list is sent for a single choice. On our
content these become field errors a client can show.
"""

from collective.confrecap import _
from collective.confrecap.fields.errors import RecapValidationError
from collective.confrecap.fields.urls import not_a_web_address
from collective.confrecap.formats.urls import is_http_url
from plone.restapi.deserializer.dxfields import ChoiceFieldDeserializer
from plone.restapi.deserializer.dxfields import DefaultFieldDeserializer
from plone.restapi.interfaces import IFieldDeserializer
from zope.interface import implementer
from zope.interface import Invalid
from zope.schema.interfaces import ValidationError


@implementer(IFieldDeserializer)
class WebAddressDeserializer(DefaultFieldDeserializer):
    """A URI field of a Conference (its website) takes http(s) links only."""

    def __call__(self, value):
        if isinstance(value, str) and value.strip():
            value = value.strip()
            if not is_http_url(value):
                raise not_a_web_address(self.field, value)
        try:
            return super().__call__(value)
        except ValidationError:
            raise
        except Invalid as error:
            raise RecapValidationError(str(error), value) from error


@implementer(IFieldDeserializer)
class SingleChoiceDeserializer(ChoiceFieldDeserializer):
    """A single choice takes one value (or ``{"token": ...}``), not a list."""

    def __call__(self, value):
        if isinstance(value, (list, tuple)) or (
            isinstance(value, dict) and "token" not in value
        ):
            raise RecapValidationError(
                _(
                    "error_single_choice",
                    default="${field} takes one value, not a list or an object.",
                    mapping={"field": self.field.title},
                ),
                value,
            ).with_field_and_value(self.field, value)
        return super().__call__(value)
