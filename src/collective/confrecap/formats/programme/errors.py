"""Errors a programme reader raises: each says in plain English what is wrong."""

from collective.confrecap.formats.errors import DocumentTooLargeError
from collective.confrecap.formats.errors import EmptyDocumentError
from collective.confrecap.formats.errors import RecapImportError


class ProgrammeError(RecapImportError):
    """A programme cannot be read; ``message`` says why."""


class UnknownFormatError(ProgrammeError):
    """The document is none of the programme formats we read."""


class ProgrammeFormatError(ProgrammeError):
    """The document is of a known format but broken or incomplete."""


class ProgrammeTooLargeError(ProgrammeError, DocumentTooLargeError):
    """The document is over the size limit."""


class EmptyProgrammeError(ProgrammeError, EmptyDocumentError):
    """The programme holds no session."""
