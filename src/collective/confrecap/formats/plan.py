"""What an import creates: a Conference with its recaps and resource lists.

Field names mirror the Dexterity fields of DESIGN.md, so the Plone side can
copy them one to one. The guessing rules shared by parser and writer live
here too: the writer leaves out what the parser would guess the same way.
"""

from dataclasses import asdict
from dataclasses import dataclass
from dataclasses import field

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
    talk_url: str | None = None
    slides_url: str | None = None
    video_url: str | None = None
    highlight: bool = False
    speakers: list = field(default_factory=list)
    takeaways: list = field(default_factory=list)
    quotes: list = field(default_factory=list)
    resources: list = field(default_factory=list)
    subjects: list = field(default_factory=list)

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
