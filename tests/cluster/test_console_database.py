"""``confrecap-import`` against a RelStorage ``zope.conf`` whose PostgreSQL is down.

No cluster needed: ``make_instance.py --relstorage`` writes the configuration
``make cluster`` uses, pointing at a socket folder where nothing listens.
"""

from pathlib import Path

import importlib.util
import os
import pytest
import subprocess
import sys


REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent

pytestmark = [
    pytest.mark.cluster,
    pytest.mark.skipif(
        importlib.util.find_spec("relstorage") is None
        or importlib.util.find_spec("psycopg2") is None,
        reason="relstorage/psycopg2 are not installed (make install: cluster extra)",
    ),
]


def test_a_database_that_is_not_running_gets_a_sentence(tmp_path):
    instance = tmp_path / "instance-a"
    dsn = f"dbname=zodb user=zope host={tmp_path / 'no-postgres-here'}"
    made = subprocess.run(
        [sys.executable, "scripts/make_instance.py", instance, "--relstorage", dsn],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert made.returncode == 0, made.stderr
    conf = instance / "etc" / "zope.conf"
    text = conf.read_text()
    assert "%import relstorage" in text and dsn in text
    assert "filestorage" not in text
    assert not (instance / "inituser").exists()  # only with --new-database

    post = tmp_path / "post.md"
    post.write_text("---\ntitle: Nowhere 2024\n---\n\n## A talk\n\nText.\n")
    result = subprocess.run(
        [BIN / "confrecap-import", "--zope-conf", conf, post],
        capture_output=True,
        text=True,
        timeout=300,
        env=dict(os.environ),
    )
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"ERROR: The database configured in {conf} cannot be opened" in (
        result.stdout
    )
    assert "Is it running (make cluster)?" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
