"""Index and metadata values of coverage content.

Listings and the aggregate endpoints render from ``confrecap_data`` (one
metadata column with everything a recap card needs), so they never have to
wake the recap objects.
"""

from collective.confrecap.behaviors.resources import IResources
from collective.confrecap.behaviors.speakers import ISpeakers
from collective.confrecap.behaviors.takeaways import ITakeaways
from collective.confrecap.behaviors.talk import ITalk
from collective.confrecap.content.conference import IConference
from collective.confrecap.content.lookup import find_conference
from collective.confrecap.content.resourcelist import IResourceList
from collective.confrecap.content.talkrecap import ITalkRecap
from collective.confrecap.coverage.resource_index import resource_index_keys
from collective.confrecap.coverage.speaker_index import speaker_index_key
from collective.confrecap.formats.collation import words
from plone.app.contenttypes.indexers import SearchableText
from plone.indexer.decorator import indexer
from plone.uuid.interfaces import IUUID

import re


def speaker_names(obj):
    return tuple(
        row["name"].strip()
        for row in (getattr(obj, "speakers", None) or [])
        if row.get("name") and row["name"].strip()
    )


def _iso(moment):
    return moment.isoformat() if moment else None


def has_text(obj):
    """True when the author wrote the recap (its text has more than tags)."""
    text = getattr(obj, "text", None)
    raw = getattr(text, "raw", None) or ""
    return bool(re.sub(r"<[^>]*>|&nbsp;|\s", "", raw))


def _rows(rows, columns):
    return [{column: row.get(column) for column in columns} for row in rows or []]


@indexer(ISpeakers)
def confrecap_speakers(obj):
    names = speaker_names(obj)
    if not names:
        raise AttributeError("confrecap_speakers")
    return names


@indexer(ISpeakers)
def confrecap_speaker_keys(obj):
    """One collation key per speaker (the speakers index's A–Z order)."""
    keys = {speaker_index_key(name) for name in speaker_names(obj)}
    if not keys:
        raise AttributeError("confrecap_speaker_keys")
    return tuple(sorted(keys))


@indexer(ISpeakers)
def confrecap_speaker_words(obj):
    """The folded words of the speakers' names (``@speakers?q=``)."""
    found = {word for name in speaker_names(obj) for word in words(name)}
    if not found:
        raise AttributeError("confrecap_speaker_words")
    return tuple(sorted(found))


@indexer(IResources)
def confrecap_resource_keys(obj):
    """One key per cited resource: title collation key, URL, kind."""
    keys = resource_index_keys(getattr(obj, "resources", None))
    if not keys:
        raise AttributeError("confrecap_resource_keys")
    return tuple(sorted(keys))


@indexer(ITalk)
def confrecap_track(obj):
    if not obj.track:
        raise AttributeError("confrecap_track")
    return obj.track


@indexer(ITalk)
def confrecap_kind(obj):
    if not obj.talk_kind:
        raise AttributeError("confrecap_kind")
    return obj.talk_kind


@indexer(ITalk)
def confrecap_session_date(obj):
    if not obj.session_date:
        raise AttributeError("confrecap_session_date")
    return obj.session_date


@indexer(ITalk)
def confrecap_programme_id(obj):
    programme_id = getattr(obj, "programme_id", None)
    if not programme_id:
        raise AttributeError("confrecap_programme_id")
    return programme_id


@indexer(ITalk)
def confrecap_highlight(obj):
    return bool(obj.highlight)


# Registered in configure.zcml for each of our behaviors (ITalk, ISpeakers,
# ITakeaways, IResources): content without them has no conference to index.
@indexer(ISpeakers)
def confrecap_conference(obj):
    """UID of the Conference this item sits in (not set on the conference)."""
    conference = find_conference(obj)
    if conference is None or conference is obj:
        raise AttributeError("confrecap_conference")
    if IConference.providedBy(obj):
        raise AttributeError("confrecap_conference")
    return IUUID(conference)


def coverage_data(obj):
    """Everything a recap card, a conference header or an aggregate needs."""
    data = {}
    if IConference.providedBy(obj):
        data.update(
            conference_format=obj.conference_format,
            organizer=obj.organizer,
            tracks=list(obj.tracks or []),
            event_url=getattr(obj, "event_url", None),
            whole_day=getattr(obj, "whole_day", False),
            open_end=getattr(obj, "open_end", False),
        )
    if ITalk.providedBy(obj):
        data.update(
            talk_kind=obj.talk_kind,
            track=obj.track,
            session_date=obj.session_date.isoformat() if obj.session_date else None,
            talk_url=obj.talk_url,
            slides_url=obj.slides_url,
            video_url=obj.video_url,
            highlight=bool(obj.highlight),
            room=getattr(obj, "room", None),
            session_start=_iso(getattr(obj, "session_start", None)),
            session_end=_iso(getattr(obj, "session_end", None)),
            abstract=getattr(obj, "abstract", None),
            programme_id=getattr(obj, "programme_id", None),
            has_text=has_text(obj),
        )
    if ISpeakers.providedBy(obj):
        data["speakers"] = _rows(obj.speakers, ("name", "url", "affiliation"))
    if ITakeaways.providedBy(obj):
        data["takeaways"] = list(obj.takeaways or [])
        data["quotes"] = list(obj.quotes or [])
    if IResources.providedBy(obj):
        data["resources"] = _rows(
            obj.resources, ("title", "url", "description", "kind")
        )
    return data


# Registered in configure.zcml for IConference and each of our behaviors.
@indexer(IConference)
def confrecap_data(obj):
    data = coverage_data(obj)
    if not data:
        raise AttributeError("confrecap_data")
    return data


def _coverage_text(obj):
    parts = [SearchableText(obj)]
    parts.extend(speaker_names(obj))
    for row in getattr(obj, "speakers", None) or []:
        parts.append(row.get("affiliation") or "")
    parts.extend(getattr(obj, "takeaways", None) or [])
    parts.extend(getattr(obj, "quotes", None) or [])
    for row in getattr(obj, "resources", None) or []:
        parts.append(row.get("title") or "")
        parts.append(row.get("description") or "")
    return " ".join(part for part in parts if part)


@indexer(ITalkRecap)
def SearchableText_talkrecap(obj):
    return _coverage_text(obj)


@indexer(IResourceList)
def SearchableText_resourcelist(obj):
    return _coverage_text(obj)


@indexer(IConference)
def SearchableText_conference(obj):
    parts = [
        SearchableText(obj),
        getattr(obj, "location", None) or "",
        obj.organizer or "",
        " ".join(obj.tracks or []),
        obj.coverage_note or "",
    ]
    return " ".join(part for part in parts if part)
