"""Content → ConferencePlan → Markdown, and the ``@@recap.md`` view.

The recaps and resource lists come from the catalog, which returns only
what the current user may view: a private recap never reaches an anonymous
reader's export.
"""

from collective.confrecap.formats.markdown.writer import write_markdown
from collective.confrecap.formats.plan import ConferencePlan
from collective.confrecap.formats.plan import RecapPlan
from collective.confrecap.formats.plan import ResourceListPlan
from plone import api
from Products.Five.browser import BrowserView


def _html(obj):
    text = getattr(obj, "text", None)
    return text.raw if text is not None and text.raw else ""


def _date(value):
    return value.date() if value is not None else None


def _speaker(row):
    return {
        "name": row.get("name") or "",
        "url": row.get("url") or None,
        "affiliation": row.get("affiliation") or None,
    }


def _resource(row):
    return {
        "title": row.get("title") or "",
        "url": row.get("url") or "",
        "description": row.get("description") or "",
        "kind": row.get("kind") or "other",
    }


def _children(conference, portal_type):
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog(
        portal_type=portal_type,
        path={"query": "/".join(conference.getPhysicalPath()), "depth": 1},
        sort_on="getObjPositionInParent",
    )
    return [brain.getObject() for brain in brains]


def plan_from_conference(conference):
    """The ConferencePlan of a Conference and what the user may see in it."""
    effective = conference.effective_date
    creators = conference.creators or ()
    plan = ConferencePlan(
        title=conference.title or "",
        description=conference.description or "",
        text_html=_html(conference),
        start=_date(conference.start),
        end=_date(conference.end),
        whole_day=bool(conference.whole_day),
        location=conference.location or None,
        conference_format=conference.conference_format or None,
        event_url=conference.event_url or None,
        organizer=conference.organizer or None,
        tracks=list(conference.tracks or []),
        coverage_note=conference.coverage_note or None,
        subjects=list(conference.subject or ()),
        author=creators[0] if creators else None,
        date=effective.asdatetime().date() if effective is not None else None,
    )
    for recap in _children(conference, "TalkRecap"):
        plan.recaps.append(
            RecapPlan(
                title=recap.title or "",
                description=recap.description or "",
                text_html=_html(recap),
                talk_kind=recap.talk_kind or "talk",
                track=recap.track or None,
                session_date=recap.session_date or None,
                session_start=recap.session_start or None,
                session_end=recap.session_end or None,
                room=recap.room or None,
                abstract=recap.abstract or "",
                programme_id=recap.programme_id or None,
                talk_url=recap.talk_url or None,
                slides_url=recap.slides_url or None,
                video_url=recap.video_url or None,
                highlight=bool(recap.highlight),
                speakers=[_speaker(row) for row in recap.speakers or []],
                takeaways=list(recap.takeaways or []),
                quotes=list(recap.quotes or []),
                resources=[_resource(row) for row in recap.resources or []],
                subjects=list(recap.subject or ()),
            )
        )
    for resource_list in _children(conference, "ResourceList"):
        plan.resource_lists.append(
            ResourceListPlan(
                title=resource_list.title or "",
                description=resource_list.description or "",
                text_html=_html(resource_list),
                resources=[_resource(row) for row in resource_list.resources or []],
            )
        )
    return plan


def export_markdown(conference):
    """The Markdown export of a Conference (YAML front matter first)."""
    return write_markdown(plan_from_conference(conference))


class RecapMarkdownView(BrowserView):
    """``@@recap.md``: the conference's coverage as one Markdown document."""

    def __call__(self):
        body = export_markdown(self.context)
        response = self.request.response
        response.setHeader("Content-Type", "text/markdown; charset=utf-8")
        response.setHeader(
            "Content-Disposition", f'inline; filename="{self.context.getId()}.md"'
        )
        return body.encode("utf-8")
