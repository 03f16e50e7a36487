"""Which programme format a file is, told from its content (bytes) alone.

JSON with ``{"schedule": {"conference": …}}`` is a pretalx/frab
``schedule.json``; JSON with ``"format": "pyvideo"`` a pyvideo bundle; XML
with a ``<schedule>`` root is a Pentabarf export when it lists ``<tracks>``
or its conference has no ``<acronym>`` (FOSDEM's has none, frab's and
pretalx's always do), else a frab/pretalx ``schedule.xml``. Anything else is
refused with a message naming what we expected. The document is parsed
once: :func:`read_programme` hands the parsed tree to the reader.
"""

from collective.confrecap.formats.programme import frab_xml
from collective.confrecap.formats.programme import pentabarf
from collective.confrecap.formats.programme import pretalx_json
from collective.confrecap.formats.programme import pyvideo
from collective.confrecap.formats.programme.errors import UnknownFormatError
from collective.confrecap.formats.programme.source import as_bytes
from collective.confrecap.formats.programme.source import check_size
from collective.confrecap.formats.programme.source import load_json
from collective.confrecap.formats.programme.source import load_xml
from pathlib import Path


FORMATS = (pretalx_json.FORMAT, frab_xml.FORMAT, pentabarf.FORMAT, pyvideo.FORMAT)
EXPECTED = (
    "a pretalx or frab schedule.json, a frab/pretalx schedule.xml, a FOSDEM "
    "Pentabarf schedule.xml, or a pyvideo.org bundle "
    '({"format": "pyvideo", "category": …, "videos": […]})'
)
JSON_EXPECTED = (
    'a pretalx/frab schedule.json ({"schedule": {"conference": …}}) or a '
    'pyvideo.org bundle ({"format": "pyvideo", "category": …, "videos": […]})'
)
XML_EXPECTED = (
    "a frab/pretalx or FOSDEM Pentabarf schedule.xml (<schedule><conference>…"
    "</conference><day><room><event>…)"
)


def _sniff(data):
    """ "json", "xml" or a sentence saying what the bytes look like instead."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] in (b"{", b"["):
        return "json"
    if head[:1] == b"<":
        return "xml"
    if head.upper().startswith(b"BEGIN:VCALENDAR"):
        return "This is an iCalendar file"
    if head.startswith((b"---", b"#", b"+++")):
        return (
            "This looks like a Markdown write-up (import it with "
            "“Import conference recap”)"
        )
    if b"\x00" in head:
        return "This is a binary file, not text"
    return "This is neither JSON nor XML"


def _json_format(document):
    if pretalx_json.is_schedule(document):
        return pretalx_json.FORMAT
    if pyvideo.is_bundle(document) or (
        isinstance(document, dict)
        and isinstance(document.get("category"), dict)
        and isinstance(document.get("videos"), list)
    ):
        return pyvideo.FORMAT
    if isinstance(document, dict) and {"title", "videos", "speakers"} <= set(document):
        raise UnknownFormatError(
            "This is one pyvideo.org video, not a conference: import the "
            "conference's folder, or a bundle "
            '({"format": "pyvideo", "category": …, "videos": […]}).'
        )
    if isinstance(document, dict) and "schedule" in document:
        raise UnknownFormatError(
            'This JSON has a "schedule" but no "schedule.conference": expected '
            f"{pretalx_json.EXPECTED}."
        )
    raise UnknownFormatError(
        f"This JSON is not a conference programme we can read: expected "
        f"{JSON_EXPECTED}."
    )


def _xml_format(root):
    name = frab_xml.local_name(root)
    if name != "schedule":
        raise UnknownFormatError(
            f"This XML's root element is <{name}>, not <schedule>: expected "
            f"{XML_EXPECTED}."
        )
    conference = root.find("conference")
    if root.find("tracks") is not None or (
        conference is not None and conference.find("acronym") is None
    ):
        return pentabarf.FORMAT
    return frab_xml.FORMAT


def _parse(data):
    data = as_bytes(data)
    check_size(data)
    kind = _sniff(data)
    if kind == "json":
        document = load_json(data, JSON_EXPECTED)
        return _json_format(document), document
    if kind == "xml":
        root = load_xml(data, XML_EXPECTED)
        return _xml_format(root), root
    raise UnknownFormatError(f"{kind}: expected {EXPECTED}.")


def detect_format(data):
    """The name of the programme format of ``data`` (bytes): one of FORMATS.

    Raises UnknownFormatError (or another ProgrammeError for a broken file)
    with a message that names the formats we expected.
    """
    return _parse(data)[0]


def read_programme(data, default_timezone=None):
    """The ProgrammePlan of a programme file in any of the FORMATS."""
    name, document = _parse(data)
    if name == pretalx_json.FORMAT:
        return pretalx_json.from_json(document, default_timezone)
    if name == pyvideo.FORMAT:
        if not pyvideo.is_bundle(document):
            document = {**document, "format": pyvideo.FORMAT}
        return pyvideo.from_bundle(document, default_timezone)
    if name == pentabarf.FORMAT:
        return pentabarf.from_tree(document, default_timezone)
    return frab_xml.from_tree(document, default_timezone)


def read_path(path, default_timezone=None):
    """The ProgrammePlan of a file, or of a pyvideo data folder."""
    path = Path(path)
    if path.is_dir():
        return pyvideo.read_folder(path, default_timezone)
    return read_programme(path.read_bytes(), default_timezone)
