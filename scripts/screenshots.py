"""Take the documentation screenshots of collective.confrecap's Classic UI.

Usage (with a site running, e.g. ``make start`` in another terminal)::

    .venv/bin/python scripts/screenshots.py [--url http://localhost:8080/Plone]
        [--out docs/screenshots] [--user admin --password admin]

It needs the demo coverage (``collective.confrecap.demo.create_demo_coverage``,
created by ``make start``): the conference is found through the REST API
(``@search`` for ``portal_type=Conference`` whose title contains ``--year``,
2023 by default), then one of its talk recaps and resource lists. Every page
is a full-page PNG 1280 px wide, plus conference-view 390 px wide (mobile);
file names are stable so the images can be diffed in review. Also: the front
page with the navigation (``navigation.png``), the conference header with its
calendar link (``conference-calendar-link.png``), and the add form re-shown
after an unrelated error, with a blank speaker row and no false "Required
input is missing." (``talkrecap-add-form-errors.png``).

Chromium is the system one (``/usr/bin/chromium`` or ``--chromium``); nothing
is downloaded. The add form is shot logged in (login form, ``--user`` /
``--password``); everything else as an anonymous reader.
"""

from pathlib import Path
from urllib.parse import urlencode

import argparse
import base64
import json
import os
import sys
import urllib.error
import urllib.request


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
REPO_ROOT = Path(__file__).resolve().parents[1]
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 390, "height": 844}


def api_get(url, auth=None):
    if not url.startswith(("http://", "https://")):
        raise SystemExit(f"Not a web address: {url}")
    # S310: the scheme is checked just above (http(s) only, never file:)
    request = urllib.request.Request(  # noqa: S310
        url, headers={"Accept": "application/json"}
    )
    if auth:
        token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (idem)
        return json.load(response)


def search(base_url, auth=None, **query):
    query.setdefault("b_size", 200)
    query.setdefault("metadata_fields", "_all")
    url = f"{base_url}/@search?{urlencode(query, doseq=True)}"
    return api_get(url, auth)["items"]


def find_targets(base_url, year, auth):
    """URLs of the demo conference, one of its recaps and resource lists."""
    conferences = [
        item
        for item in search(base_url, auth, portal_type="Conference")
        if year in (item.get("title") or "")
    ]
    if not conferences:
        sys.exit(
            f"No Conference with “{year}” in its title at {base_url} "
            "(is the demo coverage created? `make start` creates it)."
        )
    conference = conferences[0]["@id"]
    path = "/" + conference.split("://", 1)[1].split("/", 1)[1]
    recaps = search(
        base_url,
        auth,
        portal_type="TalkRecap",
        path=path,
        sort_on="getObjPositionInParent",
    )
    # The richest recap makes the best picture: a highlight with speakers.
    recaps.sort(
        key=lambda item: (
            not item.get("confrecap_data", {}).get("highlight")
            if isinstance(item.get("confrecap_data"), dict)
            else True,
        )
    )
    lists = search(base_url, auth, portal_type="ResourceList", path=path)
    if not lists:
        lists = search(base_url, auth, portal_type="ResourceList")
    return {
        "conference": conference,
        "recap": recaps[0]["@id"] if recaps else None,
        "resourcelist": lists[0]["@id"] if lists else None,
    }


def login(page, base_url, user, password):
    page.goto(f"{base_url}/login")
    page.fill("#__ac_name", user)
    page.fill("#__ac_password", password)
    with page.expect_navigation():
        page.click("#buttons-login")
    if page.locator("#__ac_password").count():
        sys.exit(f"Could not log in as {user} at {base_url}/login")


def shoot(page, url, path):
    response = page.goto(url, wait_until="networkidle")
    status = response.status if response else "?"
    if status != 200:
        print(f"  !! {url}: HTTP {status}", file=sys.stderr)
    # Grow the viewport to the whole page instead of ``full_page=True``: sticky
    # and fixed parts (toolbar, the add form's Save bar) then sit where a
    # reader sees them, not stitched into the middle of the image.
    width = page.viewport_size["width"]
    height = page.evaluate("() => document.documentElement.scrollHeight")
    page.set_viewport_size({"width": width, "height": min(max(height, 600), 16000)})
    page.wait_for_timeout(300)
    page.screenshot(path=str(path))
    print(
        f"  {path.relative_to(REPO_ROOT) if path.is_relative_to(REPO_ROOT) else path}"
        f"  <- {url}"
    )
    return status == 200


def shoot_element(page, url, selector, path):
    """Just one part of a page (e.g. the conference header)."""
    response = page.goto(url, wait_until="networkidle")
    page.locator(selector).first.screenshot(path=str(path))
    print(f"  {path.name}  <- {url} {selector}")
    return bool(response) and response.status == 200


def shoot_form_error(page, conference, path):
    """The add form after an unrelated error: a date outside the conference.

    One speaker row is filled; the blank rows (the next speaker row, the
    resource row, takeaways) show no "Required input is missing.".
    """
    page.goto(f"{conference}/++add++TalkRecap", wait_until="networkidle")
    page.fill("#form-widgets-IBasic-title", "A talk we liked")
    rows = "#form-widgets-ISpeakers-speakers tbody tr.datagridwidget-row"
    name = page.locator(f"{rows} input[name$='.widgets.name']").first
    name.fill("Érico Andrei")
    name.press("Tab")
    page.fill("#form-widgets-ITalk-session_date", "2001-01-01")
    with page.expect_navigation():
        page.click("#form-buttons-save")
    page.wait_for_timeout(2000)  # the editor keeps the network busy
    false_errors = (
        page.locator("#content").inner_text().count("Required input is missing.")
    )
    if false_errors:
        print(
            f"  !! {false_errors} false 'Required input is missing.'", file=sys.stderr
        )
    # From the Date field down to the resources: the error and the tables,
    # in a viewport as tall as the page (sticky bars where a reader sees them).
    height = page.evaluate("() => document.documentElement.scrollHeight")
    page.set_viewport_size({"width": DESKTOP["width"], "height": min(height, 16000)})
    page.wait_for_timeout(300)
    top = page.locator("#formfield-form-widgets-ITalk-session_date").bounding_box()
    bottom = page.locator("#formfield-form-widgets-IResources-resources").bounding_box()
    page.screenshot(
        path=str(path),
        clip={
            "x": 0,
            "y": max(top["y"] - 20, 0),
            "width": page.viewport_size["width"],
            "height": bottom["y"] + bottom["height"] - top["y"] + 40,
        },
    )
    print(f"  {path.name}  <- {conference}/++add++TalkRecap (after Save)")
    return not false_errors


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--url",
        default=os.environ.get("CONFRECAP_URL", "http://localhost:8080/Plone"),
        help="the Plone site (default: %(default)s; env CONFRECAP_URL)",
    )
    parser.add_argument("--out", default=str(REPO_ROOT / "docs" / "screenshots"))
    parser.add_argument("--year", default="2023", help="which demo conference")
    parser.add_argument("--user", default="admin")
    parser.add_argument("--password", default=os.environ.get("ADMIN_PASSWORD", "admin"))
    parser.add_argument(
        "--chromium", default=os.environ.get("CONFRECAP_CHROMIUM", "/usr/bin/chromium")
    )
    args = parser.parse_args(argv)
    base_url = args.url.rstrip("/")
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)

    try:
        targets = find_targets(base_url, args.year, auth=None)
    except urllib.error.URLError as error:
        sys.exit(f"Cannot reach {base_url}: {error}. Start the site (`make start`).")
    if targets["recap"] is None or targets["resourcelist"] is None:
        # Not published yet? Look again as the site administrator.
        targets = find_targets(base_url, args.year, auth=(args.user, args.password))
    conference = targets["conference"]
    print(f"Conference: {conference}")

    pages = [
        ("conference-view.png", conference, DESKTOP),
        ("conference-view-mobile.png", conference, MOBILE),
        ("conference-by-day.png", f"{conference}/conference-by-day", DESKTOP),
        ("recap-article.png", f"{conference}/recap-article", DESKTOP),
        ("speakers-index.png", f"{base_url}/@@confrecap-speakers", DESKTOP),
        ("resources-index.png", f"{base_url}/@@confrecap-resources", DESKTOP),
    ]
    if targets["recap"]:
        pages.insert(4, ("talkrecap-view.png", targets["recap"], DESKTOP))
    if targets["resourcelist"]:
        pages.insert(5, ("resourcelist-view.png", targets["resourcelist"], DESKTOP))

    from playwright.sync_api import sync_playwright

    failures = 0
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
        try:
            for name, url, viewport in pages:
                context = browser.new_context(viewport=viewport)
                failures += not shoot(context.new_page(), url, out / name)
                context.close()
            context = browser.new_context(viewport={"width": 1280, "height": 700})
            page = context.new_page()
            response = page.goto(base_url, wait_until="networkidle")
            page.screenshot(path=str(out / "navigation.png"))
            print(f"  navigation.png  <- {base_url}")
            failures += not (response and response.status == 200)
            failures += not shoot_element(
                page,
                conference,
                ".confrecap-conference-header",
                out / "conference-calendar-link.png",
            )
            context.close()
            context = browser.new_context(viewport=DESKTOP)
            page = context.new_page()
            login(page, base_url, args.user, args.password)
            failures += not shoot(
                page, f"{conference}/++add++TalkRecap", out / "talkrecap-add-form.png"
            )
            page.set_viewport_size(DESKTOP)
            failures += not shoot_form_error(
                page, conference, out / "talkrecap-add-form-errors.png"
            )
            context.close()
        finally:
            browser.close()
    if failures:
        sys.exit(f"{failures} page(s) did not answer 200; see above.")


if __name__ == "__main__":
    main()
