"""Raw HTML, MDX and other formats in a Markdown upload, read safely.

The reader's markdown-it never passes raw HTML through. Before it runs,
each HTML block (a run of lines that starts with a tag, up to a blank line)
is turned into the Markdown it stands for: a YouTube/Vimeo ``<iframe>``
becomes a video link, an embedded tweet a quote (its ``<script>`` dropped),
an ``<img>`` with an http(s) source an image; comments, MDX ``import`` /
``export`` lines and JSX components go. Relative links are reported and
kept as text. One pass over the lines; ``html.parser`` is linear.
"""

from collective.confrecap.formats.errors import NotMarkdownError
from collective.confrecap.formats.urls import is_http_url
from html.parser import HTMLParser

import json
import re


_TAG_START = re.compile(r"\s{0,3}<(?:[A-Za-z][\w-]*|!--|/[A-Za-z])")
_MDX = re.compile(r"\s{0,3}(?:import\s.+\sfrom\s+['\"].+['\"];?\s*$|export\s)")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_VIDEO = re.compile(
    r"^https?://(?:[\w-]+\.)*(?:youtube(?:-nocookie)?\.com|youtu\.be|vimeo\.com)/"
)


class _Converter(HTMLParser):
    def __init__(self, warnings):
        super().__init__(convert_charrefs=True)
        self.warnings = warnings
        self.out = []
        self.skip = 0  # inside <script>/<style>
        self.tweet = 0  # depth inside a tweet's <blockquote>
        self.links = []  # open <a>: (href, start in out)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style"):
            self.skip += 1
        elif tag == "iframe":
            src = attrs.get("src") or ""
            src = "https:" + src if src.startswith("//") else src
            if _VIDEO.match(src):
                self.out.append(f"\n\n[Video]({src})\n\n")
            elif src:
                self._relative_or_link("Embedded page", src)
        elif tag == "blockquote":
            if self.tweet or "twitter-tweet" in (attrs.get("class") or ""):
                self.tweet += 1
                if self.tweet == 1:
                    self.out.append("\n\n> ")
        elif tag == "img":
            src, alt = attrs.get("src") or "", attrs.get("alt") or ""
            if is_http_url(src):
                self.out.append(f"![{_escape(alt)}]({src})")
            else:
                self.warnings.append(
                    f"The image '{src}' has no absolute http(s) address: kept "
                    f"as its text only."
                )
                self.out.append(_escape(alt))
        elif tag == "a":
            self.links.append((attrs.get("href") or "", len(self.out)))
        elif tag in ("p", "div", "figure", "br", "li", "figcaption"):
            self.out.append("\n\n> " if self.tweet else "\n\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag == "blockquote" and self.tweet:
            self.tweet -= 1
            if not self.tweet:
                self.out.append("\n\n")
        elif tag == "a" and self.links:
            href, start = self.links.pop()
            text = "".join(self.out[start:]).strip()
            del self.out[start:]
            if self.tweet and "/status/" in href:
                return  # the tweet's date link: not a date of the conference
            if text:
                self._relative_or_link(text, href)

    def _relative_or_link(self, text, href):
        if is_http_url(href):
            self.out.append(f"[{text}]({href})")
            return
        if href and not href.startswith("#"):
            self.warnings.append(
                f"The link '{href}' is relative: kept as text; write the full "
                f"http(s) address to keep it as a link."
            )
        self.out.append(text)

    def handle_data(self, data):
        if not self.skip:
            text = _escape(" ".join(data.split()))
            if data[:1].isspace() and text:
                text = " " + text
            if data[-1:].isspace() and text:
                text += " "
            self.out.append(text)

    def markdown(self):
        text = "".join(self.out)
        lines = [line.rstrip() for line in text.split("\n")]
        text = "\n".join(line for line in lines if line.strip() not in (">",))
        return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def _escape(text):
    return re.sub(r"([\\`*_\[\]<>])", r"\\\1", text)


def convert_html_blocks(body, warnings):
    """The body with each raw HTML block replaced by its Markdown."""
    lines = body.split("\n")
    out, index, fenced = [], 0, False
    while index < len(lines):
        line = lines[index]
        if _FENCE.match(line):
            fenced = not fenced
        if fenced or not (_TAG_START.match(line) or _MDX.match(line)):
            out.append(line)
            index += 1
            continue
        if _MDX.match(line):
            index += 1  # an MDX import/export: nothing to show
            continue
        chunk = []
        while index < len(lines) and lines[index].strip():
            chunk.append(lines[index])
            index += 1
        if re.match(r"\s*<[A-Z]", chunk[0]):
            continue  # a JSX component (MDX)
        converter = _Converter(warnings)
        converter.feed("\n".join(chunk))
        converter.close()
        out.extend(["", converter.markdown(), ""])
    return "\n".join(out)


_RST = re.compile(r"^\.\. (?:[\w-]+::|_[^:\n]+:)", re.MULTILINE)
_RST_LINK = re.compile(r"`[^`\n]+ <https?://[^>\n]+>`_")
_XML = re.compile(r"<\?xml\b|<(?:schedule|conference|iCalendar|rss|feed)\b")


def refuse_other_formats(text):
    """Raise NotMarkdownError for JSON, XML or reStructuredText."""
    start = text.lstrip()[:1]
    programme = (
        "If it is a conference programme (pretalx, frab, Pentabarf), import it "
        "with the programme import (@programme-import) instead."
    )
    if start in ("{", "["):
        try:
            json.loads(text)
        except (ValueError, RecursionError):
            pass
        else:
            raise NotMarkdownError(
                f"This file looks like JSON, not a Markdown write-up. {programme}"
            )
    if _XML.match(text.lstrip()):
        raise NotMarkdownError(
            f"This file looks like XML, not a Markdown write-up. {programme}"
        )
    if _RST.search(text) or len(_RST_LINK.findall(text)) >= 2:
        raise NotMarkdownError(
            "This file looks like reStructuredText, not Markdown: convert it "
            f"to Markdown (e.g. with pandoc) and upload it again. {programme}"
        )
