"""Live coverage by a team: concurrent writers over a real WSGI server.

The test layer's server has one thread; this test boots a real instance
(FileStorage, waitress with 4 threads, ``scripts/live_instance.py``) so
writes really overlap and ZODB conflicts really happen. Four authors add
recaps to one conference at the same time, then two editors import a post
each into the same folder: every request must succeed (0 non-2xx) and
every recap must be there. ``CONFRECAP_CONCURRENT_RECAPS`` sets the recaps
per author (default 25).
"""

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import os
import requests
import sys


sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from live_instance import ADMIN  # noqa: E402
from live_instance import live_site  # noqa: E402


AUTHORS = 4
PER_AUTHOR = int(os.environ.get("CONFRECAP_CONCURRENT_RECAPS", "25"))
JSON = {"Accept": "application/json", "Content-Type": "application/json"}


def _post(tracks):
    return f"""---
title: {tracks} Live Conf
start: 2024-06-10
end: 2024-06-12
tracks: [{tracks}]
---

Intro.

""" + "\n".join(
        f"## Talk {number}\n\nBy [Speaker {number}](https://example.org/{number}).\n\n"
        f"Track: {tracks}\n\nNotes {number}.\n"
        for number in range(1, 16)
    )


def _author(api, number):
    statuses = []
    with requests.Session() as session:
        session.auth = ADMIN
        for index in range(PER_AUTHOR):
            response = session.post(
                f"{api}/live-conf",
                json={
                    "@type": "TalkRecap",
                    "title": f"Author {number} recap {index}",
                    "talk_kind": "talk",
                    "track": "Live",
                    "speakers": [{"name": f"Speaker {number}-{index}"}],
                },
                headers=JSON,
                timeout=120,
            )
            statuses.append(response.status_code)
    return statuses


def _import(api, tracks):
    response = requests.post(
        f"{api}/@recap-import",
        data=_post(tracks).encode(),
        headers={"Accept": "application/json", "Content-Type": "text/markdown"},
        auth=ADMIN,
        timeout=300,
    )
    return response.status_code


def test_four_authors_and_two_importers_without_errors(tmp_path):
    with live_site(tmp_path / "instance", log=tmp_path / "server.log") as site:
        api = site.replace("/Plone", "/Plone/++api++")
        created = requests.post(
            api,
            json={
                "@type": "Conference",
                "id": "live-conf",
                "title": "Live Conf",
                "start": "2024-06-10T09:00:00+00:00",
                "end": "2024-06-12T18:00:00+00:00",
                "tracks": ["Live"],
            },
            headers=JSON,
            auth=ADMIN,
            timeout=60,
        )
        assert created.status_code == 201, created.text

        with ThreadPoolExecutor(AUTHORS) as pool:
            results = list(pool.map(lambda n: _author(api, n), range(AUTHORS)))
        statuses = [status for result in results for status in result]
        failed = [status for status in statuses if not 200 <= status < 300]
        assert len(statuses) == AUTHORS * PER_AUTHOR
        assert failed == [], f"{len(failed)} of {len(statuses)} failed: {failed}"

        recap = requests.get(f"{api}/live-conf/@recap", auth=ADMIN, timeout=60)
        assert recap.status_code == 200
        assert recap.json()["recaps_total"] == AUTHORS * PER_AUTHOR

        with ThreadPoolExecutor(2) as pool:
            imports = list(pool.map(lambda t: _import(api, t), ["Alpha", "Beta"]))
        assert imports == [201, 201], imports
        for tracks in ("alpha", "beta"):
            done = requests.get(
                f"{api}/{tracks}-live-conf/@recap", auth=ADMIN, timeout=60
            )
            assert done.status_code == 200, done.text
            assert done.json()["recaps_total"] == 15
        log = (tmp_path / "server.log").read_text()
        print(f"ConflictError retries in the server log: {log.count('ConflictError')}")
