"""Create (or refresh the configuration of) the Zope WSGI instance for `make start`.

Usage: python scripts/make_instance.py [INSTANCE_DIR]   (default: instance)

- ``etc/zope.conf``, ``etc/zope.ini`` and ``etc/site.zcml`` are written from
  ``instance-templates/`` every time this runs (they are derived files).
- ``var/`` (``filestorage/Data.fs``, ``blobstorage/``, ``log/``, ``cache/``) is
  created when missing and never touched otherwise: content survives.
- ``inituser`` (the emergency admin ``admin`` with ``$ADMIN_PASSWORD``,
  default ``admin``) is written only when the instance is first created, i.e.
  when there is no ``Data.fs`` yet. Zope turns it into a user at first start.
"""

from pathlib import Path

import os
import sys


HERE = Path(__file__).resolve().parent
TEMPLATES = HERE.parent / "instance-templates"
TOKEN = "@INSTANCE@"  # noqa: S105 - a placeholder in the templates, no secret


def write_inituser(path, user, password):
    # Zope's own helper: bcrypt if available, SHA256 otherwise.
    from Zope2.utilities.mkwsgiinstance import write_inituser as zope_write

    zope_write(str(path), user, password)


def main(argv):
    instance = Path(argv[1] if len(argv) > 1 else "instance").resolve()
    etc = instance / "etc"
    var = instance / "var"
    data_fs = var / "filestorage" / "Data.fs"
    first_time = not data_fs.exists()

    for folder in (
        etc,
        var / "filestorage",
        var / "blobstorage",
        var / "log",
        var / "cache",
    ):
        folder.mkdir(parents=True, exist_ok=True)
    # ZODB insists on private blob directories.
    os.chmod(var / "blobstorage", 0o700)

    for name in ("zope.conf", "zope.ini", "site.zcml"):
        template = TEMPLATES / (name + ".in")
        if not template.exists():
            template = TEMPLATES / name
        text = template.read_text(encoding="utf-8").replace(TOKEN, str(instance))
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
