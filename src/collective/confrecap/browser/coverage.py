"""``@@coverage``: which sessions of the programme have a recap, slides, video.

For those who can edit the conference (registered with "Modify portal
content"); everything comes from catalog metadata.
"""

from collective.confrecap import _
from collective.confrecap.coverage.programme import coverage
from collective.confrecap.coverage.programme import FILTERS
from Products.Five import BrowserView


FILTER_LABELS = {
    "no-recap": _("filter_no_recap", default="No recap yet"),
    "no-video": _("filter_no_video", default="No video"),
    "no-slides": _("filter_no_slides", default="No slides"),
}


class CoverageView(BrowserView):
    def filters(self):
        value = self.request.form.get("filter") or []
        if isinstance(value, str):
            value = [part for part in value.split(",") if part]
        return [name for name in value if name in FILTERS]

    def data(self):
        if not hasattr(self, "_data"):
            self._data = coverage(self.context, self.filters())
        return self._data

    def filter_links(self):
        base = self.context.absolute_url() + "/@@coverage"
        active = self.filters()
        links = [
            {
                "label": _("filter_all", default="All sessions"),
                "url": base,
                "active": not active,
            }
        ]
        for name in FILTERS:
            links.append(
                {
                    "label": FILTER_LABELS[name],
                    "url": f"{base}?filter={name}",
                    "active": active == [name],
                }
            )
        return links

    def time(self, row):
        start, end = row.get("session_start"), row.get("session_end")
        if not start:
            return ""
        text = start[11:16]
        if end:
            text += "–" + end[11:16]
        return text
