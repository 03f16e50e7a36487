"""A section of the document → a RecapPlan or a ResourceListPlan."""

from collective.confrecap.formats.dates import day_date
from collective.confrecap.formats.markdown.outline import TITLE_PREFIX
from collective.confrecap.formats.markdown.rendering import render_blocks
from collective.confrecap.formats.markdown.resources import heading_resources
from collective.confrecap.formats.markdown.section import add_unique
from collective.confrecap.formats.markdown.section import read_section
from collective.confrecap.formats.markdown.speakers import speakers_in
from collective.confrecap.formats.markdown.talks import link_role
from collective.confrecap.formats.plan import first_sentence
from collective.confrecap.formats.plan import guess_talk_kind
from collective.confrecap.formats.plan import RecapPlan
from collective.confrecap.formats.plan import ResourceListPlan
from collective.confrecap.formats.plan import talk_url_from_speakers

import re


_FAVOURITE = re.compile(
    r"\bmy (?:absolute )?favou?rite (?:talk|session|keynote|workshop|tutorial|event|"
    r"activity)\b",
    re.IGNORECASE,
)
_QUOTE_IN_PROSE = re.compile(r"\bquote\b[^\"“:]{0,80}:\s*[\"“]([^\"”]{3,300})[\"”]")
_GAVE_KEYNOTE = re.compile(r"\bgave (?:the|a|an) (?:\w+ )?keynote\b", re.IGNORECASE)


def add_section(plan, seg):
    """Add the recap or the resource list a section describes to the plan."""
    raw = seg.heading.text
    match = TITLE_PREFIX.match(raw)
    prefix = match.group(1).lower() if match else None
    title = match.group(2).strip() if match else raw
    if prefix == "resources":
        section = read_section(seg.blocks, recap=False)
        plan.resource_lists.append(_resource_list(title, seg, section))
        return
    heading_speakers, heading_kind, rule = None, None, None
    if seg.talk is not None:
        talk_title, heading_speakers, heading_kind, rule = seg.talk
        if heading_speakers or (heading_kind and not prefix):
            title = talk_title
    section = read_section(seg.blocks)
    marked = prefix or heading_kind or heading_speakers or section.marked
    if not marked and section.resources and section.simple_body:
        resource_list = _resource_list(title, seg, section)
        plan.resource_lists.append(resource_list)
        return
    kind = _kind(prefix) if prefix else heading_kind or guess_talk_kind(title)
    explicit = bool(prefix or heading_kind)
    recap = _recap(plan, title, kind, seg, section, explicit, heading_speakers)
    if section.speakers:
        recap.rule = "speaker-line"
    elif heading_speakers:
        recap.rule = f"heading-{rule}"
    else:
        recap.rule = "heading-prefix" if explicit else "heading"
    recap.weak = not (section.speakers or heading_speakers or explicit)
    plan.recaps.append(recap)


def _resource_list(title, seg, section):
    text_html = render_blocks(section.body, seg.level) if section.body else ""
    return ResourceListPlan(
        title=title,
        description=section.fields.get("description", first_sentence(text_html)),
        text_html=text_html,
        resources=heading_resources(seg.heading) + section.resources,
    )


def _recap(plan, title, kind, seg, section, explicit_kind, heading_speakers=None):
    text_html = render_blocks(section.body, seg.level) if section.body else ""
    fields = section.fields
    recap = RecapPlan(title=title, talk_kind=kind, text_html=text_html)
    recap.speakers = section.speakers or heading_speakers or []
    prose = " ".join(b.text for b in section.body if b.kind == "paragraph")
    if not recap.speakers:
        recap.speakers = speakers_in(section.body[:2])
    if not explicit_kind and kind == "talk" and _GAVE_KEYNOTE.search(prose):
        recap.talk_kind = "keynote"
    recap.takeaways = section.takeaways
    recap.quotes = []
    for match in _QUOTE_IN_PROSE.finditer(prose):
        add_unique(recap.quotes, match.group(1).strip())
    for quote in section.quotes:
        add_unique(recap.quotes, quote)
    heading_links = heading_resources(seg.heading)
    recap.talk_url = fields.get("talk_url")
    for link in list(heading_links):
        role = link_role(link["url"], link["title"]) or "talk_url"
        if role != "talk_url" and not fields.get(role):
            fields = {**fields, role: link["url"]}
            heading_links.remove(link)
    if heading_links and not recap.talk_url:
        recap.talk_url = heading_links.pop(0)["url"]
    recap.talk_url = recap.talk_url or talk_url_from_speakers(recap.speakers)
    recap.resources = heading_links + section.resources
    recap.slides_url = fields.get("slides_url")
    recap.video_url = fields.get("video_url")
    recap.highlight = fields.get("highlight", False) or bool(_FAVOURITE.search(prose))
    recap.subjects = fields.get("subjects", [])
    recap.description = fields.get("description", first_sentence(text_html))
    recap.room = fields.get("room")
    recap.abstract = fields.get("abstract", "")
    recap.programme_id = fields.get("programme_id")
    recap.session_start = fields.get("session_start")
    recap.session_end = fields.get("session_end")
    track = fields.get("track")
    if track:
        recap.track = track
        add_unique(plan.tracks, track)
    if seg.day is not None and seg.day.role == "day":
        recap.session_date = day_date(seg.day.heading.text, plan)
    return recap


def _kind(prefix):
    return "lightning" if prefix.startswith("lightning") else prefix
