"""Collation keys: how names and titles sort and match in every A–Z list.

Pure Python (no Plone import). PyICU would give locale-aware collation, but
it ships no wheels on PyPI (only a source distribution that needs the ICU
headers and a compiler), so the key is built with :mod:`unicodedata`:

- compatibility decomposition (NFKD), then every combining mark dropped:
  "Érico" → "Erico", "Ñ" → "N", "ﬁ" → "fi";
- the Latin letters that do not decompose folded by a small table
  ("Ł" → "L", "Ø" → "O", "ß" → "ss", "Æ" → "AE", …);
- case folded, control characters dropped, runs of white space made one
  space, outer white space stripped.

So "Érico Andrei" sorts under E, between "Eric" and "Erika", and a search
for "erico" finds it. Within one folded key the original spelling breaks
ties (see :func:`entry_key`), so "Erico" and "Érico" stay two entries, next
to each other, as they were before folding.
"""

import re
import unicodedata


# Letters that NFKD leaves alone but a reader files under a base letter.
_SPECIAL = str.maketrans(
    {
        "ß": "ss",
        "ẞ": "SS",
        "Æ": "AE",
        "æ": "ae",
        "Œ": "OE",
        "œ": "oe",
        "Ø": "O",
        "ø": "o",
        "Ł": "L",
        "ł": "l",
        "Đ": "D",
        "đ": "d",
        "Ð": "D",
        "ð": "d",
        "Þ": "TH",
        "þ": "th",
        "ı": "i",
        "Ħ": "H",
        "ħ": "h",
    }
)
_SPACE = re.compile(r"\s+")
_WORD_SPLIT = re.compile(r"[^\w]+")

#: Separates the parts of an index key; sorts before every printable
#: character, so "Ab" comes before "Ab C" and "Abc".
SEPARATOR = "\x1f"


# The ASCII control characters that are not white space: all that the
# decomposition, the table and the dropped marks and controls change in ASCII.
_ASCII_CONTROLS = str.maketrans(
    {chr(code): None for code in (*range(32), 127) if not chr(code).isspace()}
)


def fold(text):
    """``text`` accent-free, case-folded, with its white space normalised.

    ASCII text (most names and titles) takes a shortcut that gives the same
    key without looking at each character in Python.
    """
    if not text:
        return ""
    text = str(text)
    kept = text.translate(_ASCII_CONTROLS) if text.isascii() else _kept(text)
    return _SPACE.sub(" ", kept).strip().casefold()


def _kept(text):
    """``text`` decomposed, without its combining marks and controls."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(
        char
        for char in decomposed
        if not unicodedata.combining(char)
        and (char.isspace() or unicodedata.category(char)[0] != "C")
    )


def sort_key(text):
    """The collation key of ``text`` (see the module's docstring)."""
    return fold(text)


def words(text):
    """The folded words of ``text`` ("Jean-Luc O'Neil" → jean, luc, o, neil)."""
    return [word for word in _WORD_SPLIT.split(fold(text)) if word]


def matches_words(needle_words, text):
    """True when every word of the needle begins a word of ``text``."""
    haystack = words(text)
    return all(
        any(word.startswith(needle) for word in haystack) for needle in needle_words
    )


def letter_of(text):
    """The A–Z section of ``text``: its first folded letter, upper case, or
    ``#`` for a name that does not begin with a letter."""
    first = fold(text)[:1].upper()
    return first if first.isalpha() else "#"


def entry_key(text, identity):
    """An index key that sorts by collation and keeps ``identity`` apart:
    ``"<sort key>\\x1f<identity>"``."""
    return f"{sort_key(text)}{SEPARATOR}{identity}"


def split_key(key):
    """``(sort key, identity, rest…)`` of a key made by :func:`entry_key`."""
    return key.split(SEPARATOR)
