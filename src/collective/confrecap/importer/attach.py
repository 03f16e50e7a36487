"""A Markdown write-up into a conference that has a programme: each recap is
attached to its session instead of becoming a duplicate.

A recap matches a session when their titles are the same once case,
punctuation and a speaker suffix ("Title - Speaker", "Title by Speaker",
"Title, Speaker", "Title (Speaker)") are set aside; a title cut short with
"…" matches the session it begins. The recap's text, takeaways and quotes
go into the session where it has none yet; its links are added to the
session's resources; the programme's title, times, room and speakers stay.
A recap with no session is added as a new recap, resource lists as usual.
"""

from collective.confrecap.importer.create import _add
from collective.confrecap.importer.create import _apply
from collective.confrecap.importer.create import _publish
from collective.confrecap.importer.create import _rich
from collective.confrecap.importer.create import _row
from collective.confrecap.importer.create import ImportResult
from collective.confrecap.importer.create import PROGRAMME_FIELDS
from collective.confrecap.importer.create import recap_values
from collective.confrecap.importer.create import resource_list_values
from collective.confrecap.indexers.coverage import has_text
from plone import api

import re
import transaction


_SUFFIX = re.compile(
    r"^(?P<title>.+?)\s*(?:\s[-–—]\s|\sby\s|,\s|\s\()(?P<rest>[^-–—(,]+?)\)?\s*$",
    re.IGNORECASE,
)


def normal(title):
    """Lower case, words only: "Who Owns the Network?" -> "who owns the network"."""
    return " ".join(re.findall(r"\w+", (title or "").casefold()))


_PREFIX = re.compile(
    r"^(keynote|talk|tutorial|workshop|panel|lightning talks?|social)\s*[:–—-]\s*",
    re.IGNORECASE,
)


def candidates(title):
    """The normalized forms a recap title may match a session title by
    (the whole title; without a speaker suffix; without a "Panel:" prefix,
    which the Markdown reader takes as the kind)."""
    title = (title or "").strip()
    found = [normal(title)]
    match = _SUFFIX.match(title)
    if match:
        found.append(normal(match.group("title")))
    found.extend([normal(_PREFIX.sub("", t)) for t in (title, *found)])
    return list(dict.fromkeys(form for form in found if form))


def sessions_of(conference):
    """{normalized title: brain} of the conference's programme sessions."""
    catalog = api.portal.get_tool("portal_catalog")
    found = {}
    for brain in catalog.unrestrictedSearchResults(
        path={"query": "/".join(conference.getPhysicalPath()), "depth": 1},
        portal_type="TalkRecap",
        confrecap_programme_id={"query": "", "range": "min"},
    ):
        found.setdefault(normal(brain.Title), brain)
        found.setdefault(normal(_PREFIX.sub("", brain.Title or "")), brain)
    return found


def has_programme(conference):
    return bool(sessions_of(conference))


def match(sessions, title):
    for form in candidates(title):
        if form in sessions:
            return sessions[form]
    stripped = (title or "").rstrip()
    if stripped.endswith(("...", "…")):
        start = normal(stripped.rstrip(".…"))
        if start:
            hits = [brain for key, brain in sessions.items() if key.startswith(start)]
            if len(hits) == 1:
                return hits[0]
    return None


def attach_to_programme(conference, plan, publish=False):
    """Attach the plan's recaps to the conference's sessions (one savepoint)."""
    savepoint = transaction.savepoint()
    try:
        return _attach(conference, plan, publish)
    except Exception:
        savepoint.rollback()
        raise


def _attach(conference, plan, publish):
    sessions = sessions_of(conference)
    result = ImportResult(conference, warnings=list(plan.warnings))
    attached = 0
    by_track = {t.casefold(): t for t in conference.tracks or []}
    numbers = {}  # the next id number per title (see create._new_id)
    for number, recap in enumerate(plan.recaps, start=1):
        brain = match(sessions, recap.title)
        if brain is None:
            values = recap_values(recap, by_track)
            for name in PROGRAMME_FIELDS:
                del values[name]
            obj = _add(
                conference,
                "TalkRecap",
                values,
                what=f"Recap {number} “{recap.title}”",
                numbers=numbers,
            )
            result.recaps.append(obj)
            result.warnings.append(
                f"“{recap.title}” matches no session of the programme; it was "
                "added as a new recap."
            )
            continue
        obj = brain._unrestrictedGetObject()
        values = {}
        if recap.text_html and not has_text(obj):
            values["text"] = _rich(recap.text_html)
        if recap.takeaways and not obj.takeaways:
            values["takeaways"] = list(recap.takeaways)
        if recap.quotes and not obj.quotes:
            values["quotes"] = list(recap.quotes)
        if recap.highlight and not obj.highlight:
            values["highlight"] = True
        for name in ("slides_url", "video_url", "talk_url"):
            if getattr(recap, name) and not getattr(obj, name, None):
                values[name] = getattr(recap, name)
        known = {row.get("url") for row in obj.resources or []}
        new = [_row(r) for r in recap.resources if r.get("url") not in known]
        if new:
            values["resources"] = [*(obj.resources or []), *new]
        if recap.text_html and "text" not in values:
            result.warnings.append(
                f"“{obj.Title()}” already has a recap text; the write-up's text "
                "for it was not imported."
            )
        if values:
            _apply(obj, values, what=f"Recap {number} “{recap.title}”")
            obj.reindexObject()
        result.recaps.append(obj)
        attached += 1
    for number, resource_list in enumerate(plan.resource_lists, start=1):
        obj = _add(
            conference,
            "ResourceList",
            resource_list_values(resource_list),
            what=f"Resource list {number} “{resource_list.title}”",
            numbers=numbers,
        )
        result.resource_lists.append(obj)
    result.warnings.insert(
        0,
        f"{attached} recap(s) were attached to sessions of the programme of "
        f"“{conference.Title()}”.",
    )
    if publish:
        for obj in [*result.recaps, *result.resource_lists]:
            _publish(obj, result.warnings)
    return result
