"""What the conference text says: dates, tracks, format, website, organizer."""

from collective.confrecap.formats.dates import dates_in
from collective.confrecap.formats.markdown.speakers import LIST_SEPARATOR
from collective.confrecap.formats.markdown.speakers import NAME_WORD

import re


def complete_from_text(plan, intro_text, conference_text, intro_links):
    """Fill what the front matter left open from the conference text."""
    if plan.start is None:
        plan.start, plan.end = dates_in(
            intro_text, _year(plan), plan.date, plan.warnings
        )
    if not plan.tracks:
        plan.tracks = tracks_in(intro_text)
    if plan.conference_format is None:
        plan.conference_format = format_in(conference_text.lower())
    if plan.event_url is None:
        name = plan.title.casefold()
        bare = re.sub(r"\s*\b(19|20)\d\d\b\s*", " ", name).strip()
        for label, href, _markup in intro_links:
            label = label.casefold().strip()
            if len(label) > 3 and (label in name or bare in label):
                plan.event_url = href
                break
    if plan.organizer is None:
        plan.organizer = organizer_in(conference_text)


def _year(plan):
    if plan.date:
        return plan.date.year
    match = re.search(r"\b(19|20)\d\d\b", plan.title)
    return int(match.group(0)) if match else None


_TRACKS = re.compile(r"\btracks?\b[^.:]{0,30}?(?::|\bwere\b|\bare\b)\s*([^.;\n]+)")


def tracks_in(text):
    """Track names from 'The tracks were A, B and C.', or []."""
    match = _TRACKS.search(text)
    if not match:
        return []
    names = [n.strip() for n in LIST_SEPARATOR.split(match.group(1)) if n.strip()]
    if not names or any(len(n.split()) > 4 or not n[0].isupper() for n in names):
        return []
    return list(dict.fromkeys(names))


def format_in(text):
    """'hybrid', 'online' or 'in-person' as the (lower-case) text says, or None."""
    if re.search(r"\bhybrid\b", text):
        return "hybrid"
    if re.search(r"\b(online|virtual|remote|remote-only)\b", text):
        return "online"
    if re.search(r"\b(in[- ]person|on-?site)\b", text):
        return "in-person"
    return None


_ORGANIZER = re.compile(
    rf"(?:organi[sz]ed by|hosted by|run by) (?P<a>{NAME_WORD}(?: {NAME_WORD})*)|"
    rf"\bhow (?P<b>{NAME_WORD}(?: {NAME_WORD})*) organi[sz]ed\b"
)


def organizer_in(text):
    """Who 'organized' or 'hosted' the conference, or None."""
    match = _ORGANIZER.search(text)
    return (match.group("a") or match.group("b")) if match else None
