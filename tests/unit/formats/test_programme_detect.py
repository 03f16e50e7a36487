"""Telling the programme format from the bytes, and refusing what is not one."""

from collective.confrecap.formats.programme.detect import detect_format
from collective.confrecap.formats.programme.detect import FORMATS
from collective.confrecap.formats.programme.detect import read_programme
from collective.confrecap.formats.programme.errors import EmptyProgrammeError
from collective.confrecap.formats.programme.errors import ProgrammeError
from collective.confrecap.formats.programme.errors import ProgrammeFormatError
from collective.confrecap.formats.programme.errors import ProgrammeTooLargeError
from collective.confrecap.formats.programme.errors import UnknownFormatError
from collective.confrecap.formats.programme.model import MAX_PROGRAMME_BYTES
from tests.unit.formats.shared_data import FIXTURES
from tests.unit.formats.shared_data import needs
from tests.unit.formats.shared_data import RC3

import json
import pytest


@pytest.mark.parametrize(
    "name, expected",
    [
        ("frab-schedule.xml", "frab-xml"),
        ("pentabarf-schedule.xml", "pentabarf"),
        ("pretalx-links.json", "pretalx-json"),
        ("schedule2-flat.json", "pretalx-json"),
    ],
)
def test_our_files(name, expected):
    data = (FIXTURES / name).read_bytes()
    assert detect_format(data) == expected
    assert read_programme(data).format == expected


@needs(RC3)
def test_the_real_pretalx_export():
    assert detect_format(RC3.read_bytes()) == "pretalx-json"


def test_a_pyvideo_bundle_with_or_without_its_format_key():
    bundle = {
        "category": {"title": "C"},
        "videos": [{"title": "T", "speakers": [], "recorded": "2020-01-01"}],
    }
    assert detect_format(json.dumps(bundle).encode()) == "pyvideo"
    bundle["format"] = "pyvideo"
    assert detect_format(json.dumps(bundle).encode()) == "pyvideo"
    assert read_programme(json.dumps(bundle).encode()).title == "C"


def test_a_byte_order_mark_and_leading_space_are_fine():
    data = b"\xef\xbb\xbf\n  " + (FIXTURES / "pretalx-links.json").read_bytes()
    assert detect_format(data) == "pretalx-json"


def test_formats():
    assert FORMATS == ("pretalx-json", "frab-xml", "pentabarf", "pyvideo")


@pytest.mark.parametrize(
    "data, message",
    [
        (b"# My conference\n\nNotes", "looks like a Markdown write-up"),
        (b"---\ntitle: X\n---\n", "looks like a Markdown write-up"),
        (b"BEGIN:VCALENDAR\r\nEND:VCALENDAR", "This is an iCalendar file"),
        (b"hello world", "This is neither JSON nor XML"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "This is a binary file"),
        (b'{"title": "x"}', "not a conference programme we can read"),
        (b"[1, 2, 3]", "not a conference programme we can read"),
        (b'{"schedule": {}}', 'has a "schedule" but no "schedule.conference"'),
        (
            b'{"title": "T", "speakers": [], "videos": []}',
            "This is one pyvideo.org video",
        ),
        (b"<html><body>Schedule</body></html>", "root element is <html>"),
    ],
)
def test_what_is_not_a_programme_is_refused_naming_what_we_expected(data, message):
    with pytest.raises(UnknownFormatError) as caught:
        detect_format(data)
    assert message in str(caught.value)
    assert "expected" in str(caught.value) or "import" in str(caught.value)


def test_the_message_names_every_format():
    with pytest.raises(UnknownFormatError) as caught:
        detect_format(b"plain words")
    text = str(caught.value)
    for name in ("pretalx", "frab", "Pentabarf", "pyvideo"):
        assert name in text


@pytest.mark.parametrize(
    "data, message",
    [
        (b'{"schedule": ', "This is not valid JSON at line 1"),
        (b"<schedule><conference>", "This is not well-formed XML (line 1"),
        (b'{"a": "\xff"}', "not a pretalx/frab schedule.json"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    ],
)
def test_broken_files(data, message):
    with pytest.raises(ProgrammeFormatError, match=message.replace("(", r"\(")):
        read_programme(data)


def test_empty():
    with pytest.raises(EmptyProgrammeError, match="The file is empty"):
        read_programme(b"  \n ")


def test_size_limit():
    assert MAX_PROGRAMME_BYTES == 10 * 1024 * 1024
    data = b" " * MAX_PROGRAMME_BYTES + b"{}"
    with pytest.raises(ProgrammeTooLargeError, match="the limit is 10,485,760 bytes"):
        read_programme(data)


def test_xml_entities_are_refused_not_expanded():
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b"<schedule><conference><title>&b;</title></conference></schedule>"
    )
    with pytest.raises(ProgrammeFormatError, match="declares entities"):
        read_programme(bomb)


def test_external_entities_are_never_fetched():
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY x SYSTEM '
        b'"file:///etc/passwd">]><schedule><conference><title>&x;</title>'
        b"</conference></schedule>"
    )
    with pytest.raises(ProgrammeFormatError, match="declares entities"):
        read_programme(xxe)


def test_deeply_nested_xml_is_read_without_recursion():
    depth = 50_000
    data = (
        b"<schedule><conference><title>"
        + b"<b>" * depth
        + b"Deep"
        + b"</b>" * depth
        + b"</title></conference><day date='2024-01-01'><room name='R'>"
        b"<event id='1'><title>T</title></event></room></day></schedule>"
    )
    assert read_programme(data).title == "Deep"


def test_every_error_is_a_programme_error_with_a_message():
    for data in (b"", b"x", b"{", b"<a/>", b'{"schedule": {}}'):
        with pytest.raises(ProgrammeError) as caught:
            read_programme(data)
        assert caught.value.message
