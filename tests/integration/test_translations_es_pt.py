"""Issue 13: the Spanish and Brazilian Portuguese catalogues are used."""

from collective.confrecap import _
from zope.i18n import translate

import pytest


@pytest.mark.parametrize(
    "language,expected",
    [("es", "Ponentes"), ("pt_BR", "Palestrantes"), ("de", "Vortragende")],
)
def test_labels(portal, language, expected):
    message = _("label_speakers", default="Speakers")
    assert translate(message, target_language=language) == expected


@pytest.mark.parametrize("language", ["es", "pt_BR", "de"])
def test_track_error_keeps_its_values(portal, language):
    message = _(
        "error_track_unknown",
        default="“${value}” is not one of this conference's tracks: ${tracks}.",
        mapping={"value": "Foo", "tracks": "App Dev, Cloud"},
    )
    translated = translate(message, target_language=language)
    assert "Foo" in translated and "App Dev, Cloud" in translated
    assert translated != translate(message, target_language="en")
