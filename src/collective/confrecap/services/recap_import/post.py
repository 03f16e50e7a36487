"""``POST <folder>/@recap-import``: Markdown in, a Conference tree out.

The body is the Markdown itself (``Content-Type: text/markdown``) or JSON
``{"markdown": "...", "dry_run": false, "publish": false, "replace": false}``
(or ``{"plan": {...}}``: the plan a dry run returned, as the author edited
it, validated strictly);
with ``text/markdown`` the options may be given in the query string.
Errors answer ``400`` (``409`` when the conference exists, ``413`` for a
document over the section limit or the time budget) in plone.restapi's
shape, with the line of the document at fault (wrong content type
included), and create nothing.
"""

from collective.confrecap.formats.errors import RecapImportError
from collective.confrecap.formats.markdown.parser import MAX_SIZE
from collective.confrecap.importer.create import ConferenceExistsError
from collective.confrecap.importer.markdown import import_markdown
from collective.confrecap.services.common import body_media_type
from collective.confrecap.services.common import form_value
from collective.confrecap.services.common import InvalidParameter
from collective.confrecap.services.common import UnsupportedBody
from collective.confrecap.services.errors import error_reply
from collective.confrecap.services.errors import ServiceError
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides

import json


# Only media types a cross-site HTML form cannot send (no text/plain, no
# form encodings): see services.common.body_media_type.
MARKDOWN_TYPES = ("text/markdown", "text/x-markdown")
BODY_TYPES = ("application/json", *MARKDOWN_TYPES)
OPTIONS = ("dry_run", "publish", "replace")


class BadInput(ServiceError):
    def __init__(self, message, line=None, status=400, kind="BadRequest"):
        super().__init__(message, status=status, kind=kind, line=line)


def _flag(value, name):
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("", "0", "false", "no", "off"):
        return False
    raise BadInput(f"“{name}” must be true or false, not “{value}”.")


def _body(request):
    body = request.get("BODY")
    if body is None:
        body_file = request.get("BODYFILE")
        if body_file is not None:
            body_file.seek(0)
            body = body_file.read(MAX_SIZE * 4 + 1)
    return body or b""


def read_request(request):
    """(Markdown text or bytes, options) of an import request; raises BadInput."""
    try:
        content_type = body_media_type(request, BODY_TYPES)
    except UnsupportedBody as error:
        raise BadInput(
            "Send the Markdown as text/markdown or as JSON "
            f'{{"markdown": "..."}} (application/json), not '
            f"“{error.media_type or 'no content type'}”."
        ) from error
    body = _body(request)
    if content_type == "application/json":
        try:
            data = json.loads(body)
        except (ValueError, UnicodeDecodeError) as error:
            raise BadInput(f"The request body is not valid JSON: {error}.") from error
        if not isinstance(data, dict):
            raise BadInput('Send a JSON object: {"markdown": "..."}.')
        if "markdown" in data and "plan" in data:
            raise BadInput('Send either "markdown" or an edited "plan", not both.')
        if "markdown" not in data and "plan" not in data:
            raise BadInput(
                'The JSON body has no "markdown" key: send {"markdown": "..."} '
                '(or {"plan": {...}}, the plan a dry run returned).'
            )
        unknown = sorted(set(data) - {"markdown", "plan", "filename", *OPTIONS})
        if unknown:
            raise BadInput(
                f"Unknown key(s) {', '.join(unknown)}; allowed are markdown, "
                f"plan, filename, {', '.join(OPTIONS)}."
            )
        options = {name: _flag(data.get(name), name) for name in OPTIONS}
        if "plan" in data:
            if not isinstance(data["plan"], dict):
                raise BadInput('"plan" must be a JSON object: the plan a dry run gave.')
            return data["plan"], options
        markdown = data["markdown"]
        if not isinstance(markdown, str):
            raise BadInput('"markdown" must be a string of Markdown text.')
        filename = data.get("filename")
        if filename is not None and not isinstance(filename, str):
            raise BadInput('"filename" must be a string, e.g. "2016-06-01-post.md".')
        options["filename"] = filename
        return markdown, options
    options = {name: _flag(_option(request, name), name) for name in OPTIONS}
    options["filename"] = _option(request, "filename") or None
    return body, options


def _option(request, name):
    try:
        return form_value(request, name)
    except InvalidParameter as error:
        raise BadInput(f"“{name}”: {error.message}") from error


class RecapImportPost(Service):
    """Create a Conference from a Markdown write-up."""

    def reply(self):
        # Like plone.restapi's own write services: a REST client authenticates
        # with a token or basic auth, not a cookie, and sends no CSRF token.
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            source, options = read_request(self.request)
        except BadInput as error:
            return self._error(error)
        try:
            outcome = import_markdown(self.context, source, **options)
        except ConferenceExistsError as error:
            return self._error(BadInput(error.message, status=409, kind="Conflict"))
        except RecapImportError as error:
            kind = "PayloadTooLarge" if error.status == 413 else "BadRequest"
            return self._error(BadInput(error.message, error.line, error.status, kind))
        if options["dry_run"]:
            return outcome.preview()
        result = outcome.result
        url = result.conference.absolute_url()
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", url)
        return {
            "@id": url,
            "id": result.conference.getId(),
            "title": result.conference.Title(),
            "summary": result.summary(),
        }

    def _error(self, error):
        return error_reply(self.request, error)
