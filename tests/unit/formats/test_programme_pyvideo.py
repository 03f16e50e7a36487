"""pyvideo.org data: conferences read straight from the real tarball."""

from collective.confrecap.formats.programme import pyvideo
from collective.confrecap.formats.programme.detect import read_path
from collective.confrecap.formats.programme.detect import read_programme
from collective.confrecap.formats.programme.errors import EmptyProgrammeError
from collective.confrecap.formats.programme.errors import ProgrammeFormatError
from collective.confrecap.formats.programme.model import TALK_KINDS
from datetime import date
from datetime import datetime
from datetime import timedelta
from tests.unit.formats.shared_data import needs
from tests.unit.formats.shared_data import PYVIDEO
from tests.unit.formats.shared_data import pyvideo_archive
from tests.unit.formats.shared_data import PYVIDEO_SAMPLE

import json
import pytest


THREE_LETTER = {"eng": "en", "spa": "es", "fra": "fr", "deu": "de", "por": "pt"}


def _http(url):
    return isinstance(url, str) and url.startswith(("http://", "https://"))


def _links(video):
    """Every URL of a video's related_urls and videos, as the source has it."""
    urls = []
    for item in video.get("related_urls") or []:
        urls.append(item["url"] if isinstance(item, dict) else item)
    urls.extend(item["url"] for item in video.get("videos") or [])
    return urls


@needs(PYVIDEO)
@pytest.mark.parametrize("name", PYVIDEO_SAMPLE)
def test_every_talk_speaker_date_and_link(name):
    category, videos = pyvideo_archive()[0][name]
    plan = pyvideo.from_members(category, videos, name=name)
    assert plan.format == "pyvideo"
    assert plan.title == category["title"]
    assert plan.acronym == name
    assert len(plan.sessions) == len(videos)
    sessions = {session.programme_id: session for session in plan.sessions}
    assert len(sessions) == len(videos)
    for stem, video in videos:
        session = sessions[video.get("slug") or stem]
        assert session.title == " ".join(video["title"].split())
        names = [n.strip() for n in video["speakers"] if n.strip()]
        assert [s["name"] for s in session.speakers] == list(dict.fromkeys(names))
        recorded = video["recorded"]
        assert session.date == date.fromisoformat(recorded[:10])
        assert plan.start <= session.date <= plan.end
        if len(recorded) > 10:
            assert session.start == datetime.fromisoformat(recorded)
            if video.get("duration"):
                assert session.end - session.start == timedelta(
                    seconds=video["duration"]
                )
        else:
            assert session.start is None
        links = _links(video)
        kept = {r["url"] for r in session.resources} | {session.video_url}
        assert {url for url in links if _http(url)} <= kept, stem
        assert not {url for url in links if not _http(url)} & kept
        first_video = next((v["url"] for v in video["videos"] if _http(v["url"])), None)
        if first_video:
            assert session.video_url == first_video
        assert all(r["url"] != session.video_url for r in session.resources)
        language = video.get("language")
        assert session.language == THREE_LETTER.get(language, language)
        assert session.kind in TALK_KINDS
        assert session.tags == list(
            dict.fromkeys(t.strip() for t in video["tags"] or [])
        )


@needs(PYVIDEO)
def test_pycon_us_2016():
    category, videos = pyvideo_archive()[0]["pycon-us-2016"]
    plan = pyvideo.from_members(category, videos, name="pycon-us-2016")
    assert plan.url == "https://us.pycon.org/2016/"
    # Tutorials were recorded the day before the category's start date.
    assert plan.start == date(2016, 5, 29)
    assert plan.warnings[0].startswith("Sessions begin on 2016-05-29")
    assert "Slides can be found at" in plan.description
    assert plan.rooms == plan.tracks == []
    assert len(plan.sessions) == 142
    assert len(plan.speakers) == len(
        {n.strip() for _stem, v in videos for n in v["speakers"] if n.strip()}
    )


@needs(PYVIDEO)
def test_relative_links_are_left_out_and_reported():
    category, videos = pyvideo_archive()[0]["europython-2020"]
    plan = pyvideo.from_members(category, videos, name="europython-2020")
    assert "94 link(s) were not http(s) addresses and were left out." in plan.warnings
    assert "/media/conference" not in json.dumps(plan.to_dict())


@needs(PYVIDEO)
def test_rst_links_become_markdown():
    category, videos = pyvideo_archive()[0]["europython-2014"]
    plan = pyvideo.from_members(category, videos, name="europython-2014")
    session = next(s for s in plan.sessions if s.programme_id.startswith("3d-sensors"))
    assert "[1](https://www.youtube.com/watch?v=wI2ktioiPY8)" in session.abstract
    assert "`__" not in session.abstract


@needs(PYVIDEO)
def test_the_bundle_reads_as_the_folder(tmp_path):
    category, videos = pyvideo_archive()[0]["djangocon-eu-2015"]
    folder = tmp_path / "djangocon-eu-2015"
    (folder / "videos").mkdir(parents=True)
    (folder / "category.json").write_text(json.dumps(category))
    for stem, video in videos:
        (folder / "videos" / f"{stem}.json").write_text(json.dumps(video))
    from_folder = read_path(folder)
    bundle = pyvideo.bundle_from_folder(folder)
    assert bundle["format"] == "pyvideo" and bundle["name"] == "djangocon-eu-2015"
    from_bundle = read_programme(json.dumps(bundle).encode())
    assert from_bundle.to_dict() == from_folder.to_dict()
    # A bundle of videos without slugs still gives the folder's ids.
    bare = pyvideo.bundle(
        category,
        [
            (stem, {k: v for k, v in video.items() if k != "slug"})
            for stem, video in videos
        ],
    )
    ids = [s.programme_id for s in pyvideo.from_bundle(bare).sessions]
    assert sorted(ids) == sorted(stem for stem, _video in videos)


@needs(PYVIDEO)
def test_the_whole_archive_reads():
    """Every session of every conference of the archive, without an error."""
    _sample, sweep = pyvideo_archive()
    errors = [(name, error) for name, _n, _s, error in sweep if error]
    assert errors == []
    assert len(sweep) == 540
    assert sum(videos for _name, videos, _s, _e in sweep) == 21715
    assert all(videos == sessions for _name, videos, sessions, _e in sweep)


def test_not_a_folder(tmp_path):
    with pytest.raises(ProgrammeFormatError, match="no category.json"):
        pyvideo.read_folder(tmp_path)


def test_a_folder_without_videos(tmp_path):
    (tmp_path / "category.json").write_text('{"title": "Empty Con"}')
    with pytest.raises(EmptyProgrammeError, match="“Empty Con” has no videos"):
        pyvideo.read_folder(tmp_path)


def test_bundle_shape_is_checked():
    with pytest.raises(ProgrammeFormatError, match='needs a "category" object'):
        pyvideo.read(b'{"format": "pyvideo", "videos": {}}')


def test_a_small_bundle():
    document = {
        "format": "pyvideo",
        "category": {"title": "Mini PyCon", "start_date": "2019-05-04"},
        "videos": [
            {
                "title": "Keynote: Python at 30",
                "speakers": ["Ada", "", "Ada", "Grace"],
                "recorded": "2019-05-04T09:00:00-04:00",
                "duration": 1800,
                "language": "eng",
                "videos": [
                    {"type": "youtube", "url": "javascript:void(0)"},
                    {"type": "youtube", "url": "https://youtu.be/abc"},
                    {"type": "mp4", "url": "https://cdn.example.org/abc.mp4"},
                ],
                "related_urls": [
                    {"label": "Slides", "url": "https://speakerdeck.com/x/y"},
                    "https://youtu.be/abc",
                ],
                "description": "See `the docs <https://docs.python.org/>`_.",
                "tags": ["python", "python", " history "],
            }
        ],
    }
    plan = pyvideo.read(json.dumps(document).encode(), default_timezone="UTC")
    (session,) = plan.sessions
    assert session.programme_id == "keynote-python-at-30"
    assert session.kind == "keynote"
    assert session.speakers == [{"name": "Ada"}, {"name": "Grace"}]
    assert session.start.isoformat() == "2019-05-04T13:00:00+00:00"
    assert session.end.isoformat() == "2019-05-04T13:30:00+00:00"
    assert session.date == date(2019, 5, 4)
    assert session.language == "en"
    assert session.video_url == "https://youtu.be/abc"
    assert session.slides_url == "https://speakerdeck.com/x/y"
    assert session.resources == [
        {
            "title": "Video (mp4)",
            "url": "https://cdn.example.org/abc.mp4",
            "kind": "video",
        },
        {"title": "Slides", "url": "https://speakerdeck.com/x/y", "kind": "slides"},
    ]
    assert session.abstract == "See [the docs](https://docs.python.org/)."
    assert session.tags == ["python", "history"]
    assert plan.start == plan.end == date(2019, 5, 4)
    assert plan.warnings == ["1 link(s) were not http(s) addresses and were left out."]
