"""Find the Conference a piece of coverage belongs to."""

from Acquisition import aq_chain
from Acquisition import aq_inner
from collective.confrecap.content.conference import IConference
from zope.globalrequest import getRequest


def _first_conference(chain):
    for item in chain:
        if IConference.providedBy(item):
            return item
    return None


def find_conference(context):
    """The enclosing Conference of ``context`` (or ``context`` itself).

    Without a context (an unbound field, e.g. while a form or a REST schema
    is being built) it falls back to the object being published, which the
    request still knows.
    """
    if context is not None:
        return _first_conference(aq_chain(aq_inner(context)))
    request = getRequest()
    if request is None:
        return None
    parents = request.get("PARENTS") or []
    return _first_conference(parents)
