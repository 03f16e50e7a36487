"""Read a conference write-up (Markdown or plain text) into a ConferencePlan.

The document is parsed once with markdown-it (CommonMark); the top-level
blocks are then cut into sections by their headings and each block is handed
to the first rule that claims it. Whatever no rule claims lands in the
nearest ``text_html``, so no sentence and no link of the source is lost.
"""

from collective.confrecap.importer.errors import DocumentTooLargeError
from collective.confrecap.importer.errors import EmptyDocumentError
from collective.confrecap.importer.errors import FrontMatterError
from collective.confrecap.importer.errors import NotTextError
from collective.confrecap.importer.errors import UnreadableDateError
from collective.confrecap.importer.frontmatter import split_front_matter
from collective.confrecap.importer.plan import CONFERENCE_FORMATS
from collective.confrecap.importer.plan import ConferencePlan
from collective.confrecap.importer.plan import coverage_from_summary
from collective.confrecap.importer.plan import first_sentence
from collective.confrecap.importer.plan import guess_resource_kind
from collective.confrecap.importer.plan import guess_talk_kind
from collective.confrecap.importer.plan import RecapPlan
from collective.confrecap.importer.plan import ResourceListPlan
from collective.confrecap.importer.plan import talk_url_from_speakers
from collective.confrecap.urls import is_http_url
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import datetime
from datetime import timedelta
import ftfy
import html
from markdown_it import MarkdownIt
from markdown_it.token import Token
import re


MAX_SIZE = 1_000_000

_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    normalization=None,
    explain=False,
)


def _markdown_it():
    md = MarkdownIt("commonmark", {"html": False})
    # Keep every destination as written: _sanitize() decides what a link is.
    md.validateLink = lambda url: True
    md.normalizeLink = lambda url: url
    return md


MD = _markdown_it()

MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
WEEKDAYS = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
]
_MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_NUMBERS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
]

# --------------------------------------------------------------------------
# Entry points


def parse_markdown_bytes(data):
    """Decode an upload (UTF-8 only) and parse it."""
    if len(data) > MAX_SIZE:
        raise DocumentTooLargeError(_too_large(len(data)))
    if b"\x00" in data:
        raise NotTextError("This is not a text file: upload a Markdown file.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise NotTextError(
            "This is not a text file in UTF-8: save it as UTF-8 Markdown and "
            "upload it again."
        ) from error
    return parse_markdown(text)


def parse_markdown(text):
    """Return the ConferencePlan a Markdown document describes."""
    if not isinstance(text, str):
        raise NotTextError("This is not a text file: upload a Markdown file.")
    if len(text) > MAX_SIZE:
        raise DocumentTooLargeError(_too_large(len(text)))
    if "\x00" in text:
        raise NotTextError("This is not a text file: upload a Markdown file.")
    if not text.strip():
        raise EmptyDocumentError("The document is empty: there is nothing to import.")
    text = _unbullet(ftfy.fix_text(text, _FTFY))
    front = split_front_matter(text)
    if not front.data and not front.body.strip():
        raise EmptyDocumentError("The document is empty: there is nothing to import.")
    return _Reader(front).read()


def _too_large(size):
    return (
        f"The document is too large ({size:,} characters); the limit is "
        f"{MAX_SIZE:,}. Split it into several imports."
    )


_BULLET = re.compile(r"^(\s*)[•◦▪‣]\s+", re.MULTILINE)
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")


def _unbullet(text):
    """Turn typographic bullets (plain-text notes) into Markdown list items."""
    lines, fenced = [], False
    for line in text.splitlines(keepends=True):
        if _FENCE.match(line):
            fenced = not fenced
        lines.append(line if fenced else _BULLET.sub(r"\1- ", line))
    return "".join(lines)


# --------------------------------------------------------------------------
# Inline tokens: links, plain text, Markdown


def _sanitize(children):
    """Turn every link and image that is not http(s) back into its text."""
    out, skip_to = [], None
    for index, token in enumerate(children):
        if skip_to is not None:
            if index <= skip_to:
                continue
            skip_to = None
        if token.type == "link_open" and not is_http_url(token.attrGet("href")):
            href = token.attrGet("href") or ""
            close = _closing(children, index)
            if token.markup == "autolink":
                out.append(_text("<" + _plain(children[index + 1 : close]) + ">"))
                skip_to = close
                continue
            out.append(_text("["))
            children[close] = _text(f"]({href})")
            continue
        if token.type == "image" and not is_http_url(token.attrGet("src")):
            out.append(_text(f"![{token.content}]({token.attrGet('src') or ''})"))
            continue
        out.append(token)
    return out


def _text(content):
    token = Token("text", "", 0)
    token.content = content
    return token


def _closing(children, index):
    depth = 0
    for position in range(index, len(children)):
        kind = children[position].type
        depth += {"link_open": 1, "link_close": -1}.get(kind, 0)
        if depth == 0:
            return position
    return len(children) - 1


def _plain(children, urls=False):
    """Plain text; with ``urls``, a link keeps its address: 'text (url)'."""
    parts, stack = [], []
    for token in children:
        if token.type in ("text", "code_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif token.type == "image":
            parts.append(token.content)
        elif token.type == "link_open":
            stack.append((token.attrGet("href"), len(parts)))
        elif token.type == "link_close" and stack:
            href, start = stack.pop()
            label = "".join(parts[start:]).strip()
            if urls and label != href:
                parts.append(f" ({href})")
    return " ".join("".join(parts).split())


_ESCAPE = re.compile(r"([\\`*_\[\]<>])|(&(?=#?\w+;))|((?:^|(?<=\s))#)")
_LINE_START = re.compile(r"^(\s*)([-+>=~]|\d+[.)])")


def escape_markdown(text, line_start=True):
    """Plain text → Markdown inline text that reads back as the same text."""
    text = _ESCAPE.sub(lambda m: "\\" + m.group(0), text)
    return _escape_line_start(text) if line_start else text


def _escape_line_start(text):
    return _LINE_START.sub(
        lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], text
    )


def escape_url(url):
    return re.sub(r"([()<>\\ ]|&(?=#?\w+;))", r"\\\1", url)


def _to_markdown(children):
    """Inline tokens → Markdown, links kept (resource descriptions)."""
    parts, opened = [], []
    for token in children:
        kind = token.type
        if kind == "text":
            parts.append(escape_markdown(token.content, line_start=False))
        elif kind in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif kind == "code_inline":
            parts.append(_code(token.content))
        elif kind in ("em_open", "em_close"):
            parts.append("*")
        elif kind in ("strong_open", "strong_close"):
            parts.append("**")
        elif kind == "link_open":
            opened.append((token, len(parts)))
            parts.append("[")
        elif kind == "link_close" and opened:
            opener, start = opened.pop()
            href = opener.attrGet("href")
            if opener.markup == "autolink":
                parts[start:] = [f"<{href}>"]
            else:
                parts.append(f"]({escape_url(href)})")
        elif kind == "image":
            src = escape_url(token.attrGet("src"))
            parts.append(f"![{escape_markdown(token.content, False)}]({src})")
    return _escape_line_start(" ".join("".join(parts).split()))


def _code(content):
    fence = "`" * (max(map(len, re.findall("`+", content)), default=0) + 1)
    pad = " " if content.startswith("`") or content.endswith("`") else ""
    return f"{fence}{pad}{content}{pad}{fence}"


def _links(children):
    """(text, href) of each http(s) link, in order."""
    found, stack = [], []
    for index, token in enumerate(children):
        if token.type == "link_open":
            stack.append(index)
        elif token.type == "link_close" and stack:
            start = stack.pop()
            found.append((_plain(children[start + 1 : index]), children[start]))
    return [(label, token.attrGet("href"), token.markup) for label, token in found]


def _pieces(children):
    """Flatten inline tokens into ('text', str) and ('link', label, href, markup).

    Returns None when there is formatting other than links (a speaker line or
    a resource item is plain text and links).
    """
    pieces, index = [], 0
    while index < len(children):
        token = children[index]
        if token.type in ("text", "softbreak", "hardbreak"):
            value = token.content if token.type == "text" else " "
            if pieces and pieces[-1][0] == "text":
                pieces[-1] = ("text", pieces[-1][1] + value)
            else:
                pieces.append(("text", value))
        elif token.type == "link_open":
            close = _closing(children, index)
            inner = children[index + 1 : close]
            pieces.append(("link", _plain(inner), token.attrGet("href"), token.markup))
            index = close
        else:
            return None
        index += 1
    return pieces


# --------------------------------------------------------------------------
# Blocks and sections


@dataclass
class Block:
    tokens: list
    kind: str
    level: int = 0
    inline: Token | None = None

    @property
    def text(self):
        return _plain(self.inline.children) if self.inline else ""


def _blocks(tokens):
    blocks, index = [], 0
    while index < len(tokens):
        token, end = tokens[index], index
        if token.nesting == 1:
            depth = 0
            while True:
                depth += tokens[end].nesting
                if depth == 0:
                    break
                end += 1
        part = tokens[index : end + 1]
        kind = token.type.removesuffix("_open")
        inline = part[1] if kind in ("heading", "paragraph") else None
        level = int(token.tag[1]) if kind == "heading" else 0
        blocks.append(Block(part, kind, level, inline))
        index = end + 1
    return blocks


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
_PREFIX = re.compile(
    r"^(keynote|talk|tutorial|workshop|panel|lightning talks?|social|other|"
    r"resources)\s*:\s*(\S.*)$",
    re.IGNORECASE,
)
_DAY = re.compile(
    rf"^(?:day\s+(\d+|{'|'.join(_NUMBERS)})|({'|'.join(WEEKDAYS)}))\b", re.IGNORECASE
)
_EXPLICIT_DATE = re.compile(
    rf"\b{_MONTH}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})"
)


def heading_role(text):
    """'closing', 'intro', 'day' or None (a talk or a resource list)."""
    clean = text.strip().rstrip(":").strip()
    if _CLOSING.match(clean):
        return "closing"
    if _INTRO.match(clean):
        return "intro"
    if _DAY.match(clean) and len(clean.split()) <= 8:
        return "day"
    if _EXPLICIT_DATE.fullmatch(clean):
        return "day"
    return None


@dataclass
class _Segment:
    role: str  # intro, conference, day, section
    heading: Block | None = None
    level: int = 2
    blocks: list = field(default_factory=list)
    day: "_Segment | None" = None
    children: int = 0


def _segments(blocks):
    """Cut the blocks at their headings; day headings group what follows."""
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


# --------------------------------------------------------------------------
# Rendering


def _render(blocks, level):
    """HTML of blocks whose section heading is at ``level``.

    Sub-headings are stored relative to it (a first sub-level is <h3>), so a
    recap's text does not depend on how deep the source nested it.
    """
    tokens = []
    for block in blocks:
        if block.kind == "heading":
            tag = f"h{min(6, max(3, block.level - level + 2))}"
            opener = Token("heading_open", tag, 1)
            closer = Token("heading_close", tag, -1)
            tokens.extend([opener, block.inline, closer])
        else:
            tokens.extend(block.tokens)
    return canonical_html(MD.renderer.render(tokens, MD.options, {}))


def _heading_html(block):
    return (
        f"<h2>{MD.renderer.renderInline(block.inline.children, MD.options, {})}</h2>\n"
    )


def render_markdown(text):
    """Markdown → the sanitised HTML the parser stores."""
    tokens = MD.parse(text)
    _sanitize_tokens(tokens)
    return MD.renderer.render(tokens, MD.options, {})


def canonical_html(text_html):
    """The HTML in the form an export → import reproduces exactly."""
    from collective.confrecap.importer.writer import html_to_markdown

    for _ in range(3):
        again = render_markdown(html_to_markdown(text_html))
        if again == text_html:
            break
        text_html = again
    return text_html


def _sanitize_tokens(tokens):
    for token in tokens:
        if token.type == "inline":
            token.children = _sanitize(token.children or [])


# --------------------------------------------------------------------------
# Inside a section


_FIELD = re.compile(
    r"^(track|talk page|talk|slides|video|highlight|tags|summary)\s*:\s*(.*)$",
    re.IGNORECASE,
)
_URL_FIELDS = {"talk page": "talk_url", "talk": "talk_url", "slides": "slides_url"}
_URL_FIELDS["video"] = "video_url"
_BY = re.compile(r"^\s*(?:by|presented by|speakers?\s*:)\s+", re.IGNORECASE)
_SEPARATOR = re.compile(r"\s*(?:,\s*and\s+|,|\s+and\s+|\s+&\s+|;)\s*")
_TAKEAWAY_INTRO = re.compile(
    r"\b(takeaways?|take-aways?|notes|highlights|lessons|learnings|key points)\b",
    re.IGNORECASE,
)
_TAKEAWAYS_LABEL = re.compile(r"^(key\s+)?takeaways?\s*:?$", re.IGNORECASE)
_RESOURCE_SEPARATOR = re.compile(r"^\s*(?:--|—|–|-|:)\s*")
_KIND_LABELS = {
    "tool": "tool",
    "library": "library",
    "documentation": "documentation",
    "docs": "documentation",
    "article": "article",
    "cheat sheet": "cheat-sheet",
    "cheat-sheet": "cheat-sheet",
    "video": "video",
    "slides": "slides",
    "service": "service",
    "training": "training",
    "other": "other",
}
_NAME_WORD = r"(?:[A-Z][\w'’-]+|[A-Z]\.)"
_NAME = rf"{_NAME_WORD}(?: {_NAME_WORD}){{1,3}}"
_VERBS = r"(?:gave|presented|led|hosted|delivered|ran|talked|spoke|shared)"
_PROSE_SPEAKER = (
    re.compile(rf"^(?P<name>{_NAME}), (?:an? |the )?(?P<aff>[^,]{{3,80}}), {_VERBS}\b"),
    re.compile(rf"^(?P<name>{_NAME}) {_VERBS}\b"),
    re.compile(
        rf"\b(?:talk|keynote|presentation|session|tutorial) by (?P<name>{_NAME})"
    ),
)
_FAVOURITE = re.compile(
    r"\bmy (?:absolute )?favou?rite (?:talk|session|keynote|workshop|tutorial|event|"
    r"activity)\b",
    re.IGNORECASE,
)
_QUOTE_IN_PROSE = re.compile(r"\bquote\b[^\"“:]{0,80}:\s*[\"“]([^\"”]{3,300})[\"”]")
_GAVE_KEYNOTE = re.compile(r"\bgave (?:the|a|an) (?:\w+ )?keynote\b", re.IGNORECASE)
_TEAM = re.compile(r"^the (.+ team)$", re.IGNORECASE)


def _speaker_line(block):
    """Speakers of a 'By …' or 'Speakers: …' paragraph, or None."""
    pieces = _pieces(block.inline.children)
    if not pieces or pieces[0][0] != "text" or not _BY.match(pieces[0][1]):
        return None
    pieces[0] = ("text", _BY.sub("", pieces[0][1], count=1))
    if pieces[-1][0] == "text":
        pieces[-1] = ("text", pieces[-1][1].rstrip().removesuffix("."))
    groups = [[]]
    for piece in pieces:
        if piece[0] == "link":
            groups[-1].append(piece)
            continue
        for number, part in enumerate(_SEPARATOR.split(piece[1])):
            if number:
                groups.append([])
            if part.strip():
                groups[-1].append(("text", part))
    speakers = [_speaker(group) for group in groups if group]
    if not speakers or None in speakers:
        return None
    return speakers


def _speaker(group):
    affiliation = None
    last = group[-1]
    if last[0] == "text":
        match = re.match(r"^(.*?)\s*\(([^()]+)\)\s*$", last[1])
        if match:
            affiliation = match.group(2).strip()
            group = group[:-1] + ([("text", match.group(1))] if match.group(1) else [])
    links = [piece for piece in group if piece[0] == "link"]
    texts = " ".join(piece[1] for piece in group if piece[0] == "text").split()
    if len(links) > 1 or not group:
        return None
    if links:
        if texts not in ([], ["the"]):
            return None
        name, url = links[0][1], links[0][2]
        if texts and not name.lower().endswith("team"):
            return None
    else:
        name, url = " ".join(texts), None
        team = _TEAM.match(name)
        name = team.group(1) if team else name
    name = " ".join(name.split())
    if not name or not name[0].isupper() or len(name.split()) > 8:
        return None
    if re.search(r"[!?;:]|\w\w\.", name):
        return None
    return {"name": name, "url": url, "affiliation": affiliation}


def _field_lines(block):
    """{field: value} of a paragraph made only of 'Track: …' style lines."""
    lines, current = [], []
    for token in block.inline.children:
        if token.type in ("softbreak", "hardbreak"):
            lines.append(current)
            current = []
        else:
            current.append(token)
    lines.append(current)
    fields = {}
    for line in lines:
        pieces = _pieces(line)
        if not pieces or pieces[0][0] != "text":
            return None
        match = _FIELD.match(pieces[0][1].strip() if len(pieces) > 1 else _plain(line))
        if not match:
            return None
        label = match.group(1).lower()
        if label in _URL_FIELDS:
            links = [p for p in pieces[1:] if p[0] == "link"]
            rest = "".join(p[1] for p in pieces[1:] if p[0] == "text").strip()
            if len(links) != 1 or rest or match.group(2).strip():
                return None
            fields[_URL_FIELDS[label]] = links[0][2]
            continue
        if len(pieces) > 1:
            return None
        value = " ".join(match.group(2).split())
        if not value:
            return None
        if label == "highlight":
            if value.lower() not in ("yes", "true"):
                return None
            fields["highlight"] = True
        elif label == "tags":
            fields["subjects"] = [t.strip() for t in value.split(",") if t.strip()]
        else:
            fields["description" if label == "summary" else label] = value
    return fields


def _list_items(block):
    """Token lists of the top-level items of a list block."""
    return [b.tokens for b in _blocks(block.tokens[1:-1])]


def _item_blocks(item):
    return _blocks(item[1:-1])


def _simple_items(block):
    """Plain text of each item, if every item is one paragraph."""
    texts = []
    for item in _list_items(block):
        inner = _item_blocks(item)
        if len(inner) != 1 or inner[0].kind != "paragraph":
            return None
        texts.append(_plain(inner[0].inline.children, urls=True))
    return texts


_LEADING_SEPARATOR = re.compile(r"^\s*(?:,\s*and\s+|,|and\s+|&|;)\s*")


def _resources_of_inline(children):
    """Resources of a list item's first line, or None if it is not one."""
    pieces = _pieces(children)
    if pieces is None:
        return None
    kind = None
    if len(pieces) > 1 and pieces[0][0] == "text" and pieces[1][0] == "link":
        label = pieces[0][1].strip()
        if label.endswith(":") and label[:-1].strip().lower() in _KIND_LABELS:
            kind = _KIND_LABELS[label[:-1].strip().lower()]
            pieces = pieces[1:]
    found, index = [], 0
    while index < len(pieces):
        piece, title = pieces[index], None
        if piece[0] == "text":
            text = piece[1]
            if found:
                separator = _LEADING_SEPARATOR.match(text)
                if not separator:
                    break
                text = text[separator.end() :]
            following = pieces[index + 1] if index + 1 < len(pieces) else None
            if not following or following[0] != "link" or following[3] != "autolink":
                break
            title = " ".join(text.split()).strip(" :-–—")
            piece, index = following, index + 1
        elif found:
            break
        if not is_http_url(piece[2]):
            break
        if piece[3] != "autolink":
            title = piece[1]
        found.append({"title": title or piece[1], "url": piece[2], "description": ""})
        index += 1
    if not found:
        return None
    rest = pieces[index:]
    if rest:
        if len(found) > 1 or rest[0][0] != "text":
            return None
        if not _RESOURCE_SEPARATOR.match(rest[0][1]):
            return None
        found[0]["description"] = _to_markdown(_after_link(children))
    for resource in found:
        resource["kind"] = kind or guess_resource_kind(
            resource["title"], resource["url"]
        )
    return found


def _after_link(children):
    """The tokens after the first link, without the leading ' -- '."""
    start = next(i for i, t in enumerate(children) if t.type == "link_open")
    tail = children[_closing(children, start) + 1 :]
    while tail and tail[0].type != "text":
        tail = tail[1:]
    if tail:
        tail = [_text(_RESOURCE_SEPARATOR.sub("", tail[0].content, count=1))] + tail[1:]
    return tail


def _resource_item(item):
    """Resources of a list item that is only links (and sub-lists of links)."""
    inner = _item_blocks(item)
    if not inner or inner[0].kind != "paragraph":
        return None
    found = _resources_of_inline(inner[0].inline.children)
    if found is None:
        return None
    for block in inner[1:]:
        if block.kind not in ("bullet_list", "ordered_list"):
            return None
        for sub in _list_items(block):
            more = _resource_item(sub)
            if more is None:
                return None
            found.extend(more)
    return found


def _split_list(block):
    """(resources, the list without them or None) of a list block."""
    resources, kept = [], []
    for item in _list_items(block):
        found = _resource_item(item)
        if found is None:
            kept.append(item)
        else:
            resources.extend(found)
    if not resources:
        return [], block
    if not kept:
        return resources, None
    tokens = [block.tokens[0]] + [t for item in kept for t in item] + [block.tokens[-1]]
    return resources, Block(tokens, block.kind)


def _quote_text(block):
    paragraphs = [
        _plain(token.children, urls=True)
        for token in block.tokens
        if token.type == "inline"
    ]
    paragraphs += [
        " ".join(token.content.split())
        for token in block.tokens
        if token.type in ("fence", "code_block")
    ]
    return "\n\n".join(p for p in paragraphs if p)


@dataclass
class _Section:
    speakers: list = field(default_factory=list)
    fields: dict = field(default_factory=dict)
    body: list = field(default_factory=list)
    takeaways: list = field(default_factory=list)
    quotes: list = field(default_factory=list)
    resources: list = field(default_factory=list)

    @property
    def marked(self):
        recap_fields = set(self.fields) - {"description", "subjects"}
        return bool(self.speakers or recap_fields or self.takeaways or self.quotes)

    @property
    def simple_body(self):
        return _simple(self.body)


def _simple(blocks):
    """Text that may stand before a list of links: two paragraphs and lists."""
    kinds = [b.kind for b in blocks]
    allowed = ("bullet_list", "ordered_list", "paragraph")
    return all(k in allowed for k in kinds) and kinds.count("paragraph") <= 2


def is_simple_body(markdown):
    """Whether a section with this text and links reads as a resource list."""
    return _simple(_blocks(MD.parse(markdown)))


def is_title_prefixed(title):
    """Whether a title would lose a 'Keynote:'-style prefix when read back."""
    return bool(_PREFIX.match(title))


def _read_section(blocks, recap=True):
    section, leading = _Section(), True
    index = 0
    while index < len(blocks):
        block = blocks[index]
        index += 1
        if leading and block.kind == "paragraph":
            speakers = None
            if recap and not section.speakers:
                speakers = _speaker_line(block)
            if speakers:
                section.speakers = speakers
                continue
            fields = _field_lines(block)
            if fields and (recap or set(fields) <= {"description", "subjects"}):
                section.fields.update(fields)
                continue
        leading = False
        following = blocks[index] if index < len(blocks) else None
        if (
            recap
            and block.kind == "paragraph"
            and following is not None
            and following.kind in ("bullet_list", "ordered_list")
            and _TAKEAWAY_INTRO.search(block.text)
            and (block.text.endswith(":") or _TAKEAWAYS_LABEL.match(block.text))
        ):
            items = _simple_items(following)
            if items and not any(_resource_item(i) for i in _list_items(following)):
                if not _TAKEAWAYS_LABEL.match(block.text):
                    section.body.append(block)
                section.takeaways.extend(items)
                index += 1
                continue
        if recap and block.kind == "blockquote":
            quote = _quote_text(block)
            if quote:
                _add_unique(section.quotes, quote)
                continue
        if block.kind in ("bullet_list", "ordered_list"):
            resources, rest = _split_list(block)
            section.resources.extend(resources)
            if rest is not None:
                section.body.append(rest)
            continue
        section.body.append(block)
    return section


def _add_unique(values, value):
    if value not in values:
        values.append(value)


# --------------------------------------------------------------------------
# The whole document


class _Reader:
    def __init__(self, front):
        self.front = front
        self.plan = ConferencePlan(title="")
        self.intro_text = ""
        self.intro_links = []

    def read(self):
        tokens = MD.parse(self.front.body)
        _sanitize_tokens(tokens)
        blocks = _blocks(tokens)
        title = self._title_block(blocks)
        segments = _segments(blocks)
        self._front_matter(title)
        self._conference_text(segments)
        self._conference_from_text()
        for seg in segments:
            if seg.role == "section":
                self._section(seg)
        return self.plan

    # front matter and title ------------------------------------------------

    def _title_block(self, blocks):
        h1 = [b for b in blocks if b.kind == "heading" and b.level == 1]
        if h1 and blocks[0] is h1[0] and len(h1) == 1:
            return blocks.pop(0).text
        return None

    def _front_matter(self, heading_title):
        data, plan = self.front.data, self.plan
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
        self.extra_heading = None
        if heading_title and post_title:
            same = {post_title.casefold(), plan.title.casefold()}
            if heading_title.casefold() not in same:
                self.extra_heading = heading_title
        if not plan.title:
            plan.title = "Untitled conference"
            plan.warnings.append("No title found: the conference is 'Untitled'.")
        plan.author = _string(data.get("author")) or None
        plan.date = self._date("date")
        plan.start = self._date("start")
        plan.end = self._date("end")
        if plan.start and not plan.end:
            plan.end = plan.start
        if plan.end and not plan.start:
            plan.start = plan.end
        if plan.start and plan.end < plan.start:
            raise UnreadableDateError(
                "The conference ends before it starts: check 'start' and 'end'.",
                line=self.front.line_of("end"),
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
                _add_unique(plan.subjects, tag)
        plan.tracks = []
        for track in _string_list(data.get("tracks")):
            _add_unique(plan.tracks, track)
        plan.image = _image(data.get("image"))
        plan.coverage_note = _string(
            data.get("coverage_note") or data.get("coverage")
        ) or coverage_from_summary(plan.description)
        if data.get("format") is not None:
            plan.conference_format = self._format(data["format"])
        if data.get("url") is not None:
            url = _string(data["url"])
            if not is_http_url(url):
                raise FrontMatterError(
                    f"The conference url '{url}' is not an http(s) link.",
                    line=self.front.line_of("url"),
                )
            plan.event_url = url

    def _date(self, key):
        value = self.front.data.get(key)
        if value is None or value == "":
            return None
        parsed = _read_date(value)
        if parsed is None:
            raise UnreadableDateError(
                f"The {key} '{value}' is not a date I can read: write it as "
                f"YYYY-MM-DD, e.g. 2023-03-13.",
                line=self.front.line_of(key),
            )
        return parsed

    def _format(self, value):
        text = _string(value).lower().replace("_", "-")
        found = _format_in(text)
        if found is None:
            choices = ", ".join(CONFERENCE_FORMATS)
            raise FrontMatterError(
                f"The format '{value}' is not one of {choices}.",
                line=self.front.line_of("format"),
            )
        return found

    # conference text --------------------------------------------------------

    def _conference_text(self, segments):
        parts, texts = [], []
        if self.extra_heading:
            parts.append(f"<p><strong>{html.escape(self.extra_heading)}</strong></p>\n")
        for seg in segments:
            if seg.role == "section":
                continue
            blocks = self._pull_resource_lists(seg.blocks)
            if seg.role == "day" and not (blocks or not seg.children):
                continue
            if seg.heading is not None:
                parts.append(_heading_html(seg.heading))
                texts.append(seg.heading.text)
            if blocks:
                parts.append(_render(blocks, seg.level))
            for block in seg.blocks:
                texts.extend(
                    _plain(t.children) for t in block.tokens if t.type == "inline"
                )
                if seg.role == "intro":
                    self.intro_links.extend(
                        link
                        for t in block.tokens
                        if t.type == "inline"
                        for link in _links(t.children)
                    )
            if seg.role == "intro":
                self.intro_text = " ".join(texts)
        self.plan.text_html = "".join(parts)
        self.conference_text = " ".join(texts)

    def _pull_resource_lists(self, blocks):
        """A list item 'Category' with a sub-list of links is a resource list."""
        kept = []
        for block in blocks:
            if block.kind not in ("bullet_list", "ordered_list"):
                kept.append(block)
                continue
            items = []
            for item in _list_items(block):
                resource_list = _category(item)
                if resource_list is None:
                    items.append(item)
                else:
                    self.plan.resource_lists.append(resource_list)
            if items:
                tokens = [block.tokens[0], *[t for i in items for t in i]]
                kept.append(Block(tokens + [block.tokens[-1]], block.kind))
        return kept

    def _conference_from_text(self):
        plan = self.plan
        if plan.start is None:
            plan.start, plan.end = _dates_in(
                self.intro_text, self._year(), plan.date, plan.warnings
            )
        if not plan.tracks:
            plan.tracks = _tracks_in(self.intro_text)
        if plan.conference_format is None:
            plan.conference_format = _format_in(self.conference_text.lower())
        if plan.event_url is None:
            name = plan.title.casefold()
            bare = re.sub(r"\s*\b(19|20)\d\d\b\s*", " ", name).strip()
            for label, href, _markup in self.intro_links:
                label = label.casefold().strip()
                if len(label) > 3 and (label in name or bare in label):
                    plan.event_url = href
                    break
        if plan.organizer is None:
            plan.organizer = _organizer_in(self.conference_text)

    def _year(self):
        if self.plan.date:
            return self.plan.date.year
        match = re.search(r"\b(19|20)\d\d\b", self.plan.title)
        return int(match.group(0)) if match else None

    # sections ---------------------------------------------------------------

    def _section(self, seg):
        raw = seg.heading.text
        match = _PREFIX.match(raw)
        prefix = match.group(1).lower() if match else None
        title = match.group(2).strip() if match else raw
        if prefix == "resources":
            section = _read_section(seg.blocks, recap=False)
            self.plan.resource_lists.append(self._resource_list(title, seg, section))
            return
        section = _read_section(seg.blocks)
        marked = prefix or section.marked
        if not marked and section.resources and section.simple_body:
            resource_list = self._resource_list(title, seg, section)
            self.plan.resource_lists.append(resource_list)
            return
        kind = _kind(prefix) if prefix else guess_talk_kind(title)
        self.plan.recaps.append(self._recap(title, kind, seg, section, bool(prefix)))

    def _resource_list(self, title, seg, section):
        text_html = _render(section.body, seg.level) if section.body else ""
        return ResourceListPlan(
            title=title,
            description=section.fields.get("description", first_sentence(text_html)),
            text_html=text_html,
            resources=_heading_resources(seg.heading) + section.resources,
        )

    def _recap(self, title, kind, seg, section, explicit_kind):
        text_html = _render(section.body, seg.level) if section.body else ""
        fields = section.fields
        recap = RecapPlan(title=title, talk_kind=kind, text_html=text_html)
        recap.speakers = section.speakers
        prose = " ".join(b.text for b in section.body if b.kind == "paragraph")
        if not recap.speakers:
            recap.speakers = _speakers_in(section.body[:2])
        if not explicit_kind and kind == "talk" and _GAVE_KEYNOTE.search(prose):
            recap.talk_kind = "keynote"
        recap.takeaways = section.takeaways
        recap.quotes = []
        for match in _QUOTE_IN_PROSE.finditer(prose):
            _add_unique(recap.quotes, match.group(1).strip())
        for quote in section.quotes:
            _add_unique(recap.quotes, quote)
        heading_links = _heading_resources(seg.heading)
        recap.talk_url = fields.get("talk_url")
        if heading_links and not recap.talk_url:
            recap.talk_url = heading_links.pop(0)["url"]
        recap.talk_url = recap.talk_url or talk_url_from_speakers(recap.speakers)
        recap.resources = heading_links + section.resources
        recap.slides_url = fields.get("slides_url")
        recap.video_url = fields.get("video_url")
        recap.highlight = fields.get("highlight", False) or bool(
            _FAVOURITE.search(prose)
        )
        recap.subjects = fields.get("subjects", [])
        recap.description = fields.get("description", first_sentence(text_html))
        track = fields.get("track")
        if track:
            recap.track = track
            _add_unique(self.plan.tracks, track)
        if seg.day is not None:
            recap.session_date = _day_date(seg.day.heading.text, self.plan)
        return recap


# --------------------------------------------------------------------------
# Helpers for values


_RECAP_WORDS = re.compile(
    r"[\s:–—-]+(recap|review|notes|write-?up|summary|highlights|report|roundup)$",
    re.IGNORECASE,
)


def _conference_title(post_title):
    """'Python Web Conference 2023 Recap' → 'Python Web Conference 2023'."""
    return _RECAP_WORDS.sub("", post_title).strip() or post_title


def _kind(prefix):
    return "lightning" if prefix.startswith("lightning") else prefix


def _heading_resources(heading):
    found = []
    for label, href, _markup in _links(heading.inline.children):
        kind = guess_resource_kind(label, href)
        found.append(
            {"title": label or href, "url": href, "description": "", "kind": kind}
        )
    return found


def _category(item):
    """A 'Category' item with sub-lists holding links → ResourceListPlan."""
    inner = _item_blocks(item)
    if len(inner) < 2 or inner[0].kind != "paragraph":
        return None
    if _links(inner[0].inline.children):
        return None
    if any(b.kind not in ("bullet_list", "ordered_list") for b in inner[1:]):
        return None
    resources, rest = [], []
    for block in inner[1:]:
        found, kept = _split_list(block)
        resources.extend(found)
        if kept is not None:
            rest.append(kept)
    if not resources:
        return None
    text_html = _render(rest, 2) if rest else ""
    return ResourceListPlan(
        title=inner[0].text,
        description=first_sentence(text_html),
        text_html=text_html,
        resources=resources,
    )


def _speakers_in(blocks):
    for block in blocks:
        if block.kind != "paragraph":
            continue
        for pattern in _PROSE_SPEAKER:
            match = pattern.search(block.text)
            if match:
                groups = match.groupdict()
                affiliation = groups.get("aff")
                name = match.group("name")
                return [{"name": name, "url": None, "affiliation": affiliation}]
    return []


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


_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%B %d, %Y", "%b %d, %Y", "%d %B %Y")
_DATE_FORMATS += ("%d %b %Y", "%d.%m.%Y", "%A, %B %d, %Y")


def _read_date(value):
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = " ".join(str(value).split())
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _month(name):
    name = name.lower()
    return next(i for i, m in enumerate(MONTHS, 1) if m.startswith(name[:3]))


_RANGE = re.compile(
    rf"\b{_MONTH}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?"
    rf"(?:\s*(?:-|to|through|until|and)\s*(?:{_MONTH}\.?\s+)?(\d{{1,2}})"
    rf"(?:st|nd|rd|th)?)?(?:,?\s+(\d{{4}}))?",
    re.IGNORECASE,
)
_RANGE_DAY_FIRST = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|to)\s*(\d{{1,2}})(?:st|nd|rd|th)?\s+"
    rf"{_MONTH}\b(?:,?\s+(\d{{4}}))?",
    re.IGNORECASE,
)


def _dates_in(text, year, written, warnings):
    """(start, end) from 'ran from March 13–17' in the introduction."""
    text = re.sub(r"\s*[–—−]\s*", "-", text)
    match = _RANGE.search(text)
    if match:
        month, day, month2, day2, found_year = match.groups()
    else:
        match = _RANGE_DAY_FIRST.search(text)
        if not match:
            return None, None
        day, day2, month, found_year = match.groups()
        month2 = None
    year = int(found_year) if found_year else year
    if year is None:
        warnings.append(f"Dates '{match.group(0)}' found, but no year: not used.")
        return None, None
    try:
        start = date(year, _month(month), int(day))
        end = date(year, _month(month2 or month), int(day2 or day))
    except ValueError:
        warnings.append(f"'{match.group(0)}' is not a date I can read: not used.")
        return None, None
    if not found_year and written and start > written:
        start, end = start.replace(year=year - 1), end.replace(year=year - 1)
    if end < start:
        end = end.replace(year=end.year + 1)
    return start, end


_TRACKS = re.compile(r"\btracks?\b[^.:]{0,30}?(?::|\bwere\b|\bare\b)\s*([^.;\n]+)")


def _tracks_in(text):
    match = _TRACKS.search(text)
    if not match:
        return []
    names = [n.strip() for n in _SEPARATOR.split(match.group(1)) if n.strip()]
    if not names or any(len(n.split()) > 4 or not n[0].isupper() for n in names):
        return []
    return list(dict.fromkeys(names))


def _format_in(text):
    if re.search(r"\bhybrid\b", text):
        return "hybrid"
    if re.search(r"\b(online|virtual|remote|remote-only)\b", text):
        return "online"
    if re.search(r"\b(in[- ]person|on-?site)\b", text):
        return "in-person"
    return None


_ORGANIZER = re.compile(
    rf"(?:organi[sz]ed by|hosted by|run by) (?P<a>{_NAME_WORD}(?: {_NAME_WORD})*)|"
    rf"\bhow (?P<b>{_NAME_WORD}(?: {_NAME_WORD})*) organi[sz]ed\b"
)


def _organizer_in(text):
    match = _ORGANIZER.search(text)
    return (match.group("a") or match.group("b")) if match else None


def _day_date(text, plan):
    explicit = _EXPLICIT_DATE.search(text)
    if explicit:
        month, day, year = explicit.groups()
        try:
            return date(int(year), _month(month), int(day))
        except ValueError:
            return None
    if plan.start is None:
        return None
    match = _DAY.match(text.strip())
    if match.group(1):
        number = match.group(1).lower()
        offset = int(number) if number.isdigit() else _NUMBERS.index(number) + 1
        return plan.start + timedelta(days=offset - 1)
    weekday = WEEKDAYS.index(match.group(2).lower())
    return plan.start + timedelta(days=(weekday - plan.start.weekday()) % 7)
