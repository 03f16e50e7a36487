"""A real Zope instance (FileStorage, waitress with 4 threads) for the
concurrency test and ``make bench-load``: created from the same templates
and scripts as ``make start``, served on 127.0.0.1 only.

    with live_site(tmp_dir, port) as base_url:   # http://127.0.0.1:PORT/Plone
        ...
"""

from contextlib import contextmanager
from pathlib import Path

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request


REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
ADMIN = ("admin", "live-admin-secret")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run(*args, env):
    done = subprocess.run(
        [str(arg) for arg in args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{args[0]} failed:\n{done.stdout}\n{done.stderr}")
    return done


def make_site(instance, env):
    """Create the instance and the site with the demo coverage."""
    _run(sys.executable, "scripts/make_instance.py", instance, env=env)
    conf = Path(instance) / "etc" / "zope.conf"
    _run(BIN / "zconsole", "run", conf, "scripts/setup_site.py", env=env)
    return conf


def wait_for(url, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 - loopback
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


@contextmanager
def serve(instance, port, log=None):
    """Run ``runwsgi`` on 127.0.0.1:port until the block ends."""
    ini = Path(instance) / "etc" / "zope.ini"
    out = open(log, "w") if log else subprocess.DEVNULL  # noqa: SIM115
    process = subprocess.Popen(  # noqa: S603 - our own binary
        [str(BIN / "runwsgi"), str(ini), f"http_port={port}", "http_host=127.0.0.1"],
        cwd=REPO,
        stdout=out,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/")
        yield process
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if log:
            out.close()


@contextmanager
def live_site(instance, port=None, log=None):
    """A fresh site under ``instance`` served on ``port``; yields its URL."""
    env = dict(os.environ, ADMIN_PASSWORD=ADMIN[1], SITE_ID="Plone")
    make_site(instance, env)
    port = port or free_port()
    with serve(instance, port, log=log):
        yield f"http://127.0.0.1:{port}/Plone"
