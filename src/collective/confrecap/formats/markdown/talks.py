"""How people write talks: 'Title - Speaker', 'Title by Speaker', 'X's keynote
on Y', '[Speaker - Title](url)', table rows, a link line over a name line.

Every function here works on one short string or one block and is linear in
it (string partitions and anchored patterns, no backtracking over runs).
"""

from collective.confrecap.formats.urls import is_http_url

import re
import unicodedata


PARTICLES = {
    "van", "von", "de", "der", "den", "del", "della", "di", "da", "du", "dos",
    "das", "la", "le", "ten", "ter", "bin", "al", "el", "y",
}  # fmt: skip
# Words that start with a capital in a title but are never part of a name.
NOT_NAMES = {
    "day", "keynote", "talk", "track", "session", "workshop", "tutorial",
    "panel", "conference", "summit", "the", "and", "of", "on", "in", "for",
    "with", "to", "a", "an", "my", "our", "your", "how", "why", "what", "when",
    "open", "space", "live", "blogging", "intro", "introduction", "closing",
    "opening", "remarks", "update", "updates", "part", "notes", "recap",
    "video", "slides", "presentation", "lightning", "best",
    "good", "worst", "first", "second", "third", "last", "summary", "thanks",
}  # fmt: skip
_JOINERS = re.compile(
    r"\s*(?:,\s*and\s+|\s+and\s+|\s+&\s+|\s+und\s+|\s+y\s+|\s+e\s+)\s*"
)
_KIND_PREFIX = re.compile(
    r"^(?P<sponsored>sponsored\s+)?(?:(?P<kind>key\s?note|lightning\s+talks?|workshop|"
    r"tutorial|panel|talk)\s*:|(?P<dashed>key\s?note)\s[-–—])\s*",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(
    r"^(?P<names>[^']{3,80})['’]s?\s+(?P<kind>keynote|talk|presentation|workshop|"
    r"session|tutorial|lightning talk)\b(?:\s+(?:on|about|at)\b|\s*:)?\s*"
    r"(?P<title>.*)$",
    re.IGNORECASE,
)
_VIDEO_HOSTS = re.compile(
    r"^https?://(?:[\w-]+\.)*(?:youtube\.com|youtu\.be|vimeo\.com)/"
)
_SLIDES = re.compile(
    r"^https?://(?:[\w-]+\.)*(?:speakerdeck\.com|slideshare\.net|slides\.com)/|"
    r"\.(?:pdf|pptx?|key|odp)(?:$|[?#])|/hosted_files/",
    re.IGNORECASE,
)


def nfkc(text):
    """Compatibility letters (mathematical bold, full width…) as plain ones."""
    return unicodedata.normalize("NFKC", text)


def link_role(url, label=""):
    """'video_url', 'slides_url' or None for a link in a talk."""
    if not is_http_url(url):
        return None
    label = label.strip().casefold()
    if _VIDEO_HOSTS.match(url) or label in ("video", "youtube", "vimeo", "recording"):
        return "video_url"
    if _SLIDES.search(url) or label in ("slides", "presentation", "deck", "folien"):
        return "slides_url"
    return None


def _word_is_name(word, first_or_last):
    if word.casefold() in PARTICLES and not first_or_last:
        return True
    if not word[0].isupper() or not word[0].isalpha():
        return False
    if len(word) == 2 and word.endswith("."):
        return True  # an initial: 'William A. Rowe'
    if word.casefold().strip(".") in NOT_NAMES:
        return False
    body = word.replace("-", "").replace("'", "").replace("’", "").rstrip(".")
    return body.isalpha() and (len(body) > 1 or word.endswith(".") or not first_or_last)


def is_name(text):
    """'Ada Lovelace', 'Arjan van de Ven', 'Jesús López González': a person."""
    words = text.split()
    if not 2 <= len(words) <= 5:
        return False
    last = len(words) - 1
    return all(_word_is_name(w, i in (0, last)) for i, w in enumerate(words))


def _name_prefix(text):
    """The leading name words: 'Chris Aniszczyk (@cra) CTO' → 'Chris Aniszczyk'."""
    words, taken = text.split(), []
    for word in words:
        if _word_is_name(word, not taken) and len(taken) < 5:
            taken.append(word)
        else:
            break
    while taken and taken[-1].casefold() in PARTICLES:
        taken.pop()
    return " ".join(taken) if len(taken) >= 2 else ""


def speakers_of(text, strict=True):
    """Speakers of 'A & B', 'A, Company', 'A and B, Company', or None.

    ``strict`` wants the whole text to be names (a heading's tail); else a
    name may be followed by an affiliation ('Vicki Cheung, Lyft').
    """
    text = " ".join(text.split()).strip(" .;,")
    if not text or len(text) > 200:
        return None
    speakers = []
    for part in _JOINERS.split(text):
        name, _comma, affiliation = part.partition(", ")
        name = name.strip(" .")
        if is_name(name):
            speakers.append(_speaker(name, affiliation))
            continue
        if strict:
            # 'A, B' lists of names.
            names = [n.strip(" .") for n in part.split(",")]
            if len(names) > 1 and all(is_name(n) for n in names):
                speakers.extend(_speaker(n, "") for n in names)
                continue
            return None
        prefix = _name_prefix(part)
        if not prefix:
            if not speakers:
                return None
            # 'Founder and CEO, Synadia': more of the last one's affiliation.
            last = speakers[-1]
            joined = f"{last['affiliation'] or ''} and {part}".strip(" ,")
            last["affiliation"] = joined.removeprefix("and ")
            continue
        rest = part[len(prefix) :].strip(" ,")
        speakers.append(_speaker(prefix, affiliation or rest))
    return speakers or None


def _speaker(name, affiliation):
    affiliation = " ".join(affiliation.split()).strip(" ,") or None
    return {"name": name, "url": None, "affiliation": affiliation}


def split_kind(title):
    """('keynote', 'Title') for 'Keynote: Title' / 'Key note - Title'."""
    match = _KIND_PREFIX.match(title)
    if not match or match.end() >= len(title):
        return None, title
    kind = (match.group("kind") or match.group("dashed")).casefold().replace(" ", "")
    kind = {"lightningtalk": "lightning", "lightningtalks": "lightning"}.get(kind, kind)
    return kind, title[match.end() :].strip()


def title_and_speakers(text, loose=False):
    """(title, speakers, kind, rule) a heading or cell names, speakers or None.

    ``loose`` allows affiliations after the names (table cells, link text).
    """
    text = " ".join(nfkc(text).split()).strip()
    kind, text = split_kind(text)
    match = _POSSESSIVE.match(text)
    if match and is_name(match.group("names").strip()) and match.group("title"):
        found_kind = match.group("kind").casefold()
        kind = kind or ("keynote" if found_kind == "keynote" else None)
        title = match.group("title").strip()
        title = re.sub(r"^the\s+", "", title, flags=re.IGNORECASE)
        title = title[0].upper() + title[1:]
        speakers = speakers_of(match.group("names"))
        return title, speakers, kind, "possessive"
    for separator, rule in (
        (" by ", "by"),
        (" von ", "by"),
        ("... ", "ellipsis"),
        ("… ", "ellipsis"),
        (" - ", "dash"),
        (" – ", "dash"),
        (" — ", "dash"),
        (", ", "comma"),
        ("- ", "dash"),
    ):
        head, found, tail = text.rpartition(separator)
        if not found or not head.strip():
            continue
        speakers = speakers_of(tail, strict=not loose or rule == "comma")
        if speakers:
            if rule == "ellipsis":
                head += separator.strip()
            return head.strip(" -–—:"), speakers, kind, rule
    head, found, tail = text.partition(" - ")
    if found and tail and is_name(head) and speakers_of(tail) is None:
        return tail.strip(), speakers_of(head), kind, "speaker-first"
    return text, None, kind, None


_TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def is_title_case(text):
    """Most words longer than three letters start with a capital."""
    words = [w for w in _TITLE_WORD.findall(text) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.6


NON_TALK = re.compile(
    r"^(?:location|venue|tl;?\s?dr|summary|intro(?:duction)?|outro|thanks?(?: you)?|"
    r"thank you.*|acknowledg(?:e)?ments?|community|conclusions?|final thoughts|"
    r"closing thoughts|my talk|travel|getting there|the venue|food|swag|"
    r"overview|background|about me|photos|"
    r"(?:day|día|tag)\s+\w+|(?:first|second|third|last) day)\W*$",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_EVENT = re.compile(r"conf|con\b|summit|camp\b|fest|days?\b", re.IGNORECASE)
GROUP_KIND = re.compile(
    r"^(?P<kind>keynotes?|tutorials?|workshops?|panels?|lightning talks?)$",
    re.IGNORECASE,
)


def is_non_talk(title):
    """Location, TLDR, Thanks, 'Plone Conference 2016 - Boston'… (no speaker)."""
    clean = title.strip()
    if NON_TALK.match(clean):
        return True
    return bool(_YEAR.search(clean) and _EVENT.search(clean))


def group_kind(title):
    """'keynote' for a 'Keynotes' group heading, 'lightning' for 'Lightning Talks'."""
    match = GROUP_KIND.match(title.strip())
    if not match:
        return None
    kind = match.group("kind").casefold().rstrip("s")
    return "lightning" if kind.startswith("lightning") else kind
