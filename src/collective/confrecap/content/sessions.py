"""A session's day follows its programme slot: when ``session_start`` is set
and ``session_date`` is empty, the date becomes the start's own calendar day,
whichever form, API or script set the start. A date the author gave stays."""


def sync_session_date(obj, event=None):
    start = getattr(obj, "session_start", None)
    if start is not None and getattr(obj, "session_date", None) is None:
        obj.session_date = start.date()
