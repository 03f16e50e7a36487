"""What an import creates: a Conference with its recaps and resource lists.

Field names mirror the Dexterity fields of DESIGN.md, so the Plone side can
copy them one to one. The guessing rules shared by parser and writer live
here too: the writer leaves out what the parser would guess the same way.
"""

from collective.confrecap.formats.errors import PlanError
from collective.confrecap.formats.kinds import CONFERENCE_FORMATS
from collective.confrecap.formats.kinds import RESOURCE_KINDS
from collective.confrecap.formats.kinds import TALK_KINDS
from collective.confrecap.formats.urls import is_http_url
from dataclasses import asdict
from dataclasses import dataclass
from dataclasses import field
from dataclasses import fields

import datetime
import html
import re


_SOCIAL_WORDS = re.compile(
    r"\b(trivia|quiz|quiz bowl|party|boat trip|boat ride|game night|board games|"
    r"social hour|social event|after hours|happy hour|dinner|drinks|reception|"
    r"karaoke)\b",
    re.IGNORECASE,
)
_KIND_WORDS = (
    ("lightning", re.compile(r"\blightning\b", re.IGNORECASE)),
    ("keynote", re.compile(r"\bkeynote\b", re.IGNORECASE)),
    ("workshop", re.compile(r"\bworkshop\b", re.IGNORECASE)),
    ("tutorial", re.compile(r"\btutorial\b", re.IGNORECASE)),
    ("panel", re.compile(r"\bpanel( discussion)?$", re.IGNORECASE)),
    ("social", _SOCIAL_WORDS),
)

_RESOURCE_RULES = (
    ("cheat-sheet", r"cheat[ -]?sheet"),
    ("video", r"youtube\.com|youtu\.be|vimeo\.com|\bvideo\b"),
    ("slides", r"\bslides?\b|speakerdeck\.com|slideshare\.net"),
    (
        "documentation",
        r"readthedocs\.|//docs?\.|/docs?/|/en/(latest|stable)/|learn\.microsoft\.com",
    ),
    ("library", r"github\.com|gitlab\.com|pypi\.org|npmjs\.com"),
    ("training", r"\b(course|training)\b"),
)


def guess_talk_kind(title):
    """The kind a bare section title suggests: a trivia round is social."""
    for kind, pattern in _KIND_WORDS:
        if pattern.search(title):
            return kind
    return "talk"


def guess_resource_kind(title, url):
    """documentation, library, video… from the link; 'other' when unsure."""
    haystack = f"{title} {url}"
    for kind, pattern in _RESOURCE_RULES:
        if re.search(pattern, haystack, re.IGNORECASE):
            return kind
    return "other"


_FIRST_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")
DESCRIPTION_LIMIT = 240


def first_sentence(text_html):
    """The one-line summary the parser derives from a recap's text."""
    match = _FIRST_PARAGRAPH.search(text_html or "")
    if not match:
        return ""
    text = " ".join(html.unescape(_TAG.sub("", match.group(1))).split())
    text = _SENTENCE_END.split(text, maxsplit=1)[0]
    if len(text) > DESCRIPTION_LIMIT:
        text = text[:DESCRIPTION_LIMIT].rsplit(" ", 1)[0] + "…"
    return text


def _jsonable(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_jsonable(item) for item in value]
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    return value


@dataclass
class ResourceListPlan:
    title: str
    description: str = ""
    text_html: str = ""
    resources: list = field(default_factory=list)

    def to_dict(self):
        return _jsonable(asdict(self))


@dataclass
class RecapPlan:
    title: str
    description: str = ""
    text_html: str = ""
    talk_kind: str = "talk"
    track: str | None = None
    session_date: datetime.date | None = None
    # The programme's slot and description (see formats/programme).
    session_start: datetime.datetime | None = None
    session_end: datetime.datetime | None = None
    room: str | None = None
    abstract: str = ""
    programme_id: str | None = None
    talk_url: str | None = None
    slides_url: str | None = None
    video_url: str | None = None
    highlight: bool = False
    speakers: list = field(default_factory=list)
    takeaways: list = field(default_factory=list)
    quotes: list = field(default_factory=list)
    resources: list = field(default_factory=list)
    subjects: list = field(default_factory=list)
    # Which rule of the reader found this recap, and whether that rule is a
    # weak one (a guess the author should check in the review step).
    rule: str = field(default="", compare=False)
    weak: bool = field(default=False, compare=False)

    def to_dict(self):
        return _jsonable(asdict(self))


@dataclass
class ConferencePlan:
    """The conference; ``warnings`` tell a dry-run what was ignored."""

    title: str
    description: str = ""
    text_html: str = ""
    start: datetime.date | None = None
    end: datetime.date | None = None
    whole_day: bool = True
    location: str | None = None
    conference_format: str | None = None
    event_url: str | None = None
    organizer: str | None = None
    tracks: list = field(default_factory=list)
    coverage_note: str | None = None
    subjects: list = field(default_factory=list)
    author: str | None = None
    date: datetime.date | None = None
    image: str | None = None
    recaps: list = field(default_factory=list)
    resource_lists: list = field(default_factory=list)
    warnings: list = field(default_factory=list, compare=False)

    def to_dict(self):
        return _jsonable(asdict(self))

    @classmethod
    def from_dict(cls, data):
        """The plan a dry run gave (``to_dict()``), as an author edited it.

        Strict: an unknown key, a value of the wrong type, a link that is not
        http(s) or a kind outside the vocabularies raises :class:`PlanError`
        naming the key, so nothing half-valid is imported.
        """
        return _from_dict(data)

    def summary(self):
        """Counts of what an import creates, for a dry-run or a 201 body."""
        speakers = {s["name"] for r in self.recaps for s in r.speakers}
        return {
            "conference": self.title,
            "recaps": len(self.recaps),
            "resource_lists": len(self.resource_lists),
            "speakers": len(speakers),
            "resources": sum(len(r.resources) for r in self.recaps)
            + sum(len(r.resources) for r in self.resource_lists),
            "takeaways": sum(len(r.takeaways) for r in self.recaps),
            "quotes": sum(len(r.quotes) for r in self.recaps),
        }


_COVERAGE = re.compile(r"\b(sponsor(?:ed|ship|s)?|sent me|on behalf of|covered)\b")
_TALK_PAGE = re.compile(r"/(presentations?|talks?|sessions?|schedule|program)/")


def coverage_from_summary(summary):
    """The sentence of the summary that says who covered it and why."""
    for sentence in _SENTENCE_END.split(summary or ""):
        if _COVERAGE.search(sentence):
            return sentence.strip()
    return None


def talk_url_from_speakers(speakers):
    """A speaker link that points at the talk's page on the conference site."""
    for speaker in speakers:
        if speaker.get("url") and _TALK_PAGE.search(speaker["url"]):
            return speaker["url"]
    return None


# --- from_dict: strict reading of an edited plan ---------------------------

_SPEAKER_KEYS = {"name": True, "url": False, "affiliation": False}
_RESOURCE_KEYS = {"title": True, "url": True, "description": False, "kind": False}


def _where(path):
    return "plan" + "".join(
        f"[{p!r}]" if isinstance(p, str) else f"[{p}]" for p in path
    )


def _fail(path, message):
    raise PlanError(f"{_where(path)}: {message}")


def _object(value, path, allowed):
    if not isinstance(value, dict):
        _fail(path, "must be a JSON object.")
    unknown = sorted(set(value) - set(allowed))
    if unknown:
        _fail(
            path + [unknown[0]],
            f"unknown key; allowed keys are {', '.join(sorted(allowed))}.",
        )
    return value


def _text(value, path, required=False, optional=True, strip=True):
    if value is None and optional and not required:
        return None
    if not isinstance(value, str):
        _fail(path, "must be a string.")
    value = value.strip() if strip else value
    if required and not value:
        _fail(path, "must not be empty.")
    return value


def _url(value, path, required=False):
    value = _text(value, path, required=required)
    if not value:
        return None
    if not is_http_url(value):
        _fail(path, f"'{value}' is not an http(s) link.")
    return value


def _flag(value, path):
    if not isinstance(value, bool):
        _fail(path, "must be true or false.")
    return value


def _day(value, path):
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        _fail(path, "must be a date as YYYY-MM-DD.")
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        _fail(path, f"'{value}' is not a date as YYYY-MM-DD.")


def moment(value):
    """A datetime from ISO 8601 text (with its UTC offset), or None."""
    try:
        return datetime.datetime.fromisoformat(value.strip())
    except (AttributeError, ValueError):
        return None


def _moment(value, path):
    if value is None or value == "":
        return None
    parsed = moment(value) if isinstance(value, str) else None
    if parsed is None:
        _fail(path, f"'{value}' is not a date and time as YYYY-MM-DDTHH:MM.")
    return parsed


def _strings(value, path):
    if not isinstance(value, list):
        _fail(path, "must be a list of strings.")
    return [
        _text(item, path + [index], required=True) for index, item in enumerate(value)
    ]


def _choice(value, path, choices, optional=False):
    if value is None and optional:
        return None
    if value not in choices:
        _fail(path, f"'{value}' is not one of {', '.join(choices)}.")
    return value


def _rows(value, path, keys, read):
    if not isinstance(value, list):
        _fail(path, "must be a list of objects.")
    rows = []
    for index, row in enumerate(value):
        row = _object(row, path + [index], keys)
        for key, required in keys.items():
            if required and key not in row:
                _fail(path + [index, key], "is required.")
        rows.append(read(row, path + [index]))
    return rows


def _speaker(row, path):
    return {
        "name": _text(row.get("name"), path + ["name"], required=True),
        "url": _url(row.get("url"), path + ["url"]),
        "affiliation": _text(row.get("affiliation"), path + ["affiliation"]) or None,
    }


def _resource(row, path):
    kind = row.get("kind") or "other"
    return {
        "title": _text(row.get("title"), path + ["title"], required=True),
        "url": _url(row.get("url"), path + ["url"], required=True),
        "description": _text(row.get("description"), path + ["description"]) or "",
        "kind": _choice(kind, path + ["kind"], RESOURCE_KINDS),
    }


_READERS = {
    "title": lambda v, p: _text(v, p, required=True),
    "description": lambda v, p: _text(v, p) or "",
    "text_html": lambda v, p: _text(v, p, strip=False) or "",
    "start": _day,
    "end": _day,
    "date": _day,
    "session_date": _day,
    "session_start": _moment,
    "session_end": _moment,
    "room": lambda v, p: _text(v, p) or None,
    "abstract": lambda v, p: _text(v, p, strip=False) or "",
    "programme_id": lambda v, p: _text(v, p) or None,
    "whole_day": _flag,
    "highlight": _flag,
    "weak": _flag,
    "location": _text,
    "organizer": _text,
    "coverage_note": _text,
    "author": _text,
    "image": _text,
    "track": lambda v, p: _text(v, p) or None,
    "rule": lambda v, p: _text(v, p) or "",
    "conference_format": lambda v, p: _choice(v, p, CONFERENCE_FORMATS, optional=True),
    "talk_kind": lambda v, p: _choice(v, p, TALK_KINDS),
    "event_url": _url,
    "talk_url": _url,
    "slides_url": _url,
    "video_url": _url,
    "tracks": _strings,
    "subjects": _strings,
    "takeaways": _strings,
    "quotes": _strings,
    "warnings": _strings,
    "speakers": lambda v, p: _rows(v, p, _SPEAKER_KEYS, _speaker),
    "resources": lambda v, p: _rows(v, p, _RESOURCE_KEYS, _resource),
}


def _dataclass_from(cls, value, path, nested):
    names = [f.name for f in fields(cls)]
    value = _object(value, path, names)
    if "title" not in value:
        _fail(path + ["title"], "is required.")
    kwargs = {}
    for name in names:
        if name not in value:
            continue
        if name in nested:
            item_cls = nested[name]
            items = value[name]
            if not isinstance(items, list):
                _fail(path + [name], "must be a list of objects.")
            kwargs[name] = [
                _dataclass_from(item_cls, item, path + [name, index], {})
                for index, item in enumerate(items)
            ]
        else:
            kwargs[name] = _READERS[name](value[name], path + [name])
    return cls(**kwargs)


def _from_dict(data):
    plan = _dataclass_from(
        ConferencePlan,
        data,
        [],
        {"recaps": RecapPlan, "resource_lists": ResourceListPlan},
    )
    if plan.start and not plan.end:
        plan.end = plan.start
    if plan.end and not plan.start:
        plan.start = plan.end
    if plan.start and plan.end < plan.start:
        _fail(["end"], "the conference ends before it starts.")
    return plan
