"""Speakers of a talk: a 'By …' / 'Speakers: …' line, or a sentence of prose."""

from collective.confrecap.formats.markdown.rendering import inline_pieces
from collective.confrecap.formats.markdown.rendering import without_emphasis

import re


_BY = re.compile(r"^\s*(?:by|presented by|speakers?\s*:)\s+", re.IGNORECASE)
LIST_SEPARATOR = re.compile(r"\s*(?:,\s*and\s+|,|\s+and\s+|\s+&\s+|;)\s*")
NAME_WORD = r"(?:[A-Z][\w'’-]+|[A-Z]\.)"
_NAME = rf"{NAME_WORD}(?: {NAME_WORD}){{1,3}}"
_VERBS = r"(?:gave|presented|led|hosted|delivered|ran|talked|spoke|shared)"
_PROSE_SPEAKER = (
    re.compile(rf"^(?P<name>{_NAME}), (?:an? |the )?(?P<aff>[^,]{{3,80}}), {_VERBS}\b"),
    re.compile(rf"^(?P<name>{_NAME}) {_VERBS}\b"),
    re.compile(
        rf"\b(?i:talk|keynote|presentation|session|tutorial|workshop|vortrag|"
        rf"charla|ponencia|presentación|taller) "
        rf"(?:by|von|de) (?P<name>{_NAME})"
    ),
)
_TEAM = re.compile(r"^the (.+ team)$", re.IGNORECASE)


def speaker_line(block):
    """Speakers of a 'By …' or 'Speakers: …' paragraph, or None."""
    pieces = inline_pieces(without_emphasis(block.inline.children))
    if not pieces or pieces[0][0] != "text" or not _BY.match(pieces[0][1]):
        return None
    pieces[0] = ("text", _BY.sub("", pieces[0][1], count=1))
    if pieces[-1][0] == "text":
        pieces[-1] = ("text", pieces[-1][1].rstrip().removesuffix("."))
    groups = [[]]
    for piece in pieces:
        if piece[0] == "link":
            groups[-1].append(piece)
            continue
        for number, part in enumerate(LIST_SEPARATOR.split(piece[1])):
            if number:
                groups.append([])
            if part.strip():
                groups[-1].append(("text", part))
    speakers = [_speaker(group) for group in groups if group]
    if not speakers or None in speakers:
        return None
    return speakers


def _speaker(group):
    affiliation = None
    last = group[-1]
    if last[0] == "text":
        match = re.match(r"^(.*?)\s*\(([^()]+)\)\s*$", last[1])
        if match:
            affiliation = match.group(2).strip()
            group = group[:-1] + ([("text", match.group(1))] if match.group(1) else [])
    links = [piece for piece in group if piece[0] == "link"]
    texts = " ".join(piece[1] for piece in group if piece[0] == "text").split()
    if len(links) > 1 or not group:
        return None
    if links:
        if texts not in ([], ["the"]):
            return None
        name, url = links[0][1], links[0][2]
        if texts and not name.lower().endswith("team"):
            return None
    else:
        name, url = " ".join(texts), None
        team = _TEAM.match(name)
        name = team.group(1) if team else name
    name = " ".join(name.split())
    if not name or not name[0].isupper() or len(name.split()) > 8:
        return None
    if re.search(r"[!?;:]|\w\w\.", name):
        return None
    return {"name": name, "url": url, "affiliation": affiliation}


def speakers_in(blocks):
    """The speaker a sentence of prose names ('Jane Doe gave …'), or []."""
    for block in blocks:
        if block.kind != "paragraph":
            continue
        for pattern in _PROSE_SPEAKER:
            match = pattern.search(block.text)
            if match:
                groups = match.groupdict()
                affiliation = groups.get("aff")
                name = match.group("name")
                return [{"name": name, "url": None, "affiliation": affiliation}]
    return []
