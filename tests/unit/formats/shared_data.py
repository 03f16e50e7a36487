"""Where the real inputs in ../shared/data are (CONFRECAP_SHARED overrides)."""

from pathlib import Path

import functools
import os
import pytest


ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "tests" / "unit" / "fixtures" / "programme"


def shared_data():
    """``$CONFRECAP_SHARED/data`` (or ``$CONFRECAP_SHARED`` itself), else
    the ``shared/data`` folder next to the repository."""
    override = os.environ.get("CONFRECAP_SHARED")
    if override:
        override = Path(override)
        return override / "data" if (override / "data").is_dir() else override
    return ROOT.parent / "shared" / "data"


DATA = shared_data()
RC3 = DATA / "real-posts" / "pretalx-rc3-channels-2020-schedule.json"
PYVIDEO = DATA / "pyvideo" / "pyvideo-data.tar.xz"


def needs(path):
    """Skip, saying which file of the shared data folder is missing."""
    return pytest.mark.skipif(
        not path.is_file(),
        reason=f"the shared data folder is missing: no {path} "
        "(set CONFRECAP_SHARED to the folder that holds data/)",
    )


# The pyvideo conferences the tests check talk by talk: the largest PyCon US
# with string links, a Spanish one with recording times, one with relative
# links, one whose slugs differ from the file names, one with several videos
# per talk, and the EuroPython of 120 talks the benchmark imports.
PYVIDEO_SAMPLE = (
    "pycon-us-2016",
    "pycon-es-2017",
    "europython-2020",
    "djangocon-eu-2015",
    "pycon-fr-2018",
    "europython-2014",
)


@functools.cache
def pyvideo_archive():
    """One pass over the pyvideo tarball (cached for the test session).

    Returns ``(sample, sweep)``: the raw ``(category, [(stem, video)])`` of
    the PYVIDEO_SAMPLE folders, and for every folder ``(name, videos,
    sessions, error)`` after reading it with the pyvideo reader.
    """
    from collective.confrecap.formats.programme import pyvideo

    sample, sweep = {}, []
    for name, category, videos in pyvideo.iter_archive(PYVIDEO):
        if name in PYVIDEO_SAMPLE:
            sample[name] = (category, videos)
        try:
            plan = pyvideo.from_members(category, videos, name=name)
        except Exception as error:  # noqa: BLE001 - reported by the test
            sweep.append((name, len(videos), 0, repr(error)))
        else:
            sweep.append((name, len(videos), len(plan.sessions), None))
    return sample, sweep
