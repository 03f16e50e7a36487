"""``make cluster``: one site, two Zope instances, one PostgreSQL, one HAProxy.

The tests run in file order on one cluster (``conftest.cluster``); the last
one stops it as Ctrl-C does. Nothing here retries a request: each error a
client would see is counted. (Zope's publisher itself retries a request
that hit a ConflictError, as configured in zope-relstorage.conf.in; the
writers test prints how many it retried, and what conflicted.)
"""

from collections import Counter
from pathlib import Path
from tests.cluster.conftest import BIN
from tests.cluster.conftest import script

import os
import pytest
import re
import requests
import signal
import subprocess
import threading
import time


pytestmark = pytest.mark.cluster

WRITERS = 4
RECAPS_PER_WRITER = 10
CONFLICT = re.compile(
    r"\] (\w+) at (\S+): database (?:read )?conflict error \(oid (0x[0-9a-f]+)"
    r"(?:, class ([\w.]+))?"
)


def post_markdown(title, talks, words=60):
    """A write-up in the importer's Markdown: one recap per ``##`` section."""
    lines = [
        "---",
        f"title: {title}",
        "date: 2024-10-01",
        "tags: [Python, Operations]",
        "---",
        "",
        f"[{title}](https://example.org/) ran from September 23–25 and "
        "featured two tracks: Web, Data.",
        "",
    ]
    for number in range(talks):
        lines += [
            f"## Talk {number}: scaling Zope part {number}",
            "",
            f"By [Speaker {number}](https://example.org/speaker-{number}).",
            "",
            f"Track: {'Web' if number % 2 else 'Data'}",
            "",
            " ".join(f"word{number}x{n}" for n in range(words)),
            "",
        ]
    return "\n".join(lines) + "\n"


class Reader(threading.Thread):
    """GETs a URL in a loop until stopped; counts every answer that is not 200."""

    def __init__(self, url):
        super().__init__(daemon=True)
        self.url = url
        self.ok = 0
        self.errors = []
        self.done = threading.Event()

    def run(self):
        session = requests.Session()
        while not self.done.is_set():
            try:
                status = session.get(self.url, timeout=60).status_code
            except requests.RequestException as error:
                status = repr(error)
            if status == 200:
                self.ok += 1
            else:
                self.errors.append(status)
            time.sleep(0.3)

    def stop(self):
        self.done.set()
        self.join(90)


def search(session, url, **query):
    response = session.get(f"{url}/@search", params=query, timeout=60)
    assert response.status_code == 200, response.text
    return response.json()


def count_recaps(session, url, conference_id):
    found = search(
        session,
        url,
        portal_type="TalkRecap",
        path=f"/Plone/{conference_id}",
        b_size=1,
    )
    return found["items_total"]


def conflicts_in(cluster, since):
    """ConflictErrors the publisher retried, from the instances' event logs."""
    found = Counter()
    for log in cluster.event_logs():
        with open(log, encoding="utf-8", errors="replace") as lines:
            lines.seek(since.get(log, 0))
            for line in lines:
                match = CONFLICT.search(line)
                if match and "will be retried" in line:
                    kind, _, oid, klass = match.groups()
                    found[f"{kind} on {klass or 'oid ' + oid}"] += 1
    return found


def log_sizes(cluster):
    return {log: log.stat().st_size for log in cluster.event_logs()}


def run_console(cluster, *paths, **kwargs):
    return subprocess.Popen(
        [
            str(BIN / "confrecap-import"),
            "--zope-conf",
            str(cluster.zope_conf),
            *map(str, paths),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=dict(os.environ, PYTHONUNBUFFERED="1"),
        **kwargs,
    )


def test_three_urls_serve_the_site_with_its_demo(cluster):
    session = cluster.session()
    for which in (None, "a", "b"):
        response = session.get(cluster.url(which), timeout=60)
        assert response.status_code == 200, (which, response.text[:500])
    demo = search(session, cluster.url(), portal_type="Conference")
    assert demo["items_total"] >= 1
    # Round robin: both instances served requests that came through HAProxy.
    for _ in range(6):
        assert requests.get(cluster.url(), timeout=60).status_code == 200
    stats = script.haproxy_command(cluster.run_dir, "show stat")[0]
    served = {}
    for row in stats.splitlines():
        fields = row.split(",")
        if len(fields) > 17 and fields[0] == "zope" and fields[1].startswith("inst"):
            served[fields[1]] = (fields[17], int(fields[7]))  # status, total
    assert set(served) == {"instance-a", "instance-b"}, stats
    for status, total in served.values():
        assert status == "UP" and total >= 3, served


def test_a_write_through_a_is_read_through_b_at_once(cluster):
    a, b = cluster.session(), cluster.session()
    created = a.post(
        cluster.url("a"),
        json={
            "@type": "Conference",
            "id": "written-through-a",
            "title": "Written through A",
            "tracks": ["Web", "Data"],
        },
        timeout=60,
    )
    assert created.status_code == 201, created.text
    recap = a.post(
        f"{cluster.url('a')}/written-through-a",
        json={
            "@type": "TalkRecap",
            "title": "Read through B",
            "speakers": [{"name": "Ada Instance"}],
            "track": "Web",
        },
        timeout=60,
    )
    assert recap.status_code == 201, recap.text

    # No wait, no retry: B's next transaction sees A's commit.
    read = b.get(f"{cluster.url('b')}/written-through-a/read-through-b", timeout=60)
    assert read.status_code == 200, read.text
    assert read.json()["speakers"] == [
        {"name": "Ada Instance", "url": None, "affiliation": None}
    ]
    assert count_recaps(b, cluster.url("b"), "written-through-a") == 1
    listed = b.get(f"{cluster.url('b')}/written-through-a", timeout=60).json()
    assert [item["title"] for item in listed["items"]] == ["Read through B"]


def test_four_writers_over_both_instances_add_recaps_with_no_error(cluster):
    session = cluster.session()
    created = session.post(
        cluster.url(),
        json={"@type": "Conference", "id": "live-team", "title": "Live team"},
        timeout=60,
    )
    assert created.status_code == 201, created.text
    before = log_sizes(cluster)
    results = []

    def writer(number):
        # Writers 0 and 2 write through instance A, 1 and 3 through B.
        url = f"{cluster.url('a' if number % 2 == 0 else 'b')}/live-team"
        author = cluster.session()
        for recap in range(RECAPS_PER_WRITER):
            started = time.monotonic()
            response = author.post(
                url,
                json={
                    "@type": "TalkRecap",
                    "title": f"Session {recap} seen by author {number}",
                    "speakers": [{"name": f"Speaker {number}-{recap}"}],
                    "takeaways": [f"Point {recap} of author {number}"],
                },
                timeout=300,
            )
            results.append(
                (number, response.status_code, time.monotonic() - started, response)
            )

    started = time.monotonic()
    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started

    conflicts = conflicts_in(cluster, before)
    report = (
        f"{len(results)} writes in {elapsed:.1f} s; conflicts retried by the "
        f"publisher: {sum(conflicts.values())} "
        + ", ".join(f"{n}× {what}" for what, n in conflicts.most_common())
    )
    print(report)
    errors = [
        f"writer {n}: {status} after {seconds:.1f} s: {response.text[:300]}"
        for n, status, seconds, response in results
        if status != 201
    ]
    assert not errors, report + "\n" + "\n".join(errors)
    expected = WRITERS * RECAPS_PER_WRITER
    assert count_recaps(session, cluster.url(), "live-team") == expected
    conference = session.get(f"{cluster.url('b')}/live-team", timeout=60).json()
    assert conference["items_total"] == expected


def test_console_import_runs_while_both_instances_serve(cluster, tmp_path):
    post = tmp_path / "console-while-serving.md"
    post.write_text(post_markdown("Console While Serving 2024", 5), encoding="utf-8")
    readers = [Reader(cluster.url(which)) for which in ("a", "b", None)]
    for reader in readers:
        reader.start()
    try:
        imported = run_console(cluster, post)
        output, _ = imported.communicate(timeout=300)
    finally:
        for reader in readers:
            reader.stop()
    assert imported.returncode == 0, output
    assert "created /Plone/console-while-serving-2024 (private)" in output
    for reader in readers:
        assert reader.ok > 0 and reader.errors == [], (reader.url, reader.errors)
    for which in ("a", "b"):
        session = cluster.session()
        assert (
            count_recaps(session, cluster.url(which), "console-while-serving-2024") == 5
        )


def test_kill_9_mid_import_leaves_no_half_conference_and_the_rest_serves(
    cluster, tmp_path
):
    session = cluster.session()
    big = post_markdown("Killed Midway 2024", 200)

    # 1. Instance A is killed while it imports through REST.
    reader = Reader(cluster.url())
    reader.start()
    outcome = {}

    def import_through_a():
        try:
            outcome["response"] = session.post(
                f"{cluster.url('a')}/@recap-import",
                data=big.encode("utf-8"),
                headers={"Content-Type": "text/markdown; charset=utf-8"},
                timeout=300,
            )
        except requests.RequestException as error:
            outcome["error"] = error

    pid_a = cluster.pid("instance-a")
    request = threading.Thread(target=import_through_a)
    request.start()
    time.sleep(2.5)
    os.kill(pid_a, signal.SIGKILL)
    request.join(120)
    assert "response" not in outcome, (
        "the import finished before the kill: "
        f"{outcome['response'].status_code}; make the post bigger"
    )
    # HAProxy and B go on: readers through HAProxy see no error at all.
    for _ in range(10):
        assert session.get(cluster.url(), timeout=60).status_code == 200
        assert session.get(cluster.url("b"), timeout=60).status_code == 200
    reader.stop()
    assert reader.ok > 0 and reader.errors == [], reader.errors
    gone = session.get(f"{cluster.url('b')}/killed-midway-2024", timeout=60)
    assert gone.status_code == 404
    assert search(session, cluster.url("b"), Title="Killed Midway")["items_total"] == 0

    # 2. A console import is killed between its first and its second post.
    first = tmp_path / "first.md"
    first.write_text(post_markdown("Imported Whole 2024", 3), encoding="utf-8")
    second = tmp_path / "second.md"
    second.write_text(big.replace("Killed Midway", "Console Killed"), encoding="utf-8")
    console = run_console(cluster, first, second)
    lines = []
    for line in console.stdout:
        lines.append(line)
        if "created /Plone/imported-whole-2024" in line:
            break
    time.sleep(2.0)  # well inside the ~10 s the second post takes
    console.kill()
    rest, _ = console.communicate(timeout=60)
    output = "".join(lines) + rest
    assert console.returncode == -signal.SIGKILL, output
    assert "created /Plone/imported-whole-2024" in output, output
    assert "console-killed-2024" not in output, output
    assert count_recaps(session, cluster.url("b"), "imported-whole-2024") == 3
    assert search(session, cluster.url(), Title="Console Killed")["items_total"] == 0
    absent = session.get(f"{cluster.url()}/console-killed-2024", timeout=60)
    assert absent.status_code == 404

    # 3. make cluster started A again; it sees what B sees.
    deadline = time.monotonic() + 240
    while script.http_status(cluster.url("a")) != 200:
        assert time.monotonic() < deadline, cluster.text()
        time.sleep(1)
    assert cluster.pid("instance-a") != pid_a
    assert "instance-a exited (-9); starting it again" in cluster.text()
    assert count_recaps(session, cluster.url("a"), "imported-whole-2024") == 3
    assert session.get(f"{cluster.url('a')}/killed-midway-2024").status_code == 404


def test_ctrl_c_stops_everything_it_started(cluster):
    pids = {name: cluster.pid(name) for name in ("instance-a", "instance-b", "haproxy")}
    assert all(pids.values()), pids
    postgres = script.Postgres(cluster.folder / "postgres")
    assert postgres.running()

    cluster.process.send_signal(signal.SIGINT)
    assert cluster.process.wait(120) == 0, cluster.text()

    for name, pid in pids.items():
        assert not script.pid_alive(pid), name
    assert not postgres.running()
    for port in (cluster.port, *cluster.ports.values()):
        assert script.port_free(cluster.host, port), port
    assert sorted(path.name for path in Path(cluster.run_dir).glob("*.pid")) == []
    assert "PostgreSQL stopped" in cluster.text()
