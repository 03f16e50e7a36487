"""What one section holds: speakers, field lines, takeaways, quotes, links.

The leading paragraphs may name the speakers and fields ('Track: …'); a list
introduced as takeaways, a block quote and a list of links are taken out;
the rest stays as the section's body.
"""

from collective.confrecap.formats.markdown.blocks import blocks_of
from collective.confrecap.formats.markdown.blocks import item_blocks
from collective.confrecap.formats.markdown.blocks import list_items
from collective.confrecap.formats.markdown.rendering import inline_pieces
from collective.confrecap.formats.markdown.rendering import MD
from collective.confrecap.formats.markdown.rendering import plain_text
from collective.confrecap.formats.markdown.rendering import without_emphasis
from collective.confrecap.formats.markdown.resources import resource_item
from collective.confrecap.formats.markdown.resources import split_list
from collective.confrecap.formats.markdown.speakers import speaker_line
from collective.confrecap.formats.markdown.talks import link_role
from collective.confrecap.formats.plan import moment
from dataclasses import dataclass
from dataclasses import field

import re


_FIELD = re.compile(
    r"^(track|talk page|talk|slides|video|highlight|tags|summary|room|starts|ends|"
    r"programme id|abstract)\s*:\s*(.*)$",
    re.IGNORECASE,
)
_URL_FIELDS = {"talk page": "talk_url", "talk": "talk_url", "slides": "slides_url"}
_URL_FIELDS["video"] = "video_url"
_TAKEAWAY_INTRO = re.compile(
    r"\b(takeaways?|take-aways?|notes|highlights|lessons|learnings|key points)\b",
    re.IGNORECASE,
)
_TAKEAWAYS_LABEL = re.compile(r"^(key\s+)?takeaways?\s*:?$", re.IGNORECASE)


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
        pieces = inline_pieces(line)
        if not pieces or pieces[0][0] != "text":
            return None
        match = _FIELD.match(
            pieces[0][1].strip() if len(pieces) > 1 else plain_text(line)
        )
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
        elif label in ("starts", "ends"):
            when = moment(value)
            if when is None:
                return None
            fields["session_start" if label == "starts" else "session_end"] = when
        elif label == "programme id":
            fields["programme_id"] = value
        else:
            fields["description" if label == "summary" else label] = value
    return fields


_LINK_LABELS = ("slides", "video", "presentation", "recording", "deck", "folien")


def _link_field(block):
    """{'slides_url': …} of a paragraph that is only '*[Slides](url)*'."""
    pieces = inline_pieces(without_emphasis(block.inline.children))
    if not pieces:
        return None
    pieces = [p for p in pieces if not (p[0] == "text" and not p[1].strip())]
    if len(pieces) != 1 or pieces[0][0] != "link":
        return None
    _, label, href, _markup = pieces[0]
    words = label.strip().casefold().split()
    role = link_role(href, label)
    if role is None or not words or len(words) > 3:
        return None
    if not (set(words) & set(_LINK_LABELS)) and len(words) > 1:
        return None
    return {role: href}


def _simple_items(block):
    """Plain text of each item, if every item is one paragraph."""
    texts = []
    for item in list_items(block):
        inner = item_blocks(item)
        if len(inner) != 1 or inner[0].kind != "paragraph":
            return None
        texts.append(plain_text(inner[0].inline.children, urls=True))
    return texts


def _quote_text(block):
    paragraphs = [
        plain_text(token.children, urls=True)
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
    return _simple(blocks_of(MD.parse(markdown)))


def read_section(blocks, recap=True):
    """What a section's blocks hold; ``recap=False`` reads a resource list."""
    section, leading = _Section(), True
    index = 0
    while index < len(blocks):
        block = blocks[index]
        index += 1
        if leading and block.kind == "paragraph":
            speakers = None
            if recap and not section.speakers:
                speakers = speaker_line(block)
            if speakers:
                section.speakers = speakers
                continue
            link = _link_field(block) if recap else None
            if link and not set(link) & set(section.fields):
                section.fields.update(link)
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
            if items and not any(resource_item(i) for i in list_items(following)):
                if not _TAKEAWAYS_LABEL.match(block.text):
                    section.body.append(block)
                section.takeaways.extend(items)
                index += 1
                continue
        if recap and block.kind == "blockquote":
            quote = _quote_text(block)
            if quote:
                add_unique(section.quotes, quote)
                continue
        if block.kind in ("bullet_list", "ordered_list"):
            resources, rest = split_list(block)
            section.resources.extend(resources)
            if rest is not None:
                section.body.append(rest)
            continue
        section.body.append(block)
    return section


def add_unique(values, value):
    """Append ``value`` unless it is there already."""
    if value not in values:
        values.append(value)
