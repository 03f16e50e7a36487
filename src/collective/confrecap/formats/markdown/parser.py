"""Read a conference write-up (Markdown or plain text) into a ConferencePlan.

The document is parsed once with markdown-it (CommonMark); the top-level
blocks are then cut into sections by their headings and each block is handed
to the first rule that claims it. Whatever no rule claims lands in the
nearest ``text_html``, so no sentence and no link of the source is lost.
"""

from collective.confrecap.formats.dates import day_date
from collective.confrecap.formats.errors import DocumentTooLargeError
from collective.confrecap.formats.errors import EmptyDocumentError
from collective.confrecap.formats.errors import NestingTooDeepError
from collective.confrecap.formats.errors import NotTextError
from collective.confrecap.formats.errors import TooManySectionsError
from collective.confrecap.formats.limits import Deadline
from collective.confrecap.formats.limits import DEFAULT_LIMITS
from collective.confrecap.formats.markdown.blocks import Block
from collective.confrecap.formats.markdown.blocks import blocks_of
from collective.confrecap.formats.markdown.blocks import list_items
from collective.confrecap.formats.markdown.found import link_line_talk
from collective.confrecap.formats.markdown.found import list_talks
from collective.confrecap.formats.markdown.found import table_talks
from collective.confrecap.formats.markdown.frontmatter import split_front_matter
from collective.confrecap.formats.markdown.intro import complete_from_text
from collective.confrecap.formats.markdown.metadata import read_front_matter
from collective.confrecap.formats.markdown.outline import is_title_prefixed
from collective.confrecap.formats.markdown.outline import segments_of
from collective.confrecap.formats.markdown.rawhtml import convert_html_blocks
from collective.confrecap.formats.markdown.rawhtml import refuse_other_formats
from collective.confrecap.formats.markdown.recaps import add_section
from collective.confrecap.formats.markdown.rendering import heading_html
from collective.confrecap.formats.markdown.rendering import links_in
from collective.confrecap.formats.markdown.rendering import MD
from collective.confrecap.formats.markdown.rendering import plain_text
from collective.confrecap.formats.markdown.rendering import render_blocks
from collective.confrecap.formats.markdown.rendering import sanitize_tokens
from collective.confrecap.formats.markdown.resources import category_resource_list
from collective.confrecap.formats.markdown.section import add_unique
from collective.confrecap.formats.markdown.speakers import speaker_line
from collective.confrecap.formats.markdown.talks import group_kind
from collective.confrecap.formats.markdown.talks import is_non_talk
from collective.confrecap.formats.markdown.talks import is_title_case
from collective.confrecap.formats.markdown.talks import nfkc
from collective.confrecap.formats.markdown.talks import title_and_speakers
from collective.confrecap.formats.plan import ConferencePlan
from collective.confrecap.formats.plan import first_sentence

import datetime
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


def parse_markdown_bytes(data, *, filename=None, limits=None):
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
    return parse_markdown(text, filename=filename, limits=limits)


def parse_markdown(text, *, filename=None, limits=None):
    """Return the ConferencePlan a Markdown document describes.

    ``filename`` (e.g. a Jekyll post's ``2016-06-01-post-pycon.md``) may give
    the post's date; ``limits`` bound what the parse may use (see
    :mod:`collective.confrecap.formats.limits`).
    """
    limits = limits or DEFAULT_LIMITS
    deadline = Deadline(limits.time_budget)
    if not isinstance(text, str):
        raise NotTextError("This is not a text file: upload a Markdown file.")
    if len(text) > MAX_SIZE:
        raise DocumentTooLargeError(_too_large(len(text)))
    if "\x00" in text:
        raise NotTextError("This is not a text file: upload a Markdown file.")
    if not text.strip():
        raise EmptyDocumentError("The document is empty: there is nothing to import.")
    _check_sections(_count_headings(text), limits)
    text = _unbullet(nfkc(ftfy.fix_text(text, _FTFY)))
    refuse_other_formats(text)
    deadline.check()
    front = split_front_matter(text, limits)
    if not front.data and not front.body.strip():
        raise EmptyDocumentError("The document is empty: there is nothing to import.")
    warnings = []
    front.body = convert_html_blocks(front.body, warnings)
    prescan(front.body, limits, front.body_line)
    plan = _Reader(front, limits, deadline, filename).read()
    plan.warnings.extend(warnings)
    return plan


def prescan(body, limits, first_line=1):
    """Refuse costly paragraphs before markdown-it reads them (one linear pass).

    markdown-it scans from each unclosed '[' to the end of its paragraph for
    the ']' that would make it a link, and pairs every emphasis marker of a
    paragraph: the number of both in one paragraph bounds the cost.
    """
    depth = markers = 0
    fenced = False
    for number, line in enumerate(body.split("\n"), start=first_line):
        if _FENCE.match(line):
            fenced, depth, markers = not fenced, 0, 0
            continue
        if fenced:
            continue
        stripped = line.strip()
        if not stripped:
            depth = markers = 0
            continue
        if _THEMATIC_BREAK.fullmatch(stripped):
            continue
        escaped, previous = False, " "
        for char in line:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == "[":
                depth += 1
                if depth > limits.max_open_brackets:
                    raise NestingTooDeepError(
                        f"A paragraph has more than {limits.max_open_brackets} "
                        f"'[' that are never closed: the limit is "
                        f"{limits.max_open_brackets}.",
                        line=number,
                    )
            elif char == "]":
                depth = max(0, depth - 1)
            elif char == "*" or (char == "_" and not previous.isalnum()):
                markers += 1
                if markers > limits.max_emphasis_markers:
                    raise NestingTooDeepError(
                        f"A paragraph has more than "
                        f"{limits.max_emphasis_markers:,} emphasis markers "
                        f"(* or _): the limit is "
                        f"{limits.max_emphasis_markers:,}.",
                        line=number,
                    )
            previous = char


_THEMATIC_BREAK = re.compile(r"[-*_ ]+")


_NESTING_TOKENS = ("em_open", "strong_open", "link_open", "s_open")
_CLOSING_TOKENS = ("em_close", "strong_close", "link_close", "s_close")


def check_structure(tokens, limits, first_line=1):
    """Refuse nesting and section counts beyond the limits (tokens once)."""
    sections = 0
    for token in tokens:
        line = token.map[0] + first_line if token.map else None
        if token.level >= limits.max_nesting:
            raise NestingTooDeepError(
                f"Quotes and lists are nested more than {limits.max_nesting} "
                f"levels deep: the limit is {limits.max_nesting}.",
                line=line,
            )
        if token.type == "heading_open":
            sections += 1
        if token.type != "inline":
            continue
        depth = 0
        for child in token.children or ():
            if child.type in _NESTING_TOKENS:
                depth += 1
                if depth > limits.max_nesting:
                    raise NestingTooDeepError(
                        f"Emphasis or links are nested more than "
                        f"{limits.max_nesting} levels deep: the limit is "
                        f"{limits.max_nesting}.",
                        line=line,
                    )
            elif child.type in _CLOSING_TOKENS:
                depth -= 1
    _check_sections(sections, limits)


def _check_sections(sections, limits):
    if sections > limits.max_sections:
        raise TooManySectionsError(
            f"The document has {sections:,} sections; the limit is "
            f"{limits.max_sections:,} (set in the Conference coverage control "
            f"panel). Split it into several imports."
        )


_ATX = re.compile(r" {0,3}#{1,6}(?:[ \t]|$)")


def _count_headings(text):
    """ATX headings outside fenced code, counted before anything costly."""
    count, fenced = 0, False
    for line in text.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and _ATX.match(line):
            count += 1
    return count


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
    def __init__(self, front, limits=DEFAULT_LIMITS, deadline=None, filename=None):
        self.front = front
        self.filename = filename
        self.limits = limits
        self.deadline = deadline or Deadline(limits.time_budget)
        self.plan = ConferencePlan(title="")
        self.intro_text = ""
        self.intro_links = []

    def read(self):
        tokens = MD.parse(self.front.body)
        self.deadline.check()
        check_structure(tokens, self.limits, self.front.body_line)
        sanitize_tokens(tokens)
        blocks = blocks_of(tokens)
        title = self._title_block(blocks)
        segments = segments_of(blocks, talk_level(blocks))
        self.found = {}
        segments = self._classify(segments)
        self.extra_heading = read_front_matter(self.front, self.plan, title)
        if self.plan.date is None and self.filename:
            self.plan.date = filename_date(self.filename)
        self._conference_text(segments)
        complete_from_text(
            self.plan, self.intro_text, self.conference_text, self.intro_links
        )
        for seg in segments:
            self.deadline.check()
            for recap in self.found.get(id(seg), ()):
                self._add_found(recap, seg)
            if seg.role == "section":
                add_section(self.plan, seg)
        return self.plan

    # talks the rules find ------------------------------------------------------

    def _classify(self, segments):
        """Which sections are talks; talks without a heading of their own."""
        heading_talks = 0
        for seg in segments:
            if seg.role == "section":
                seg.talk = title_and_speakers(seg.heading.text)
                heading_talks += bool(seg.talk[1])
        kept, previous = [], None
        for seg in segments:
            self._extract(seg)
            if seg.role != "section":
                kept.append(seg)
                continue
            title, speakers, kind, _rule = seg.talk
            first = next((b for b in seg.blocks if b.kind == "paragraph"), None)
            named = speakers or (first is not None and speaker_line(first))
            if named or kind or is_title_prefixed(seg.heading.text):
                pass
            elif id(seg) in self.found:
                seg.role = "conference" if seg.blocks else "skip"
            elif is_non_talk(title):
                seg.role = "conference"
            elif heading_talks >= 2 and not is_title_case(title):
                # 'Indifferent access' under a talk: a part of that talk.
                if previous is not None:
                    previous.blocks.extend([seg.heading, *seg.blocks])
                    continue
                seg.role = "conference"
            if seg.role == "section":
                previous = seg
            kept.append(seg)
        return kept

    def _extract(self, seg):
        """Take table rows, lists of talk links and link lines out as recaps."""
        found, kept = [], []
        heading = seg.heading.text if seg.heading is not None else ""
        kind = group_kind(heading) if heading else None
        for block in seg.blocks:
            rows = table_talks(block, kind)
            if rows:
                if heading and kind is None and seg.role == "section":
                    for recap in rows:
                        recap.track = heading
                found.extend(rows)
                continue
            recaps, rest = list_talks(block)
            if recaps:
                found.extend(recaps)
                if rest is not None:
                    kept.append(rest)
                continue
            recap = link_line_talk(block, seg.level)
            if recap is not None:
                found.append(recap)
                continue
            kept.append(block)
        if found:
            seg.blocks = kept
            self.found[id(seg)] = found

    def _add_found(self, recap, seg):
        recap.description = first_sentence(recap.text_html)
        if recap.track:
            add_unique(self.plan.tracks, recap.track)
        day = seg if seg.role == "day" else seg.day
        if day is not None and day.role == "day":
            recap.session_date = day_date(day.heading.text, self.plan)
        self.plan.recaps.append(recap)

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
            if seg.role == "skip":
                continue
            blocks = self._pull_resource_lists(seg.blocks)
            if seg.role in ("day", "group") and not (blocks or not seg.children):
                continue
            if seg.heading is not None:
                parts.append(heading_html(seg.heading))
                texts.append(seg.heading.text)
            if blocks:
                parts.append(render_blocks(blocks, seg.level))
            for block in seg.blocks:
                if block.kind == "blockquote":
                    continue  # an embedded tweet or a quote: not the author's words
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


def talk_level(blocks):
    """The heading level where the talk-like headings cluster, or None.

    A heading is talk-like when it names its speakers ('Title - Speaker') or
    the paragraph under it does ('**Speaker:** *Name*').
    """
    evidence = {}
    for index, block in enumerate(blocks):
        if block.kind != "heading":
            continue
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        named = title_and_speakers(block.text)[1] or (
            following is not None
            and following.kind == "paragraph"
            and speaker_line(following)
        )
        if named:
            evidence[block.level] = evidence.get(block.level, 0) + 1
    if not evidence:
        return None
    level = max(sorted(evidence), key=lambda lv: evidence[lv])
    return level if evidence[level] >= 2 else None


_FILENAME_DATE = re.compile(r"(?:^|/)((?:19|20)\d\d)-(\d\d)-(\d\d)-[^/]*$")


def filename_date(filename):
    """The date of a Jekyll-style post name ('2016-06-01-post-Pycon.md')."""
    match = _FILENAME_DATE.search(filename or "")
    if not match:
        return None
    try:
        return datetime.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None
