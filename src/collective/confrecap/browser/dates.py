"""Dates as the views show them: a conference's, an event's, a session's day."""

from DateTime import DateTime
from plone import api
from plone.app.event.base import dates_for_display
from plone.event.interfaces import IEventAccessor
from zope.interface import implementer

import datetime


@implementer(IEventAccessor)
class _DatesAccessor:
    """Just enough of an event accessor for ``dates_for_display``, built
    from metadata (a brain's ``start``/``end`` and ``confrecap_data``)."""

    def __init__(self, context, start, end, whole_day, open_end):
        self.context = context
        self.start = as_datetime(start)
        self.end = as_datetime(end) or self.start
        self.whole_day = bool(whole_day)
        self.open_end = bool(open_end)


def as_datetime(value):
    if value is None:
        return None
    if isinstance(value, DateTime):
        return value.asdatetime()
    if isinstance(value, datetime.datetime):
        return value
    if isinstance(value, datetime.date):
        return datetime.datetime(value.year, value.month, value.day)
    return None


def conference_dates(conference):
    """:func:`event_dates` of a conference object."""
    return event_dates(
        conference,
        getattr(conference, "start", None),
        getattr(conference, "end", None),
        getattr(conference, "whole_day", True),
        getattr(conference, "open_end", False),
    )


def event_dates(context, start, end, whole_day=True, open_end=False):
    """How to show a conference's dates: one day, a range or an open end.

    ``{"mode": "day" | "range" | "open", "start_date", "end_date",
    "start_iso", "end_iso"}`` from plone.app.event's ``dates_for_display``
    (localized like every other event in the site), or ``None`` without a
    start date.
    """
    if as_datetime(start) is None:
        return None
    accessor = _DatesAccessor(context, start, end, whole_day, open_end)
    info = dates_for_display(accessor)
    if info is None:
        return None
    if info["open_end"]:
        mode = "open"
    elif info["same_day"]:
        mode = "day"
    else:
        mode = "range"
    return {
        "mode": mode,
        "start_date": info["start_date"],
        "end_date": info["end_date"],
        "start_iso": info["start_iso"],
        "end_iso": info["end_iso"],
    }


def session_day(iso_date):
    """``{"iso", "label"}`` for a ``YYYY-MM-DD`` session date (or ``None``)."""
    if not iso_date:
        return None
    try:
        label = api.portal.get_localized_time(
            datetime=DateTime(iso_date), long_format=False
        )
    except Exception:  # a value we cannot parse is shown as it is
        label = iso_date
    return {"iso": iso_date, "label": label}
