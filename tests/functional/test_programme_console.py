"""The ``confrecap-import-programme`` console command."""

from collective.confrecap.importer import programme_console
from pathlib import Path

import io
import json
import pytest
import transaction


FIXTURES = (
    Path(__file__).resolve().parents[1] / "unit" / "formats" / "programme" / "fixtures"
)


def _pyvideo_folder(root, name, title, videos):
    folder = root / name
    (folder / "videos").mkdir(parents=True)
    (folder / "category.json").write_text(json.dumps({"title": title}))
    for number, video in enumerate(videos):
        (folder / "videos" / f"talk-{number}.json").write_text(json.dumps(video))
    return folder


@pytest.fixture
def data(tmp_path):
    talk = {"title": "A talk", "speakers": ["Ada"], "recorded": "2019-05-04"}
    _pyvideo_folder(tmp_path / "pyvideo", "mini-con-2019", "Mini Con 2019", [talk])
    _pyvideo_folder(
        tmp_path / "pyvideo",
        "other-con-2020",
        "Other Con 2020",
        [talk, {**talk, "title": "Another"}],
    )
    _pyvideo_folder(tmp_path / "pyvideo", "broken-con", "Broken Con", [])
    return tmp_path


def test_many_conferences_one_transaction_each(import_site, data):
    out = io.StringIO()
    items = programme_console.sources(
        [str(data / "pyvideo"), str(FIXTURES / "frab-schedule.xml")]
    )
    done, failed = programme_console.run_programme_import(
        import_site["coverage"], items, out=out
    )
    assert (done, failed) == (4, 1)
    text = out.getvalue()
    assert "[1/?] broken-con: ERROR: “Broken Con” has no videos" in text
    assert (
        "[2/?] mini-con-2019: imported into /plone/coverage/mini-con-2019: "
        "1 created, 0 updated, 0 unchanged, 0 removed"
    ) in text
    assert (
        "[3/?] other-con-2020: imported into /plone/coverage/other-con-2020: 2 created"
        in text
    )
    assert (
        "[4/?] frab-schedule.xml: imported into /plone/coverage/nordhack-2024: "
        "7 created" in text
    )
    transaction.begin()
    assert sorted(import_site["coverage"].objectIds()) == [
        "mini-con-2019",
        "nordhack-2024",
        "other-con-2020",
    ]
    # Again: a sync, nothing new.
    out = io.StringIO()
    programme_console.run_programme_import(
        import_site["coverage"],
        programme_console.sources([str(data / "pyvideo" / "mini-con-2019")]),
        out=out,
    )
    assert "0 created, 0 updated, 1 unchanged, 0 removed" in out.getvalue()


def test_dry_run_changes_nothing(import_site, data):
    out = io.StringIO()
    source = str(FIXTURES / "pentabarf-schedule.xml")
    items = list(programme_console.sources([source]))
    programme_console.run_programme_import(
        import_site["coverage"], items, dry_run=True, out=out
    )
    assert (
        "[1/1] pentabarf-schedule.xml: would import into “Open Source Days 2025”"
        in (out.getvalue())
    )
    transaction.begin()
    assert import_site["coverage"].objectIds() == []


def test_main_without_a_zope_conf_file(tmp_path):
    out = io.StringIO()
    missing = tmp_path / "zope.conf"
    assert programme_console.main(["--zope-conf", str(missing), "x.json"], out=out) == 2
    assert "There is no Zope configuration file" in out.getvalue()
