"""Talks without a heading of their own: table rows, lists of talk links, and
a link line over a speaker-name line. Each rule reads one block."""

from collective.confrecap.formats.markdown.blocks import Block
from collective.confrecap.formats.markdown.blocks import item_blocks
from collective.confrecap.formats.markdown.blocks import list_items
from collective.confrecap.formats.markdown.rendering import inline_pieces
from collective.confrecap.formats.markdown.rendering import plain_text
from collective.confrecap.formats.markdown.rendering import render_blocks
from collective.confrecap.formats.markdown.rendering import without_emphasis
from collective.confrecap.formats.markdown.talks import link_role
from collective.confrecap.formats.markdown.talks import speakers_of
from collective.confrecap.formats.markdown.talks import title_and_speakers
from collective.confrecap.formats.plan import RecapPlan
from collective.confrecap.formats.urls import is_http_url
from markdown_it.token import Token

import re


_TITLE_HEADER = re.compile(
    r"\b(topic|title|talk|session|vortrag|charla|t[íi]tulo|titel|presentation)s?\b",
    re.IGNORECASE,
)
_HEADER_ROLE = (
    ("video_url", re.compile(r"video|youtube|vimeo|recording", re.IGNORECASE)),
    ("slides_url", re.compile(r"slides|folien|presentation|deck", re.IGNORECASE)),
)
_TAIL_SPEAKERS = re.compile(r"^\s*(?:by|von|de|[-–—,])\s+(?P<names>\S.*)$")


def _recap(title, speakers, kind, rule, weak=False):
    recap = RecapPlan(title=title, talk_kind=kind or "talk", rule=rule, weak=weak)
    recap.speakers = speakers or []
    return recap


def _set_link(recap, url, label="", header_role=None):
    if not is_http_url(url):
        return
    role = link_role(url, label) or header_role or "talk_url"
    if getattr(recap, role) is None:
        setattr(recap, role, url)


# --- tables -----------------------------------------------------------------


def _rows(block):
    """[[inline token of each cell] of each row], header row first."""
    rows, row = [], None
    for token in block.tokens:
        if token.type == "tr_open":
            row = []
        elif token.type == "inline" and row is not None:
            row.append(token)
        elif token.type == "tr_close":
            rows.append(row)
            row = None
    return rows


def table_talks(block, kind=None):
    """Recaps of a table whose rows are talks, or None."""
    if block.kind != "table":
        return None
    rows = _rows(block)
    if len(rows) < 2:
        return None
    header = [plain_text(cell.children) for cell in rows[0]]
    column = next((i for i, h in enumerate(header) if _TITLE_HEADER.search(h)), 0)
    roles = []
    for text in header:
        roles.append(next((r for r, p in _HEADER_ROLE if p.search(text)), None))
    recaps, with_speakers = [], 0
    for row in rows[1:]:
        if column >= len(row):
            continue
        cell = row[column]
        text = plain_text(cell.children).strip()
        if not text or text in ("-", "–", "—"):
            continue
        title, speakers, row_kind, rule = title_and_speakers(text, loose=True)
        with_speakers += bool(speakers)
        recap = _recap(
            title, speakers, row_kind or kind, "table-row", weak=not speakers
        )
        for index, other in enumerate(row):
            for label, href in _links(other.children):
                role = roles[index] if index < len(roles) and index != column else None
                _set_link(recap, href, label, role)
        recaps.append(recap)
    has_links = any(r.video_url or r.slides_url or r.talk_url for r in recaps)
    title_like = bool(_TITLE_HEADER.search(header[column]))
    if len(recaps) < 2 or not (
        with_speakers * 2 >= len(recaps) or (title_like and has_links)
    ):
        return None
    return recaps


def _links(children):
    found, stack = [], []
    for index, token in enumerate(children):
        if token.type == "link_open":
            stack.append(index)
        elif token.type == "link_close" and stack:
            start = stack.pop()
            label = plain_text(children[start + 1 : index])
            found.append((label, children[start].attrGet("href")))
    return found


# --- lists of talk links ---------------------------------------------------------


def _item_talk(item):
    inner = item_blocks(item)
    if len(inner) != 1 or inner[0].kind != "paragraph":
        return None
    pieces = inline_pieces(without_emphasis(inner[0].inline.children))
    if not pieces:
        return None
    if pieces[0][0] == "text" and not pieces[0][1].strip():
        pieces = pieces[1:]
    if not pieces or pieces[0][0] != "link" or len(pieces) > 2:
        return None
    _, label, href, _markup = pieces[0]
    title, speakers, kind, rule = title_and_speakers(label, loose=True)
    if len(pieces) == 2:
        if pieces[1][0] != "text":
            return None
        match = _TAIL_SPEAKERS.match(pieces[1][1])
        if not match or speakers:
            return None
        speakers = speakers_of(match.group("names"), strict=False)
        rule = "link-by"
    if not speakers:
        return None
    recap = _recap(title, speakers, kind, f"link-list-{rule}")
    _set_link(recap, href, label)
    return recap


def list_talks(block):
    """(recaps, the rest of the list or None) of a list of talk links.

    At least two items must read as '[Title](url) by Name' or
    '[Title - Name](url)'; other items stay in the list.
    """
    if block.kind not in ("bullet_list", "ordered_list"):
        return [], block
    items = list_items(block)
    talks = [(item, _item_talk(item)) for item in items]
    recaps = [recap for _item, recap in talks if recap is not None]
    if len(recaps) < 2:
        return [], block
    kept = [item for item, recap in talks if recap is None]
    if not kept:
        return recaps, None
    tokens = [block.tokens[0]] + [t for item in kept for t in item] + [block.tokens[-1]]
    return recaps, Block(tokens, block.kind)


# --- a link line over a speaker line ----------------------------------------------


def _lines(children):
    lines, current = [], []
    for token in children:
        if token.type in ("softbreak", "hardbreak"):
            lines.append(current)
            current = []
        else:
            current.append(token)
    lines.append(current)
    return lines


def link_line_talk(block, level=2):
    """'[Title](video)' / 'Name' / text… in one paragraph → a recap, or None."""
    if block.kind != "paragraph":
        return None
    children = block.inline.children
    lines = _lines(children)
    if len(lines) < 2:
        return None
    pieces = inline_pieces(without_emphasis(lines[0]))
    if pieces is None:
        return None
    pieces = [p for p in pieces if not (p[0] == "text" and not p[1].strip())]
    if len(pieces) != 1 or pieces[0][0] != "link" or not is_http_url(pieces[0][2]):
        return None
    names = plain_text(lines[1]).strip()
    speakers = speakers_of(names) if names else None
    if not speakers:
        return None
    _, label, href, _markup = pieces[0]
    title, more, kind, _rule = title_and_speakers(label, loose=True)
    recap = _recap(title, speakers, kind, "link-line")
    _set_link(recap, href, label)
    rest = [t for line in lines[2:] for t in [*line, _softbreak()]][:-1]
    if rest:
        inline = Token("inline", "", 0)
        inline.children = rest
        inline.content = ""
        paragraph = Block(
            [
                Token("paragraph_open", "p", 1),
                inline,
                Token("paragraph_close", "p", -1),
            ],
            "paragraph",
            0,
            inline,
        )
        recap.text_html = render_blocks([paragraph], level)
    return recap


def _softbreak():
    return Token("softbreak", "br", 0)
