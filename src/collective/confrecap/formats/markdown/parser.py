"""Read a conference write-up (Markdown or plain text) into a ConferencePlan.

The document is parsed once with markdown-it (CommonMark); the top-level
blocks are then cut into sections by their headings and each block is handed
to the first rule that claims it. Whatever no rule claims lands in the
nearest ``text_html``, so no sentence and no link of the source is lost.
"""

from collective.confrecap.formats.errors import DocumentTooLargeError
from collective.confrecap.formats.errors import EmptyDocumentError
from collective.confrecap.formats.errors import NotTextError
from collective.confrecap.formats.markdown.blocks import Block
from collective.confrecap.formats.markdown.blocks import blocks_of
from collective.confrecap.formats.markdown.blocks import list_items
from collective.confrecap.formats.markdown.frontmatter import split_front_matter
from collective.confrecap.formats.markdown.intro import complete_from_text
from collective.confrecap.formats.markdown.metadata import read_front_matter
from collective.confrecap.formats.markdown.outline import segments_of
from collective.confrecap.formats.markdown.recaps import add_section
from collective.confrecap.formats.markdown.rendering import heading_html
from collective.confrecap.formats.markdown.rendering import links_in
from collective.confrecap.formats.markdown.rendering import MD
from collective.confrecap.formats.markdown.rendering import plain_text
from collective.confrecap.formats.markdown.rendering import render_blocks
from collective.confrecap.formats.markdown.rendering import sanitize_tokens
from collective.confrecap.formats.markdown.resources import category_resource_list
from collective.confrecap.formats.plan import ConferencePlan

import ftfy
import html
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


class _Reader:
    def __init__(self, front):
        self.front = front
        self.plan = ConferencePlan(title="")
        self.intro_text = ""
        self.intro_links = []

    def read(self):
        tokens = MD.parse(self.front.body)
        sanitize_tokens(tokens)
        blocks = blocks_of(tokens)
        title = self._title_block(blocks)
        segments = segments_of(blocks)
        self.extra_heading = read_front_matter(self.front, self.plan, title)
        self._conference_text(segments)
        complete_from_text(
            self.plan, self.intro_text, self.conference_text, self.intro_links
        )
        for seg in segments:
            if seg.role == "section":
                add_section(self.plan, seg)
        return self.plan

    # title ------------------------------------------------------------------

    def _title_block(self, blocks):
        h1 = [b for b in blocks if b.kind == "heading" and b.level == 1]
        if h1 and blocks[0] is h1[0] and len(h1) == 1:
            return blocks.pop(0).text
        return None

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
                parts.append(heading_html(seg.heading))
                texts.append(seg.heading.text)
            if blocks:
                parts.append(render_blocks(blocks, seg.level))
            for block in seg.blocks:
                texts.extend(
                    plain_text(t.children) for t in block.tokens if t.type == "inline"
                )
                if seg.role == "intro":
                    self.intro_links.extend(
                        link
                        for t in block.tokens
                        if t.type == "inline"
                        for link in links_in(t.children)
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
            for item in list_items(block):
                resource_list = category_resource_list(item)
                if resource_list is None:
                    items.append(item)
                else:
                    self.plan.resource_lists.append(resource_list)
            if items:
                tokens = [block.tokens[0], *[t for i in items for t in i]]
                kept.append(Block(tokens + [block.tokens[-1]], block.kind))
        return kept
