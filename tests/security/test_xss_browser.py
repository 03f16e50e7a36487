"""OWASP A03 Injection, cross-site scripting: payloads in every text field
and row cell, rendered in headless Chromium with ``alert``/``confirm``/
``prompt`` hooked and dialogs counted: none may run, anywhere.

Also the reproduction of the issue's stored XSS: a speaker named
``<img src=x onerror=alert(1)>`` picked in the Collection editor's Speaker
criterion (Plone's querystring widget renders vocabulary titles as HTML).
"""

from .conftest import login
from .conftest import MANAGER
from .conftest import needs_chromium
from datetime import date
from plone import api

import pytest
import transaction


PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(2)>',
    "</script><script>alert(3)</script>",
    '\'><iframe srcdoc="<script>parent.alert(4)</script>">',
    "<a href=javascript:alert(5)>x</a>",
    "{{constructor.constructor('alert(6)')()}}",
]
HOOK = """
window.__xss = [];
for (const name of ["alert", "confirm", "prompt"]) {
  window[name] = (...args) => { window.__xss.push([name, String(args[0])]); };
}
"""


def _hostile_coverage(portal):
    p = PAYLOADS
    with api.env.adopt_roles(["Manager"]):
        conference = api.content.create(
            container=portal,
            type="Conference",
            id="xss-conf",
            title=f"XSS Conf {p[0]}",
            description=p[1],
            start=__import__("datetime").datetime(2024, 5, 1, 9, 0),
            end=__import__("datetime").datetime(2024, 5, 3, 18, 0),
            location=p[2],
            organizer=p[3],
            tracks=[f"Track {p[0]}", f"Track {p[1]}"],
            coverage_note=p[4],
            subject=(p[5],),
        )
        api.content.transition(conference, "publish")
        for number, payload in enumerate(p):
            recap = api.content.create(
                container=conference,
                type="TalkRecap",
                id=f"recap-{number}",
                title=f"Recap {payload}",
                description=payload,
                talk_kind="talk",
                track=f"Track {p[number % 2]}",
                session_date=date(2024, 5, 1 + number % 3),
                room=payload,
                abstract=payload,
                speakers=[
                    {
                        "name": payload,
                        "url": "https://example.org/?q=" + payload.replace(" ", ""),
                        "affiliation": payload,
                    }
                ],
                takeaways=[payload, f"*{payload}*"],
                quotes=[payload],
                resources=[
                    {
                        "title": payload,
                        "url": f"https://example.org/r{number}",
                        "description": f"[{payload}](https://example.org/) {payload}",
                        "kind": "article",
                    }
                ],
                subject=(payload,),
            )
            api.content.transition(recap, "publish")
        links = api.content.create(
            container=conference,
            type="ResourceList",
            id="links",
            title=f"Links {p[2]}",
            description=p[3],
            resources=[
                {
                    "title": payload,
                    "url": f"https://example.org/l{n}",
                    "description": payload,
                    "kind": "tool",
                }
                for n, payload in enumerate(p)
            ],
        )
        api.content.transition(links, "publish")
        collection = api.content.create(
            container=portal,
            type="Collection",
            id="recaps",
            title="Recaps",
            query=[
                {
                    "i": "portal_type",
                    "o": "plone.app.querystring.operation.selection.any",
                    "v": ["TalkRecap"],
                }
            ],
        )
        api.content.transition(collection, "publish")
    transaction.commit()
    return conference


PAGES = [
    "/xss-conf",
    "/xss-conf/conference-by-day",
    "/xss-conf/recap-article",
    "/xss-conf/recap-0",
    "/xss-conf/recap-1",
    "/xss-conf/recap-2",
    "/xss-conf/recap-3",
    "/xss-conf/links",
    "/@@confrecap-speakers",
    "/@@confrecap-resources",
    "/recaps/talkrecap-listing",
    "/recaps/conference-listing",
    "/@@search?SearchableText=Recap",
]


@needs_chromium
@pytest.mark.parametrize("logged_in", [False, True])
def test_no_payload_runs_on_any_page(
    functional_portal, new_page, portal_url, logged_in
):
    _hostile_coverage(functional_portal)
    page = new_page()
    if logged_in:
        login(page, portal_url, *MANAGER)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.add_init_script(HOOK)
    ran = []
    for path in PAGES:
        response = page.goto(portal_url + path)
        assert response.status == 200, (path, response.status)
        page.wait_for_timeout(150)
        calls = page.evaluate("window.__xss")
        if calls:
            ran.append((path, calls))
    assert dialogs == []
    assert ran == []


def _set_criterion(page, index):
    """Pick ``index`` in the Collection editor's first criterion row."""
    page.wait_for_selector(".querystring-criteria-index", state="attached")
    page.evaluate(
        """(index) => {
            const found = [...document.querySelectorAll(
                ".querystring-criteria-index, .querystring-criteria-index select")];
            const select = found.find((el) => el.tagName === "SELECT");
            if (!select) {
                throw new Error("no index select: " + (found[0] || document.body)
                    .outerHTML.slice(0, 1500));
            }
            select.value = index;
            select.dispatchEvent(new Event("change", {bubbles: true}));
            if (window.jQuery) { window.jQuery(select).trigger("change"); }
        }""",
        index,
    )


@needs_chromium
@pytest.mark.parametrize("index", ["confrecap_speakers", "confrecap_track"])
def test_collection_editor_criterion_does_not_run_names(
    functional_portal, new_page, portal_url, index
):
    _hostile_coverage(functional_portal)
    page = new_page()
    login(page, portal_url, *MANAGER)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.add_init_script(HOOK)
    page.goto(f"{portal_url}/recaps/edit")
    _set_criterion(page, index)
    value = page.locator(".querystring-criteria-value").first
    value.wait_for(state="attached")
    # Open the value picker so select2 renders every option's title.
    choices = page.locator(
        ".querystring-criteria-value .select2-choices, "
        ".querystring-criteria-value .select2-choice"
    )
    if choices.count():
        choices.first.click()
    page.wait_for_timeout(1000)
    rendered = page.locator(".select2-result-label, .select2-results li")
    texts = rendered.all_inner_texts()
    # The name is shown as the text it is, not run as markup.
    assert any("<img src=x onerror=alert(1)>" in text for text in texts), texts
    page.wait_for_timeout(300)
    assert page.evaluate("window.__xss") == []
    assert dialogs == []
