"""The one error shape of the add-on's REST endpoints: plone.restapi's.

Every endpoint answers a request it cannot serve with a 4xx status and::

    {"error": {"type": "BadRequest",
               "message": "kind: “podcast” is not one of tool, library, …",
               "field": "kind",
               "errors": [{"field": "kind", "message": "“podcast” is not …"}]}}

``type`` and ``message`` always; extra keys (``field`` and ``errors`` for a
query parameter, ``line`` for a document being imported) inside ``error``.
An endpoint raises :class:`ServiceError` (or a subclass) from ``reply()``
and derives from :class:`Service`, or catches it and returns
:func:`error_reply`.
"""

from plone.restapi.services import Service as RestapiService

import json
import transaction


class ServiceError(Exception):
    """A request the endpoint refuses: ``status``, ``type``, ``message`` and
    extra keys for the client (``None`` values are left out)."""

    status = 400
    type = "BadRequest"

    def __init__(self, message, status=None, kind=None, **details):
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status
        if kind is not None:
            self.type = kind
        self.details = {
            key: value for key, value in details.items() if value is not None
        }

    def body(self):
        return {"error": {"type": self.type, "message": self.message, **self.details}}


class InvalidParameter(ServiceError):
    """A query string parameter a client got wrong."""

    def __init__(self, field, message):
        super().__init__(
            f"{field}: {message}",
            field=field,
            errors=[{"field": field, "message": message}],
        )
        self.field = field


class Conflict(ServiceError):
    status = 409
    type = "Conflict"


def error_reply(request, error):
    """Set the response status of ``error`` and return its body; the
    transaction is doomed, so a refused request writes nothing."""
    transaction.doom()
    request.response.setStatus(error.status)
    return error.body()


class Service(RestapiService):
    """plone.restapi's ``Service``; a :class:`ServiceError` raised by
    ``reply()`` becomes the error response."""

    def render(self):
        try:
            return super().render()
        except ServiceError as error:
            body = error_reply(self.request, error)
            self.request.response.setHeader("Content-Type", self.content_type)
            return json.dumps(body, indent=2, sort_keys=True, separators=(", ", ": "))
