"""``make cluster``: the site on RelStorage/PostgreSQL, two Zope instances, HAProxy.

Usage (the Makefile passes these; all paths are relative to the repository)::

    .venv/bin/python scripts/cluster.py start [--dir cluster] [--port 8080]
        [--host 127.0.0.1] [--site Plone]
    python3 scripts/cluster.py stop [--dir cluster]

``start`` builds what is missing and serves in the foreground until Ctrl-C
(or ``stop`` from another terminal, or SIGTERM), then stops everything it
started, in order: HAProxy, the Zope instances, PostgreSQL.

- PostgreSQL of its own in ``DIR/postgres/`` (``initdb`` once; ``pg_ctl``),
  listening on a Unix socket in ``DIR/postgres/socket/`` only (no TCP), with
  ``trust`` authentication on that socket and no password anywhere. As root,
  the PostgreSQL programs run as the ``postgres`` system user (they refuse to
  run as root) and ``DIR/postgres/`` belongs to it.
- A database ``zodb`` owned by a role ``zope``; RelStorage history-free,
  with blobs in the database (each instance keeps only a local blob cache).
- Two Zope instances, ``DIR/instance-a`` and ``DIR/instance-b``, made by
  ``scripts/make_instance.py --relstorage`` (like ``make start`` does for
  ``instance/``), served on PORT+1 and PORT+2.
- The Plone site and the demo coverage, created by ``scripts/setup_site.py``
  when missing (through instance A's configuration, before either serves).
- HAProxy on PORT: round robin, health check ``GET /<site>`` every 2 s, a
  request that cannot reach a dead instance goes to the other one. Its admin
  socket is ``DIR/run/haproxy.sock`` (``scripts/cluster.py`` and the
  benchmark use it to take an instance out of rotation).

While it runs, an instance that dies is started again (a supervisor would do
the same). Everything is idempotent: content survives in ``DIR/postgres``;
configuration files are rewritten at every start. Only the standard library
is imported at module level so that ``stop`` runs with any Python 3.
"""

from pathlib import Path

import argparse
import json
import os
import pwd
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request


HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BIN = Path(sys.executable).parent
DATABASE = "zodb"
DB_ROLE = "zope"
PG_SYSTEM_USER = "postgres"
INSTANCES = ("instance-a", "instance-b")
APT_PACKAGES = ("postgresql", "haproxy")
READY = "Cluster ready"


class ClusterError(Exception):
    """Something the person running ``make cluster`` has to know or fix."""


def say(message):
    print(f"[cluster] {message}", flush=True)


# --- system packages ---------------------------------------------------------


def _pg_version_key(path):
    match = re.search(r"/(\d+)(?:\.(\d+))?/bin$", str(path))
    if not match:
        return (0, 0)
    return (int(match.group(1)), int(match.group(2) or 0))


def find_pg_bin(wanted_version=None):
    """The directory with initdb, pg_ctl, postgres and psql, or None.

    ``$PG_BIN`` first; then Debian's /usr/lib/postgresql/<version>/bin (the
    version that made an existing data directory if given, else the newest);
    then whatever ``initdb`` is on PATH.
    """
    candidates = []
    if os.environ.get("PG_BIN"):
        candidates.append(Path(os.environ["PG_BIN"]))
    debian = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"), key=_pg_version_key, reverse=True
    )
    if wanted_version:
        debian.sort(key=lambda path: path.parent.name != wanted_version)
    candidates.extend(debian)
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).resolve().parent)
    for folder in candidates:
        if all((folder / name).is_file() for name in ("initdb", "pg_ctl", "psql")):
            return folder
    return None


def ensure_packages(extra=()):
    """Install Debian's postgresql and haproxy (and ``extra`` packages named
    like their program, e.g. ``wrk``) when missing, as root or with sudo."""
    missing = []
    if find_pg_bin() is None:
        missing.append("postgresql")
    missing.extend(name for name in ("haproxy", *extra) if not shutil.which(name))
    if not missing:
        return
    apt = shutil.which("apt-get")
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    if apt is None or (sudo and shutil.which("sudo") is None):
        raise ClusterError(
            f"make cluster needs {' and '.join(missing)}, which are not installed "
            "and cannot be installed from here (no apt-get, or not root and no "
            f"sudo). Install them, e.g. `sudo apt-get install {' '.join(missing)}`"
            ", or set PG_BIN to the folder with initdb and pg_ctl."
        )
    say(f"installing {' '.join(missing)} with apt-get")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    install = [*sudo, apt, "install", "-y", "-q", "--no-install-recommends", *missing]
    if subprocess.run(install, env=env).returncode != 0:
        subprocess.run([*sudo, apt, "update", "-q"], env=env)
        if subprocess.run(install, env=env).returncode != 0:
            raise ClusterError(
                f"apt-get could not install {' '.join(missing)}; install them by "
                "hand and run make cluster again."
            )
    if find_pg_bin() is None or not all(
        shutil.which(name) for name in ("haproxy", *extra)
    ):
        raise ClusterError(f"{' '.join(missing)} installed, but not found afterwards.")


# --- PostgreSQL --------------------------------------------------------------


class Postgres:
    """A PostgreSQL cluster of our own in ``folder`` (data, socket, log)."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.data = self.folder / "data"
        self.socket_dir = self.folder / "socket"
        self.log = self.folder / "postgres.log"
        version_file = self.data / "PG_VERSION"
        version = version_file.read_text().strip() if version_file.exists() else None
        self.bin = find_pg_bin(version)
        if self.bin is None:
            raise ClusterError(
                "PostgreSQL's programs (initdb, pg_ctl, psql) were not found: "
                "install Debian's `postgresql` package or set PG_BIN."
            )
        self.user = None
        if os.geteuid() == 0:
            try:
                self.user = pwd.getpwnam(PG_SYSTEM_USER)
            except KeyError as error:
                raise ClusterError(
                    "PostgreSQL refuses to run as root and there is no "
                    f"`{PG_SYSTEM_USER}` system user to run it as (Debian's "
                    "postgresql package creates one)."
                ) from error

    @property
    def dsn(self):
        return f"dbname={DATABASE} user={DB_ROLE} host={self.socket_dir}"

    def run(self, *args, check=True, **kwargs):
        """Run a PostgreSQL program, as the ``postgres`` user when we are root."""
        command = [str(self.bin / args[0]), *map(str, args[1:])]
        options = {"cwd": self.folder, "text": True, "capture_output": True}
        if self.user is not None:
            options.update(
                user=self.user.pw_uid, group=self.user.pw_gid, extra_groups=[]
            )
        options.update(kwargs)
        result = subprocess.run(command, **options)
        if check and result.returncode != 0:
            raise ClusterError(
                f"{args[0]} failed ({result.returncode}):\n"
                f"{(result.stdout or '')}{(result.stderr or '')}".rstrip()
            )
        return result

    def _own(self, path):
        if self.user is not None:
            os.chown(path, self.user.pw_uid, self.user.pw_gid)

    def init(self):
        """initdb once; returns True when the cluster was created now."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self._own(self.folder)
        os.chmod(self.folder, 0o755)  # noqa: S103 - the postgres user must reach its socket
        self.socket_dir.mkdir(exist_ok=True)
        self._own(self.socket_dir)
        if (self.data / "PG_VERSION").exists():
            return False
        say(f"creating a PostgreSQL cluster in {self.data} ({self.bin})")
        self.run(
            "initdb",
            "--pgdata",
            self.data,
            "--username",
            "postgres",
            "--auth-local",
            "trust",
            "--auth-host",
            "reject",
            "--encoding",
            "UTF8",
            "--locale",
            "C",
            "--no-instructions",
        )
        # Only the Unix socket, only trust there: overwrite initdb's pg_hba.
        hba = self.data / "pg_hba.conf"
        hba.write_text(
            "# Written by scripts/cluster.py: local socket only, no TCP.\n"
            "local all all trust\n"
        )
        self._own(hba)
        return True

    def status(self):
        return self.run("pg_ctl", "status", "--pgdata", self.data, check=False)

    def running(self):
        return self.status().returncode == 0

    def start(self):
        if self.running():
            say("PostgreSQL is already running, using it")
            return
        options = (
            "-c listen_addresses='' "
            f"-c unix_socket_directories='{self.socket_dir}' "
            "-c max_connections=100"
        )
        self.run(
            "pg_ctl",
            "start",
            "--pgdata",
            self.data,
            "--log",
            self.log,
            "--wait",
            "--timeout",
            "60",
            "-o",
            options,
            # Its own session: Ctrl-C reaches us, and we stop it last.
            start_new_session=True,
        )
        say(f"PostgreSQL started (socket in {self.socket_dir}, log {self.log})")

    def ensure_database(self):
        """Create the role and database when missing; True if created now."""
        psql = ("psql", "--host", self.socket_dir, "--username", "postgres")
        found = self.run(
            *psql,
            "--tuples-only",
            "--no-align",
            "--command",
            f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE}'",  # noqa: S608 - a constant
        )
        if found.stdout.strip() == "1":
            return False
        say(f"creating the database {DATABASE!r} owned by role {DB_ROLE!r}")
        self.run(*psql, "--command", f"CREATE ROLE {DB_ROLE} LOGIN")
        self.run(*psql, "--command", f"CREATE DATABASE {DATABASE} OWNER {DB_ROLE}")
        return True

    def stop(self):
        if not (self.data / "PG_VERSION").exists() or not self.running():
            return False
        self.run("pg_ctl", "stop", "--pgdata", self.data, "--mode", "fast", "--wait")
        say("PostgreSQL stopped")
        return True


# --- processes ---------------------------------------------------------------


def pid_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie (our own child, not reaped yet) is not alive.
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True


def read_pid(path):
    try:
        return int(Path(path).read_text().strip())
    except (OSError, ValueError):
        return None


def stop_pid(pid, name, timeout=20):
    """SIGTERM, then SIGKILL after ``timeout`` seconds."""
    if pid is None or not pid_alive(pid):
        return False
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while pid_alive(pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    if pid_alive(pid):
        os.kill(pid, signal.SIGKILL)
    say(f"{name} stopped (pid {pid})")
    return True


def port_free(host, port):
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def free_ports(host="127.0.0.1", count=3):
    """A port P with P, P+1, ... P+count-1 free (HAProxy, instance A, B)."""
    for _ in range(200):
        port = random.randrange(20000, 60000)  # noqa: S311 - a port, not a secret
        if all(port_free(host, port + n) for n in range(count)):
            return port
    raise ClusterError(f"no {count} consecutive free ports on {host}")


def http_status(url, timeout=5):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - our own http://127.0.0.1 URLs
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (OSError, ValueError):
        return None


class Child:
    """A server process we started and watch: a Zope instance or HAProxy."""

    def __init__(self, name, command, log, pidfile, env=None, url=None):
        self.name = name
        self.command = [str(part) for part in command]
        self.log = Path(log)
        self.pidfile = Path(pidfile)
        self.env = env
        self.url = url
        self.process = None
        self.restarts = 0

    def start(self):
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                self.command,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env=self.env,
                cwd=REPO,
                start_new_session=True,
            )
        self.pidfile.write_text(f"{self.process.pid}\n")

    def running(self):
        return self.process is not None and self.process.poll() is None

    def wait_ready(self, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.running():
                raise ClusterError(
                    f"{self.name} exited ({self.process.returncode}); the end "
                    f"of {self.log}:\n{tail(self.log)}"
                )
            if self.url is None or http_status(self.url, timeout=10) == 200:
                return
            time.sleep(0.5)
        raise ClusterError(f"{self.name} did not answer {self.url} in {timeout} s")

    def stop(self, timeout=20):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            say(f"{self.name} stopped")
        self.pidfile.unlink(missing_ok=True)


def tail(path, lines=30):
    try:
        return "\n".join(Path(path).read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


# --- HAProxy -----------------------------------------------------------------


HAPROXY_CFG = """\
# Written by scripts/cluster.py at every start of `make cluster`.
global
    maxconn 1024
    stats socket {run}/haproxy.sock mode 600 level admin

defaults
    mode http
    timeout connect 5s
    timeout client 120s
    timeout server 300s
    timeout queue 60s
    timeout check 10s
    # A request that cannot connect to an instance (dead, restarting) goes to
    # another one instead of failing; so does a GET/HEAD whose instance died
    # before answering (never a POST/PATCH/DELETE: it may have been applied).
    retries 2
    option redispatch
    retry-on conn-failure empty-response

frontend www
    bind {host}:{port}
    default_backend zope

backend zope
    balance roundrobin
    http-request disable-l7-retry unless METH_GET
    option httpchk
    http-check send meth GET uri /{site} ver HTTP/1.1 hdr Host {host}
    http-check expect status 200
    # maxconn = waitress threads: HAProxy queues, each instance works.
    default-server inter 2s fall 2 rise 2 maxconn 4
{servers}
"""


def haproxy_command(run, *commands):
    """Send commands to HAProxy's admin socket; returns its answers."""
    answers = []
    for command in commands:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
            conn.settimeout(10)
            conn.connect(str(Path(run) / "haproxy.sock"))
            conn.sendall(command.encode() + b"\n")
            chunks = []
            while chunk := conn.recv(65536):
                chunks.append(chunk)
        answers.append(b"".join(chunks).decode())
    return answers


# --- the cluster -------------------------------------------------------------


class Cluster:
    def __init__(self, folder, port, host="127.0.0.1", site="Plone"):
        self.folder = Path(folder).resolve()
        self.port = int(port)
        self.host = host
        self.site = site
        self.run_dir = self.folder / "run"
        self.postgres = None
        self.children = []
        self.stopping = False

    # URLs and files

    def url(self, port=None):
        return f"http://{self.host}:{port or self.port}/{self.site}"

    @property
    def instance_ports(self):
        return {name: self.port + 1 + index for index, name in enumerate(INSTANCES)}

    def instance_conf(self, name):
        return self.folder / name / "etc" / "zope.conf"

    @property
    def pidfile(self):
        return self.run_dir / "cluster.pid"

    def write_state(self):
        state = {
            "port": self.port,
            "host": self.host,
            "site": self.site,
            "instances": {
                name: {
                    "port": port,
                    "zope_conf": str(self.instance_conf(name)),
                    "pidfile": str(self.run_dir / f"{name}.pid"),
                }
                for name, port in self.instance_ports.items()
            },
            "dsn": self.postgres.dsn,
        }
        (self.run_dir / "cluster.json").write_text(json.dumps(state, indent=2))

    # building

    def check_ports(self):
        ports = [self.port, *self.instance_ports.values()]
        busy = [port for port in ports if not port_free(self.host, port)]
        if busy:
            raise ClusterError(
                f"port(s) {', '.join(map(str, busy))} on {self.host} are in use "
                "(another make cluster or make start?): choose another PORT= or "
                "stop it (make cluster-stop)."
            )

    def clean_leftovers(self):
        """Stop servers a previous run left behind (it was killed, say)."""
        for name in (*INSTANCES, "haproxy"):
            stop_pid(read_pid(self.run_dir / f"{name}.pid"), f"leftover {name}")
            (self.run_dir / f"{name}.pid").unlink(missing_ok=True)

    def build(self):
        self.run_dir.mkdir(parents=True, exist_ok=True)
        owner = read_pid(self.pidfile)
        if owner and owner != os.getpid() and pid_alive(owner):
            raise ClusterError(
                f"a cluster in {self.folder} is already running (pid {owner}): "
                "use it, or stop it with make cluster-stop."
            )
        self.pidfile.write_text(f"{os.getpid()}\n")
        self.clean_leftovers()
        self.check_ports()
        for module in ("relstorage", "psycopg2"):
            try:
                __import__(module)
            except ImportError as error:
                raise ClusterError(
                    f"{module} is not installed in {sys.executable}: run make "
                    "install (the cluster extra: RelStorage, psycopg2-binary)."
                ) from error

        self.postgres = Postgres(self.folder / "postgres")
        self.postgres.init()
        self.postgres.start()
        new_database = self.postgres.ensure_database()

        for name in INSTANCES:
            command = [
                sys.executable,
                HERE / "make_instance.py",
                self.folder / name,
                "--relstorage",
                self.postgres.dsn,
            ]
            if new_database and name == INSTANCES[0]:
                command.append("--new-database")
            result = subprocess.run(
                [str(part) for part in command], capture_output=True, text=True
            )
            if result.returncode != 0:
                raise ClusterError(f"make_instance.py failed:\n{result.stderr}")
        self.write_state()

        say(f"preparing Plone site {self.site!r} (created only if missing)")
        env = dict(os.environ, SITE_ID=self.site)
        setup = subprocess.run(
            [
                str(BIN / "zconsole"),
                "run",
                str(self.instance_conf(INSTANCES[0])),
                str(HERE / "setup_site.py"),
            ],
            env=env,
            cwd=REPO,
            capture_output=True,
            text=True,
        )
        for line in setup.stdout.splitlines():
            if line.startswith("[setup_site]"):
                print(line, flush=True)
        if setup.returncode != 0:
            raise ClusterError(
                f"scripts/setup_site.py failed:\n{setup.stdout}{setup.stderr}"
            )

    def start_servers(self):
        for name, port in self.instance_ports.items():
            child = Child(
                name,
                [
                    BIN / "runwsgi",
                    self.folder / name / "etc" / "zope.ini",
                    f"http_port={port}",
                    f"http_host={self.host}",
                ],
                log=self.folder / name / "var" / "log" / "console.log",
                pidfile=self.run_dir / f"{name}.pid",
                url=self.url(port),
            )
            say(f"starting Zope {name} on port {port}")
            child.start()
            self.children.append(child)
        for child in self.children:
            child.wait_ready(timeout=300)
            say(f"{child.name} serves {child.url}")

        cfg = self.folder / "haproxy.cfg"
        servers = "\n".join(
            f"    server {name} {self.host}:{port} check"
            for name, port in self.instance_ports.items()
        )
        cfg.write_text(
            HAPROXY_CFG.format(
                run=self.run_dir,
                host=self.host,
                port=self.port,
                site=self.site,
                servers=servers,
            )
        )
        haproxy = shutil.which("haproxy")
        check = subprocess.run(
            [haproxy, "-c", "-q", "-f", str(cfg)], capture_output=True, text=True
        )
        if check.returncode != 0:
            raise ClusterError(f"haproxy rejects {cfg}:\n{check.stderr}")
        child = Child(
            "haproxy",
            [haproxy, "-db", "-f", cfg],
            log=self.folder / "haproxy.log",
            pidfile=self.run_dir / "haproxy.pid",
            url=self.url(),
        )
        say(f"starting HAProxy on port {self.port}")
        child.start()
        self.children.append(child)
        child.wait_ready(timeout=60)

    def banner(self):
        admin_password = os.environ.get("ADMIN_PASSWORD") or "admin"
        conf = self.instance_conf(INSTANCES[0])
        rel = conf.relative_to(REPO) if conf.is_relative_to(REPO) else conf
        print(flush=True)
        print(f"  Plone site (HAProxy): {self.url()}")
        for name, port in self.instance_ports.items():
            print(f"  Zope {name}:     {self.url(port)}")
        print(f"  Login:       admin / {admin_password}")
        print(
            f"  Database:    PostgreSQL in {self.postgres.data} ({self.postgres.dsn})"
        )
        print("  Import (runs while it serves): .venv/bin/confrecap-import \\")
        print(f"               --zope-conf {rel} FILE.md")
        print(f"  Logs:        {self.folder}/*/var/log/, {self.folder}/haproxy.log")
        print("  Stop with Ctrl-C (or make cluster-stop).")
        print(flush=True)
        say(f"{READY}: {self.url()}")

    # running

    def watch(self):
        """Until asked to stop: start again an instance that died."""
        while not self.stopping:
            time.sleep(0.5)
            for child in self.children:
                if self.stopping or child.running():
                    continue
                code = child.process.returncode
                if child.name == "haproxy":
                    raise ClusterError(
                        f"HAProxy exited ({code}); see {child.log}:\n{tail(child.log)}"
                    )
                if child.restarts >= 5:
                    raise ClusterError(
                        f"{child.name} keeps dying; see {child.log}:\n{tail(child.log)}"
                    )
                child.restarts += 1
                say(f"{child.name} exited ({code}); starting it again")
                child.start()

    def shutdown(self):
        self.stopping = True
        for child in reversed(self.children):
            child.stop()
        self.children = []
        (self.run_dir / "haproxy.sock").unlink(missing_ok=True)
        if self.postgres is not None:
            try:
                self.postgres.stop()
            except ClusterError as error:
                say(str(error))
        if read_pid(self.pidfile) == os.getpid():
            self.pidfile.unlink(missing_ok=True)


def temp_folder():
    """A new folder under /tmp for a throwaway cluster, open to ``postgres``.

    (pytest's tmp_path has 0700 parents the postgres user cannot cross.)
    """
    folder = Path(tempfile.mkdtemp(prefix="confrecap-cluster-"))
    os.chmod(folder, 0o755)  # noqa: S103 - the postgres user must reach it
    return folder


def spawn(folder, port, env=None):
    """Run ``start`` in the background (tests, benchmarks): ``(process, lines)``.

    ``lines`` fills with its output as it comes; see :func:`wait_ready`.
    """
    process = subprocess.Popen(
        [
            sys.executable,
            str(HERE / "cluster.py"),
            "start",
            "--dir",
            str(folder),
            "--port",
            str(port),
        ],
        cwd=REPO,
        env=dict(env or os.environ, PYTHONUNBUFFERED="1"),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    lines = []

    def read():
        for line in process.stdout:
            lines.append(line)

    threading.Thread(target=read, daemon=True).start()
    return process, lines


def wait_ready(process, lines, timeout=420):
    """Wait for a spawned ``start`` to say it is ready; ClusterError if not."""
    deadline = time.monotonic() + timeout
    while not any(READY in line for line in lines):
        if process.poll() is not None or time.monotonic() > deadline:
            raise ClusterError("the cluster did not start:\n" + "".join(lines))
        time.sleep(0.5)


def start(args):
    ensure_packages()
    cluster = Cluster(args.dir, args.port, args.host, args.site)

    def on_signal(signum, frame):
        if cluster.stopping:
            return
        cluster.stopping = True
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    code = 0
    try:
        cluster.build()
        cluster.start_servers()
        cluster.banner()
        cluster.watch()
    except KeyboardInterrupt:
        say("stopping")
    except ClusterError as error:
        say(f"ERROR: {error}")
        code = 1
    finally:
        cluster.stopping = True
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        cluster.shutdown()
    return code


def stop(args):
    """Stop a running ``start`` (it stops the rest) or what it left behind."""
    folder = Path(args.dir).resolve()
    run = folder / "run"
    stopped = False
    owner = read_pid(run / "cluster.pid")
    if owner and pid_alive(owner):
        os.kill(owner, signal.SIGTERM)
        deadline = time.monotonic() + 90
        while pid_alive(owner) and time.monotonic() < deadline:
            time.sleep(0.2)
        if pid_alive(owner):
            os.kill(owner, signal.SIGKILL)
        say(f"make cluster (pid {owner}) stopped")
        stopped = True
    for name in ("haproxy", *INSTANCES):
        stopped |= stop_pid(read_pid(run / f"{name}.pid"), name)
        (run / f"{name}.pid").unlink(missing_ok=True)
    if (folder / "postgres" / "data" / "PG_VERSION").exists():
        try:
            stopped |= Postgres(folder / "postgres").stop()
        except ClusterError as error:
            say(f"ERROR: {error}")
            return 1
    (run / "cluster.pid").unlink(missing_ok=True)
    if not stopped:
        say(f"nothing of a cluster in {folder} was running")
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="action", required=True)
    start_parser = sub.add_parser("start", help="build what is missing and serve")
    start_parser.add_argument("--dir", default="cluster")
    start_parser.add_argument("--port", type=int, default=8080)
    start_parser.add_argument("--host", default="127.0.0.1")
    start_parser.add_argument("--site", default=os.environ.get("SITE_ID") or "Plone")
    stop_parser = sub.add_parser("stop", help="stop what start started")
    stop_parser.add_argument("--dir", default="cluster")
    args = parser.parse_args(argv)
    try:
        return start(args) if args.action == "start" else stop(args)
    except ClusterError as error:
        say(f"ERROR: {error}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
