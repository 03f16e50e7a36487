"""Write a ConferencePlan back as Markdown, in the shape the parser reads.

Whatever the parser would guess by itself (a trivia round is social, a
speaker's link is the talk page, the summary is the first sentence) is left
out; whatever it could not guess is written explicitly. So an export reads
naturally and ``parse(write(plan))`` gives the plan back.
"""

from collective.confrecap.formats.dates import MONTHS
from collective.confrecap.formats.dates import WEEKDAYS
from collective.confrecap.formats.markdown.outline import heading_role
from collective.confrecap.formats.markdown.outline import is_title_prefixed
from collective.confrecap.formats.markdown.rendering import escape_markdown
from collective.confrecap.formats.markdown.rendering import escape_url
from collective.confrecap.formats.markdown.rendering import html_to_markdown
from collective.confrecap.formats.markdown.section import is_simple_body
from collective.confrecap.formats.plan import coverage_from_summary
from collective.confrecap.formats.plan import first_sentence
from collective.confrecap.formats.plan import guess_resource_kind
from collective.confrecap.formats.plan import guess_talk_kind
from collective.confrecap.formats.plan import talk_url_from_speakers

import html
import re
import yaml


KIND_PREFIXES = {
    "keynote": "Keynote",
    "talk": "Talk",
    "tutorial": "Tutorial",
    "workshop": "Workshop",
    "panel": "Panel",
    "lightning": "Lightning talk",
    "social": "Social",
    "other": "Other",
}
RESOURCE_LABELS = {"cheat-sheet": "Cheat sheet"}
_H2 = re.compile(r"<h2>(.*?)</h2>", re.DOTALL)


def write_markdown(plan):
    """The Markdown export of a conference, beginning with YAML front matter."""
    intro, closing = _split_closing(plan.text_html)
    parts = [_front_matter(plan), html_to_markdown(intro, floor=2)]
    day = None
    for recap in plan.recaps:
        if recap.session_date != day:
            day = recap.session_date
            if day is not None:
                parts.append(f"## {_day_heading(day, plan.start)}")
        parts.append(_recap(recap, 3 if day else 2))
    parts.extend(_resource_list(resource_list) for resource_list in plan.resource_lists)
    parts.append(html_to_markdown(closing, floor=2))
    return "\n\n".join(part for part in parts if part) + "\n"


def _front_matter(plan):
    data = {
        "title": plan.title,
        "conference": plan.title,
        "start": plan.start,
        "end": plan.end,
        "location": plan.location,
        "format": plan.conference_format,
        "url": plan.event_url,
        "organizer": plan.organizer,
        "tracks": list(plan.tracks),
        "tags": list(plan.subjects),
        "summary": plan.description,
        "author": plan.author,
        "date": plan.date,
        "image": plan.image,
    }
    if plan.coverage_note != coverage_from_summary(plan.description):
        data["coverage"] = plan.coverage_note
    if not plan.whole_day:
        data["whole_day"] = False
    data = {key: value for key, value in data.items() if value not in (None, "", [])}
    dumped = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=88)
    return f"---\n{dumped}---"


def _split_closing(text_html):
    """(introduction, closing thoughts) of the conference text."""
    text_html = text_html or ""
    for match in _H2.finditer(text_html):
        text = html.unescape(re.sub(r"<[^>]+>", "", match.group(1)))
        if heading_role(text) == "closing":
            return text_html[: match.start()], text_html[match.start() :]
    return text_html, ""


def _day_heading(day, start):
    label = f"{WEEKDAYS[day.weekday()].title()}, {MONTHS[day.month - 1].title()} "
    label += f"{day.day}, {day.year}"
    if start is not None and start <= day:
        return f"Day {(day - start).days + 1}: {label}"
    return label


def _heading(level, title, prefix):
    text = escape_markdown(title)
    return f"{'#' * level} {prefix}: {text}" if prefix else f"{'#' * level} {text}"


def _recap(recap, level):
    body = html_to_markdown(recap.text_html, shift=level - 2, floor=level + 1)
    fields = []
    if recap.track:
        fields.append(f"Track: {escape_markdown(recap.track)}")
    if recap.room:
        fields.append(f"Room: {escape_markdown(recap.room)}")
    if recap.session_start:
        fields.append(f"Starts: {recap.session_start.isoformat()}")
    if recap.session_end:
        fields.append(f"Ends: {recap.session_end.isoformat()}")
    if recap.programme_id:
        fields.append(f"Programme id: {escape_markdown(recap.programme_id)}")
    if recap.abstract:
        # One line: the programme's description, its line breaks folded.
        fields.append(f"Abstract: {escape_markdown(' '.join(recap.abstract.split()))}")
    if recap.talk_url and recap.talk_url != talk_url_from_speakers(recap.speakers):
        fields.append(f"Talk page: {_link(recap.talk_url)}")
    if recap.slides_url:
        fields.append(f"Slides: {_link(recap.slides_url)}")
    if recap.video_url:
        fields.append(f"Video: {_link(recap.video_url)}")
    if recap.highlight:
        fields.append("Highlight: yes")
    marked = bool(fields or recap.speakers or recap.takeaways or recap.quotes)
    if recap.subjects:
        fields.append(f"Tags: {', '.join(recap.subjects)}")
    if recap.description and recap.description != first_sentence(recap.text_html):
        fields.append(f"Summary: {escape_markdown(recap.description)}")
    prefix = None
    if (
        guess_talk_kind(recap.title) != recap.talk_kind
        or heading_role(recap.title)
        or is_title_prefixed(recap.title)
        or (not marked and recap.resources and is_simple_body(body))
    ):
        prefix = KIND_PREFIXES.get(recap.talk_kind, "Other")
    parts = [_heading(level, recap.title, prefix)]
    if recap.speakers:
        parts.append(_speaker_line(recap.speakers))
    parts.append("\n".join(fields))
    parts.append(body)
    if recap.takeaways:
        items = "\n".join(f"- {escape_markdown(item)}" for item in recap.takeaways)
        parts.append(f"Takeaways:\n\n{items}")
    parts.extend(_quote(quote) for quote in recap.quotes)
    parts.append(_resources(recap.resources))
    return "\n\n".join(part for part in parts if part)


def _resource_list(resource_list):
    body = html_to_markdown(resource_list.text_html, floor=3)
    title = resource_list.title
    prefix = None
    if (
        heading_role(title)
        or is_title_prefixed(title)
        or not resource_list.resources
        or not is_simple_body(body)
    ):
        prefix = "Resources"
    parts = [_heading(2, title, prefix)]
    description = resource_list.description
    if description and description != first_sentence(resource_list.text_html):
        parts.append(f"Summary: {escape_markdown(description)}")
    parts.extend([body, _resources(resource_list.resources)])
    return "\n\n".join(part for part in parts if part)


def _link(url):
    if re.search(r"[<>\s]", url):
        return f"[{escape_markdown(url, False)}]({escape_url(url)})"
    return f"<{url}>"


def _speaker_line(speakers):
    names = []
    for speaker in speakers:
        name = escape_markdown(speaker["name"], False)
        if speaker.get("url"):
            name = f"[{name}]({escape_url(speaker['url'])})"
        if speaker["name"].lower().endswith(" team"):
            name = f"the {name}"
        if speaker.get("affiliation"):
            name += f" ({escape_markdown(speaker['affiliation'], False)})"
        names.append(name)
    joined = (
        names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    )
    return f"By {joined}."


def _quote(quote):
    paragraphs = [escape_markdown(" ".join(p.split())) for p in quote.split("\n\n")]
    return "\n>\n".join(f"> {paragraph}" for paragraph in paragraphs if paragraph)


def _resources(resources):
    lines = []
    for resource in resources:
        title, url = resource["title"], resource["url"]
        kind = resource.get("kind") or "other"
        label = ""
        if kind != guess_resource_kind(title, url):
            label = RESOURCE_LABELS.get(kind, kind.capitalize()) + ": "
        line = f"- {label}[{escape_markdown(title, False)}]({escape_url(url)})"
        if resource.get("description"):
            line += f" -- {' '.join(resource['description'].split())}"
        lines.append(line)
    return "\n".join(lines)
