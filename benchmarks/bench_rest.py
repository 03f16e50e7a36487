"""Benchmark: ``@recap`` against ``@search?fullobjects=1`` over the same recaps.

    .venv/bin/python benchmarks/bench_rest.py [--sizes 200,1000] [--repeat 3]

Sets up the add-on's functional test layer in-process (a Plone site in a
DemoStorage, served by plone.testing's real WSGI server on localhost), builds
one conference per size with that many published talk recaps (two speakers,
two resources, takeaways and a body each), then times real HTTP GETs, as a
headless client would make them, alternating the two endpoints:

- ``GET <conference>/@recap`` — the whole coverage, from catalog metadata;
- ``GET @search?portal_type=TalkRecap&path=<conference>&fullobjects=1&b_size=<n>``
  — the same recaps as full objects, what a client would do without ``@recap``.

Prints the median wall time of each and their ratio. The goal is ``@recap`` at
most half the time of ``@search`` fullobjects.
"""

from datetime import date
from datetime import datetime

import argparse
import statistics
import sys
import time


def setup_layers(layer, done):
    for base in layer.__bases__:
        setup_layers(base, done)
    if layer not in done:
        layer.setUp()
        done.append(layer)


def build(portal, size):
    from plone import api
    from plone.app.textfield.value import RichTextValue

    import pytz
    import transaction

    tracks = ["App Dev", "Cloud", "Culture", "PyData", "Tutorials"]
    with api.env.adopt_roles(["Manager"]):
        conference = api.content.create(
            container=portal,
            type="Conference",
            id=f"conf-{size}",
            title=f"Conference with {size} recaps",
            start=pytz.utc.localize(datetime(2023, 3, 13, 9)),
            end=pytz.utc.localize(datetime(2023, 3, 17, 18)),
            tracks=tracks,
        )
        for number in range(size):
            api.content.create(
                container=conference,
                type="TalkRecap",
                id=f"recap-{number}",
                title=f"Talk number {number}",
                description="A one-line summary of the talk.",
                talk_kind="talk",
                track=tracks[number % len(tracks)],
                session_date=date(2023, 3, 13 + number % 5),
                talk_url=f"https://conf.example.org/talks/{number}",
                highlight=number % 7 == 0,
                speakers=[
                    {
                        "name": f"Speaker {number}",
                        "url": f"https://people.example.org/{number}",
                        "affiliation": "ACME",
                    },
                    {"name": f"Speaker {number + 1}", "url": None, "affiliation": None},
                ],
                takeaways=["First point.", "Second point."],
                quotes=["A quote."],
                resources=[
                    {
                        "title": f"Resource {number}",
                        "url": f"https://resources.example.org/{number}",
                        "description": "Worth a look",
                        "kind": "tool",
                    },
                    {
                        "title": "Shared resource",
                        "url": "https://shared.example.org",
                        "description": None,
                        "kind": "documentation",
                    },
                ],
                text=RichTextValue(
                    "<p>" + "A paragraph of recap. " * 40 + "</p>",
                    "text/html",
                    "text/x-html-safe",
                ),
            )
            if number % 100 == 99:
                transaction.commit()
    transaction.commit()
    return conference


def timed(session, url):
    started = time.perf_counter()
    response = session.get(url)
    elapsed = time.perf_counter() - started
    response.raise_for_status()
    return elapsed, response


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,1000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]

    from collective.confrecap.testing import FUNCTIONAL_TESTING
    from plone.app.testing import SITE_OWNER_NAME
    from plone.app.testing import SITE_OWNER_PASSWORD

    import requests

    print("Setting up the Plone site (functional test layer)…", file=sys.stderr)
    layers = []
    setup_layers(FUNCTIONAL_TESTING, layers)
    for layer in layers:
        layer.testSetUp()
    try:
        portal = FUNCTIONAL_TESTING["portal"]
        session = requests.Session()
        session.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
        session.headers["Accept"] = "application/json"
        rows = []
        for size in sizes:
            print(f"Building a conference with {size} recaps…", file=sys.stderr)
            conference = build(portal, size)
            base = portal.absolute_url() + "/++api++"
            path = "/".join(conference.getPhysicalPath())
            recap_url = f"{base}/{conference.getId()}/@recap"
            search_url = (
                f"{base}/@search?portal_type=TalkRecap&path={path}"
                f"&fullobjects=1&b_size={size}"
            )
            # warm up caches, and check both give the same recaps
            _elapsed, recap = timed(session, recap_url)
            _elapsed, search = timed(session, search_url)
            if not (
                recap.json()["recaps_total"]
                == search.json()["items_total"]
                == len(search.json()["items"])
                == size
            ):
                raise SystemExit(f"@recap and @search disagree at {size} recaps")
            recap_times, search_times = [], []
            for _round in range(args.repeat):
                recap_times.append(timed(session, recap_url)[0])
                search_times.append(timed(session, search_url)[0])
            rows.append(
                (
                    size,
                    statistics.median(recap_times),
                    statistics.median(search_times),
                    len(recap.content),
                    len(search.content),
                )
            )
    finally:
        for layer in reversed(layers):
            layer.testTearDown()
        for layer in reversed(layers):
            layer.tearDown()

    print()
    print(f"median of {args.repeat} GETs each, real HTTP to the WSGI test server")
    print(
        f"{'recaps':>7} | {'@recap ms':>10} | {'@search full ms':>15} | "
        f"{'ratio':>6} | {'@recap KB':>9} | {'@search KB':>10}"
    )
    print("-" * 74)
    ok = True
    for size, recap, search, recap_bytes, search_bytes in rows:
        ratio = recap / search
        ok = ok and ratio <= 0.5
        print(
            f"{size:>7} | {recap * 1000:>10.1f} | {search * 1000:>15.1f} | "
            f"{ratio:>6.2f} | {recap_bytes / 1024:>9.0f} | {search_bytes / 1024:>10.0f}"
        )
    print()
    print("goal @recap <= 0.5 x @search fullobjects:", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
