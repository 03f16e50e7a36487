"""The bounds a parse stays within, whatever the input.

Every step of the Markdown reader is linear in its input; these limits keep
the constant small too and turn an input built to exhaust the server into a
clear error (see :mod:`collective.confrecap.formats.errors`).
"""

from collective.confrecap.formats.errors import ParseBudgetError
from dataclasses import dataclass

import time


MAX_SECTIONS = 2000


@dataclass(frozen=True)
class Limits:
    """What one parse may use; the site's control panel sets ``max_sections``."""

    max_sections: int = MAX_SECTIONS
    # Block quotes and lists inside each other, and emphasis inside emphasis.
    max_nesting: int = 32
    # Unclosed '[' in one paragraph (each one costs a scan to its end).
    max_open_brackets: int = 32
    # Emphasis markers (* and _) in one paragraph.
    max_emphasis_markers: int = 2000
    # Front matter: lists/tables inside each other, aliases, digits of a number.
    max_front_matter_depth: int = 16
    max_aliases: int = 16
    max_digits: int = 64
    # Seconds one parse may take before it gives up.
    time_budget: float = 20.0


DEFAULT_LIMITS = Limits()


class Deadline:
    """Raises :class:`ParseBudgetError` once the time budget is spent."""

    def __init__(self, seconds):
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def check(self):
        if time.monotonic() > self.end:
            raise ParseBudgetError(
                f"Reading this document took longer than the time budget of "
                f"{self.seconds:g} seconds; split it into smaller imports."
            )
