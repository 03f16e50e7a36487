"""Issue 2: every validation rule, through zope.schema (field.bind(obj).validate)."""

from collective.confrecap.behaviors.resources import IResources
from collective.confrecap.behaviors.speakers import ISpeakers
from collective.confrecap.behaviors.talk import ITalk
from collective.confrecap.content.conference import IConference
from collective.confrecap.fields.errors import RecapValidationError
from plone import api
from plone.app.event.dx.behaviors import IEventBasic
from plone.app.event.dx.behaviors import StartBeforeEnd
from zope.i18n import translate
from zope.schema.interfaces import ValidationError

import datetime
import pytest


BAD_URLS = [
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "/relative",
    "not a url",
    "mailto:someone@example.org",
    "ftp://example.org/file",
    "https://",
]
GOOD_URLS = ["https://example.org", "http://example.org/a?b=c#d", "HTTPS://EX.ORG/"]


def message(error):
    return str(error.doc())


def interpolated(error):
    return translate(error.doc())


@pytest.fixture
def recap(conference):
    return api.content.create(container=conference, type="TalkRecap", title="T")


# Conference


class Dates:
    def __init__(self, start, end, open_end=False):
        self.start = start
        self.end = end
        self.open_end = open_end
        self.whole_day = False


def test_end_before_start_is_refused():
    with pytest.raises(StartBeforeEnd) as info:
        IEventBasic.validateInvariants(
            Dates(datetime.datetime(2023, 9, 22), datetime.datetime(2023, 9, 20))
        )
    assert "End date must be after start date" in translate(info.value.args[0])


def test_end_after_start_is_fine():
    IEventBasic.validateInvariants(
        Dates(datetime.datetime(2023, 9, 20), datetime.datetime(2023, 9, 22))
    )
    IEventBasic.validateInvariants(
        Dates(datetime.datetime(2023, 9, 20), datetime.datetime(2023, 9, 20))
    )


@pytest.mark.parametrize(
    "tracks,expected",
    [
        (["App Dev", ""], "A track name cannot be empty."),
        (["   "], "A track name cannot be empty."),
        (["Cloud", "Cloud"], "The track “Cloud” is listed twice."),
        (["Cloud", " cloud "], "The track “cloud” is listed twice."),
    ],
)
def test_bad_tracks(conference, tracks, expected):
    with pytest.raises(RecapValidationError) as info:
        IConference["tracks"].bind(conference).validate(tracks)
    assert interpolated(info.value) == expected


def test_good_tracks(conference):
    field = IConference["tracks"].bind(conference)
    field.validate(["App Dev", "Cloud", "Culture", "PyData", "Tutorials"])
    field.validate([])


def test_bad_conference_format(conference):
    with pytest.raises(ValidationError):
        IConference["conference_format"].bind(conference).validate("on the moon")
    for value in ("in-person", "online", "hybrid"):
        IConference["conference_format"].bind(conference).validate(value)


# Talk


@pytest.mark.parametrize(
    "day",
    [datetime.date(2023, 9, 19), datetime.date(2023, 9, 23), datetime.date(2020, 1, 1)],
)
def test_session_date_outside_the_conference(recap, day):
    with pytest.raises(RecapValidationError) as info:
        ITalk["session_date"].bind(recap).validate(day)
    assert interpolated(info.value) == (
        f"{day.isoformat()} is outside the conference dates (2023-09-20 to 2023-09-22)."
    )


@pytest.mark.parametrize(
    "day",
    [
        datetime.date(2023, 9, 20),
        datetime.date(2023, 9, 21),
        datetime.date(2023, 9, 22),
    ],
)
def test_session_date_inside_the_conference(recap, day):
    ITalk["session_date"].bind(recap).validate(day)


def test_session_date_bound_to_the_conference_itself(conference):
    """An add form binds the field to the container: the conference."""
    field = ITalk["session_date"].bind(conference)
    field.validate(datetime.date(2023, 9, 21))
    with pytest.raises(RecapValidationError):
        field.validate(datetime.date(2023, 9, 25))


def test_session_date_of_an_open_ended_conference(recap, conference):
    conference.open_end = True
    field = ITalk["session_date"].bind(recap)
    field.validate(datetime.date(2023, 12, 31))
    with pytest.raises(RecapValidationError) as info:
        field.validate(datetime.date(2023, 9, 1))
    assert "before the conference starts on 2023-09-20" in interpolated(info.value)


def test_track_must_be_one_of_the_conference(recap):
    field = ITalk["track"].bind(recap)
    field.validate("Cloud")
    with pytest.raises(ValidationError):
        field.validate("Gardening")


def test_talk_kind_must_be_known(recap):
    field = ITalk["talk_kind"].bind(recap)
    field.validate("keynote")
    with pytest.raises(ValidationError):
        field.validate("sermon")


@pytest.mark.parametrize("name", ["talk_url", "slides_url", "video_url"])
@pytest.mark.parametrize("url", BAD_URLS)
def test_talk_links_must_be_http(recap, name, url):
    with pytest.raises(RecapValidationError) as info:
        ITalk[name].bind(recap).validate(url)
    assert interpolated(info.value) == (
        f"“{url}” is not a web address. "
        "Use a full link starting with http:// or https://."
    )


@pytest.mark.parametrize("name", ["talk_url", "slides_url", "video_url"])
@pytest.mark.parametrize("url", GOOD_URLS)
def test_talk_links_http_ok(recap, name, url):
    ITalk[name].bind(recap).validate(url)


def test_talk_link_from_a_form_is_stripped(recap):
    assert ITalk["talk_url"].fromUnicode("  https://example.org  ") == (
        "https://example.org"
    )


# Speakers


def speakers_error(recap, rows):
    with pytest.raises(RecapValidationError) as info:
        ISpeakers["speakers"].bind(recap).validate(rows)
    return interpolated(info.value)


def test_speakers_ok(recap):
    field = ISpeakers["speakers"].bind(recap)
    field.validate([{"name": "Pamela Fox", "url": "https://x.org", "affiliation": "M"}])
    # Omitted optional columns are empty, not an error.
    field.validate([{"name": "the Six Feet Up team"}])
    field.validate([])


@pytest.mark.parametrize("name", [None, "", "  "])
def test_speaker_without_a_name(recap, name):
    rows = [{"name": "Ok"}, {"name": name, "url": "https://x.org", "affiliation": None}]
    assert speakers_error(recap, rows) == "Speaker 2: Name is required."


def test_speaker_missing_name_key(recap):
    assert speakers_error(recap, [{"url": "https://x.org"}]) == (
        "Speaker 1: Name is required."
    )


@pytest.mark.parametrize("url", BAD_URLS)
def test_speaker_url_must_be_http(recap, url):
    assert speakers_error(recap, [{"name": "A", "url": url}]) == (
        f"Speaker 1: Link: “{url}” is not a web address. "
        "Use a full link starting with http:// or https://."
    )


@pytest.mark.parametrize("row", ["Pamela Fox", ["Pamela Fox"], 42, None])
def test_speaker_row_not_an_object(recap, row):
    assert (
        speakers_error(recap, [row])
        == "Speaker 1: expected an object with the keys name, url, affiliation."
    )


def test_speaker_unknown_key(recap):
    assert speakers_error(recap, [{"name": "A", "twitter": "@a"}]) == (
        "Speaker 1: unknown key twitter; allowed are name, url, affiliation."
    )


# Resources


def resources_error(recap, rows):
    with pytest.raises(RecapValidationError) as info:
        IResources["resources"].bind(recap).validate(rows)
    return interpolated(info.value)


def test_resources_ok(recap):
    field = IResources["resources"].bind(recap)
    field.validate(
        [
            {
                "title": "uv",
                "url": "https://docs.astral.sh/uv/",
                "description": "fast",
                "kind": "tool",
            },
            {"title": "Docs", "url": "https://docs.plone.org"},
        ]
    )


@pytest.mark.parametrize("title", [None, "", " "])
def test_resource_without_title(recap, title):
    assert resources_error(recap, [{"title": title, "url": "https://x.org"}]) == (
        "Resource 1: Title is required."
    )


@pytest.mark.parametrize("url", [None, ""])
def test_resource_without_url(recap, url):
    assert resources_error(recap, [{"title": "T", "url": url}]) == (
        "Resource 1: Link is required."
    )


@pytest.mark.parametrize("url", BAD_URLS)
def test_resource_url_must_be_http(recap, url):
    rows = [{"title": "ok", "url": "https://ok.org"}, {"title": "T", "url": url}]
    assert resources_error(recap, rows) == (
        f"Resource 2: Link: “{url}” is not a web address. "
        "Use a full link starting with http:// or https://."
    )


def test_resource_bad_kind(recap):
    rows = [{"title": "T", "url": "https://x.org", "kind": "podcast"}]
    assert resources_error(recap, rows) == (
        "Resource 1: Kind: “podcast” is not one of tool, library, documentation, "
        "article, cheat-sheet, video, slides, service, training, other."
    )


def test_resource_row_not_an_object(recap):
    assert resources_error(recap, ["https://x.org"]) == (
        "Resource 1: expected an object with the keys title, url, description, kind."
    )


def test_resource_unknown_key(recap):
    rows = [{"title": "T", "url": "https://x.org", "link": "https://y.org"}]
    assert resources_error(recap, rows) == (
        "Resource 1: unknown key link; allowed are title, url, description, kind."
    )


def test_rows_must_be_a_list(recap):
    with pytest.raises(ValidationError):
        ISpeakers["speakers"].bind(recap).validate({"name": "A"})
