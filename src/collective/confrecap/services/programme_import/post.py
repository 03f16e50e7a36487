"""``POST <folder-or-conference>/@programme-import``: a programme in, sessions out.

The body is the programme file itself: a pretalx/frab ``schedule.json`` or a
pyvideo bundle (``application/json``), a frab/pretalx or Pentabarf
``schedule.xml`` (``application/xml`` or ``text/xml``); the format is told
from the content. Options ``dry_run``, ``publish`` and ``publish_sessions``
(publish the sessions it creates) come as query
parameters or, in a JSON body, as top-level keys. Answers ``201`` with the
conference's URL and the counts ``{"created", "updated", "unchanged",
"removed"}`` (``200`` for a dry run), or ``400`` with a sentence saying what
is wrong; a failed import changes nothing.
"""

from collective.confrecap.formats.errors import RecapImportError
from collective.confrecap.formats.programme.model import MAX_PROGRAMME_BYTES
from collective.confrecap.importer.programme import import_programme
from collective.confrecap.services.errors import error_reply
from collective.confrecap.services.errors import ServiceError
from collective.confrecap.services.recap_import.post import _flag
from collective.confrecap.services.recap_import.post import BadInput
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides

import json


JSON_TYPES = ("application/json",)
XML_TYPES = ("application/xml", "text/xml")
OPTIONS = ("dry_run", "publish", "publish_sessions")


def _body(request):
    body_file = request.get("BODYFILE")
    if body_file is not None:
        body_file.seek(0)
        body = body_file.read(MAX_PROGRAMME_BYTES + 1)
    else:
        body = request.get("BODY") or b""
    if isinstance(body, str):
        body = body.encode("utf-8")
    if len(body) > MAX_PROGRAMME_BYTES:
        raise BadInput(
            f"The programme is too large; the limit is {MAX_PROGRAMME_BYTES:,} "
            "bytes (10 MB)."
        )
    if not body.strip():
        raise BadInput(
            "The request has no body: send the programme file (pretalx/frab "
            "schedule.json or schedule.xml, Pentabarf XML, or a pyvideo bundle)."
        )
    return body


def read_request(request):
    """(programme bytes, options) of a request; raises BadInput."""
    content_type = (request.getHeader("Content-Type") or "").split(";")[0]
    content_type = content_type.strip().lower()
    if content_type not in JSON_TYPES + XML_TYPES:
        raise BadInput(
            "Send the programme as application/json (pretalx/frab schedule.json, "
            "pyvideo bundle) or application/xml / text/xml (frab, pretalx or "
            f"Pentabarf schedule.xml), not “{content_type or 'no content type'}”."
        )
    body = _body(request)
    options = {name: request.form.get(name) for name in OPTIONS}
    if content_type in JSON_TYPES and any(f'"{n}"'.encode() in body for n in OPTIONS):
        try:
            document = json.loads(body)
        except (ValueError, UnicodeDecodeError, RecursionError):
            document = None  # the reader says what is wrong with it
        if isinstance(document, dict) and any(n in document for n in OPTIONS):
            for name in OPTIONS:
                if name in document:
                    options[name] = document.pop(name)
            body = json.dumps(document).encode("utf-8")
    return body, {name: _flag(value, name) for name, value in options.items()}


class ProgrammeImportPost(Service):
    """Import (or sync) a conference programme."""

    def reply(self):
        # A REST client authenticates with a token or basic auth and sends no
        # CSRF token (as plone.restapi's own write services).
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            body, options = read_request(self.request)
            outcome = import_programme(self.context, body, **options)
        except BadInput as error:
            return error_reply(self.request, error)
        except RecapImportError as error:
            return error_reply(self.request, ServiceError(str(error)))
        summary = outcome.summary()
        if outcome.dry_run:
            return summary
        url = outcome.conference.absolute_url()
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", url)
        return {"@id": url, "title": outcome.conference.Title(), **summary}
