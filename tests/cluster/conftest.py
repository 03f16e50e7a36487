"""One real cluster for the module: PostgreSQL, RelStorage, two Zope, HAProxy.

``scripts/cluster.py start`` (what ``make cluster`` runs) builds it in a
temporary folder with free ports; the tests talk HTTP to it and run console
commands against its configuration. Skipped, with the reason, only when a
program it needs is not installed (CI installs them: see ``.ci/run``).
"""

from pathlib import Path

import importlib.util
import os
import pwd
import pytest
import requests
import shutil
import signal
import subprocess
import sys


REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
ADMIN = ("admin", "cluster-secret")
START_TIMEOUT = 420


def load_cluster_script():
    spec = importlib.util.spec_from_file_location(
        "confrecap_cluster_script", REPO / "scripts" / "cluster.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


script = load_cluster_script()


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "cluster: PostgreSQL + RelStorage + two Zope instances + HAProxy "
        "(scripts/cluster.py); needs Debian's postgresql and haproxy",
    )


def missing_programs():
    """Why the cluster cannot be built here, or None."""
    if script.find_pg_bin() is None:
        return (
            "PostgreSQL's initdb/pg_ctl/psql are not installed "
            "(apt-get install postgresql, or set PG_BIN)"
        )
    if shutil.which("haproxy") is None:
        return "haproxy is not installed (apt-get install haproxy)"
    for module in ("relstorage", "psycopg2"):
        if importlib.util.find_spec(module) is None:
            return f"{module} is not installed (make install: the cluster extra)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(script.PG_SYSTEM_USER)
        except KeyError:
            return "running as root and there is no `postgres` user to run PostgreSQL"
    return None


class RunningCluster:
    """What the tests need to know about the cluster ``start`` built."""

    def __init__(self, folder, port, process, output):
        self.folder = folder
        self.port = port
        self.process = process
        self.output = output
        self.host = "127.0.0.1"
        self.ports = {"a": port + 1, "b": port + 2}
        self.zope_conf = folder / "instance-a" / "etc" / "zope.conf"
        self.run_dir = folder / "run"

    def url(self, which=None):
        port = self.port if which is None else self.ports[which]
        return f"http://{self.host}:{port}/Plone"

    def session(self):
        session = requests.Session()
        session.auth = ADMIN
        session.headers["Accept"] = "application/json"
        return session

    def pid(self, name):
        return script.read_pid(self.run_dir / f"{name}.pid")

    def event_logs(self):
        return [
            self.folder / name / "var" / "log" / "event.log"
            for name in script.INSTANCES
        ]

    def text(self):
        return "".join(self.output)


@pytest.fixture(scope="module")
def cluster():
    reason = missing_programs()
    if reason:
        pytest.skip(f"no cluster: {reason}")
    folder = script.temp_folder()
    port = script.free_ports()
    env = dict(
        os.environ, ADMIN_USER=ADMIN[0], ADMIN_PASSWORD=ADMIN[1], SITE_ID="Plone"
    )
    process, output = script.spawn(folder, port, env)
    running = RunningCluster(folder, port, process, output)
    try:
        try:
            script.wait_ready(process, output, START_TIMEOUT)
        except script.ClusterError as error:
            pytest.fail(str(error))
        yield running
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(120)
            except subprocess.TimeoutExpired:
                process.kill()
        subprocess.run(
            [sys.executable, str(REPO / "scripts" / "cluster.py"), "stop"]
            + ["--dir", str(folder)],
            capture_output=True,
        )
        shutil.rmtree(folder, ignore_errors=True)
