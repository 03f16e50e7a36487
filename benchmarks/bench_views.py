"""How fast are the conference views, next to Plone's own listings?

Run: ``.venv/bin/python benchmarks/bench_views.py [--sizes 200 1000] [--runs 7]``

Not a test. In one process it sets up the add-on's ``FUNCTIONAL_TESTING``
layer (a Plone site with the add-on, served by a real WSGI server) and, for
each size N, builds:

- a Conference with N published Talk Recaps (each: 2 speakers out of a pool
  of N/2 people, a track out of 5, a date out of 5 days, 3 takeaways,
  2 resources, a description and a short body), and
- a Folder with N Documents (a description and the same short body),

then requests over HTTP, as an anonymous reader, each page once to warm up
and ``--runs`` times to measure, and reports the median time of:

- ``conference-view`` and ``@@confrecap-speakers`` (the add-on), against
- ``summary_view`` of the Folder (Plone's own listing; it shows 20 items per
  batch page by default, which is what a visitor gets) and the same with
  ``b_size=100``: as many items per page as conference-view shows (it and
  the indexes are batched at 100 per page).

Each size is built in its own DemoStorage (torn down afterwards), so the
site-wide speakers index sees exactly N recaps. Goals: conference-view no
slower than summary_view at the same size; growth from the smallest to the
largest size no worse than linear in the number of items.
"""

from datetime import date
from datetime import datetime
from datetime import timedelta

import argparse
import contextlib
import statistics
import sys
import time
import urllib.request


TRACKS = ["App Dev", "Cloud", "Culture", "PyData", "Tutorials"]
KINDS = ["tool", "library", "documentation", "article", "video"]
BODY = "<p>" + "A paragraph of what the speaker said and why it mattered. " * 6 + "</p>"


def set_up_layers():
    from collective.confrecap.testing import FUNCTIONAL_TESTING

    layers = list(reversed(FUNCTIONAL_TESTING.baseResolutionOrder))
    for layer in layers:
        layer.setUp()
    return FUNCTIONAL_TESTING, layers


def tear_down_layers(layers):
    for layer in reversed(layers):
        with contextlib.suppress(NotImplementedError):  # some cannot be torn down
            layer.tearDown()


def build(portal, n):
    """A conference with ``n`` recaps and a folder with ``n`` documents."""
    from plone import api
    from plone.app.textfield.value import RichTextValue

    people = max(2, n // 2)
    start = datetime(2023, 3, 13, 9, 0)
    conference = api.content.create(
        container=portal,
        type="Conference",
        id=f"conf{n}",
        title=f"Benchmark Conference {n}",
        description="Many talks.",
        start=start,
        end=start + timedelta(days=4, hours=9),
        tracks=TRACKS,
        conference_format="hybrid",
    )
    folder = api.content.create(
        container=portal, type="Folder", id=f"folder{n}", title=f"Folder {n}"
    )
    # Anonymous readers time both sides: publish what they read, as a site does.
    api.content.transition(conference, "publish")
    api.content.transition(folder, "publish")
    for i in range(n):
        recap = api.content.create(
            container=conference,
            type="TalkRecap",
            id=f"talk-{i}",
            title=f"Talk number {i} about Python",
            description=f"What we learned in talk {i}.",
            text=RichTextValue(BODY, "text/html", "text/x-html-safe"),
            talk_kind="talk",
            track=TRACKS[i % len(TRACKS)],
            session_date=date(2023, 3, 13) + timedelta(days=i % 5),
            highlight=(i % 25 == 0),
            talk_url=f"https://conf.example.org/talks/{i}",
            speakers=[
                {
                    "name": f"Speaker {i % people}",
                    "url": f"https://people.example.org/{i % people}",
                    "affiliation": "Example Corp",
                },
                {
                    "name": f"Speaker {(i * 7 + 3) % people}",
                    "url": None,
                    "affiliation": None,
                },
            ],
            takeaways=[f"Point {k} of talk {i}." for k in range(3)],
            resources=[
                {
                    "title": f"Tool {i % 50}",
                    "url": f"https://tools.example.org/{i % 50}",
                    "description": "A tool",
                    "kind": KINDS[i % len(KINDS)],
                },
                {
                    "title": f"Article {i}",
                    "url": f"https://blog.example.org/{i}",
                    "description": None,
                    "kind": "article",
                },
            ],
        )
        api.content.transition(recap, "publish")
        document = api.content.create(
            container=folder,
            type="Document",
            id=f"doc-{i}",
            title=f"Document number {i} about Python",
            description=f"What we learned in talk {i}.",
            text=RichTextValue(BODY, "text/html", "text/x-html-safe"),
        )
        api.content.transition(document, "publish")
    return conference, folder


def fetch(url):
    with urllib.request.urlopen(url, timeout=300) as response:  # noqa: S310
        body = response.read()
        if response.status != 200:
            raise RuntimeError(f"{url}: HTTP {response.status}")
        return body


def median_time(url, runs, expect=None):
    body = fetch(url)  # warm-up: caches, catalog, templates
    if expect and expect.encode() not in body:
        raise RuntimeError(f"{url} does not show {expect!r}: not a real rendering")
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        fetch(url)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)

    from plone.app.testing import login
    from plone.app.testing import logout
    from plone.app.testing import SITE_OWNER_NAME

    import transaction

    print("Setting up the Plone test layers…", flush=True)
    testing, layers = set_up_layers()
    results = {}
    try:
        for n in args.sizes:
            for layer in layers:
                layer.testSetUp()
            try:
                portal = testing["portal"]
                login(testing["app"], SITE_OWNER_NAME)
                started = time.perf_counter()
                conference, folder = build(portal, n)
                transaction.commit()
                logout()
                print(
                    f"N={n}: built in {time.perf_counter() - started:.0f}s",
                    flush=True,
                )
                base = f"http://{testing['host']}:{testing['port']}/plone"
                pages = {
                    "conference-view": (f"{base}/conf{n}", "Talk number 0 about"),
                    "@@confrecap-speakers": (
                        f"{base}/@@confrecap-speakers",
                        "Speaker 0",
                    ),
                    "summary_view": (
                        f"{base}/folder{n}/summary_view",
                        "Document number 0 about",
                    ),
                    "summary_view b_size=100": (
                        f"{base}/folder{n}/summary_view?b_size=100",
                        "Document number 99 about",
                    ),
                }
                results[n] = {}
                for name, (url, expect) in pages.items():
                    results[n][name] = median_time(url, args.runs, expect)
                    print(f"  {name:<24} {results[n][name] * 1000:8.1f} ms", flush=True)
            finally:
                for layer in reversed(layers):
                    layer.testTearDown()
    finally:
        tear_down_layers(layers)

    report(results, args)
    return results


def report(results, args):
    sizes = sorted(results)
    names = list(results[sizes[0]])
    print()
    print(f"Median of {args.runs} anonymous requests after one warm-up (ms):")
    print(
        f"{'page':<24}"
        + "".join(f"{'N=' + str(n):>12}" for n in sizes)
        + (f"{'growth':>10}" if len(sizes) > 1 else "")
    )
    for name in names:
        row = f"{name:<24}" + "".join(f"{results[n][name] * 1000:12.1f}" for n in sizes)
        if len(sizes) > 1:
            row += f"{results[sizes[-1]][name] / results[sizes[0]][name]:9.2f}x"
        print(row)
    if len(sizes) > 1:
        print(f"(items grew {sizes[-1] / sizes[0]:.0f}x)")
    print()
    print("Ratios (conference-view / Plone listing; ≤ 1 means no slower):")
    for n in sizes:
        r = results[n]
        print(
            f"  N={n}: vs summary_view {r['conference-view'] / r['summary_view']:.2f}, "
            f"vs summary_view b_size=100 "
            f"{r['conference-view'] / r['summary_view b_size=100']:.2f}; "
            f"speakers vs summary_view "
            f"{r['@@confrecap-speakers'] / r['summary_view']:.2f}"
        )


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
