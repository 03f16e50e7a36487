"""The outline of a document: what a heading is, and the segments it starts.

The blocks are cut at their headings; a day heading ('Day 2', 'Tuesday',
'March 14, 2023') groups the sections below it. Plain-text notes without
any heading get their short Title Case lines promoted to headings.
"""

from collective.confrecap.formats.dates import DAY_HEADING
from collective.confrecap.formats.dates import EXPLICIT_DATE
from collective.confrecap.formats.dates import OTHER_DAY_HEADING
from collective.confrecap.formats.markdown.blocks import Block
from dataclasses import dataclass
from dataclasses import field

import re


def _heading(block, level):
    """A paragraph promoted to a heading (plain-text notes)."""
    return Block(block.tokens, "heading", level, block.inline)


def _looks_like_heading(block, following):
    """A short Title Case line on its own, followed by more text."""
    if block.kind != "paragraph" or following is None:
        return False
    children = block.inline.children
    if any(token.type not in ("text",) for token in children):
        return False
    text = block.text
    if not text or len(text) > 90 or not text[0].isupper():
        return False
    if text[-1] in ".,;:" or len(text.split()) > 12:
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.6


_CLOSING = re.compile(
    r"^(closing|final|concluding|parting|last) (thoughts|words|remarks)$|"
    r"^(conclusions?|wrap[- ]?up|wrapping up|in closing|summing up)$",
    re.IGNORECASE,
)
_INTRO = re.compile(r"^(introduction|intro|overview|background)$", re.IGNORECASE)
TITLE_PREFIX = re.compile(
    r"^(keynote|talk|tutorial|workshop|panel|lightning talks?|social|other|"
    r"resources)\s*:\s*(\S.*)$",
    re.IGNORECASE,
)


def heading_role(text):
    """'closing', 'intro', 'day' or None (a talk or a resource list)."""
    clean = text.strip().rstrip(":").strip()
    if _CLOSING.match(clean):
        return "closing"
    if _INTRO.match(clean):
        return "intro"
    if DAY_HEADING.match(clean) and len(clean.split()) <= 8:
        return "day"
    if EXPLICIT_DATE.fullmatch(clean):
        return "day"
    if (
        OTHER_DAY_HEADING.search(clean)
        and len(clean.split()) <= 5
        and not TITLE_PREFIX.match(clean)
    ):
        return "day"
    return None


def is_title_prefixed(title):
    """Whether a title would lose a 'Keynote:'-style prefix when read back."""
    return bool(TITLE_PREFIX.match(title))


@dataclass
class _Segment:
    role: str  # intro, conference, day, section
    heading: Block | None = None
    level: int = 2
    blocks: list = field(default_factory=list)
    day: "_Segment | None" = None
    children: int = 0
    # (title, speakers, kind, rule) the heading names, see talks.py
    talk: tuple | None = None


def segments_of(blocks, talk_level=None):
    """Cut the blocks at their headings; day headings group what follows.

    With ``talk_level`` (where the talk-like headings cluster) deeper than
    the top level, the headings above it group the talks below them.
    """
    headings = [b for b in blocks if b.kind == "heading"]
    if not headings:
        promoted = []
        for index, block in enumerate(blocks):
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if _looks_like_heading(block, following):
                block = _heading(block, 2)
            promoted.append(block)
        blocks, headings = promoted, [b for b in promoted if b.kind == "heading"]
    top = min((h.level for h in headings), default=2)
    if talk_level is not None and talk_level > top:
        return _grouped_segments(blocks, top, talk_level)
    current = _Segment("intro", level=top)
    segments, day, child = [current], None, None
    for block in blocks:
        if block.kind != "heading":
            current.blocks.append(block)
            continue
        if day is not None and block.level <= day.level:
            day = None
        role = heading_role(block.text)
        if day is None and block.level == top and role == "day":
            day = current = _Segment("day", block, block.level)
            segments.append(day)
            child = None
            continue
        if day is not None:
            if child is not None and block.level > child:
                current.blocks.append(block)
                continue
            child = block.level
        elif block.level > top:
            current.blocks.append(block)
            continue
        if role in ("closing", "intro"):
            current = _Segment("conference", block, block.level)
        else:
            current = _Segment("section", block, block.level, day=day)
            if day is not None:
                day.children += 1
        segments.append(current)
    return segments


def _grouped_segments(blocks, top, talk_level):
    current = _Segment("intro", level=top)
    segments, groups = [current], []
    for block in blocks:
        if block.kind != "heading" or block.level > talk_level:
            current.blocks.append(block)
            continue
        role = heading_role(block.text)
        while groups and groups[-1].level >= block.level:
            groups.pop()
        if block.level < talk_level and role not in ("closing", "intro"):
            kind = "day" if role == "day" else "group"
            current = _Segment(kind, block, block.level)
            groups.append(current)
            segments.append(current)
            continue
        if role in ("closing", "intro"):
            current = _Segment("conference", block, block.level)
        else:
            # A day above (for the date), else the nearest group.
            day = next((g for g in reversed(groups) if g.role == "day"), None)
            current = _Segment(
                "section",
                block,
                block.level,
                day=day or (groups[-1] if groups else None),
            )
            for group in groups:
                group.children += 1
        segments.append(current)
    for segment in segments:
        if segment.role == "group" and not segment.children:
            segment.role = "section"  # a talk of its own ('## After Hours')
    return segments
