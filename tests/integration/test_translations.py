"""The German catalogue is registered and used."""

from collective.confrecap import _
from zope.i18n import translate


def test_german_labels(portal):
    assert translate(_("label_speakers", default="Speakers"), target_language="de") == (
        "Vortragende"
    )


def test_german_messages_keep_their_values(portal):
    message = _(
        "error_track_duplicate",
        default="The track “${name}” is listed twice.",
        mapping={"name": "Cloud"},
    )
    translated = translate(message, target_language="de")
    assert "Cloud" in translated
    assert translated != translate(message, target_language="en")
