"""``import_programme()``: a conference programme becomes (or syncs) content.

The REST service, the Classic UI form and the console command all call it.
Each session of the programme is a private TalkRecap without recap text,
found again by its ``programme_id`` on the next import:

- a session whose programme data changed is updated, field by field, but
  only where the author has not edited the field since the last import (the
  values of the last import are kept in an annotation, so an edited title, a
  corrected room or speaker list stays the author's);
- the recap text, takeaways, quotes and highlight are never touched;
- a new session is added; a session that left the programme is reported
  (``removed``), never deleted.

Linear in the number of sessions: one catalog query for the sessions the
conference has, each matched session woken once, and the reindexing left to
Plone's indexing queue (flushed once, at the end or at commit). The caller
owns the transaction: one import is one savepoint that is rolled back on
error, so a failed import changes nothing.
"""

from collective.confrecap.content.conference import IConference
from collective.confrecap.formats.errors import RecapImportError
from collective.confrecap.formats.programme.detect import read_programme
from collective.confrecap.formats.programme.model import ProgrammePlan
from collective.confrecap.importer.create import _apply
from collective.confrecap.importer.create import _new_id
from collective.confrecap.importer.create import _publish
from collective.confrecap.importer.create import _row
from collective.confrecap.importer.create import find_existing
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from datetime import time
from plone import api
from plone.app.event.base import default_timezone
from zope.annotation.interfaces import IAnnotations

import pytz
import transaction


ANNOTATION = "collective.confrecap.programme"

# The fields a programme sets on a session (the author's text, takeaways,
# quotes and highlight are not among them).
SESSION_FIELDS = (
    "title",
    "description",
    "abstract",
    "talk_kind",
    "track",
    "session_date",
    "session_start",
    "session_end",
    "room",
    "talk_url",
    "slides_url",
    "video_url",
    "speakers",
    "resources",
    "subjects",
)


class ProgrammeImportError(RecapImportError):
    """The programme cannot be imported here."""


@dataclass
class ProgrammeImport:
    """What ``import_programme`` read and did (or, in a dry run, would do)."""

    plan: ProgrammePlan
    conference: object = None
    new_conference: bool = False
    dry_run: bool = False
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    kept: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    def counts(self):
        return {
            "created": len(self.created),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "removed": len(self.removed),
        }

    def summary(self):
        conference = self.conference
        return {
            "dry_run": self.dry_run,
            "format": self.plan.format,
            "conference": {
                "title": conference.Title() if conference else self.plan.title,
                "url": conference.absolute_url() if conference else None,
                "new": self.new_conference,
            },
            "counts": self.counts(),
            "programme": self.plan.counts(),
            "created": self.created,
            "updated": self.updated,
            "removed": self.removed,
            "kept_author_edits": self.kept,
            "warnings": list(self.warnings),
        }


def read_source(source, context):
    """A ProgrammePlan from bytes (any programme format) or a plan."""
    if isinstance(source, ProgrammePlan):
        return source
    return read_programme(source, default_timezone=default_timezone(context))


def import_programme(
    container,
    source,
    *,
    dry_run=False,
    publish=False,
    publish_sessions=False,
    exclude_from_nav=False,
):
    """Import the programme ``source`` into ``container``.

    ``container`` is a Conference (the programme syncs into it) or a folder
    (the conference of the same title there is synced, else created).
    ``source`` is the programme file's bytes or a ProgrammePlan (a pyvideo
    folder read by the console). With ``publish`` a new conference is
    published; sessions stay private until their recap is written, unless
    ``publish_sessions`` (an archive of talks that took place, such as
    pyvideo.org's) publishes the sessions this import creates; sessions that
    exist keep their state. ``exclude_from_nav`` keeps a new conference out
    of the navigation (an archive of hundreds of conferences is browsed with
    its folder's listing: in the navigation, every page would list them).
    Raises a RecapImportError, having changed nothing, when it cannot import.
    """
    plan = read_source(source, container)
    outcome = ProgrammeImport(plan=plan, dry_run=dry_run, warnings=list(plan.warnings))
    savepoint = None if dry_run else transaction.savepoint()
    try:
        _import(container, plan, outcome, publish, publish_sessions, exclude_from_nav)
    except Exception:
        if savepoint is not None:
            savepoint.rollback()
        raise
    return outcome


def _import(
    container, plan, outcome, publish, publish_sessions=False, exclude_from_nav=False
):
    if IConference.providedBy(container):
        conference = container
    elif not getattr(container, "isPrincipiaFolderish", False):
        raise ProgrammeImportError(
            f"“{container.Title()}” is not a folder: import the programme into a "
            "folder where conferences are allowed, or into the conference itself."
        )
    else:
        conference = find_existing(container, plan)
        if conference is not None and not IConference.providedBy(conference):
            raise ProgrammeImportError(
                f"“{conference.getId()}” already exists at "
                f"{conference.absolute_url()} and is not a conference; import "
                "into another folder."
            )
        if conference is None:
            allowed = []
            if getattr(container, "isPrincipiaFolderish", False):
                allowed = [fti.getId() for fti in container.allowedContentTypes()]
            if "Conference" not in allowed:
                raise ProgrammeImportError(
                    f"A conference cannot be added in “{container.Title()}”; "
                    "import into a folder where conferences are allowed, or "
                    "into the conference itself."
                )
    outcome.conference = conference
    if conference is None:
        outcome.new_conference = True
        outcome.created = [_describe(session) for session in plan.sessions]
        if outcome.dry_run:
            return
        conference = _create_conference(container, plan, outcome, exclude_from_nav)
        outcome.conference = conference
        existing = {}
    else:
        existing = _sessions_of(conference)
        if not outcome.dry_run:
            _update_conference(conference, plan)

    zone = _zone(conference)
    by_track = {t.casefold(): t for t in (conference.tracks or plan.tracks)}
    seen = set()
    numbers = {}  # the next id number per title (see create._new_id)
    for session in plan.sessions:
        seen.add(session.programme_id)
        values = _values(session, zone, by_track)
        brain = existing.get(session.programme_id)
        if brain is None:
            if not outcome.new_conference:
                outcome.created.append(_describe(session))
            if not outcome.dry_run:
                obj = _create_session(conference, session, values, numbers)
                if publish_sessions and not _publish(obj, outcome.warnings):
                    publish_sessions = False  # the workflow cannot: said once
            continue
        obj = brain._unrestrictedGetObject()
        changes, kept = _changes(obj, values)
        item = {**_describe(session), "url": brain.getURL()}
        if kept:
            outcome.kept.append({**item, "fields": kept})
        if changes:
            outcome.updated.append({**item, "fields": sorted(changes)})
        else:
            outcome.unchanged.append(item)
        if not outcome.dry_run and (changes or kept):
            _update_session(obj, values, changes, kept, session)
    for programme_id, brain in existing.items():
        if programme_id not in seen:
            outcome.removed.append(
                {
                    "programme_id": programme_id,
                    "title": brain.Title,
                    "url": brain.getURL(),
                }
            )
    if outcome.removed:
        outcome.warnings.append(
            f"{len(outcome.removed)} session(s) are no longer in the programme; "
            "they were kept (delete them yourself if they were cancelled)."
        )
    if publish and not outcome.dry_run:
        _publish(conference, outcome.warnings)


def _describe(session):
    return {"programme_id": session.programme_id, "title": session.title}


def _zone(context):
    return pytz.timezone(default_timezone(context) or "UTC")


def _sessions_of(conference):
    """{programme_id: brain} of the conference's imported sessions."""
    catalog = api.portal.get_tool("portal_catalog")
    found = {}
    for brain in catalog.unrestrictedSearchResults(
        path={"query": "/".join(conference.getPhysicalPath()), "depth": 1},
        portal_type="TalkRecap",
    ):
        data = brain.confrecap_data or {}
        programme_id = data.get("programme_id")
        if programme_id:
            found.setdefault(programme_id, brain)
    return found


def _conference_dates(plan, zone):
    first = plan.start or datetime.now(zone).date()
    last = plan.end or first
    start = zone.localize(datetime.combine(first, time(0, 0)))
    end = zone.localize(datetime.combine(last, time(23, 59, 59)))
    return start, end


def _create_conference(container, plan, outcome, exclude_from_nav=False):
    conference = api.content.create(
        container=container,
        type="Conference",
        id=_new_id(container, plan.title),
        title=plan.title,
    )
    zone = _zone(conference)
    start, end = _conference_dates(plan, zone)
    _apply(
        conference,
        {
            "title": plan.title,
            "description": _one_line(plan.description),
            "start": start,
            "end": end,
            "event_url": plan.url,
            "tracks": list(plan.tracks),
        },
        what=f"The conference “{plan.title}”",
    )
    if exclude_from_nav:
        conference.exclude_from_nav = True
    if plan.sessions and not plan.start:
        outcome.warnings.append(
            "The programme gives no conference dates and no session dates; "
            "edit the conference to set them."
        )
    return conference


def _update_conference(conference, plan):
    """Widen the dates to the programme's, add its missing tracks; fill the
    website and summary only when empty (an author's edits stay)."""
    zone = _zone(conference)
    start, end = _conference_dates(plan, zone)
    values = {}
    if plan.start and (conference.start is None or start < conference.start):
        values["start"] = start
    if plan.end and (conference.end is None or end > conference.end):
        values["end"] = end
    tracks = list(conference.tracks or [])
    known = {t.casefold() for t in tracks}
    missing = [t for t in plan.tracks if t.casefold() not in known]
    if missing:
        values["tracks"] = tracks + missing
    if plan.url and not getattr(conference, "event_url", None):
        values["event_url"] = plan.url
    if values:
        if "start" in values or "end" in values:
            # The invariant checks both together.
            values.setdefault("start", conference.start)
            values.setdefault("end", conference.end)
        _apply(conference, values, what=f"The conference “{conference.Title()}”")
        conference.reindexObject()


def _storable(moment):
    """An aware datetime ZODB can pickle: zoneinfo zones become pytz ones."""
    if moment is None:
        return None
    key = getattr(moment.tzinfo, "key", None)
    if key:
        try:
            return moment.astimezone(pytz.timezone(key))
        except pytz.UnknownTimeZoneError:
            return moment.astimezone(pytz.utc)
    return moment


def _one_line(text):
    text = " ".join((text or "").split())
    return text[:500]


def _values(session, zone, by_track):
    return {
        "title": session.title,
        "description": _one_line(session.summary),
        "abstract": session.abstract or None,
        "talk_kind": session.kind,
        "track": by_track.get(session.track.casefold()) if session.track else None,
        "session_date": session.date,
        "session_start": _storable(session.start),
        "session_end": _storable(session.end),
        "room": session.room,
        "talk_url": session.url,
        "slides_url": session.slides_url,
        "video_url": session.video_url,
        "speakers": [_row(s) for s in session.speakers],
        "resources": [_row(r) for r in session.resources],
        "subjects": tuple(session.tags),
    }


def _normal(value):
    """A value as stored, for comparing: empty is None, lists are tuples,
    rows without their empty keys."""
    if value in (None, "", [], ()):
        return None
    if isinstance(value, (list, tuple)):
        return tuple(
            tuple(sorted((k, v) for k, v in item.items() if v not in (None, "")))
            if isinstance(item, dict)
            else item
            for item in value
        )
    return value


def _current(obj, name):
    if name == "title":
        return obj.title
    if name == "description":
        return obj.description
    if name == "subjects":
        return tuple(obj.subject or ())
    return getattr(obj, name, None)


def _changes(obj, values):
    """(fields to update, fields the author edited and we keep)."""
    last = IAnnotations(obj).get(ANNOTATION, {})
    changes, kept = set(), []
    for name in SESSION_FIELDS:
        new = _normal(values[name])
        previous = (
            _normal(last.get(name)) if name in last else _normal(_current(obj, name))
        )
        if new == previous:
            continue
        if _normal(_current(obj, name)) == previous:
            changes.add(name)
        else:
            kept.append(name)
    return changes, kept


def _remember(obj, values):
    IAnnotations(obj)[ANNOTATION] = {name: values[name] for name in SESSION_FIELDS}


def _create_session(conference, session, values, numbers=None):
    obj = api.content.create(
        container=conference,
        type="TalkRecap",
        id=_new_id(conference, values["title"], numbers),
        title=values["title"],
    )
    _apply(
        obj,
        {**values, "programme_id": session.programme_id},
        what=f"Session “{session.title}” ({session.programme_id})",
    )
    _remember(obj, values)
    obj.reindexObject()
    return obj


def _update_session(obj, values, changes, kept, session):
    """Apply the programme's changes; remember the programme's values of the
    fields the author edited too, so they are not reported again."""
    if changes:
        _apply(
            obj,
            {name: values[name] for name in changes},
            what=f"Session “{session.title}” ({session.programme_id})",
        )
    last = dict(IAnnotations(obj).get(ANNOTATION, {}))
    last.update({name: values[name] for name in (*changes, *kept)})
    IAnnotations(obj)[ANNOTATION] = last
    if changes:
        obj.reindexObject()
