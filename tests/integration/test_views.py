"""Classic UI views: parts in order, grouping rules, permissions, JSON-LD,
and no recap object woken where the views promise metadata only."""

from collective.confrecap.content.talkrecap import TalkRecap
from collective.confrecap.interfaces import ICollectiveConfrecapLayer
from plone import api
from plone.app.testing import logout
from plone.app.textfield.value import RichTextValue
from zope.interface import alsoProvides

import datetime
import json
import pytest
import re
import transaction


LD_RE = re.compile(r'<script type="application/ld\+json"\s*>(.*?)</script>', re.DOTALL)


def render(context, name, **form):
    request = context.REQUEST
    alsoProvides(request, ICollectiveConfrecapLayer)
    request.form.update(form)
    view = api.content.get_view(name=name, context=context, request=request)
    html = view()
    # Only the content area: the page's head, toolbar and navigation repeat
    # some of the words these tests look for.
    start = html.index('id="content-core"')
    end = html.find('id="portal-footer', start)
    return html[start : end if end > 0 else None]


def json_lds(html):
    return [json.loads(found) for found in LD_RE.findall(html)]


def positions(html, *needles):
    html = LD_RE.sub("", html)
    found = [html.find(needle) for needle in needles]
    assert all(index >= 0 for index in found), list(zip(needles, found, strict=True))
    return found


def in_order(html, *needles):
    found = positions(html, *needles)
    assert found == sorted(found), list(zip(needles, found, strict=True))
    return True


def publish(obj):
    """Publish where the (site's default) workflow has a publish transition."""
    workflow = api.portal.get_tool("portal_workflow")
    actions = [a["id"] for a in workflow.listActionInfos(object=obj)]
    if "publish" in actions:
        api.content.transition(obj, "publish")


def recap(container, title, publish=True, **fields):
    obj = api.content.create(
        container=container, type="TalkRecap", title=title, **fields
    )
    if publish:
        api.content.transition(obj, "publish")
    return obj


@pytest.fixture
def coverage(portal):
    with api.env.adopt_roles(["Manager"]):
        conf = api.content.create(
            container=portal,
            type="Conference",
            title="Python Web Conference 2023",
            description="Five tracks online.",
            start=datetime.datetime(2023, 3, 13, 9, 0),
            end=datetime.datetime(2023, 3, 17, 18, 0),
            whole_day=True,
            tracks=["App Dev", "Cloud"],
            conference_format="online",
            organizer="Six Feet Up",
            location="The internet",
            event_url="https://2023.pythonwebconf.com/",
            coverage_note="OddBird sponsored it and sent me.",
        )
        publish(conf)
        recaps = {
            "cloud": recap(
                conf,
                "Deploys to Azure",
                track="Cloud",
                talk_kind="talk",
                session_date=datetime.date(2023, 3, 15),
                description="Bicep and NubesGen.",
                speakers=[
                    {
                        "name": "Pamela Fox",
                        "url": "https://pamelafox.org",
                        "affiliation": "Microsoft",
                    }
                ],
                takeaways=["Automate", "Use IaC"],
                resources=[
                    {
                        "title": "NubesGen",
                        "url": "https://nubesgen.com/",
                        "description": "Generator",
                        "kind": "tool",
                    },
                    {
                        "title": "OWASP",
                        "url": "https://owasp.org",
                        "description": None,
                        "kind": "documentation",
                    },
                ],
            ),
            "security": recap(
                conf,
                "App Security",
                track="App Dev",
                talk_kind="talk",
                session_date=datetime.date(2023, 3, 14),
                speakers=[
                    {"name": "Dwayne McDaniel", "url": None, "affiliation": None}
                ],
                resources=[
                    {
                        "title": "OWASP",
                        "url": "https://OWASP.org/",
                        "description": "Open Web",
                        "kind": "documentation",
                    },
                ],
            ),
            "pyodide": recap(
                conf,
                "Joyful Pyodide",
                track="App Dev",
                talk_kind="keynote",
                highlight=True,
                session_date=datetime.date(2023, 3, 13),
                speakers=[{"name": "Paul Everitt", "url": None, "affiliation": None}],
                quotes=["Tests in the browser!"],
            ),
            "trivia": recap(
                conf,
                "Python Puzzlers",
                talk_kind="social",
                speakers=[
                    {
                        "name": "the Six Feet Up team",
                        "url": "https://sixfeetup.com",
                        "affiliation": None,
                    },
                    {"name": "pamela  fox", "url": None, "affiliation": None},
                ],
            ),
            "secret": recap(
                conf,
                "Secret Private Talk",
                publish=False,
                track="Cloud",
                highlight=True,
                session_date=datetime.date(2023, 3, 16),
                speakers=[
                    {
                        "name": "Hidden Speaker",
                        "url": "https://hidden.example.org",
                        "affiliation": None,
                    }
                ],
                resources=[
                    {
                        "title": "Hidden Tool",
                        "url": "https://hidden-tool.example.org",
                        "description": None,
                        "kind": "tool",
                    },
                ],
            ),
        }
        resources = api.content.create(
            container=conf,
            type="ResourceList",
            title="Links we collected",
            resources=[
                {
                    "title": "Zen of Python",
                    "url": "https://peps.python.org/pep-0020/",
                    "description": "Import this",
                    "kind": "article",
                },
                {
                    "title": "NubesGen",
                    "url": "https://nubesgen.com",
                    "description": None,
                    "kind": "tool",
                },
            ],
        )
        api.content.transition(resources, "publish")
    return {"conference": conf, "resources": resources, **recaps}


# conference-view ---------------------------------------------------------


def test_conference_view_parts_in_order(coverage):
    html = render(coverage["conference"], "conference-view")
    assert in_order(
        html,
        "confrecap-dates",
        "Online",
        "The internet",
        'href="https://2023.pythonwebconf.com/"',
        "Six Feet Up",
        "OddBird sponsored it",
        "Talk recaps",
        "Links we collected",
    )
    assert "Mar" in html or "2023" in html
    assert 'datetime="2023-03-13"' in html
    assert 'datetime="2023-03-17"' in html


def test_conference_view_groups_by_track_highlights_first_untracked_last(coverage):
    logout()
    html = render(coverage["conference"], "conference-view")
    # App Dev before Cloud (track order), Pyodide (highlight) before Security,
    # the untracked trivia last.
    assert in_order(
        html,
        ">App Dev</h3>",
        "Joyful Pyodide",
        "App Security",
        ">Cloud</h3>",
        "Deploys to Azure",
        "Other sessions",
        "Python Puzzlers",
    )
    assert "Highlight" in html
    assert "2 takeaways" in html
    assert 'href="https://pamelafox.org"' in html
    assert "the Six Feet Up team" in html


def test_conference_view_json_ld(coverage):
    html = render(coverage["conference"], "conference-view")
    (data,) = json_lds(html)
    assert data["@type"] == "Event"
    # A whole-day conference is dated by its days, not by a stored hour.
    assert (data["startDate"], data["endDate"]) == ("2023-03-13", "2023-03-17")
    assert {sub["name"] for sub in data["subEvent"]} >= {"Deploys to Azure"}


def test_timed_conference_json_ld_keeps_the_hour(coverage):
    conf = coverage["conference"]
    conf.whole_day = False
    (data,) = json_lds(render(conf, "conference-view"))
    assert data["startDate"].startswith("2023-03-13T09:00")
    assert data["endDate"].startswith("2023-03-17T18:00")


def test_conference_view_batches(coverage, monkeypatch):
    from collective.confrecap.browser.conference import ConferenceView

    conf = coverage["conference"]
    alsoProvides(conf.REQUEST, ICollectiveConfrecapLayer)
    # Below the control panel's minimum (10), to batch this small conference.
    monkeypatch.setattr(ConferenceView, "b_size", 2)
    first = render(conf, "conference-view")
    second = render(conf, "conference-view", b_start="2")
    assert "Joyful Pyodide" in first and "Deploys to Azure" not in first
    assert "Deploys to Azure" in second and "Joyful Pyodide" not in second


def _ghost_recaps(coverage):
    """Store the recaps (savepoint) and turn them into ghosts."""
    transaction.savepoint(optimistic=True)
    jar = coverage["conference"]._p_jar
    jar.cacheMinimize()
    recaps = [coverage[key] for key in ("cloud", "security", "pyodide", "trivia")]
    assert all(obj._p_changed is None for obj in recaps)  # ghosts
    return recaps


def _track_wakeups(monkeypatch):
    woken = []
    original = TalkRecap.__setstate__

    def tracking(self, state):
        woken.append(self._p_oid)
        return original(self, state)

    monkeypatch.setattr(TalkRecap, "__setstate__", tracking)
    return woken


@pytest.mark.parametrize(
    "name,on_site",
    [
        ("conference-view", False),
        ("conference-by-day", False),
        ("confrecap-speakers", True),
        ("confrecap-resources", True),
    ],
)
def test_metadata_views_wake_no_recap(coverage, monkeypatch, name, on_site):
    logout()
    context = api.portal.get() if on_site else coverage["conference"]
    html = render(context, name)  # warm up the site's own objects
    assert "Deploys to Azure" in html
    recaps = _ghost_recaps(coverage)
    woken = _track_wakeups(monkeypatch)
    render(context, name)
    assert woken == []
    assert all(obj._p_changed is None for obj in recaps)


def test_recap_article_does_wake_recaps(coverage, monkeypatch):
    """The control: the wake-up tracking does see a view that loads bodies."""
    logout()
    _ghost_recaps(coverage)
    woken = _track_wakeups(monkeypatch)
    render(coverage["conference"], "recap-article")
    assert coverage["cloud"]._p_oid in woken


# conference-by-day -------------------------------------------------------


def test_conference_by_day_orders_days_undated_last(coverage):
    logout()
    html = render(coverage["conference"], "conference-by-day")
    assert in_order(
        html,
        'datetime="2023-03-13"',
        "Joyful Pyodide",
        'datetime="2023-03-14"',
        "App Security",
        'datetime="2023-03-15"',
        "Deploys to Azure",
        "Undated",
        "Python Puzzlers",
    )
    assert json_lds(html)[0]["@type"] == "Event"


# recap-article -------------------------------------------------------------


def test_recap_article_reads_like_the_post(coverage):
    from plone.app.textfield.value import RichTextValue

    conf = coverage["conference"]
    conf.text = RichTextValue(
        "<p>Intro paragraph.</p><h2>Closing thoughts</h2><p>See you next year.</p>",
        "text/html",
        "text/x-html-safe",
    )
    coverage["cloud"].text = RichTextValue(
        "<p>Azure body text.</p>", "text/html", "text/x-html-safe"
    )
    logout()
    html = render(conf, "recap-article")
    assert in_order(
        html,
        "Contents",
        "Intro paragraph.",
        'id="recap-deploys-to-azure"',
        "Azure body text.",
        "Takeaways",
        "Use IaC",
        'href="https://nubesgen.com/"',
        "Tests in the browser!",
        "Closing thoughts",
        "See you next year.",
    )
    assert 'href="#recap-deploys-to-azure"' in html
    assert "<blockquote" in html
    assert json_lds(html)[0]["@type"] == "Event"


# talkrecap-view ------------------------------------------------------------


def test_talkrecap_view(coverage):
    logout()
    html = render(coverage["cloud"], "talkrecap-view")
    assert in_order(
        html,
        'href="https://pamelafox.org"',
        "Microsoft",
        "Python Web Conference 2023",
        "Talk",
        "Cloud",
        'datetime="2023-03-15"',
        "Takeaways",
        "Automate",
        "Resources",
        "Tool",
        "NubesGen",
        "Documentation",
        "OWASP",
    )
    (data,) = json_lds(html)
    assert data["@type"] == "Article"
    assert data["about"]["@type"] == "Event"
    assert data["about"]["performer"][0]["name"] == "Pamela Fox"
    assert data["about"]["superEvent"]["name"] == "Python Web Conference 2023"
    assert data["about"]["superEvent"]["startDate"] == "2023-03-13"


def test_talkrecap_prev_next_skip_private(coverage):
    # order in the folder: cloud, security, pyodide, trivia, secret
    logout()
    html = render(coverage["trivia"], "talkrecap-view")
    assert "Joyful Pyodide" in html  # previous
    assert "Secret Private Talk" not in html
    html = render(coverage["cloud"], "talkrecap-view")
    assert 'rel="next"' in html and 'rel="prev"' not in html
    assert "the Six Feet Up team" in render(coverage["trivia"], "talkrecap-view")


def test_talkrecap_quotes_are_blockquotes(coverage):
    html = render(coverage["pyodide"], "talkrecap-view")
    assert re.search(r"<blockquote[^>]*>\s*<p>Tests in the browser!</p>", html)


# resourcelist-view ---------------------------------------------------------


def test_resourcelist_view(coverage):
    logout()
    html = render(coverage["resources"], "resourcelist-view")
    # kinds in vocabulary order: tool before article
    assert in_order(html, "Tool", "NubesGen", "Article", "Zen of Python", "Import this")
    (data,) = json_lds(html)
    assert data["@type"] == "ItemList"
    assert [item["name"] for item in data["itemListElement"]] == [
        "NubesGen",
        "Zen of Python",
    ]


# Listings --------------------------------------------------------------------


@pytest.fixture
def folder(portal, coverage):
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(container=portal, type="Folder", title="Coverage")
        api.content.move(coverage["conference"], folder)
        other = api.content.create(
            container=folder,
            type="Conference",
            title="PWC 2021",
            start=datetime.datetime(2021, 3, 22),
            end=datetime.datetime(2021, 3, 22),
            whole_day=True,
        )
        publish(other)
        publish(folder)
    return folder


def test_talkrecap_listing_on_folder(folder):
    logout()
    html = render(folder, "talkrecap-listing")
    for title in (
        "Deploys to Azure",
        "App Security",
        "Joyful Pyodide",
        "Python Puzzlers",
    ):
        assert title in html
    assert "Secret Private Talk" not in html
    assert "Hidden Speaker" not in html
    assert "Python Web Conference 2023" in html  # the card's conference
    assert json_lds(html)[0]["@type"] == "ItemList"


def test_conference_listing_on_folder(folder):
    logout()
    html = render(folder, "conference-listing")
    assert in_order(
        html, "Python Web Conference 2023", "4 recaps", "PWC 2021", "0 recaps"
    )


def test_listings_on_collection(folder, portal):
    with api.env.adopt_roles(["Manager"]):
        collection = api.content.create(
            container=portal,
            type="Collection",
            title="All recaps",
            query=[
                {
                    "i": "portal_type",
                    "o": "plone.app.querystring.operation.selection.any",
                    "v": ["TalkRecap"],
                }
            ],
        )
        publish(collection)
    logout()
    html = render(collection, "talkrecap-listing")
    assert "Deploys to Azure" in html
    assert "Secret Private Talk" not in html


def test_view_methods_installed_and_uninstalled(portal):
    types = api.portal.get_tool("portal_types")
    for name in ("Folder", "Collection"):
        methods = types[name].view_methods
        assert "talkrecap-listing" in methods and "conference-listing" in methods
        assert "listing_view" in methods
    installer = api.portal.get_tool("portal_setup")
    installer.runAllImportStepsFromProfile("profile-collective.confrecap:uninstall")
    for name in ("Folder", "Collection"):
        methods = types[name].view_methods
        assert "talkrecap-listing" not in methods
        assert "conference-listing" not in methods
        assert "listing_view" in methods


# Indexes ---------------------------------------------------------------------


def test_speakers_index_merges_and_hides_private(coverage, portal):
    logout()
    html = render(portal, "confrecap-speakers")
    # "Pamela Fox" and "pamela  fox" are one speaker with two recaps
    assert html.count(">Pamela Fox<") == 1
    assert "pamela  fox" not in html
    assert in_order(
        html,
        ">D</h2>",
        "Dwayne McDaniel",
        ">P</h2>",
        "Pamela Fox",
        "Deploys to Azure",
        "Python Puzzlers",
        "Paul Everitt",
        ">T</h2>",
        "the Six Feet Up team",
    )
    assert "Hidden Speaker" not in html
    assert "Secret Private Talk" not in html
    assert 'href="#letter-D"' in html or "#letter-D" in html


def test_resources_index_deduplicates_and_filters(coverage, portal):
    logout()
    html = render(portal, "confrecap-resources")
    assert html.count(">OWASP<") == 1  # https://owasp.org and https://OWASP.org/
    assert html.count(">NubesGen<") == 1
    assert "Hidden Tool" not in html
    assert "Secret Private Talk" not in html
    (data,) = json_lds(html)
    assert data["@type"] == "ItemList"
    html = render(portal, "confrecap-resources", kind="tool")
    assert ">NubesGen<" in html
    assert ">OWASP<" not in html
    assert "Zen of Python" not in html


def test_private_recap_visible_to_manager(coverage):
    html = render(coverage["conference"], "conference-view")
    assert "Secret Private Talk" in html


@pytest.mark.parametrize(
    "name", ["conference-view", "conference-by-day", "recap-article"]
)
def test_private_never_leaks_on_conference(coverage, name):
    logout()
    html = render(coverage["conference"], name)
    for secret in (
        "Secret Private Talk",
        "Hidden Speaker",
        "hidden.example.org",
        "Hidden Tool",
    ):
        assert secret not in html


def test_json_ld_escapes_script_end():
    from collective.confrecap.browser.jsonld import json_ld

    text = json_ld({"name": "</script><script>alert(1)</script> & <!--"})
    assert "</" not in text and "<!--" not in text
    assert json.loads(text)["name"] == "</script><script>alert(1)</script> & <!--"


def test_resource_description_links_are_links(coverage):
    recap = coverage["cloud"]
    rows = list(recap.resources)
    rows[0] = dict(rows[0], description="See [the docs](https://nubesgen.com/docs).")
    recap.resources = rows
    recap.reindexObject()
    html = render(recap, "talkrecap-view")
    assert '<a href="https://nubesgen.com/docs">the docs</a>' in html
    assert "[the docs]" not in html


def test_conference_view_puts_closing_thoughts_after_the_recaps(coverage):
    conference = coverage["conference"]
    conference.text = RichTextValue(
        "<p>Welcome to our coverage.</p><h2>Closing thoughts</h2><p>See you!</p>",
        "text/html",
        "text/html",
    )
    html = render(conference, "conference-view")
    assert in_order(html, "Welcome to our coverage.", "Talk recaps", "See you!")
