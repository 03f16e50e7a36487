"""What the views render a recap or a speaker with: cards, speaker rows,
batching, linkified text and the shared macros.

Everything works on the summaries that
:func:`collective.confrecap.coverage.queries.summarize` makes of catalog
brains, so the views never wake a recap object.
"""

from collective.confrecap.browser.dates import session_day
from collective.confrecap.browser.labels import talk_kind_title
from collective.confrecap.controlpanel import settings
from collective.confrecap.formats.urls import is_http_url
from plone.batching import Batch
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile

import html
import re


TEAM_RE = re.compile(r"\b(team|crew|group|staff|folks)\b", re.IGNORECASE)


def is_team(name):
    return bool(TEAM_RE.search(name or ""))


def speaker_rows(speakers):
    """Speaker rows with the separator that makes them read as a sentence:
    ``A``, ``A and B``, ``A, B and C``."""
    rows = [row for row in speakers or [] if (row.get("name") or "").strip()]
    result = []
    for index, row in enumerate(rows):
        if index == len(rows) - 1:
            separator = ""
        elif index == len(rows) - 2:
            separator = "and"
        else:
            separator = "comma"
        result.append(
            {
                "name": row["name"].strip(),
                "url": row.get("url") or None,
                "affiliation": row.get("affiliation") or None,
                "separator": separator,
                "team": is_team(row["name"]),
            }
        )
    return result


def recap_card(summary, request):
    """What a recap card shows, from its summary (catalog metadata only)."""
    return {
        "uid": summary["uid"],
        "url": summary["url"],
        "title": summary["title"],
        "description": summary["description"],
        "speakers": speaker_rows(summary.get("speakers")),
        "kind": talk_kind_title(summary.get("talk_kind"), request),
        "track": summary.get("track"),
        "day": session_day(summary.get("session_date")),
        "highlight": bool(summary.get("highlight")),
        "takeaways": len(summary.get("takeaways") or []),
        "review_state": summary.get("review_state"),
    }


def batch(sequence, request, size):
    """A plone.batching ``Batch`` of ``sequence`` at the request's ``b_start``."""
    try:
        start = max(int(request.form.get("b_start", 0)), 0)
    except (TypeError, ValueError):
        start = 0
    return Batch(sequence, size, start)


def regroup(entries, key):
    """Consecutive ``(group, item)`` pairs back into ``[{key, items}]``."""
    groups = []
    for group, item in entries:
        if not groups or groups[-1][key] != group:
            groups.append({key: group, "cards": []})
        groups[-1]["cards"].append(item)
    return groups


MARKDOWN_LINK = re.compile(r"\[([^\[\]]+)\]\(([^()\s]+)\)")


def linkify(text):
    """Escaped ``text`` with its Markdown links ``[label](url)`` as anchors.

    Imported resource descriptions keep the links found inside them in
    Markdown (so an export gives them back); readers should get links, not
    brackets. Only http(s) URLs become anchors; anything else stays text.
    """
    if not text:
        return ""
    parts = []
    position = 0
    for match in MARKDOWN_LINK.finditer(text):
        label, url = match.groups()
        if not is_http_url(url):
            continue
        parts.append(html.escape(text[position : match.start()]))
        parts.append(f'<a href="{html.escape(url)}">{html.escape(label)}</a>')
        position = match.end()
    parts.append(html.escape(text[position:]))
    return "".join(parts)


class StructuredDataMixin:
    """Gives a view ``view/structured_data``: whether its template adds the
    schema.org JSON-LD (the control panel's "Structured data" setting)."""

    def structured_data(self):
        return settings.structured_data()


class MacrosMixin(StructuredDataMixin):
    """Gives a view ``view/macros/...``: the shared macros of this package."""

    macros_template = ViewPageTemplateFile("templates/macros.pt")

    def linkify(self, text):
        return linkify(text)

    @property
    def macros(self):
        return self.macros_template.macros
