"""HTML abstracts (FOSDEM's Pentabarf export) as safe Markdown-like text.

One pass of the standard library's HTMLParser: paragraphs become blank-line
separated, list items "- " lines, ``<br>`` a line break, links
``[text](url)`` when the URL is http(s) and their bare text otherwise.
Scripts, styles and every other tag are dropped; entities are decoded.
"""

from collective.confrecap.formats.programme.model import clean_text
from collective.confrecap.formats.programme.model import http_url
from html.parser import HTMLParser

import re


_BLOCKS = {
    "p",
    "div",
    "section",
    "article",
    "blockquote",
    "pre",
    "table",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "hr",
}
_SKIP = {"script", "style", "template", "head", "title", "iframe", "object"}
_LOOKS_LIKE_HTML = re.compile(
    r"<(p|br|div|ul|ol|li|a|em|strong|b|i|code|pre|h[1-6]|span|blockquote)"
    r"(\s[^<>]*)?/?>",
    re.IGNORECASE,
)


def looks_like_html(text):
    return bool(text) and bool(_LOOKS_LIKE_HTML.search(text))


class _Converter(HTMLParser):
    def __init__(self, base=None, keep_newlines=False):
        super().__init__(convert_charrefs=True)
        self.base = base
        self.keep_newlines = keep_newlines
        self.parts = []
        self.skipping = 0
        self.link = None  # (href or None, index in parts) of the open <a>
        self.in_pre = 0  # inside <pre>: whitespace is kept

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skipping += 1
            return
        if self.skipping:
            return
        if tag in _BLOCKS:
            self.parts.append("\n\n")
            if tag == "pre":
                self.in_pre += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag == "a":
            # Links do not nest: a new <a> closes the open one (as browsers do).
            self._close_link()
            href = http_url(dict(attrs).get("href"), self.base)
            self.link = (href, len(self.parts))
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "a":
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
            return
        if self.skipping:
            return
        if tag in _BLOCKS:
            self.parts.append("\n\n")
            if tag == "pre":
                self.in_pre = max(0, self.in_pre - 1)
        elif tag == "a":
            self._close_link()

    def _close_link(self):
        if self.link is None:
            return
        href, start = self.link
        self.link = None
        if href:
            raw = "".join(self.parts[start:])
            text = " ".join(raw.split())
            del self.parts[start:]
            before = " " if raw[:1].isspace() else ""
            after = " " if raw[-1:].isspace() else ""
            link = href if not text or text == href else f"[{text}]({href})"
            self.parts.append(f"{before}{link}{after}")

    def handle_data(self, data):
        if self.skipping:
            return
        if self.in_pre:
            self.parts.append(data)
        elif self.keep_newlines:
            self.parts.append(re.sub(r"[^\S\n]+", " ", data))
        else:
            self.parts.append(re.sub(r"\s+", " ", data))

    def text(self):
        self._close_link()
        lines = [line.strip() for line in "".join(self.parts).split("\n")]
        return clean_text("\n".join(lines))


def html_to_text(value, base=None, keep_newlines=False):
    """The readable text of an HTML fragment (Markdown links, no tags).

    ``keep_newlines`` keeps the line breaks of the text between tags, for
    Markdown with some HTML in it (pretalx, frab); in pure HTML (Pentabarf)
    a line break is a space.
    """
    if not value:
        return ""
    converter = _Converter(base, keep_newlines)
    converter.feed(value)
    converter.close()
    return converter.text()


def text_of(value, base=None, keep_newlines=True):
    """``value`` as plain text: converted when it has HTML, tidied otherwise."""
    text = clean_text(value)
    if not looks_like_html(text):
        return text
    return html_to_text(text, base, keep_newlines)
