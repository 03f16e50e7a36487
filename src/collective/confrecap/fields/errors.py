"""Validation errors that tell a person what is wrong, in forms and REST."""

from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.i18nmessageid import Message
from zope.schema.interfaces import ValidationError


def _resolve_nested(message):
    """Translate the messages inside ``message``'s mapping now.

    A message such as "${label} ${number}: ${message}" carries other
    messages in its mapping; without a catalog for our domain zope.i18n
    would interpolate their message ids ("label_speaker 1: error_row_…")
    instead of their text.
    """
    mapping = getattr(message, "mapping", None)
    if not isinstance(message, Message) or not mapping:
        return message
    if not any(isinstance(value, Message) for value in mapping.values()):
        return message
    request = getRequest()
    return Message(
        message,
        mapping={
            key: translate(_resolve_nested(value), context=request)
            if isinstance(value, Message)
            else value
            for key, value in mapping.items()
        },
    )


class RecapValidationError(ValidationError):
    """A validation error carrying its own translatable message.

    z3c.form and plone.restapi both show ``error.doc()``; zope.schema's
    errors return their class docstring there, which cannot name the row or
    the value at fault. This one returns the message it was raised with.
    """

    def __init__(self, message, value=None):
        super().__init__(value)
        self.message = _resolve_nested(message)

    def doc(self):
        return self.message

    def __str__(self):
        return translate(self.message)
