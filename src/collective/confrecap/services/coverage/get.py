"""``GET <conference>/@coverage``: the programme's coverage, for editors.

Sessions by day and room, each with whether its recap is written and
published, slides and video; ``?filter=no-recap`` (and/or ``no-video``,
``no-slides``) narrows the list. Registered with "Modify portal content" on
the conference: anonymous gets 401, a reader 401/403.
"""

from collective.confrecap.coverage.programme import coverage
from collective.confrecap.services.errors import InvalidParameter
from collective.confrecap.services.errors import Service


class CoverageGet(Service):
    def reply(self):
        filters = self.request.form.get("filter") or []
        if isinstance(filters, str):
            filters = [part for part in filters.split(",") if part]
        try:
            data = coverage(self.context, filters)
        except ValueError as error:
            raise InvalidParameter("filter", str(error)) from error
        return {"@id": f"{self.context.absolute_url()}/@coverage", **data}
