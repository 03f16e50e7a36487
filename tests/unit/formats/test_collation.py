"""Collation keys (pure): accents folded, case-insensitive, words for search."""

from collective.confrecap.formats.collation import entry_key
from collective.confrecap.formats.collation import fold
from collective.confrecap.formats.collation import letter_of
from collective.confrecap.formats.collation import matches_words
from collective.confrecap.formats.collation import sort_key
from collective.confrecap.formats.collation import split_key
from collective.confrecap.formats.collation import words

import pytest


def test_erico_under_e_before_victor():
    names = ["Víctor Terrón", "Érico Andrei", "Eric Idle", "erika M", "Zoë", "Ana"]
    assert sorted(names, key=sort_key) == [
        "Ana",
        "Eric Idle",
        "Érico Andrei",
        "erika M",
        "Víctor Terrón",
        "Zoë",
    ]


@pytest.mark.parametrize(
    "text, folded",
    [
        ("Érico  Andrei ", "erico andrei"),
        ("ÉRICO", "erico"),
        ("Łukasz Łanga", "lukasz langa"),
        ("Søren Straße", "soren strasse"),
        ("Ærø", "aero"),
        ("ﬁle", "file"),
        ("a\u200bb\x00c", "abc"),
        ("", ""),
        (None, ""),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize(
    "name, letter",
    [("Érico", "E"), ("érico", "E"), ("Łukasz", "L"), ("@jdoe", "#"), ("1st", "#")],
)
def test_letter_of(name, letter):
    assert letter_of(name) == letter


def test_words_and_matching():
    assert words("Jean-Luc O'Neil") == ["jean", "luc", "o", "neil"]
    assert matches_words(["erico"], "Érico Andrei")
    assert matches_words(["and", "eri"], "Érico Andrei")
    assert not matches_words(["rico"], "Érico Andrei")
    assert not matches_words(["erico", "x"], "Érico Andrei")


def test_entry_keys_sort_like_their_names_and_keep_spellings_apart():
    names = ["Abc", "Ab C", "Ab"]
    keys = sorted(entry_key(name, name.casefold()) for name in names)
    assert [split_key(key)[1] for key in keys] == ["ab", "ab c", "abc"]
    erico, plain = entry_key("Érico", "érico"), entry_key("Erico", "erico")
    assert erico != plain
    assert split_key(erico)[0] == split_key(plain)[0] == "erico"


def test_ascii_shortcut_gives_the_general_key():
    """Every ASCII character, alone and between letters, folds as the
    general path (decomposition, marks and controls dropped) folds it."""
    from collective.confrecap.formats.collation import _kept
    from collective.confrecap.formats.collation import _SPACE

    def general(text):
        return _SPACE.sub(" ", _kept(text)).strip().casefold()

    for code in range(128):
        for text in (chr(code), f"Ab{chr(code)}Cd", f" {chr(code)} x\t"):
            assert fold(text) == general(text), repr(text)
    assert fold("Guido van\x00 Rossum\x1f") == "guido van rossum"
    assert fold("Érico") == "erico"  # not ASCII: the general path
