"""Create a Conference with its recaps and resource lists from a ConferencePlan.

Every value goes through the Dexterity schema field it is stored in (bound to
the new object), so bad data gives the same clear message a form would. All
of it happens inside one savepoint: a failure part-way leaves nothing behind.
"""

from collective.confrecap.content.conference import IConference
from collective.confrecap.formats.errors import RecapImportError
from dataclasses import dataclass
from dataclasses import field
from DateTime import DateTime
from datetime import date
from datetime import datetime
from datetime import time
from plone import api
from plone.app.event.base import default_timezone
from plone.app.textfield.value import RichTextValue
from plone.base.utils import check_id
from plone.dexterity.utils import iterSchemata
from plone.i18n.normalizer.interfaces import IIDNormalizer
from Products.CMFPlone.CatalogTool import sortable_title
from types import SimpleNamespace
from zope.component import getSiteManager
from zope.component import getUtility
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.interface import Interface
from zope.interface import Invalid
from zope.interface import providedBy
from zope.schema import getFields
from zope.schema.interfaces import ValidationError

import pytz
import transaction


class ConferenceExistsError(RecapImportError):
    """The conference was imported before (and ``replace`` was not asked)."""


class ImportValidationError(RecapImportError):
    """A value of the document does not fit the content model."""


@dataclass
class ImportResult:
    """What an import created."""

    conference: object
    recaps: list = field(default_factory=list)
    resource_lists: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    replaced: bool = False

    def summary(self):
        return {
            "conference": self.conference.Title(),
            "url": self.conference.absolute_url(),
            "review_state": review_state(self.conference),
            "recaps": [recap.Title() for recap in self.recaps],
            "resource_lists": [item.Title() for item in self.resource_lists],
            "counts": {
                "recaps": len(self.recaps),
                "resource_lists": len(self.resource_lists),
                "speakers": len(
                    {s["name"] for r in self.recaps for s in (r.speakers or [])}
                ),
                "resources": sum(
                    len(item.resources or [])
                    for item in self.recaps + self.resource_lists
                ),
            },
            "replaced": self.replaced,
            "warnings": list(self.warnings),
        }


def conference_id(title):
    """The id an imported conference gets (and is looked up by)."""
    return getUtility(IIDNormalizer).normalize(title, max_length=100)


def exists_message(existing):
    """What an author is told when the conference was imported before."""
    return (
        f"A conference “{existing.Title()}” already exists at "
        f"{existing.absolute_url()}; use replace to update it."
    )


def find_existing(container, plan):
    """The Conference in ``container`` this plan would import again, or None:
    the item with the conference's id, else a conference of the same title
    (case and spaces aside), found through the catalog's ``sortable_title``
    so that importing into a folder of thousands costs no listing of it."""
    new_id = conference_id(plan.title)
    existing = container.get(new_id) if new_id in container else None
    if existing is not None:
        return existing
    title = plan.title.strip().casefold()
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(
        path={"query": "/".join(container.getPhysicalPath()), "depth": 1},
        object_provides=IConference.__identifier__,
        sortable_title=sortable_title.callable(SimpleNamespace(Title=plan.title)),
    ):
        if (brain.Title or "").strip().casefold() == title:
            return brain._unrestrictedGetObject()
    return None


def create_from_plan(container, plan, publish=False, replace=False):
    """Create the conference ``plan`` describes in ``container``.

    Returns an ImportResult. Raises a RecapImportError (and creates nothing)
    when the document cannot be imported.
    """
    savepoint = transaction.savepoint()
    try:
        return _create(container, plan, publish, replace)
    except Exception:
        savepoint.rollback()
        raise


def _create(container, plan, publish, replace):
    if "Conference" not in [fti.getId() for fti in container.allowedContentTypes()]:
        raise RecapImportError(
            f"A conference cannot be added in “{container.Title()}”; "
            "import into a folder where conferences are allowed."
        )
    warnings = list(plan.warnings)
    existing = find_existing(container, plan)
    replaced = False
    new_id = conference_id(plan.title)
    if existing is not None:
        if not IConference.providedBy(existing):
            raise ConferenceExistsError(
                f"“{existing.getId()}” already exists at {existing.absolute_url()} "
                "and is not a conference; import into another folder."
            )
        if not replace:
            raise ConferenceExistsError(exists_message(existing))
        new_id = existing.getId()
        api.content.delete(existing, check_linkintegrity=False)
        replaced = True
    if new_id in container:
        raise ConferenceExistsError(
            f"“{new_id}” already exists at {container[new_id].absolute_url()}; "
            "import into another folder."
        )
    if not replaced and not id_available(container, new_id):
        # ``index_html``, ``view``…: a free id from the title instead.
        new_id = _new_id(container, plan.title)

    conference = api.content.create(
        container=container, type="Conference", id=new_id, title=plan.title
    )
    tracks = list(plan.tracks)
    for recap in plan.recaps:
        if recap.track and recap.track.casefold() not in {t.casefold() for t in tracks}:
            tracks.append(recap.track)
    start, end = _dates(conference, plan, warnings)
    _apply(
        conference,
        {
            "title": plan.title,
            "description": plan.description,
            "text": _rich(plan.text_html),
            "start": start,
            "end": end,
            "whole_day": plan.whole_day,
            "location": plan.location,
            "conference_format": plan.conference_format,
            "event_url": plan.event_url,
            "organizer": plan.organizer,
            "tracks": tracks,
            "coverage_note": plan.coverage_note,
            "subjects": tuple(plan.subjects),
        },
        what=f"The conference “{plan.title}”",
    )
    if plan.author:
        conference.setCreators((plan.author,))
    if plan.date:
        conference.setEffectiveDate(DateTime(plan.date.isoformat()))
    if plan.image:
        warnings.append(
            f"The image '{plan.image}' was not imported: upload it as the "
            "conference's lead image."
        )
    result = ImportResult(conference, warnings=warnings, replaced=replaced)

    by_track = {t.casefold(): t for t in tracks}
    numbers = {}  # the next id number per title (see _new_id)
    for number, recap in enumerate(plan.recaps, start=1):
        obj = _add(
            conference,
            "TalkRecap",
            recap_values(recap, by_track),
            what=f"Recap {number} “{recap.title}”",
            numbers=numbers,
        )
        result.recaps.append(obj)
    for number, resource_list in enumerate(plan.resource_lists, start=1):
        obj = _add(
            conference,
            "ResourceList",
            resource_list_values(resource_list),
            what=f"Resource list {number} “{resource_list.title}”",
            numbers=numbers,
        )
        result.resource_lists.append(obj)

    if publish:
        for obj in [conference, *result.recaps, *result.resource_lists]:
            _publish(obj, result.warnings)
    for obj in [conference, *result.recaps, *result.resource_lists]:
        obj.reindexObject()
    return result


# What a session's programme sets; a recap attached to a conference with a
# programme (:mod:`.attach`) leaves these to the programme's sessions.
PROGRAMME_FIELDS = ("session_start", "session_end", "room", "abstract", "programme_id")


def recap_values(recap, by_track):
    """The field values of a plan's recap; ``by_track`` maps the casefolded
    names of the conference's tracks to their spelling there."""
    return {
        "title": recap.title,
        "description": recap.description,
        "text": _rich(recap.text_html),
        "talk_kind": recap.talk_kind,
        "track": by_track.get(recap.track.casefold()) if recap.track else None,
        "session_date": recap.session_date,
        "session_start": recap.session_start,
        "session_end": recap.session_end,
        "room": recap.room,
        "abstract": recap.abstract or None,
        "programme_id": recap.programme_id,
        "talk_url": recap.talk_url,
        "slides_url": recap.slides_url,
        "video_url": recap.video_url,
        "highlight": bool(recap.highlight),
        "speakers": [_row(s) for s in recap.speakers],
        "takeaways": list(recap.takeaways),
        "quotes": list(recap.quotes),
        "resources": [_row(r) for r in recap.resources],
        "subjects": tuple(recap.subjects),
    }


def resource_list_values(resource_list):
    """The field values of a plan's resource list."""
    return {
        "title": resource_list.title,
        "description": resource_list.description,
        "text": _rich(resource_list.text_html),
        "resources": [_row(r) for r in resource_list.resources],
    }


def _add(conference, portal_type, values, what, numbers=None):
    """Create an item of ``portal_type`` in the conference and set ``values``
    (``numbers``: see :func:`_new_id`)."""
    obj = api.content.create(
        container=conference,
        type=portal_type,
        id=_new_id(conference, values["title"], numbers),
        title=values["title"],
    )
    _apply(obj, values, what=what)
    return obj


def review_state(obj):
    """The workflow state of ``obj``, None when it has no workflow."""
    workflow = api.portal.get_tool("portal_workflow")
    return workflow.getInfoFor(obj, "review_state", None)


def id_base(title):
    """The id a title gives new content, always one a number can make free.

    The normalizer keeps what Zope refuses at the start of any id (a leading
    ``_`` as in a talk called “__init__ Jupyter Notebook”, ``aq_``, ``@@``,
    ``++``): no ``-1``, ``-2``... would ever be accepted, so it is dropped.
    """
    base = conference_id(title)
    while base:
        stripped = base.lstrip("_@+.-")
        if stripped.startswith("aq_"):
            stripped = stripped[3:]
        if stripped == base:
            break
        base = stripped
    return base or "item"


def check_numbering(container, number, title):
    """Stop numbering once more numbers were refused than the container has
    items: then it is not taken ids but the id itself Zope refuses."""
    count = getattr(container, "objectCount", None)  # BTreeFolder2: O(1)
    if number > (count() if count else len(container.objectIds())) + 1:
        raise ImportValidationError(
            f"No id can be made from the title “{title}”; change the title."
        )


def _new_id(container, title, numbers=None):
    """A free id from the title, as plone.namefromtitle would make it:
    ``base``, else ``base-1``, ``base-2``...

    ``numbers`` (a dict kept for one import) remembers the next number to
    try per base, so that n items of one title ("Lightning talks" a hundred
    times in a meetup's archive) cost n checks, not n²/2.
    """
    base = id_base(title)
    number = numbers.get(base, 0) if numbers is not None else 0
    new_id = f"{base}-{number}" if number else base
    while not id_available(container, new_id):
        number += 1
        new_id = f"{base}-{number}"
        check_numbering(container, number, title)
    if numbers is not None:
        numbers[base] = number + 1
    return new_id


# Ids that would change what a folder shows rather than add to it: Plone
# always allows ``index_html`` (it becomes the folder's default view) and
# the others name views and files browsers and crawlers ask for.
RESERVED_IDS = frozenset(
    {
        "index_html",
        "index.html",
        "default",
        "default_page",
        "layout",
        "robots.txt",
        "favicon.ico",
        "sitemap.xml.gz",
        "acl_users",
    }
)


def id_available(container, new_id):
    """Whether an import may give ``new_id`` to a new item in ``container``.

    Plone's own ``check_id`` (collisions, catalog index names, method
    aliases, tools, ``checkIdAvailable``), then our reserved ids and the
    names of the container's views (an item named ``view`` or ``recap.md``
    would shadow them).
    """
    if not new_id or new_id in RESERVED_IDS or new_id[0] in "_@+":
        return False
    if check_id(container, new_id, contained_by=container) is not None:
        return False
    request = getRequest() or getattr(container, "REQUEST", None)
    return request is None or new_id not in view_names(container, request)


def view_names(context, request):
    """The names of the views (and other named adapters) of ``context``.

    One registry look-up for all of them, which zope.interface caches per
    (context, request) interfaces: asking ``queryMultiAdapter`` for each
    candidate id instead missed that cache for every new name (about 1 ms
    each, a whole archive's worth of talks).
    """
    found = getSiteManager().adapters.lookupAll(
        (providedBy(context), providedBy(request)), Interface
    )
    # zope.interface returns the same tuple while the registry is unchanged
    cached = _VIEW_NAMES.get(id(found))
    if cached is not None and cached[0] is found:
        return cached[1]
    names = frozenset(name for name, _factory in found)
    if len(_VIEW_NAMES) >= 64:
        _VIEW_NAMES.clear()
    _VIEW_NAMES[id(found)] = (found, names)
    return names


# id(lookupAll's answer) -> (that answer, its names); the answer is kept so
# that its id cannot be reused while the entry lives
_VIEW_NAMES = {}


def _rich(text_html):
    if not text_html:
        return None
    return RichTextValue(text_html, "text/html", "text/x-html-safe")


def _row(row):
    return {key: (None if value == "" else value) for key, value in row.items()}


def _dates(context, plan, warnings):
    """Timezone-aware start and end in the portal's timezone."""
    zone = pytz.timezone(default_timezone(context) or "UTC")
    first, last = plan.start, plan.end
    if first is None:
        first = last = plan.date or date.today()
        warnings.append(
            f"The document gives no conference dates: set to {first.isoformat()}; "
            "edit the conference to correct them."
        )
    if isinstance(first, datetime):
        start = first if first.tzinfo else zone.localize(first)
    else:
        start = zone.localize(datetime.combine(first, time(0, 0)))
    if isinstance(last, datetime):
        end = last if last.tzinfo else zone.localize(last)
    else:
        end = zone.localize(datetime.combine(last, time(23, 59, 59)))
    return start, end


def _fields(obj):
    """{name: (schema, field)} of every field of ``obj``'s type."""
    found = {}
    for schema in iterSchemata(obj):
        for name, schema_field in getFields(schema).items():
            found.setdefault(name, (schema, schema_field))
    return found


def _message(error):
    request = getRequest()
    if isinstance(error, ValidationError):
        doc = error.doc()
    else:
        doc = error.args[0] if error.args else ""
    text = translate(doc, context=request) if doc else ""
    if not text or text == error.__class__.__doc__:
        text = str(error) or error.__class__.__name__
    return " ".join(str(text).split())


def _apply(obj, values, what):
    """Validate each value with its bound schema field, then store it."""
    fields = _fields(obj)
    for name, value in values.items():
        schema, schema_field = fields[name]
        bound = schema_field.bind(obj)
        if value in (None, "", [], ()):
            value = bound.missing_value
            if bound.required:
                label = translate(bound.title, context=getRequest())
                raise ImportValidationError(f"{what}: {label} is required.")
        else:
            try:
                bound.validate(value)
            except ValidationError as error:
                label = translate(bound.title, context=getRequest())
                raise ImportValidationError(
                    f"{what}: {label}: {_message(error)}"
                ) from error
        setattr(schema(obj), name, value)
    # Invariants (end after start…) of the schemas that have them.
    for schema in iterSchemata(obj):
        try:
            schema.validateInvariants(schema(obj))
        except Invalid as error:
            raise ImportValidationError(f"{what}: {_message(error)}") from error


def _publish(obj, warnings):
    """Publish with whatever transitions the workflow offers; False (and a
    warning) when it has no way to the published state."""
    if review_state(obj) in (None, "published"):
        return True
    try:
        api.content.transition(obj=obj, to_state="published")
    except api.exc.InvalidParameterError:
        warnings.append(
            f"“{obj.Title()}” could not be published: its workflow has no way "
            "to the published state."
        )
        return False
    return True
