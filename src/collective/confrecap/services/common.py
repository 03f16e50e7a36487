"""Shared helpers of the REST services: parameters, batching, references.

Invalid input raises :class:`~collective.confrecap.services.errors.InvalidParameter`;
the answer is ``400`` in the one error shape of :mod:`.errors`.
"""

from collective.confrecap.services.errors import error_reply
from collective.confrecap.services.errors import InvalidParameter
from plone.restapi.batching import HypermediaBatch
from zope.component import getUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory


# The callers' name for it (InvalidParameter is imported from here too).
reply_error = error_reply


# What a cross-site HTML form (or a "simple" cross-site fetch) can send
# without a CORS preflight. A REST write reading its body from one of these
# would act on a visitor's cookie for another site's page: refuse them.
CROSS_SITE_BODY_TYPES = (
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data",
)


class UnsupportedBody(Exception):
    """The request body is not of a media type the service reads."""

    def __init__(self, message, media_type):
        super().__init__(message)
        self.message = message
        self.media_type = media_type


def body_media_type(request, allowed):
    """The media type of the request body (lower case, no parameters), one of
    ``allowed``; raises :class:`UnsupportedBody` with a sentence otherwise.

    Every REST write that reads a body calls this first: ``allowed`` never
    holds one of :data:`CROSS_SITE_BODY_TYPES`, so a cross-site form posted
    with the user's cookie is refused before anything is read.
    """
    media_type = (request.getHeader("Content-Type") or "").split(";")[0]
    media_type = media_type.strip().lower()
    if set(allowed) & set(CROSS_SITE_BODY_TYPES):
        raise ValueError(f"{allowed} includes a type a cross-site form can send")
    if media_type in allowed:
        return media_type
    if len(allowed) == 1:
        wanted = allowed[0]
    else:
        wanted = ", ".join(allowed[:-1]) + " or " + allowed[-1]
    raise UnsupportedBody(
        f"Send the request body as {wanted}, not “{media_type or 'no content type'}”.",
        media_type,
    )


def _converted(name, value):
    """Refuse what Zope's ``:int``, ``:boolean``, ``:record`` … converters
    made of a parameter: our parameters are text, given once or repeated."""
    raise InvalidParameter(
        name,
        "give it as plain text (“name=value”), without a Zope converter "
        "such as :int, :boolean, :list or :record.",
    )


def form_values(request, name):
    """The values of a query string parameter given once or repeated."""
    value = request.form.get(name)
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    elif not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        _converted(name, value)
    return [item.strip() for item in value if item.strip()]


def form_value(request, name):
    values = form_values(request, name)
    if len(values) > 1:
        raise InvalidParameter(name, "give it once.")
    return values[0] if values else None


def _integer(request, name, minimum):
    value = form_value(request, name)
    if value is None:
        return None
    try:
        number = int(value)
    except ValueError:
        raise InvalidParameter(name, f"“{value}” is not a whole number.") from None
    if number < minimum:
        raise InvalidParameter(name, f"must be {minimum} or more, not {number}.")
    return number


def check_batching(request):
    """Refuse ``b_start``/``b_size`` values plone.batching cannot page by."""
    _integer(request, "b_start", 0)
    _integer(request, "b_size", 1)


def batched(request, items):
    """``{"@id", "items", "items_total", "batching"?}`` as ``@search`` gives.

    Call :func:`check_batching` first, before computing ``items``.
    """
    batch = HypermediaBatch(request, items)
    result = {
        "@id": batch.canonical_url,
        "items": list(batch),
        "items_total": batch.items_total,
    }
    links = batch.links
    if links:
        result["batching"] = links
    return result


class Terms:
    """Token → ``{"token", "title"}`` for a named vocabulary, translated once."""

    def __init__(self, name, context, request):
        vocabulary = getUtility(IVocabularyFactory, name=name)(context)
        self.terms = {
            term.token: {
                "token": term.token,
                "title": translate(term.title or term.token, context=request),
            }
            for term in vocabulary
        }

    def __call__(self, token):
        if token is None:
            return None
        return self.terms.get(token, {"token": token, "title": token})

    def __contains__(self, token):
        return token in self.terms


def reference(item):
    """A link to a recap or resource list, from a summary or an aggregate
    reference (``url``/``uid``/``title``/``portal_type``/``review_state``)."""
    return {
        "@id": item.get("url"),
        "@type": item.get("portal_type"),
        "uid": item.get("uid"),
        "title": item.get("title"),
        "review_state": item.get("review_state"),
    }


def resource_row(row, kinds):
    return {
        "url": row.get("url"),
        "title": row.get("title"),
        "description": row.get("description"),
        "kind": kinds(row.get("kind") or "other"),
    }
