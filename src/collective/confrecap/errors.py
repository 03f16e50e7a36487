"""Validation errors that tell a person what is wrong, in forms and REST."""

from zope.schema.interfaces import ValidationError


class RecapValidationError(ValidationError):
    """A validation error carrying its own translatable message.

    z3c.form and plone.restapi both show ``error.doc()``; zope.schema's
    errors return their class docstring there, which cannot name the row or
    the value at fault. This one returns the message it was raised with.
    """

    def __init__(self, message, value=None):
        super().__init__(value)
        self.message = message

    def doc(self):
        return self.message

    def __str__(self):
        return str(self.message)
