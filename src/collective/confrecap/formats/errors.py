"""Errors the importer raises: each says in plain English what is wrong."""


class RecapImportError(Exception):
    """The document cannot be imported; ``message`` says why, ``line`` where."""

    def __init__(self, message, line=None):
        super().__init__(message)
        self.message = message
        self.line = line

    def __str__(self):
        if self.line is None:
            return self.message
        return f"Line {self.line}: {self.message}"


class NotTextError(RecapImportError):
    """The upload is binary or not UTF-8."""


class EmptyDocumentError(RecapImportError):
    """There is nothing to import."""


class DocumentTooLargeError(RecapImportError):
    """The document is over the size limit."""


class FrontMatterError(RecapImportError):
    """The YAML or TOML front matter cannot be read."""


class UnreadableDateError(FrontMatterError):
    """A date in the front matter is not a date we can read."""
