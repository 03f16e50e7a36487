"""Conference programmes: pretalx/frab JSON, frab XML, Pentabarf, pyvideo.org.

Each reader turns the bytes of a programme into a
:class:`~.model.ProgrammePlan`; :func:`~.detect.read_programme` tells the
format from the content and calls the right one. Pure Python: no Plone here.
"""
