"""Every message id of the .pot is translated in every catalogue (no Plone).

After ``make i18n`` adds new message ids, this fails and lists, language by
language, the ids still untranslated: translate them in
``src/collective/confrecap/locales/<lang>/LC_MESSAGES/collective.confrecap.po``.
"""

from pathlib import Path

import ast
import pytest
import re


LOCALES = Path(__file__).resolve().parents[2] / "src" / "collective" / "confrecap"
LOCALES = LOCALES / "locales"
POT = LOCALES / "collective.confrecap.pot"
LANGUAGES = ("de", "es", "pt_BR")
VARIABLE = re.compile(r"\$\{(\w+)\}")


def read_catalogue(path):
    """{msgid: (default, msgstr)} of a .pot or .po file (header left out)."""
    entries = {}
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        default, parts, current = None, {"msgid": [], "msgstr": []}, None
        for line in block.splitlines():
            if line.startswith("#. Default: "):
                default = ast.literal_eval(line[len("#. Default: ") :])
            elif line.startswith(("msgid ", "msgstr ")):
                current, _, rest = line.partition(" ")
                parts[current].append(ast.literal_eval(rest))
            elif line.startswith('"') and current:
                parts[current].append(ast.literal_eval(line))
        msgid = "".join(parts["msgid"])
        if msgid:
            entries[msgid] = (default, "".join(parts["msgstr"]))
    return entries


def test_the_catalogues_exist():
    for language in LANGUAGES:
        assert (
            LOCALES / language / "LC_MESSAGES" / "collective.confrecap.po"
        ).is_file()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_id_is_translated(language):
    pot = read_catalogue(POT)
    po = read_catalogue(LOCALES / language / "LC_MESSAGES" / "collective.confrecap.po")
    missing = sorted(msgid for msgid in pot if not po.get(msgid, (None, ""))[1])
    assert not missing, (
        f"{len(missing)} message id(s) of collective.confrecap.pot are not "
        f"translated in locales/{language}/LC_MESSAGES/collective.confrecap.po "
        "(run `make i18n`, then translate):\n  " + "\n  ".join(missing)
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_their_variables(language):
    pot = read_catalogue(POT)
    po = read_catalogue(LOCALES / language / "LC_MESSAGES" / "collective.confrecap.po")
    wrong = []
    for msgid, (default, _msgstr) in pot.items():
        translation = po.get(msgid, (None, ""))[1]
        if not translation:
            continue
        expected = set(VARIABLE.findall(default or msgid))
        if set(VARIABLE.findall(translation)) != expected:
            wrong.append(f"{msgid}: {translation!r} should use {sorted(expected)}")
    assert not wrong, f"locales/{language}: " + "\n  ".join(wrong)
