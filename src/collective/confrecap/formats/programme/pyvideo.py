"""pyvideo.org data (github.com/pyvideo/data, CC0): recorded talks by event.

One folder per conference or series: ``category.json`` (``title``,
``description``, ``url``, ``start_date``, ``end_date``) and
``videos/<slug>.json``, each with ``title``, ``speakers`` (names),
``recorded`` (a date, sometimes a date-time), ``duration`` (seconds),
``description`` and ``summary`` (reStructuredText), ``language`` (ISO 639-3),
``videos`` (``[{"type", "url"}]``), ``related_urls`` (URLs or
``{"label", "url"}``), ``tags`` and sometimes ``slug``/``id``.

The same as one JSON document (what the REST endpoint and the form take):
``{"format": "pyvideo", "name": "<folder>", "category": {…}, "videos": […]}``
where each video may carry ``slug`` (else its file name is lost and the
title gives the id). :func:`bundle_from_folder` builds it from a folder.

A session's programme id is the video's ``slug`` when it has one, else the
name of its file without ``.json``: the same in both forms.
"""

from collective.confrecap.formats.programme.errors import EmptyProgrammeError
from collective.confrecap.formats.programme.errors import ProgrammeFormatError
from collective.confrecap.formats.programme.errors import ProgrammeTooLargeError
from collective.confrecap.formats.programme.model import clean_line
from collective.confrecap.formats.programme.model import clean_text
from collective.confrecap.formats.programme.model import finish
from collective.confrecap.formats.programme.model import http_url
from collective.confrecap.formats.programme.model import join_texts
from collective.confrecap.formats.programme.model import language_code
from collective.confrecap.formats.programme.model import MAX_PROGRAMME_BYTES
from collective.confrecap.formats.programme.model import parse_date
from collective.confrecap.formats.programme.model import parse_datetime
from collective.confrecap.formats.programme.model import parse_duration
from collective.confrecap.formats.programme.model import ProgrammePlan
from collective.confrecap.formats.programme.model import ResourceCollector
from collective.confrecap.formats.programme.model import Session
from collective.confrecap.formats.programme.model import SpeakerCollector
from collective.confrecap.formats.programme.model import talk_kind
from collective.confrecap.formats.programme.model import UniqueIds
from collective.confrecap.formats.programme.model import zone
from collective.confrecap.formats.programme.source import load_json
from pathlib import Path

import json
import re
import tarfile


FORMAT = "pyvideo"
EXPECTED = (
    'a pyvideo.org bundle ({"format": "pyvideo", "category": {"title": …}, '
    '"videos": [{"title": …, "speakers": […], "recorded": …}, …]})'
)


def is_bundle(document):
    return isinstance(document, dict) and document.get("format") == FORMAT


def read(data, default_timezone=None):
    """The ProgrammePlan of a pyvideo bundle (bytes of JSON)."""
    return from_bundle(load_json(data, EXPECTED), default_timezone)


def from_bundle(document, default_timezone=None):
    if not is_bundle(document):
        raise ProgrammeFormatError(f"This JSON is not {EXPECTED}.")
    category = document.get("category")
    videos = document.get("videos")
    if not isinstance(category, dict) or not isinstance(videos, list):
        raise ProgrammeFormatError(
            'A pyvideo bundle needs a "category" object and a "videos" list: '
            f"expected {EXPECTED}."
        )
    return from_members(
        category,
        ((None, video) for video in videos),
        name=clean_line(document.get("name")) or None,
        default_timezone=default_timezone,
    )


def bundle(category, videos, name=None):
    """The bundle document of a category and its ``(file stem, video)`` pairs.

    A video without a ``slug`` gets its file stem as one, so the bundle gives
    the programme ids the folder gives.
    """
    items = []
    for stem, video in videos:
        if stem and isinstance(video, dict) and not video.get("slug"):
            video = {**video, "slug": stem}
        items.append(video)
    document = {"format": FORMAT, "category": category, "videos": items}
    if name:
        document["name"] = name
    return document


def read_folder_members(folder, limit=MAX_PROGRAMME_BYTES):
    """``(category, [(stem, video), …])`` of a pyvideo data folder."""
    folder = Path(folder)
    category_file = folder / "category.json"
    if not category_file.is_file():
        raise ProgrammeFormatError(
            f"{folder} is not a pyvideo.org data folder: it has no category.json."
        )
    total = category_file.stat().st_size
    files = sorted((folder / "videos").glob("*.json"))
    total += sum(path.stat().st_size for path in files)
    if total > limit:
        raise ProgrammeTooLargeError(
            f"The pyvideo folder {folder} is too large ({total:,} bytes); the "
            f"limit is {limit:,} bytes."
        )
    category = _load(category_file.read_bytes(), category_file)
    videos = [(path.stem, _load(path.read_bytes(), path)) for path in files]
    return category, videos


def read_folder(folder, default_timezone=None):
    """The ProgrammePlan of a pyvideo data folder."""
    category, videos = read_folder_members(folder)
    return from_members(
        category, videos, name=Path(folder).name, default_timezone=default_timezone
    )


def bundle_from_folder(folder):
    """The bundle document of a pyvideo data folder (see :func:`bundle`)."""
    category, videos = read_folder_members(folder)
    return bundle(category, videos, name=Path(folder).name)


def iter_archive(path):
    """``(folder name, category, [(stem, video), …])`` for each folder of a
    pyvideo data tarball (``.tar``, ``.tar.xz``…), read in one pass.

    The archive is streamed: a folder is handed out when the next one starts,
    so the members of a folder must be together (as ``tar`` writes them).
    """
    done = set()
    current, category, videos = None, None, []
    with tarfile.open(path, "r|*") as archive:
        for member in archive:
            parts = member.name.strip("/").split("/")
            if not member.isfile() or not parts[-1].endswith(".json"):
                continue
            if len(parts) == 2 and parts[1] == "category.json":
                kind = "category"
            elif len(parts) == 3 and parts[1] == "videos":
                kind = "video"
            else:
                continue
            if parts[0] != current:
                if current is not None and category is not None:
                    yield current, category, sorted(videos, key=lambda v: v[0])
                if parts[0] in done:
                    raise ProgrammeFormatError(
                        f"The archive {path} has the files of “{parts[0]}” in more "
                        "than one place; repack it folder by folder."
                    )
                done.add(parts[0])
                current, category, videos = parts[0], None, []
            data = archive.extractfile(member).read()
            if kind == "category":
                category = _load(data, member.name)
            else:
                videos.append((parts[2][: -len(".json")], _load(data, member.name)))
        if current is not None and category is not None:
            yield current, category, sorted(videos, key=lambda v: v[0])


def _load(data, where):
    try:
        return json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        raise ProgrammeFormatError(
            f"{where} is not valid UTF-8 JSON: {error}"
        ) from error


# reStructuredText links: `text <url>`_ and `text <url>`__, `<url>`_ .
_RST_LINK = re.compile(r"`([^`<>\n]*?)\s*<([^<>`\s]+)>`__?")
_RST_ROLE = re.compile(r":[a-z]+:`([^`\n]+)`")


def rst_text(value):
    """pyvideo's reStructuredText as text with Markdown links."""
    text = clean_text(value)
    if not text:
        return ""

    def link(match):
        label, url = match.group(1).strip(), http_url(match.group(2))
        if url is None:
            return label or match.group(2)
        return f"[{label}]({url})" if label and label != url else url

    text = _RST_LINK.sub(link, text)
    return _RST_ROLE.sub(r"`\1`", text)


def from_members(category, videos, name=None, default_timezone=None):
    """The ProgrammePlan of a category and its ``(stem or None, video)`` pairs."""
    if not isinstance(category, dict):
        raise ProgrammeFormatError(
            "category.json is not an object with a title: expected "
            '{"title": "PyCon US 2016", …}.'
        )
    tz = zone(default_timezone)
    title = clean_line(category.get("title")) or clean_line(name)
    if not title:
        raise ProgrammeFormatError(
            'The pyvideo category has no title (category.json "title").'
        )
    plan = ProgrammePlan(
        format=FORMAT,
        title=title,
        acronym=name,
        description=rst_text(category.get("description")),
        start=parse_date(category.get("start_date")),
        end=parse_date(category.get("end_date")),
        timezone=tz.key if tz is not None else None,
        url=http_url(category.get("url")),
    )
    ids = UniqueIds(plan)
    dropped = 0
    for stem, video in videos:
        if not isinstance(video, dict):
            raise ProgrammeFormatError(
                f"A video of “{title}” ({stem or 'in the bundle'}) is not an object."
            )
        session, lost = _session(video, stem, ids, tz, plan)
        dropped += lost
        if session is not None:
            plan.sessions.append(session)
    if not plan.sessions:
        raise EmptyProgrammeError(
            f"“{title}” has no videos: there is nothing to import."
        )
    if dropped:
        plan.warnings.append(
            f"{dropped} link(s) were not http(s) addresses and were left out."
        )
    return finish(plan)


def _session(video, stem, ids, tz, plan):
    title = clean_line(video.get("title"))
    if not title:
        plan.warnings.append(f"A video without a title ({stem}) was left out.")
        return None, 0
    recorded = video.get("recorded")
    start = parse_datetime(recorded, tz)
    end = None
    if start is not None:
        length = parse_duration(video.get("duration"))
        end = start + length if length is not None else None
    speakers = SpeakerCollector()
    for speaker in video.get("speakers") or []:
        if isinstance(speaker, dict):
            speakers.add(speaker.get("name"), speaker.get("url"))
        else:
            speakers.add(speaker)
    resources = ResourceCollector()
    video_url = None
    for item in video.get("videos") or []:
        if not isinstance(item, dict):
            item = {"url": item}
        url = http_url(item.get("url"))
        if url is None:
            resources.dropped += bool(clean_line(item.get("url")))
            continue
        if video_url is None:
            video_url = url
            resources.urls.add(url)
        else:
            kind = clean_line(item.get("type"))
            resources.add(url, f"Video ({kind})" if kind else "Video", "video")
    for item in [*(video.get("related_urls") or []), *(video.get("related_url") or [])]:
        resources.add_reference(item)
    description = rst_text(video.get("description"))
    summary = rst_text(video.get("summary"))
    abstract = join_texts(
        description,
        rst_text(video.get("abstract")),
        summary if summary and summary not in description else "",
    )
    tags = [clean_line(tag) for tag in video.get("tags") or [] if clean_line(tag)]
    session = Session(
        programme_id=ids(video.get("slug"), stem, video.get("id"), title=title),
        title=title,
        abstract=abstract,
        start=start,
        end=end,
        date=parse_date(recorded),
        kind=talk_kind(None, title),
        language=language_code(video.get("language")),
        speakers=speakers.rows,
        resources=resources.rows,
        slides_url=resources.slides_url,
        video_url=video_url or resources.video_url,
        tags=list(dict.fromkeys(tags)),
    )
    return session, resources.dropped
