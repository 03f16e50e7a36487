"""Grouping and merging of recap summaries (pure Python, no Plone import).

Views and REST services both build on these, from catalog metadata only:
a *summary* is the dict :func:`collective.confrecap.coverage.queries.summarize` makes
of a brain (``uid``, ``url``, ``title``, ``description``, ``portal_type``,
``review_state`` plus the ``confrecap_data`` keys such as ``track``,
``session_date``, ``highlight``, ``speakers``, ``resources``).
"""

from collective.confrecap.formats.collation import sort_key
from urllib.parse import urlsplit
from urllib.parse import urlunsplit

import re


def _highlights_first(recaps):
    return sorted(recaps, key=lambda recap: not recap.get("highlight"))


def group_by_track(recaps, tracks=()):
    """``[{"track": name or None, "recaps": [...]}, ...]``.

    Groups follow the conference's track order; tracks a recap names but the
    conference no longer lists come next, and recaps without a track last.
    Within a group, highlights come first, otherwise the given order stays.
    """
    groups = {name: [] for name in tracks}
    for recap in recaps:
        groups.setdefault(recap.get("track") or None, []).append(recap)
    ordered = [name for name in groups if name is not None]
    if None in groups:
        ordered.append(None)
    return [
        {"track": name, "recaps": _highlights_first(groups[name])}
        for name in ordered
        if groups[name]
    ]


def group_by_day(recaps):
    """``[{"date": "YYYY-MM-DD" or None, "recaps": [...]}, ...]``, days in
    order and undated recaps last."""
    days = {}
    for recap in recaps:
        days.setdefault(recap.get("session_date") or None, []).append(recap)
    ordered = sorted(day for day in days if day is not None)
    if None in days:
        ordered.append(None)
    return [{"date": day, "recaps": _highlights_first(days[day])} for day in ordered]


def _reference(item):
    return {
        key: item.get(key)
        for key in ("uid", "url", "title", "portal_type", "review_state")
    }


def speaker_key(name):
    """The same person written the same way is one speaker."""
    return re.sub(r"\s+", " ", name or "").strip().casefold()


def merge_speakers(recaps):
    """Every speaker once, A–Z by collation key (accents and case folded:
    "Érico" under E), with the recaps they appear in.

    ``[{"name", "url", "affiliation", "recaps": [reference, ...]}, ...]``;
    ``url`` and ``affiliation`` are the first ones known.

    The pure reference of the site-wide speakers index, which serves the
    same from the catalog's ``confrecap_speaker_keys`` one page at a time
    (:mod:`collective.confrecap.coverage.speaker_index`).
    """
    speakers = {}
    seen = {}  # speaker key → UIDs of their recaps (no quadratic look-up)
    for recap in recaps:
        for row in recap.get("speakers") or []:
            key = speaker_key(row.get("name"))
            if not key:
                continue
            entry = speakers.setdefault(
                key,
                {
                    "name": re.sub(r"\s+", " ", row["name"]).strip(),
                    "url": None,
                    "affiliation": None,
                    "recaps": [],
                },
            )
            entry["url"] = entry["url"] or row.get("url")
            entry["affiliation"] = entry["affiliation"] or row.get("affiliation")
            uids = seen.setdefault(key, set())
            if recap.get("uid") not in uids:
                uids.add(recap.get("uid"))
                entry["recaps"].append(_reference(recap))
    return [
        speakers[key]
        for key in sorted(
            speakers, key=lambda key: (sort_key(speakers[key]["name"]), key)
        )
    ]


def resource_key(url):
    """URLs that differ only in case of scheme/host or a trailing slash match."""
    parts = urlsplit((url or "").strip())
    path = parts.path.rstrip("/")
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), path, parts.query, "")
    )


def merge_resources(items):
    """Every resource once (by URL), with where it is cited, A–Z by title.

    ``[{"url", "title", "description", "kind", "cited_in": [reference]}]``;
    ``url`` and ``description`` are the first ones given; a URL cited under
    several titles is listed under the one that comes first A–Z (by
    collation key, then kind token), with that citation's kind.

    The pure reference of the resources index, which serves the same from
    ``confrecap_resource_keys`` one page at a time
    (:mod:`collective.confrecap.coverage.resource_index`).
    """
    resources = {}
    ranks = {}  # resource key → (collation key of its title, kind)
    seen = {}  # resource key → UIDs citing it
    for item in items:
        for row in item.get("resources") or []:
            if not row.get("url"):
                continue
            key = resource_key(row["url"])
            title = row.get("title") or row["url"]
            kind = row.get("kind") or "other"
            rank = (sort_key(title), kind)
            entry = resources.get(key)
            if entry is None:
                entry = resources[key] = {
                    "url": row["url"],
                    "title": title,
                    "description": row.get("description"),
                    "kind": kind,
                    "cited_in": [],
                }
                ranks[key] = rank
            elif rank < ranks[key]:
                entry["title"], entry["kind"] = title, kind
                ranks[key] = rank
            entry["description"] = entry["description"] or row.get("description")
            uids = seen.setdefault(key, set())
            if item.get("uid") not in uids:
                uids.add(item.get("uid"))
                entry["cited_in"].append(_reference(item))
    return sorted(
        resources.values(),
        key=lambda r: (sort_key(r["title"]), resource_key(r["url"])),
    )


def group_resources_by_kind(resources, kinds):
    """``[{"kind": token, "resources": [...]}]`` in the vocabulary's order."""
    groups = {kind: [] for kind in kinds}
    for row in resources:
        groups.setdefault(row.get("kind") or "other", []).append(row)
    return [{"kind": kind, "resources": rows} for kind, rows in groups.items() if rows]
