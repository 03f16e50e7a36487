"""Errors the importer raises: each says in plain English what is wrong.

``status`` is the HTTP status a REST client gets for it: ``400`` for a
document that cannot be read, ``413`` for one that is too big or too costly
to read within the limits.
"""


class RecapImportError(Exception):
    """The document cannot be imported; ``message`` says why, ``line`` where."""

    status = 400

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


class NotMarkdownError(RecapImportError):
    """The text is another format (reStructuredText, XML, JSON…)."""


class EmptyDocumentError(RecapImportError):
    """There is nothing to import."""


class DocumentTooLargeError(RecapImportError):
    """The document is over the size limit."""


class TooManySectionsError(DocumentTooLargeError):
    """The document has more sections than the site allows."""

    status = 413


class ParseBudgetError(RecapImportError):
    """Reading the document took longer than the time budget allows."""

    status = 413


class NestingTooDeepError(RecapImportError):
    """Quotes, lists, emphasis or brackets are nested beyond the limit."""


class FrontMatterError(RecapImportError):
    """The YAML or TOML front matter cannot be read."""


class FrontMatterLimitError(FrontMatterError):
    """The front matter is nested too deep, has too many aliases or digits."""


class UnreadableDateError(FrontMatterError):
    """A date in the front matter is not a date we can read."""


class PlanError(RecapImportError):
    """An edited plan (JSON) has a bad key or value."""
