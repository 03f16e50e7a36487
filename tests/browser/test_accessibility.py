"""axe-core on every Classic UI view of the add-on, as an anonymous reader.

axe-core (pinned in package.json, installed with ``npm ci``) is injected into
each page and ``axe.run()`` checks it. A violation of impact ``serious`` or
``critical`` fails the test, listed with its rule id, the elements and
axe's help URL.

The check covers our content area ``#content`` (``axe.run({include:
["#content"]})``): the Barceloneta chrome around it (header, navigation,
footer) is Plone's, not this add-on's, and is checked upstream.
"""

from datetime import date
from datetime import datetime
from plone import api
from plone.app.testing import login as zope_login
from plone.app.testing import logout
from plone.app.testing import SITE_OWNER_NAME

import json
import pytest
import transaction


FAILING_IMPACTS = {"serious", "critical"}

VIEWS = {  # view: (path below the site, a text the view must show)
    "conference-view": ("coverage/pwc2023", "Containerizing Python web apps"),
    "conference-by-day": (
        "coverage/pwc2023/conference-by-day",
        "Burnout and how to avoid it",
    ),
    "recap-article": ("coverage/pwc2023/recap-article", "Calvin Hendryx-Parker"),
    "talkrecap-view": ("coverage/pwc2023/containerizing-python-web-apps", "Ruff"),
    "resourcelist-view": ("coverage/pwc2023/tools-we-liked", "Pandas cheat sheet"),
    "talkrecap-listing": ("all-recaps", "Burnout and how to avoid it"),
    "conference-listing": ("coverage", "Python Web Conference 2023"),
    "confrecap-speakers": ("@@confrecap-speakers", "Calvin Hendryx-Parker"),
    "confrecap-resources": ("@@confrecap-resources", "Pandas cheat sheet"),
}


def build_coverage(portal):
    """A small but complete coverage: every field our views render is set."""
    folder = api.content.create(
        container=portal, type="Folder", id="coverage", title="Conference coverage"
    )
    folder.setLayout("conference-listing")
    api.content.transition(folder, "publish")
    conference = api.content.create(
        container=folder,
        type="Conference",
        id="pwc2023",
        title="Python Web Conference 2023",
        description="Five days of Python on the web.",
        start=datetime(2023, 3, 13, 9, 0),
        end=datetime(2023, 3, 17, 18, 0),
        location="Online",
        event_url="https://2023.pythonwebconf.com",
        conference_format="online",
        organizer="Six Feet Up",
        tracks=["App Dev", "Cloud", "Culture"],
        coverage_note="Covered by our team as a sponsor.",
    )
    api.content.transition(conference, "publish")
    talks = [
        (
            "Containerizing Python web apps",
            "Cloud",
            "talk",
            date(2023, 3, 14),
            True,
            [
                {
                    "name": "Pamela Fox",
                    "url": "https://pamelafox.org",
                    "affiliation": "Microsoft",
                },
                {"name": "The Six Feet Up team", "url": None, "affiliation": None},
            ],
        ),
        (
            "Keynote: the state of Python web",
            "App Dev",
            "keynote",
            date(2023, 3, 13),
            False,
            [
                {
                    "name": "Jacob Kaplan-Moss",
                    "url": "https://jacobian.org",
                    "affiliation": None,
                }
            ],
        ),
        (
            "Burnout and how to avoid it",
            "Culture",
            "panel",
            date(2023, 3, 15),
            False,
            [
                {
                    "name": "Pamela Fox",
                    "url": "https://pamelafox.org",
                    "affiliation": None,
                },
                {
                    "name": "Calvin Hendryx-Parker",
                    "url": "https://sixfeetup.com",
                    "affiliation": "Six Feet Up",
                },
            ],
        ),
    ]
    for title, track, kind, day, highlight, speakers in talks:
        recap = api.content.create(
            container=conference,
            type="TalkRecap",
            title=title,
            description=f"What we learned in “{title}”.",
            track=track,
            talk_kind=kind,
            session_date=day,
            highlight=highlight,
            talk_url="https://2023.pythonwebconf.com/talks/x",
            slides_url="https://example.org/slides.pdf",
            video_url="https://www.youtube.com/watch?v=abc",
            speakers=speakers,
            takeaways=["Small images start fast.", "Pin everything.", "Measure."],
            quotes=["Ship it, then make it pretty."],
            resources=[
                {
                    "title": "Ruff",
                    "url": "https://docs.astral.sh/ruff/",
                    "description": "A fast linter",
                    "kind": "tool",
                },
                {
                    "title": "Docker docs",
                    "url": "https://docs.docker.com/",
                    "description": None,
                    "kind": "documentation",
                },
            ],
        )
        api.content.transition(recap, "publish")
    resources = api.content.create(
        container=conference,
        type="ResourceList",
        id="tools-we-liked",
        title="Tools we liked",
        description="Links collected during the week.",
        resources=[
            {
                "title": "Ruff",
                "url": "https://docs.astral.sh/ruff/",
                "description": "A fast linter",
                "kind": "tool",
            },
            {
                "title": "HTMX",
                "url": "https://htmx.org/",
                "description": None,
                "kind": "library",
            },
            {
                "title": "Pandas cheat sheet",
                "url": "https://pandas.pydata.org/Pandas_Cheat_Sheet.pdf",
                "description": "Two pages",
                "kind": "cheat-sheet",
            },
        ],
    )
    api.content.transition(resources, "publish")
    collection = api.content.create(
        container=portal,
        type="Collection",
        id="all-recaps",
        title="All talk recaps",
        query=[
            {
                "i": "portal_type",
                "o": "plone.app.querystring.operation.selection.any",
                "v": ["TalkRecap"],
            }
        ],
        sort_on="getObjPositionInParent",
    )
    collection.setLayout("talkrecap-listing")
    api.content.transition(collection, "publish")
    return conference


@pytest.fixture(scope="class")
def coverage(functional_class, functional_portal_class):
    zope_login(functional_class["app"], SITE_OWNER_NAME)
    try:
        build_coverage(functional_portal_class)
        transaction.commit()
    finally:
        logout()
    return f"http://{functional_class['host']}:{functional_class['port']}/plone"


def axe_violations(page, axe_js, include="#content"):
    """Run axe-core on the page (restricted to ``include``); return violations."""
    page.add_script_tag(path=str(axe_js))
    return page.evaluate(
        """async (include) => {
            const results = await axe.run(
                include ? {include: [include]} : document,
                {resultTypes: ["violations"]});
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({
                    target: n.target.join(" "), html: n.html.slice(0, 200),
                    summary: n.failureSummary}))}));
        }""",
        include,
    )


def describe(violations):
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"]:
            lines.append(f"    {node['target']}  {node['html']}")
    return "\n".join(lines)


class TestAccessibility:
    @pytest.mark.parametrize("view", list(VIEWS))
    def test_no_serious_or_critical_violations(self, view, coverage, new_page, axe_js):
        page = new_page()
        path, expected = VIEWS[view]
        response = page.goto(f"{coverage}/{path}")
        assert response.status == 200, f"{view}: HTTP {response.status}"
        # Our view rendered, with its content (not an error page or a fallback).
        assert expected in page.locator("#content").inner_text(), view
        violations = axe_violations(page, axe_js)
        failing = [v for v in violations if v["impact"] in FAILING_IMPACTS]
        print(f"\n{view}: axe violations\n" + (describe(violations) or "none"))
        assert not failing, (
            f"{view}: {len(failing)} serious/critical axe violation(s) in #content:\n"
            + describe(failing)
            + "\n"
            + json.dumps([v["id"] for v in violations])
        )
