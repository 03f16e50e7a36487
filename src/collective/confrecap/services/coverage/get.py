"""``GET <conference>/@coverage``: the programme's coverage, for editors.

Sessions by day and room, each with whether its recap is written and
published, slides and video; ``?filter=no-recap`` (and/or ``no-video``,
``no-slides``) narrows the list. Registered with "Modify portal content" on
the conference: anonymous gets 401, a reader 401/403.
"""

from collective.confrecap.coverage.programme import coverage
from plone.restapi.services import Service


class CoverageGet(Service):
    def reply(self):
        filters = self.request.form.get("filter") or []
        if isinstance(filters, str):
            filters = [part for part in filters.split(",") if part]
        try:
            data = coverage(self.context, filters)
        except ValueError as error:
            self.request.response.setStatus(400)
            return {"error": {"type": "BadRequest", "message": str(error)}}
        return {"@id": f"{self.context.absolute_url()}/@coverage", **data}
