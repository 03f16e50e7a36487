"""``confrecap-import`` against a real Zope instance on FileStorage.

The other console tests drive the import loop inside the test layer; this one
boots Zope from a ``zope.conf`` the way an administrator runs the command.
"""

from pathlib import Path
from ZODB.FileStorage import FileStorage

import os
import subprocess
import sys


REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent

POST = """\
---
title: Console Conf 2024 Recap
date: 2024-10-01
tags: [Django]
---

[Console Conf](https://example.org/) ran from September 23–25 and featured two
tracks: Web, Data.

## Keynote: The Future of Django

By [Jane Doe](https://example.org/jane).

Track: Web

Async is here, and it is boring in the best way.
"""


def run(*args, env):
    return subprocess.run(
        [str(arg) for arg in args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_import_into_a_real_instance(tmp_path):
    env = dict(os.environ, ADMIN_PASSWORD="secret", SITE_ID="Plone")
    instance = tmp_path / "instance"
    made = run(sys.executable, "scripts/make_instance.py", instance, env=env)
    assert made.returncode == 0, made.stderr
    conf = instance / "etc" / "zope.conf"
    site = run(BIN / "zconsole", "run", conf, "scripts/setup_site.py", env=env)
    assert site.returncode == 0, site.stdout + site.stderr
    post = tmp_path / "console-conf.md"
    post.write_text(POST, encoding="utf-8")
    binary = tmp_path / "binary.md"
    binary.write_bytes(b"\x00\x01\x02 not text")

    first = run(BIN / "confrecap-import", "--zope-conf", conf, post, env=env)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "created /Plone/console-conf-2024 (private)" in first.stdout
    assert "recap: The Future of Django" in first.stdout

    # The first run committed to the FileStorage: a second one sees it.
    again = run(BIN / "confrecap-import", "--zope-conf", conf, post, env=env)
    assert again.returncode == 1
    assert "already exists" in again.stdout

    bad = run(BIN / "confrecap-import", "--zope-conf", conf, binary, env=env)
    assert bad.returncode == 1
    assert "not a text file" in bad.stdout

    # Mistakes in the command line get a sentence, not a traceback.
    import_ = (BIN / "confrecap-import", "--zope-conf", conf)
    no_site = run(*import_, "--site", "Nope", post, env=env)
    assert no_site.returncode == 2, no_site.stdout + no_site.stderr
    assert "There is no Plone site “Nope” (see --site)." in no_site.stdout
    assert "Traceback" not in no_site.stdout + no_site.stderr
    no_folder = run(*import_, "--folder", "news/2024", post, env=env)
    assert no_folder.returncode == 2, no_folder.stdout + no_folder.stderr
    assert "There is no folder “news/2024” in the site “Plone”" in no_folder.stdout
    assert "Traceback" not in no_folder.stdout + no_folder.stderr

    # While an instance holds the FileStorage, the command says what to do.
    storage = FileStorage(str(instance / "var" / "filestorage" / "Data.fs"))
    try:
        busy = run(*import_, post, env=env)
    finally:
        storage.close()
    assert busy.returncode == 2, busy.stdout + busy.stderr
    assert "The database is in use by a running instance: stop it" in busy.stdout
    assert "Traceback" not in busy.stdout + busy.stderr
