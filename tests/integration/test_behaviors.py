"""Issue 2: the four behaviors and their fields, on recaps and reused elsewhere."""

from ..content import RESOURCES
from ..content import SPEAKERS
from collective.confrecap.behaviors.resources import IResources
from collective.confrecap.behaviors.speakers import ISpeakers
from collective.confrecap.behaviors.takeaways import ITakeaways
from collective.confrecap.behaviors.talk import ITalk
from collective.confrecap.fields.dates import SessionDate
from collective.confrecap.fields.rows import RowList
from collective.confrecap.fields.urls import HttpURL
from plone import api
from plone.behavior.interfaces import IBehavior
from plone.dexterity.interfaces import IDexterityFTI
from plone.dexterity.schema import SCHEMA_CACHE
from zope import schema
from zope.component import getUtility
from zope.component import queryUtility
from zope.schema.interfaces import IBool
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import IList
from zope.schema.interfaces import IText

import datetime
import pytest


CONFRECAP_BEHAVIORS = {
    "collective.confrecap.talk": ITalk,
    "collective.confrecap.speakers": ISpeakers,
    "collective.confrecap.takeaways": ITakeaways,
    "collective.confrecap.resources": IResources,
}


@pytest.fixture
def news_item_with_behaviors(manager):
    """The News Item FTI with the four confrecap behaviors, restored after."""
    fti = getUtility(IDexterityFTI, name="News Item")
    original = tuple(fti.behaviors)
    fti._updateProperty("behaviors", original + tuple(CONFRECAP_BEHAVIORS))
    SCHEMA_CACHE.invalidate("News Item")
    yield fti
    fti._updateProperty("behaviors", original)
    SCHEMA_CACHE.invalidate("News Item")


@pytest.mark.parametrize("name", sorted(CONFRECAP_BEHAVIORS))
def test_behavior_registered(portal, name):
    behavior = queryUtility(IBehavior, name=name)
    assert behavior is not None
    assert behavior.interface is CONFRECAP_BEHAVIORS[name]


def test_talk_fields():
    fields = dict(schema.getFieldsInOrder(ITalk))
    assert list(fields) == [
        "talk_kind",
        "track",
        "session_date",
        "session_start",
        "session_end",
        "room",
        "abstract",
        "programme_id",
        "talk_url",
        "slides_url",
        "video_url",
        "highlight",
    ]
    assert IChoice.providedBy(fields["talk_kind"])
    assert fields["talk_kind"].vocabularyName == "collective.confrecap.TalkKinds"
    assert IChoice.providedBy(fields["track"])
    assert fields["track"].vocabularyName == "collective.confrecap.Tracks"
    assert isinstance(fields["session_date"], SessionDate)
    assert not fields["session_date"].required
    for name in ("talk_url", "slides_url", "video_url"):
        assert isinstance(fields[name], HttpURL)
        assert not fields[name].required
    assert IBool.providedBy(fields["highlight"])
    assert fields["highlight"].default is False


def test_speakers_fields():
    field = ISpeakers["speakers"]
    assert isinstance(field, RowList)
    row = dict(schema.getFieldsInOrder(field.value_type.schema))
    assert list(row) == ["name", "url", "affiliation"]
    assert row["name"].required
    assert isinstance(row["url"], HttpURL)
    assert not row["url"].required
    assert not row["affiliation"].required


def test_takeaways_fields():
    for name in ("takeaways", "quotes"):
        field = ITakeaways[name]
        assert IList.providedBy(field)
        assert IText.providedBy(field.value_type)


def test_resources_fields():
    field = IResources["resources"]
    assert isinstance(field, RowList)
    row = dict(schema.getFieldsInOrder(field.value_type.schema))
    assert list(row) == ["title", "url", "description", "kind"]
    assert row["title"].required
    assert isinstance(row["url"], HttpURL)
    assert row["url"].required
    assert not row["description"].required
    assert row["kind"].vocabularyName == "collective.confrecap.ResourceKinds"


def test_talkrecap_provides_behaviors(conference):
    recap = api.content.create(container=conference, type="TalkRecap", title="T")
    for interface in CONFRECAP_BEHAVIORS.values():
        assert interface.providedBy(recap)


def test_resourcelist_provides_only_resources(conference):
    links = api.content.create(container=conference, type="ResourceList", title="L")
    assert IResources.providedBy(links)
    assert not ITalk.providedBy(links)
    assert not ISpeakers.providedBy(links)


def test_talkrecap_stores_every_field(conference):
    recap = api.content.create(
        container=conference,
        type="TalkRecap",
        title="Keynote: the future",
        talk_kind="keynote",
        track="Cloud",
        session_date=datetime.date(2023, 9, 21),
        talk_url="https://pwc.example.org/talks/future",
        slides_url="https://slides.example.org/future",
        video_url="https://video.example.org/future",
        highlight=True,
        speakers=SPEAKERS,
        takeaways=["Ship small", "Measure"],
        quotes=["Done is better than perfect."],
        resources=RESOURCES,
    )
    talk = ITalk(recap)
    assert talk.talk_kind == "keynote"
    assert talk.track == "Cloud"
    assert talk.session_date == datetime.date(2023, 9, 21)
    assert talk.talk_url == "https://pwc.example.org/talks/future"
    assert talk.slides_url == "https://slides.example.org/future"
    assert talk.video_url == "https://video.example.org/future"
    assert talk.highlight is True
    assert ISpeakers(recap).speakers == SPEAKERS
    assert ITakeaways(recap).takeaways == ["Ship small", "Measure"]
    assert ITakeaways(recap).quotes == ["Done is better than perfect."]
    assert IResources(recap).resources == RESOURCES
    # every value is valid for its field
    for interface in CONFRECAP_BEHAVIORS.values():
        for name, field in schema.getFieldsInOrder(interface):
            field.bind(recap).validate(getattr(recap, name))


def test_defaults_of_a_new_recap(conference):
    recap = api.content.create(container=conference, type="TalkRecap", title="T")
    assert recap.talk_kind == "talk"
    assert recap.track is None
    assert recap.session_date is None
    assert recap.highlight is False
    assert recap.speakers == []
    assert recap.takeaways == []
    assert recap.quotes == []
    assert recap.resources == []


def test_catalog_indexes_recap_fields(conference):
    recap = api.content.create(
        container=conference,
        type="TalkRecap",
        title="T",
        talk_kind="panel",
        track="Culture",
        highlight=True,
        session_date=datetime.date(2023, 9, 22),
        speakers=SPEAKERS,
    )
    catalog = api.portal.get_tool("portal_catalog")
    for query in (
        {"confrecap_speakers": "Pamela Fox"},
        {"confrecap_track": "Culture"},
        {"confrecap_kind": "panel"},
        {"confrecap_highlight": True},
        {"confrecap_session_date": datetime.date(2023, 9, 22)},
        {"confrecap_conference": api.content.get_uuid(conference)},
    ):
        assert [b.getObject() for b in catalog(portal_type="TalkRecap", **query)] == [
            recap
        ], query
    brain = catalog(UID=api.content.get_uuid(recap))[0]
    assert brain.confrecap_data["speakers"] == SPEAKERS
    assert brain.confrecap_data["track"] == "Culture"


def test_news_item_reuses_the_behaviors(manager, news_item_with_behaviors):
    news = api.content.create(
        container=manager,
        type="News Item",
        id="news",
        title="Our talk at PWC",
        talk_kind="talk",
        session_date=datetime.date(2001, 1, 1),
        talk_url="https://example.org/talk",
        highlight=True,
        speakers=SPEAKERS,
        takeaways=["One"],
        quotes=["Two"],
        resources=RESOURCES,
    )
    for interface in CONFRECAP_BEHAVIORS.values():
        assert interface.providedBy(news)
    assert ITalk(news).talk_kind == "talk"
    assert ITalk(news).talk_url == "https://example.org/talk"
    assert ITalk(news).highlight is True
    assert ISpeakers(news).speakers == SPEAKERS
    assert ITakeaways(news).takeaways == ["One"]
    assert ITakeaways(news).quotes == ["Two"]
    assert IResources(news).resources == RESOURCES
    # Set through the behavior adapters, too.
    ITalk(news).video_url = "https://video.example.org/x"
    ISpeakers(news).speakers = SPEAKERS[:1]
    assert news.video_url == "https://video.example.org/x"
    assert news.speakers == SPEAKERS[:1]
    # Outside a conference there are no tracks to pick and no date bounds.
    track = ITalk["track"].bind(news)
    assert list(track.vocabulary) == []
    with pytest.raises(schema.interfaces.ConstraintNotSatisfied):
        track.validate("Cloud")
    ITalk["session_date"].bind(news).validate(datetime.date(1999, 12, 31))
    catalog = api.portal.get_tool("portal_catalog")
    assert [b.getObject() for b in catalog(confrecap_speakers="Pamela Fox")] == [news]


def test_news_item_without_behaviors_is_untouched(manager):
    news = api.content.create(container=manager, type="News Item", title="N")
    assert not ITalk.providedBy(news)
