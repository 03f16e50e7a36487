"""Bytes in: the size limit, UTF-8, JSON and (defused) XML, with clear errors."""

from collective.confrecap.formats.programme.errors import EmptyProgrammeError
from collective.confrecap.formats.programme.errors import ProgrammeFormatError
from collective.confrecap.formats.programme.errors import ProgrammeTooLargeError
from collective.confrecap.formats.programme.model import MAX_PROGRAMME_BYTES
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from xml.etree.ElementTree import ParseError

import json


def check_size(data, limit=MAX_PROGRAMME_BYTES):
    if len(data) > limit:
        raise ProgrammeTooLargeError(
            f"The programme is too large ({len(data):,} bytes); the limit is "
            f"{limit:,} bytes ({limit // (1024 * 1024)} MB)."
        )
    if not data.strip():
        raise EmptyProgrammeError("The file is empty: there is no programme in it.")


def as_bytes(data):
    if isinstance(data, str):
        return data.encode("utf-8")
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    raise ProgrammeFormatError("A programme is read from the bytes of a file.")


def load_json(data, what="a JSON programme"):
    """The parsed JSON document in ``data`` (UTF-8, a BOM allowed)."""
    data = as_bytes(data)
    check_size(data)
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise ProgrammeFormatError(
            f"This is not {what} in UTF-8 (byte {error.start} cannot be read)."
        ) from error
    except RecursionError as error:
        raise ProgrammeFormatError(
            f"This JSON is nested too deeply to be {what}."
        ) from error
    except ValueError as error:
        line = getattr(error, "lineno", None)
        where = f" at line {line}" if line else ""
        raise ProgrammeFormatError(
            f"This is not valid JSON{where}: {getattr(error, 'msg', error)}. "
            f"Expected {what}."
        ) from error


def load_xml(data, what="an XML schedule"):
    """The root element of the XML document in ``data``.

    defusedxml refuses entity declarations and external references, so a
    "billion laughs" or an XXE file is an error, never expanded or fetched.
    """
    data = as_bytes(data)
    check_size(data)
    try:
        return fromstring(data)
    except DefusedXmlException as error:
        raise ProgrammeFormatError(
            "This XML declares entities or refers to external files, which we do "
            f"not read, for safety. Expected {what}, without entity declarations."
        ) from error
    except ParseError as error:
        line, column = getattr(error, "position", (None, None))
        raise ProgrammeFormatError(
            f"This is not well-formed XML (line {line}, column {column}). "
            f"Expected {what}."
        ) from error
