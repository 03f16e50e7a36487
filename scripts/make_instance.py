"""Create (or refresh the configuration of) the Zope WSGI instance for `make start`.

Usage: python scripts/make_instance.py [INSTANCE_DIR] [--cache-size N]
       (INSTANCE_DIR: default instance; N: default $ZODB_CACHE_SIZE or 30000)
       python scripts/make_instance.py INSTANCE_DIR --relstorage DSN [--new-database]

- ``etc/zope.conf``, ``etc/zope.ini`` and ``etc/site.zcml`` are written from
  ``instance-templates/`` every time this runs (they are derived files).
- ``var/`` (``filestorage/Data.fs``, ``blobstorage/``, ``log/``, ``cache/``) is
  created when missing and never touched otherwise: content survives.
- ``inituser`` (the emergency admin ``admin`` with ``$ADMIN_PASSWORD``,
  default ``admin``) is written only when the instance is first created, i.e.
  when there is no ``Data.fs`` yet. Zope turns it into a user at first start.

With ``--relstorage DSN`` (used by ``scripts/cluster.py`` for ``make
cluster``) the instance keeps its content in PostgreSQL through RelStorage
(``zope-relstorage.conf.in``): ``var/`` holds only logs, caches and the local
blob cache, and ``inituser`` is written only with ``--new-database`` (the
caller knows whether the shared database is new; each instance cannot).
"""

from pathlib import Path

import argparse
import os
import sys


HERE = Path(__file__).resolve().parent
TEMPLATES = HERE.parent / "instance-templates"
TOKEN = "@INSTANCE@"  # noqa: S105 - a placeholder in the templates, no secret
DSN_TOKEN = "@DSN@"  # noqa: S105 - a placeholder in the templates, no secret
CACHE_TOKEN = "@CACHE_SIZE@"  # noqa: S105 - a placeholder, no secret
# Objects each ZODB connection keeps in memory: Plone's usual figure. A site
# holding a whole archive wants more (see README, "Loading an archive").
DEFAULT_CACHE_SIZE = 30000


def write_inituser(path, user, password):
    # Zope's own helper: bcrypt if available, SHA256 otherwise.
    from Zope2.utilities.mkwsgiinstance import write_inituser as zope_write

    zope_write(str(path), user, password)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("instance", nargs="?", default="instance")
    parser.add_argument("--relstorage", metavar="DSN", help="PostgreSQL DSN")
    parser.add_argument(
        "--new-database",
        action="store_true",
        help="with --relstorage: the database is new, write inituser",
    )
    parser.add_argument(
        "--cache-size",
        type=int,
        default=int(os.environ.get("ZODB_CACHE_SIZE") or DEFAULT_CACHE_SIZE),
        help="objects in each ZODB connection's cache (default: "
        f"$ZODB_CACHE_SIZE or {DEFAULT_CACHE_SIZE})",
    )
    args = parser.parse_args(argv[1:])
    instance = Path(args.instance).resolve()
    etc = instance / "etc"
    var = instance / "var"
    if args.relstorage:
        conf_template = "zope-relstorage.conf"
        folders = (etc, var / "blobcache", var / "log", var / "cache")
        blobs = var / "blobcache"
        first_time = args.new_database
    else:
        conf_template = "zope.conf"
        folders = (
            etc,
            var / "filestorage",
            var / "blobstorage",
            var / "log",
            var / "cache",
        )
        blobs = var / "blobstorage"
        first_time = not (var / "filestorage" / "Data.fs").exists()

    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
    # ZODB insists on private blob directories.
    os.chmod(blobs, 0o700)

    for name, source in (
        ("zope.conf", conf_template),
        ("zope.ini", "zope.ini"),
        ("site.zcml", "site.zcml"),
    ):
        template = TEMPLATES / (source + ".in")
        if not template.exists():
            template = TEMPLATES / source
        text = template.read_text(encoding="utf-8").replace(TOKEN, str(instance))
        text = text.replace(CACHE_TOKEN, str(args.cache_size))
        if args.relstorage:
            text = text.replace(DSN_TOKEN, args.relstorage)
        (etc / name).write_text(text, encoding="utf-8")

    inituser = instance / "inituser"
    if first_time and not inituser.exists():
        user = os.environ.get("ADMIN_USER", "admin")
        password = os.environ.get("ADMIN_PASSWORD") or "admin"
        write_inituser(inituser, user, password)
        print(f"Created Zope instance in {instance} (admin user: {user})")
    else:
        print(f"Refreshed configuration of Zope instance in {instance}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
