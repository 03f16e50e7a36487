"""``make bench-load``: wrk against our pages while two authors write.

A fresh instance (FileStorage, waitress 4 threads, loopback only) with the
demo coverage plus RECAPS published recaps (default 300) in the 2023 demo
conference. Then, while two writers add recaps to that conference over
REST, wrk hits in turn (each for DURATION / 5 seconds; DURATION defaults to
60): Plone's front page (for comparison), conference-view, ``@recap``, the
speakers index and a talkrecap-view. Prints requests/s, p50/p99 latency and
errors (non-2xx/3xx, socket errors) per URL, and the writers' results.

Environment: DURATION, RECAPS, CONNECTIONS (default 8), THREADS (2),
PORT (default: a free one), BENCH_DIR (default: a temporary directory).
"""

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time


REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

from live_instance import ADMIN  # noqa: E402
from live_instance import BIN  # noqa: E402
from live_instance import free_port  # noqa: E402
from live_instance import make_site  # noqa: E402
from live_instance import serve  # noqa: E402

import requests  # noqa: E402


DURATION = int(os.environ.get("DURATION", "60"))
RECAPS = int(os.environ.get("RECAPS", "300"))
CONNECTIONS = int(os.environ.get("CONNECTIONS", "8"))
THREADS = int(os.environ.get("THREADS", "2"))
CONFERENCE = "python-web-conference-2023"
FILL = REPO / "benchmarks" / "load_fill.py"


def ensure_wrk():
    if shutil.which("wrk"):
        return shutil.which("wrk")
    print("wrk is missing: installing Debian's package (apt-get install -y wrk)")
    subprocess.run(["apt-get", "install", "-y", "wrk"], check=True)  # noqa: S607
    return shutil.which("wrk")


def _millis(text):
    number, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def run_wrk(wrk, url, seconds):
    done = subprocess.run(
        [
            wrk,
            f"-t{THREADS}",
            f"-c{CONNECTIONS}",
            f"-d{seconds}s",
            "--timeout",
            "30s",
            "--latency",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    out = done.stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M))
    requests_total = int(re.search(r"(\d+) requests in", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": _millis(latency["50"]),
        "p99": _millis(latency["99"]),
        "requests": requests_total,
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
        "socket": sum(map(int, socket.groups())) if socket else 0,
    }


def writer(api, number, stop, results):
    with requests.Session() as session:
        session.auth = ADMIN
        index = 0
        while not stop.is_set():
            response = session.post(
                f"{api}/{CONFERENCE}",
                json={
                    "@type": "TalkRecap",
                    "title": f"Writer {number} recap {index}",
                    "talk_kind": "talk",
                    "speakers": [{"name": f"Writer {number}"}],
                },
                headers={"Accept": "application/json"},
                timeout=120,
            )
            results.append(response.status_code)
            index += 1


def main():
    wrk = ensure_wrk()
    workdir = Path(os.environ.get("BENCH_DIR") or tempfile.mkdtemp(prefix="bench-"))
    instance = workdir / "instance"
    env = dict(os.environ, ADMIN_PASSWORD=ADMIN[1], SITE_ID="Plone", RECAPS=str(RECAPS))
    print(f"==> Instance in {instance}: demo coverage + {RECAPS} recaps")
    conf = make_site(instance, env)
    subprocess.run(
        [str(BIN / "zconsole"), "run", str(conf), str(FILL)],
        env=env,
        check=True,
    )
    port = int(os.environ.get("PORT") or free_port())
    site = f"http://127.0.0.1:{port}/Plone"
    targets = [
        ("Plone front page", f"{site}/"),
        ("conference-view", f"{site}/{CONFERENCE}"),
        ("@recap", f"{site}/++api++/{CONFERENCE}/@recap"),
        ("speakers index", f"{site}/@@confrecap-speakers"),
        ("talkrecap-view", f"{site}/{CONFERENCE}/load-7"),
    ]
    seconds = max(DURATION // len(targets), 1)
    rows = []
    writes = []
    with serve(instance, port, log=workdir / "server.log"):
        for _name, url in targets:  # warm up, and check every page answers
            response = requests.get(url, timeout=120)
            response.raise_for_status()
        stop = threading.Event()
        api = f"{site}/++api++"
        with ThreadPoolExecutor(2) as pool:
            for number in range(2):
                pool.submit(writer, api, number, stop, writes)
            started = time.monotonic()
            for name, url in targets:
                print(f"==> wrk {seconds} s: {name}", flush=True)
                rows.append((name, run_wrk(wrk, url, seconds)))
            stop.set()
            elapsed = time.monotonic() - started
    print()
    print(
        f"{'URL':<18} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'requests':>9} "
        f"{'non-2xx':>8} {'sock err':>8}"
    )
    for name, row in rows:
        print(
            f"{name:<18} {row['rps']:>8.1f} {row['p50']:>8.1f} {row['p99']:>8.1f} "
            f"{row['requests']:>9} {row['non2xx']:>8} {row['socket']:>8}"
        )
    failed = [status for status in writes if not 200 <= status < 300]
    print(
        f"writers (2, REST POST TalkRecap): {len(writes)} recaps in {elapsed:.0f} s, "
        f"{len(failed)} non-2xx {sorted(set(failed)) or ''}"
    )
    errors = sum(row["non2xx"] + row["socket"] for _n, row in rows) + len(failed)
    print(
        f"errors in total: {errors}  (wrk: {THREADS} threads, {CONNECTIONS} "
        f"connections, loopback; conference with {RECAPS}+ recaps)"
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
