"""The one error shape of the REST endpoints (services/errors.py)."""

from collective.confrecap.services.errors import Conflict
from collective.confrecap.services.errors import error_reply
from collective.confrecap.services.errors import InvalidParameter
from collective.confrecap.services.errors import Service
from plone import api

import json
import transaction


class Refusing(Service):
    def reply(self):
        raise Conflict("“PWC” already exists.", line=3, field=None)


class Answering(Service):
    def reply(self):
        return {"ok": True}


def _service(factory, context):
    # as plone.rest's traverser makes them
    service = factory()
    service.context = context
    service.request = context.REQUEST
    return service


def test_invalid_parameter_body(portal):
    request = portal.REQUEST
    body = error_reply(request, InvalidParameter("kind", "“x” is unknown."))
    assert request.response.getStatus() == 400
    assert body == {
        "error": {
            "type": "BadRequest",
            "message": "kind: “x” is unknown.",
            "field": "kind",
            "errors": [{"field": "kind", "message": "“x” is unknown."}],
        }
    }
    assert transaction.get().isDoomed()


def test_service_renders_a_raised_error(portal):
    request = portal.REQUEST
    with api.env.adopt_roles(["Manager"]):
        text = _service(Refusing, portal).render()
    assert request.response.getStatus() == 409
    assert request.response.getHeader("Content-Type").startswith("application/json")
    # None values are left out; the line stays inside "error"
    assert json.loads(text) == {
        "error": {"type": "Conflict", "message": "“PWC” already exists.", "line": 3}
    }
    # nothing the refused request did is committed
    assert transaction.get().isDoomed()


def test_service_answers_normally(portal):
    request = portal.REQUEST
    with api.env.adopt_roles(["Manager"]):
        text = _service(Answering, portal).render()
    assert json.loads(text) == {"ok": True}
    assert request.response.getStatus() == 200
    assert not transaction.get().isDoomed()
