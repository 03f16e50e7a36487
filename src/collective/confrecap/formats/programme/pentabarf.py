"""FOSDEM's Pentabarf ``schedule.xml``.

The frab shape (``<schedule><conference/><day><room><event>``) plus a
``<tracks><track>Name</track></tracks>`` list in schedule order, HTML in
``<abstract>``/``<description>`` (turned into text with Markdown links) and
events that may carry only a wall-clock ``<start>`` on their day (no
``<date>``, no ``guid``: the event ``id`` is then the programme id).
"""

from collective.confrecap.formats.programme.frab_xml import ScheduleReader
from collective.confrecap.formats.programme.model import clean_line
from collective.confrecap.formats.programme.source import load_xml


FORMAT = "pentabarf"
EXPECTED = (
    "a Pentabarf schedule.xml as FOSDEM publishes it (<schedule><conference>"
    "…</conference><tracks>…</tracks><day><room><event>…)"
)


def read(data, default_timezone=None):
    """The ProgrammePlan of a Pentabarf ``schedule.xml`` (bytes)."""
    return from_tree(load_xml(data, EXPECTED), default_timezone)


def from_tree(root, default_timezone=None):
    return PentabarfReader(root, FORMAT, EXPECTED, default_timezone).read()


class PentabarfReader(ScheduleReader):
    # FOSDEM's texts are HTML: a line break in them is a space.
    keep_newlines = False

    def declared_tracks(self, conference):
        names = []
        tracks = self.root.find("tracks")
        for track in tracks.findall("track") if tracks is not None else []:
            names.append(clean_line(track.get("name") or "".join(track.itertext())))
        return names + super().declared_tracks(conference)
