"""The Markdown the importer reads and writes: markdown-it, inline tokens, HTML.

One markdown-it instance (CommonMark, no raw HTML) parses every document.
Links and images that are not http(s) are turned back into their text; the
HTML stored is the canonical form an export → import reproduces exactly.
"""

from collective.confrecap.formats.urls import is_http_url
from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdownify import markdownify

import re


def _markdown_it():
    md = MarkdownIt("commonmark", {"html": False})
    # Deeper than the reader's own limit (formats.limits), so that a document
    # past it is refused with a message instead of being cut silently.
    md.options["maxNesting"] = 100
    # Tables are how people list talks (a title, a video and a slides column).
    md.enable("table")
    # Keep every destination as written: _sanitize() decides what a link is.
    md.validateLink = lambda url: True
    md.normalizeLink = lambda url: url
    return md


MD = _markdown_it()


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
            close = link_close_index(children, index)
            if token.markup == "autolink":
                out.append(
                    text_token("<" + plain_text(children[index + 1 : close]) + ">")
                )
                skip_to = close
                continue
            out.append(text_token("["))
            children[close] = text_token(f"]({href})")
            continue
        if token.type == "image" and not is_http_url(token.attrGet("src")):
            out.append(text_token(f"![{token.content}]({token.attrGet('src') or ''})"))
            continue
        out.append(token)
    return out


def text_token(content):
    """A markdown-it text token holding ``content``."""
    token = Token("text", "", 0)
    token.content = content
    return token


def link_close_index(children, index):
    """Index of the link_close that matches the link_open at ``index``."""
    depth = 0
    for position in range(index, len(children)):
        kind = children[position].type
        depth += {"link_open": 1, "link_close": -1}.get(kind, 0)
        if depth == 0:
            return position
    return len(children) - 1


def plain_text(children, urls=False):
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
    """A URL as a Markdown link destination."""
    return re.sub(r"([()<>\\ ]|&(?=#?\w+;))", r"\\\1", url)


def inline_markdown(children):
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


def links_in(children):
    """(text, href) of each http(s) link, in order."""
    found, stack = [], []
    for index, token in enumerate(children):
        if token.type == "link_open":
            stack.append(index)
        elif token.type == "link_close" and stack:
            start = stack.pop()
            found.append((plain_text(children[start + 1 : index]), children[start]))
    return [(label, token.attrGet("href"), token.markup) for label, token in found]


_EMPHASIS = ("em_open", "em_close", "strong_open", "strong_close")


def without_emphasis(children):
    """The inline tokens with their emphasis markers dropped ('**Speaker:**')."""
    return [token for token in children if token.type not in _EMPHASIS]


def inline_pieces(children):
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
            close = link_close_index(children, index)
            inner = children[index + 1 : close]
            pieces.append(
                ("link", plain_text(inner), token.attrGet("href"), token.markup)
            )
            index = close
        else:
            return None
        index += 1
    return pieces


def render_blocks(blocks, level):
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


def heading_html(block):
    """A heading block as an <h2> (the conference text's own headings)."""
    return (
        f"<h2>{MD.renderer.renderInline(block.inline.children, MD.options, {})}</h2>\n"
    )


def render_markdown(text):
    """Markdown → the sanitised HTML the parser stores."""
    tokens = MD.parse(text)
    sanitize_tokens(tokens)
    return MD.renderer.render(tokens, MD.options, {})


def canonical_html(text_html):
    """The HTML in the form an export → import reproduces exactly."""
    for _ in range(3):
        again = render_markdown(html_to_markdown(text_html))
        if again == text_html:
            break
        text_html = again
    return text_html


def sanitize_tokens(tokens):
    """Sanitise the inline children of parsed tokens in place."""
    for token in tokens:
        if token.type == "inline":
            token.children = _sanitize(token.children or [])


_HEADING_TAG = re.compile(r"<(/?)h([1-6])\b")


def html_to_markdown(text_html, shift=0, floor=1):
    """Rich text → Markdown; headings moved ``shift`` levels, none above ``floor``."""

    def level(match):
        number = min(6, max(floor, int(match.group(2)) + shift))
        return f"<{match.group(1)}h{number}"

    text_html = _HEADING_TAG.sub(level, text_html or "")
    return markdownify(text_html, heading_style="ATX", bullets="*").strip()
