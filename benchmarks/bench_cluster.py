"""Benchmark (not a test): ``make cluster`` under load, on loopback.

    .venv/bin/python benchmarks/bench_cluster.py [--duration 15]
        [--connections 8] [--threads 2] [--writes 10] [--running cluster]

Builds a throwaway cluster (``scripts/cluster.py start`` in a folder under
/tmp, free ports: PostgreSQL, RelStorage, two Zope instances, HAProxy) with
the demo coverage, then, all through HAProxy on 127.0.0.1:

1. reads: ``wrk`` for ``--duration`` seconds each (after a short warm-up)
   against the demo conference's ``conference-view`` and its ``@recap``, as
   an anonymous visitor, first with instance B taken out of rotation on
   HAProxy's admin socket (one instance), then with both;
2. writes: 4 authors (threads, one HTTP session each, basic auth) each add
   ``--writes`` talk recaps to one new conference through HAProxy at once,
   with no client retry; counts errors and the ConflictErrors the publisher
   retried (from the instances' event logs).

Prints one table (requests/s, latency p50/p99, errors), then stops the
cluster and removes its folder. Takes about 3 minutes plus the build.

``--running DIR`` measures the cluster ``make cluster`` runs from DIR
instead of building one (the writes then log in as admin with
``$ADMIN_PASSWORD``, default ``admin``).
"""

from collections import Counter
from pathlib import Path

import argparse
import importlib.util
import json
import os
import re
import requests
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time


REPO = Path(__file__).resolve().parents[1]
ADMIN = ["admin", "bench-secret"]
DEMO_TITLE = "Python Web Conference 2023"
AUTHORS = 4
CONFLICT = re.compile(
    r"\] (\w+) at \S+: database (?:read )?conflict error \(oid \w+(?:, class ([\w.]+))?"
)


def load_cluster_script():
    spec = importlib.util.spec_from_file_location(
        "confrecap_cluster_script", REPO / "scripts" / "cluster.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


cluster = load_cluster_script()


def wrk(url, duration, connections, threads, accept=None):
    """Run wrk; returns requests/s, p50 and p99 in ms, and the error count."""
    command = [
        "wrk",
        f"--threads={threads}",
        f"--connections={connections}",
        f"--duration={duration}s",
        "--timeout=30s",
        "--latency",
    ]
    if accept:
        command += ["--header", f"Accept: {accept}"]
    output = subprocess.run(
        [*command, url], capture_output=True, text=True, check=True
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = {
        percent: _ms(value)
        for percent, value in re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.M)
    }
    errors = 0
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if non_2xx:
        errors += int(non_2xx.group(1))
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if socket_errors:
        errors += sum(int(n) for n in socket_errors.groups())
    total = int(re.search(r"(\d+) requests in", output).group(1))
    return {
        "rate": rate,
        "p50": latency.get("50", float("nan")),
        "p99": latency.get("99", float("nan")),
        "errors": errors,
        "total": total,
    }


def _ms(value):
    number, unit = re.match(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def demo_conference(base):
    found = requests.get(
        f"{base}/@search",
        params={"portal_type": "Conference", "Title": DEMO_TITLE},
        headers={"Accept": "application/json"},
        timeout=60,
    ).json()
    if not found["items"]:
        raise SystemExit(f"The demo conference “{DEMO_TITLE}” is missing.")
    return found["items"][0]["@id"]


def set_instance_b(run_dir, state):
    cluster.haproxy_command(run_dir, f"{state} server zope/instance-b")


def reads(run_dir, port, base, args):
    conference = demo_conference(base)
    targets = (
        ("conference-view", conference, None),
        ("@recap", f"{conference}/@recap", "application/json"),
    )
    # Each instance renders each page once on its own first, as a deployment's
    # warm-up would: a cold instance compiling a template in several threads
    # at once can fail (CPython 3.11's "AST constructor recursion depth
    # mismatch"), which would be counted as errors of the first wrk run.
    for instance_port in (port + 1, port + 2):
        for _, url, accept in targets:
            direct = url.replace(base, f"http://127.0.0.1:{instance_port}/Plone")
            headers = {"Accept": accept} if accept else {}
            for _ in range(2):
                response = requests.get(direct, headers=headers, timeout=60)
                if response.status_code != 200:
                    raise SystemExit(f"{direct} answered {response.status_code}")
    rows = []
    for instances in (1, 2):
        set_instance_b(run_dir, "disable" if instances == 1 else "enable")
        time.sleep(1)
        for name, url, accept in targets:
            wrk(url, 3, args.connections, args.threads, accept)  # warm-up
            result = wrk(url, args.duration, args.connections, args.threads, accept)
            rows.append((f"GET {name}", instances, result))
            print(f"  {name}, {instances} instance(s): {result}", flush=True)
    return rows


def conflicts_since(logs, sizes):
    found = Counter()
    for log in logs:
        with open(log, encoding="utf-8", errors="replace") as lines:
            lines.seek(sizes[log])
            for line in lines:
                match = CONFLICT.search(line)
                if match and "will be retried" in line:
                    kind, klass = match.groups()
                    found[f"{kind} on {klass}" if klass else kind] += 1
    return found


def writes(base, logs, per_author):
    session = requests.Session()
    session.auth = tuple(ADMIN)
    session.headers["Accept"] = "application/json"
    created = session.post(
        base, json={"@type": "Conference", "title": "Bench writes"}, timeout=60
    )
    created.raise_for_status()
    url = created.json()["@id"]
    sizes = {log: log.stat().st_size for log in logs}
    timings, errors = [], []

    def author(number):
        own = requests.Session()
        own.auth = tuple(ADMIN)
        own.headers["Accept"] = "application/json"
        for recap in range(per_author):
            started = time.monotonic()
            response = own.post(
                url,
                json={
                    "@type": "TalkRecap",
                    "title": f"Session {recap} written by author {number}",
                    "speakers": [{"name": f"Speaker {number}-{recap}"}],
                },
                timeout=300,
            )
            timings.append((time.monotonic() - started) * 1000)
            if response.status_code != 201:
                errors.append(response.status_code)

    started = time.monotonic()
    threads = [threading.Thread(target=author, args=(n,)) for n in range(AUTHORS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    timings.sort()
    conflicts = conflicts_since(logs, sizes)
    result = {
        "rate": len(timings) / elapsed,
        "p50": statistics.median(timings),
        "p99": timings[min(len(timings) - 1, round(0.99 * (len(timings) - 1)))],
        "errors": len(errors),
        "total": len(timings),
        "conflicts": sum(conflicts.values()),
    }
    print(f"  writes: {result} {dict(conflicts)}", flush=True)
    return ("POST TalkRecap, 4 authors", 2, result)


def table(rows, args):
    print()
    print(
        f"make cluster on 127.0.0.1, {os.cpu_count()} CPU(s); wrk "
        f"{args.threads} threads, {args.connections} connections, "
        f"{args.duration} s per row; writes: {AUTHORS} authors × {args.writes}"
    )
    header = ("Request (through HAProxy)", "Instances", "req/s", "p50 ms", "p99 ms")
    header += ("Requests", "Errors")
    lines = [header]
    for name, instances, result in rows:
        errors = str(result["errors"])
        if "conflicts" in result:
            errors += f" ({result['conflicts']} conflicts retried by Zope)"
        lines.append(
            (
                name,
                str(instances),
                f"{result['rate']:.1f}",
                f"{result['p50']:.0f}",
                f"{result['p99']:.0f}",
                str(result["total"]),
                errors,
            )
        )
    widths = [max(len(line[n]) for line in lines) for n in range(len(header))]
    rule = "  ".join("=" * width for width in widths)
    print(rule)
    for number, line in enumerate(lines):
        print(
            "  ".join(
                cell.ljust(width) for cell, width in zip(line, widths, strict=True)
            )
        )
        if number == 0:
            print(rule)
    print(rule)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=15)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--writes", type=int, default=10, help="recaps per author")
    parser.add_argument("--running", metavar="DIR", help="measure make cluster's DIR")
    args = parser.parse_args(argv)

    cluster.ensure_packages(extra=("wrk",))
    if args.running:
        folder = Path(args.running).resolve()
        state = json.loads((folder / "run" / "cluster.json").read_text())
        ADMIN[1] = os.environ.get("ADMIN_PASSWORD") or "admin"
        return measure(folder, state["port"], args)

    folder = cluster.temp_folder()
    port = cluster.free_ports()
    env = dict(
        os.environ, ADMIN_USER=ADMIN[0], ADMIN_PASSWORD=ADMIN[1], SITE_ID="Plone"
    )
    print(f"Building a cluster in {folder} (HAProxy on 127.0.0.1:{port})", flush=True)
    process, lines = cluster.spawn(folder, port, env)
    try:
        cluster.wait_ready(process, lines)
        return measure(folder, port, args)
    except cluster.ClusterError as error:
        print(error, file=sys.stderr)
        return 1
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            process.wait(120)
        shutil.rmtree(folder, ignore_errors=True)


def measure(folder, port, args):
    base = f"http://127.0.0.1:{port}/Plone"
    logs = [folder / name / "var" / "log" / "event.log" for name in cluster.INSTANCES]
    try:
        rows = reads(folder / "run", port, base, args)
        rows.append(writes(base, logs, args.writes))
    finally:
        set_instance_b(folder / "run", "enable")
    table(rows, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
