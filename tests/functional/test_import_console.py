"""The ``confrecap-import`` console command."""

from collective.confrecap.importer import console
from pathlib import Path

import io
import pytest
import transaction


GOOD = """---
title: Console Conf 2024
start: 2024-06-10
end: 2024-06-11
---

## Keynote: Packaging

By Ana Example.

Some text.
"""
BAD = "---\ntitle: Broken\nstart: someday\n---\n\n# Broken\n"


@pytest.fixture
def posts(tmp_path):
    (tmp_path / "a-good.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b-bad.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "ignored.txt").write_text("not a post", encoding="utf-8")
    return tmp_path


def test_collect_takes_md_files_of_folders(posts):
    files = console.collect([str(posts), str(posts / "ignored.txt")])
    assert [f.name for f in files] == ["a-good.md", "b-bad.md", "ignored.txt"]


def test_one_transaction_per_post(import_site, posts):
    out = io.StringIO()
    failed = console.run_import(
        import_site["coverage"], console.collect([str(posts)]), publish=True, out=out
    )
    assert failed == 1
    text = out.getvalue()
    assert "a-good.md: created /plone/" in text
    assert "/coverage/console-conf-2024 (published)" in text
    assert "  recap: Packaging" in text
    assert "b-bad.md: ERROR: Line 3: The start 'someday' is not a date" in text
    transaction.begin()
    assert import_site["coverage"].objectIds() == ["console-conf-2024"]
    # again: the good one conflicts, nothing changes
    out = io.StringIO()
    failed = console.run_import(
        import_site["coverage"], [Path(posts / "a-good.md")], out=out
    )
    assert failed == 1
    assert "already exists" in out.getvalue()


def test_dry_run_creates_nothing(import_site, posts):
    out = io.StringIO()
    failed = console.run_import(
        import_site["coverage"], [posts / "a-good.md"], dry_run=True, out=out
    )
    assert failed == 0
    assert "would create “Console Conf 2024” with 1 recap(s)" in out.getvalue()
    transaction.begin()
    assert import_site["coverage"].objectIds() == []


def test_main_without_files(tmp_path):
    out = io.StringIO()
    assert console.main(["--zope-conf", "zope.conf", str(tmp_path)], out=out) == 1
    assert "No Markdown files" in out.getvalue()


def test_main_requires_zope_conf(capsys):
    with pytest.raises(SystemExit):
        console.main(["post.md"])
    assert "--zope-conf" in capsys.readouterr().err


def test_main_without_a_zope_conf_file(tmp_path, posts):
    out = io.StringIO()
    missing = tmp_path / "nowhere" / "zope.conf"
    assert console.main(["--zope-conf", str(missing), str(posts)], out=out) == 2
    assert f"ERROR: There is no Zope configuration file at {missing}." in (
        out.getvalue()
    )
