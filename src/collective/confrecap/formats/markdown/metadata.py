"""The conference's fields from the front matter (title, dates, format, url…)."""

from collective.confrecap.formats.dates import read_date
from collective.confrecap.formats.errors import FrontMatterError
from collective.confrecap.formats.errors import UnreadableDateError
from collective.confrecap.formats.kinds import CONFERENCE_FORMATS
from collective.confrecap.formats.markdown.intro import format_in
from collective.confrecap.formats.markdown.section import add_unique
from collective.confrecap.formats.plan import coverage_from_summary
from collective.confrecap.formats.urls import is_http_url

import re


def read_front_matter(front, plan, heading_title):
    """Fill the plan from the front matter.

    Returns the document's own heading when it is neither the post's nor
    the conference's title (it is kept in the conference text), or None.
    """
    data = front.data
    known = {
        "title", "conference", "author", "date", "tags", "categories",
        "keywords", "summary", "description", "image", "start", "end",
        "location", "format", "url", "organizer", "tracks", "coverage",
        "coverage_note", "whole_day",
    }  # fmt: skip
    for key in data:
        if key not in known:
            plan.warnings.append(f"The front matter key '{key}' was not used.")
    post_title = _string(data.get("title"))
    plan.title = _string(data.get("conference")) or _conference_title(
        post_title or heading_title or ""
    )
    extra_heading = None
    if heading_title and post_title:
        same = {post_title.casefold(), plan.title.casefold()}
        if heading_title.casefold() not in same:
            extra_heading = heading_title
    if not plan.title:
        plan.title = "Untitled conference"
        plan.warnings.append("No title found: the conference is 'Untitled'.")
    plan.author = _string(data.get("author")) or None
    plan.date = _date(front, "date")
    plan.start = _date(front, "start")
    plan.end = _date(front, "end")
    if plan.start and not plan.end:
        plan.end = plan.start
    if plan.end and not plan.start:
        plan.start = plan.end
    if plan.start and plan.end < plan.start:
        raise UnreadableDateError(
            "The conference ends before it starts: check 'start' and 'end'.",
            line=front.line_of("end"),
        )
    if data.get("whole_day") is False:
        plan.whole_day = False
    plan.description = " ".join(
        _string(data.get("summary") or data.get("description")).split()
    )
    plan.location = _string(data.get("location")) or None
    plan.organizer = _string(data.get("organizer")) or None
    plan.subjects = []
    for key in ("tags", "categories", "keywords"):
        for tag in _string_list(data.get(key)):
            add_unique(plan.subjects, tag)
    plan.tracks = []
    for track in _string_list(data.get("tracks")):
        add_unique(plan.tracks, track)
    plan.image = _image(data.get("image"))
    plan.coverage_note = _string(
        data.get("coverage_note") or data.get("coverage")
    ) or coverage_from_summary(plan.description)
    if data.get("format") is not None:
        plan.conference_format = _format(front, data["format"])
    if data.get("url") is not None:
        url = _string(data["url"])
        if not is_http_url(url):
            raise FrontMatterError(
                f"The conference url '{url}' is not an http(s) link.",
                line=front.line_of("url"),
            )
        plan.event_url = url
    return extra_heading


def _date(front, key):
    value = front.data.get(key)
    if value is None or value == "":
        return None
    parsed = read_date(value)
    if parsed is None:
        raise UnreadableDateError(
            f"The {key} '{value}' is not a date I can read: write it as "
            f"YYYY-MM-DD, e.g. 2023-03-13.",
            line=front.line_of(key),
        )
    return parsed


def _format(front, value):
    text = _string(value).lower().replace("_", "-")
    found = format_in(text)
    if found is None:
        choices = ", ".join(CONFERENCE_FORMATS)
        raise FrontMatterError(
            f"The format '{value}' is not one of {choices}.",
            line=front.line_of("format"),
        )
    return found


_SEPARATORS = " \t:–—-|·,"
_RECAP_WORD = (
    r"(?:recap|review|notes|write-?up|wrap-?up|summary|highlights|report|"
    r"roundup|retrospective|takeaways|impressions|thoughts|roadmap)"
)
_FILLER = r"(?:(?:our|my|some|the|a|an|short|quick|personal|final|day\s+\w+)\s+)*"
# 'our notes', 'a short recap', 'Day Two Recap': the whole tail, nothing else.
_TAIL = re.compile(rf"{_FILLER}{_RECAP_WORD}s?", re.IGNORECASE)
_TRAILING_WORD = re.compile(rf"\b{_RECAP_WORD}$", re.IGNORECASE)
_TRAILING_DAY = re.compile(
    r"\b(?:day\s+(?:\d|one|two|three|four|five)|(?:first|second|third|last) day)$",
    re.IGNORECASE,
)
# 'Notes from X', 'My roadmap @ X', 'Recap of X', 'Wrap-up: X', 'Post X'.
_LEADING = re.compile(
    rf"^{_FILLER}{_RECAP_WORD}s?\s*(?:(?:from|of|on|at|for)\b|@|:|–|—|-)\s*|"
    r"^(?:post|after)[- ](?=\w)",
    re.IGNORECASE,
)


def conference_title(post_title):
    """'Notes from DjangoCon Europe 2026 — our notes' → 'DjangoCon Europe 2026'.

    Only whole phrases of recap wording go, at the start or after the last
    separator at the end; string operations and anchored patterns keep it
    linear in the title's length.
    """
    title = " ".join(post_title.split())
    before = title
    match = _LEADING.match(title)
    if match and match.end() < len(title):
        title = title[match.end() :]
    for separator in (" — ", " – ", " - ", " | ", ": ", " · "):
        head, found, tail = title.rpartition(separator)
        if found and head.strip(_SEPARATORS) and _TAIL.fullmatch(tail.strip()):
            title = head
            break
    else:
        match = _TRAILING_WORD.search(title)
        if match and title[: match.start()].strip(_SEPARATORS):
            title = title[: match.start()]
    match = _TRAILING_DAY.search(title)
    if match and title[: match.start()].strip(_SEPARATORS):
        title = title[: match.start()]
    title = title.strip(_SEPARATORS)
    return title or before


def _conference_title(post_title):
    return conference_title(post_title)


def _string(value):
    if value is None:
        return ""
    if isinstance(value, dict):
        value = value.get("name") or value.get("title") or ""
    if isinstance(value, list):
        return ", ".join(_string(v) for v in value)
    return " ".join(str(value).split())


def _string_list(value):
    if value is None:
        return []
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list):
        value = [value]
    return [s for s in (_string(v) for v in value) if s]


def _image(value):
    if isinstance(value, dict):
        value = value.get("src") or value.get("url") or value.get("path")
    return _string(value) or None
