"""The speakers and resources aggregates served from catalog indexes
(``confrecap_speaker_keys``, ``confrecap_speaker_words``,
``confrecap_resource_keys``) give exactly what the old way gave — the pure
merge of every visible recap's metadata, kept as the reference — on the demo
and seed coverage, for every kind of user; and a private recap's speaker and
resource appear nowhere, not even as a key with no visible recap, a letter or
a count."""

from collective.confrecap.coverage.grouping import merge_resources
from collective.confrecap.coverage.grouping import merge_speakers
from collective.confrecap.coverage.grouping import resource_key
from collective.confrecap.coverage.queries import recap_summaries
from collective.confrecap.coverage.queries import resource_summaries
from collective.confrecap.coverage.resource_index import ResourceIndex
from collective.confrecap.coverage.speaker_index import SpeakerIndex
from collective.confrecap.formats.collation import letter_of
from collective.confrecap.formats.collation import matches_words
from collective.confrecap.formats.collation import words
from collective.confrecap.formats.errors import RecapImportError
from collective.confrecap.interfaces import ICollectiveConfrecapLayer
from pathlib import Path
from plone import api
from plone.app.testing import login
from plone.app.testing import logout
from zope.interface import alsoProvides

import datetime
import os
import pytest


ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("CONFRECAP_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"

SECRET_SPEAKER = "Zyx Secretname"
SECRET_URL = "https://secret.example.org/only-here"


def _all(sequence):
    return [entry for entry in sequence[0 : len(sequence)] if entry]


def new_speakers(context, **kw):
    index = SpeakerIndex(context, **kw)
    entries = _all(index.entries(7))
    for entry in entries:  # nobody here has more than RECAPS_LIMIT recaps
        assert entry.pop("recaps_total") == len(entry["recaps"])
    return [
        {key: value for key, value in entry.items() if key != "letter"}
        for entry in entries
    ]


def old_speakers(context, **query):
    return merge_speakers(recap_summaries(context, **query))


def new_resources(context, **kw):
    entries = _all(ResourceIndex(context, **kw).entries(7))
    for entry in entries:  # no URL here is cited more than CITED_IN_LIMIT times
        assert entry.pop("cited_in_total") == len(entry["cited_in"])
    return entries


def old_resources(context, **query):
    return merge_resources(resource_summaries(context, **query))


@pytest.fixture
def archive(portal):
    """The demo coverage, the seeds in a folder of their own, a private recap
    with a speaker and a resource of its own, and a folder another user may
    add to."""
    from collective.confrecap.demo import create_demo_coverage
    from collective.confrecap.importer.markdown import import_markdown

    with api.env.adopt_roles(["Manager"]):
        create_demo_coverage(portal)
        seeds = api.content.create(container=portal, type="Folder", id="seeds")
        api.content.transition(seeds, "publish")
        imported = 0
        if SEEDS.is_dir():
            for path in sorted(SEEDS.iterdir()):
                try:
                    outcome = import_markdown(seeds, path.read_bytes(), publish=True)
                except RecapImportError:
                    continue
                imported += bool(outcome.created)
        conference = api.content.create(
            container=portal,
            type="Conference",
            id="private-things",
            title="Private Things",
            start=datetime.datetime(2024, 1, 1, 9),
            end=datetime.datetime(2024, 1, 2, 18),
        )
        api.content.transition(conference, "publish")
        api.content.create(
            container=conference,
            type="TalkRecap",
            id="secret",
            title="A secret talk",
            speakers=[{"name": SECRET_SPEAKER, "url": None, "affiliation": None}],
            resources=[
                {
                    "title": "Only here",
                    "url": SECRET_URL,
                    "description": None,
                    "kind": "tool",
                }
            ],
        )
        names = [
            ("Érico Andrei", "erico"),
            ("Víctor Terrón", "victor"),
            ("Eric Idle", "eric"),
            ("erika mustermann", "erika"),
        ]
        for name, recap_id in names:
            recap = api.content.create(
                container=conference,
                type="TalkRecap",
                id=recap_id,
                title=f"Talk by {name}",
                speakers=[{"name": name, "url": None, "affiliation": None}],
            )
            api.content.transition(recap, "publish")
        other = api.content.create(container=portal, type="Folder", id="other")
    for username in ("member", "contrib"):
        api.user.create(
            email=f"{username}@example.org", username=username, password="secret12"
        )
    api.user.grant_roles(username="contrib", obj=other, roles=["Contributor"])
    return {"portal": portal, "conference": conference, "seeds_imported": imported}


USERS = ["anonymous", "member", "contrib"]


def act_as(portal, user):
    if user == "anonymous":
        logout()
    else:
        login(portal, user)


@pytest.mark.parametrize("user", USERS + ["manager"])
def test_speakers_equal_the_old_merge(archive, user):
    portal = archive["portal"]
    if user == "manager":
        with api.env.adopt_roles(["Manager"]):
            assert new_speakers(portal) == old_speakers(portal)
            names = [entry["name"] for entry in new_speakers(portal)]
            assert SECRET_SPEAKER in names  # the test can fail
        return
    act_as(portal, user)
    new = new_speakers(portal)
    assert new == old_speakers(portal)
    assert len(new) > 10
    for conference in api.content.find(portal_type="Conference"):
        obj = conference.getObject()
        assert new_speakers(obj) == old_speakers(obj)
        assert new_speakers(portal, conference=conference.UID) == old_speakers(
            portal, confrecap_conference=conference.UID
        )


@pytest.mark.parametrize("user", USERS + ["manager"])
def test_resources_equal_the_old_merge(archive, user):
    portal = archive["portal"]
    if user == "manager":
        with api.env.adopt_roles(["Manager"]):
            new = new_resources(portal)
            assert new == old_resources(portal)
            assert SECRET_URL in [entry["url"] for entry in new]
        return
    act_as(portal, user)
    new = new_resources(portal)
    assert new == old_resources(portal)
    assert len(new) > 10
    for conference in api.content.find(portal_type="Conference"):
        obj = conference.getObject()
        assert new_resources(obj) == old_resources(obj)


@pytest.mark.parametrize("user", USERS)
def test_private_speaker_is_no_key_letter_or_count(archive, user):
    portal = archive["portal"]
    act_as(portal, user)
    index = SpeakerIndex(portal)
    assert not [key for key in index.ordered_keys() if "zyx" in key]
    assert len(index) == len(old_speakers(portal))
    letters = [letter for letter, _position in index.letters()]
    expected = []
    for entry in old_speakers(portal):
        letter = letter_of(entry["name"])
        if letter not in expected:
            expected.append(letter)
    assert letters == expected
    assert "Z" not in letters
    assert new_speakers(portal, search="zyx") == []
    assert new_speakers(portal, search="secretname") == []
    html = render(portal, "confrecap-speakers")
    assert "Zyx" not in html and "letter-Z" not in html


@pytest.mark.parametrize("user", USERS)
def test_private_resource_is_no_key_or_count(archive, user):
    portal = archive["portal"]
    act_as(portal, user)
    index = ResourceIndex(portal)
    keys = [key for key, _url in index.ordered_keys()]
    assert not [key for key in keys if "secret.example.org" in key]
    assert sum(index.counts().values()) == len(old_resources(portal))
    assert index.ordered_keys(search="secret") == []
    html = render(portal, "confrecap-resources")
    assert "secret.example.org" not in html and "Only here" not in html


@pytest.mark.parametrize("user", USERS)
def test_kind_filters_and_counts_equal_the_old_merge(archive, user):
    """One kind, two kinds and the counts per kind (kept with the shared key
    list, not recomputed over every resource) list exactly what filtering
    the old merge by kind gives, in its order."""
    portal = archive["portal"]
    act_as(portal, user)
    old = old_resources(portal)
    index = ResourceIndex(portal)
    counts = {}
    for resource in old:
        counts[resource["kind"]] = counts.get(resource["kind"], 0) + 1
    assert index.counts() == counts
    assert len(counts) >= 2
    first, second = sorted(counts)[:2]
    for kinds in ({first}, {second}, {first, second}):
        expected = [resource_key(r["url"]) for r in old if r["kind"] in kinds]
        listed = index.ordered_keys(kinds=kinds)
        assert [url for _key, url in listed] == expected
        assert len(listed) == len(expected)
        assert [url for _key, url in listed[1:3]] == expected[1:3]
    assert list(index.ordered_keys(kinds={"no-such-kind"})) == []


def test_manager_sees_the_private_speaker_in_letters(archive):
    with api.env.adopt_roles(["Manager"]):
        letters = [letter for letter, _ in SpeakerIndex(archive["portal"]).letters()]
    assert "Z" in letters


def test_names_sort_by_collation_key(archive):
    logout()
    names = [entry["name"] for entry in new_speakers(archive["conference"])]
    assert names == ["Eric Idle", "Érico Andrei", "erika mustermann", "Víctor Terrón"]
    letters = SpeakerIndex(archive["conference"]).letters()
    assert [letter for letter, _ in letters] == ["E", "V"]


@pytest.mark.parametrize(
    "search, expected",
    [
        ("erico", ["Érico Andrei"]),
        ("ÉRICO", ["Érico Andrei"]),
        ("eri", ["Eric Idle", "Érico Andrei", "erika mustermann"]),
        ("andrei eri", ["Érico Andrei"]),
        ("terron", ["Víctor Terrón"]),
        ("rico", []),  # word beginnings, not any part of a word
    ],
)
def test_search_ignores_accents_and_case(archive, search, expected):
    logout()
    found = [entry["name"] for entry in new_speakers(archive["portal"], search=search)]
    assert found == expected
    reference = [
        entry["name"]
        for entry in old_speakers(archive["portal"])
        if matches_words(words(search), entry["name"])
    ]
    assert found == reference


def render(context, name, **form):
    request = context.REQUEST
    alsoProvides(request, ICollectiveConfrecapLayer)
    request.form.update(form)
    return api.content.get_view(name=name, context=context, request=request)()


def test_upgrade_1006_indexes_existing_content(archive):
    """Content created before 1006 (indexes missing) is indexed by the step,
    which touches only the new indexes."""
    from collective.confrecap.upgrades.v1006 import add_aggregate_indexes
    from collective.confrecap.upgrades.v1006 import NEW_INDEXES

    portal = archive["portal"]
    catalog = api.portal.get_tool("portal_catalog")
    with api.env.adopt_roles(["Manager"]):
        expected_speakers = old_speakers(portal)
        expected_resources = old_resources(portal)
        for name in NEW_INDEXES:
            catalog.delIndex(name)
        counter = catalog.getCounter()
        add_aggregate_indexes()
        for name in NEW_INDEXES:
            assert name in catalog.indexes()
            assert catalog._catalog.getIndex(name).numObjects() > 0
        assert new_speakers(portal) == expected_speakers
        assert new_resources(portal) == expected_resources
        assert catalog.getCounter() > counter
        add_aggregate_indexes()  # a second run changes nothing
    setup = api.portal.get_tool("portal_setup")
    steps = setup.listUpgrades("collective.confrecap:default", show_old=True)
    flat = [
        step for item in steps for step in (item if isinstance(item, list) else [item])
    ]
    assert any(step["dest"] == ("1006",) for step in flat)


def _publish_talks(conference, count, fields):
    """Published recaps "Talk 0"… in ``conference``, with ``fields(number)``;
    then anonymous."""
    with api.env.adopt_roles(["Manager"]):
        for number in range(count):
            recap = api.content.create(
                container=conference,
                type="TalkRecap",
                id=f"talk-{number}",
                title=f"Talk {number}",
                **fields(number),
            )
            api.content.transition(recap, "publish")
    logout()


def test_a_resource_cited_everywhere_lists_twenty_citations_and_counts_all(archive):
    """A conference's slides repository cited by each of its talks: a page
    reads at most CITED_IN_LIMIT of the items citing it and counts the rest."""
    from collective.confrecap.coverage.resource_index import CITED_IN_LIMIT

    portal = archive["portal"]
    conference = archive["conference"]
    url = "https://github.com/example/all-the-slides"
    _publish_talks(
        conference,
        CITED_IN_LIMIT + 5,
        lambda number: {
            "resources": [
                {
                    "title": "All the slides" if number else "Conference slides",
                    "url": url,
                    "description": None,
                    "kind": "slides",
                }
            ]
        },
    )
    index = ResourceIndex(portal)
    [(key, url_key)] = [
        pair for pair in index.ordered_keys() if "all-the-slides" in pair[1]
    ]
    [entry] = index.load([(key, url_key)])
    assert entry["cited_in_total"] == CITED_IN_LIMIT + 5
    assert len(entry["cited_in"]) == CITED_IN_LIMIT
    assert entry["title"] == "All the slides"  # the first title A–Z, as before
    assert "Talk 1" in [ref["title"] for ref in entry["cited_in"]]
    html = render(portal, "confrecap-resources", kind="slides")
    assert "and 5 more" in " ".join(html.split())


def test_a_prolific_speaker_lists_their_twenty_latest_recaps_and_counts_all(archive):
    """Someone who spoke at every session: a page reads at most RECAPS_LIMIT
    of their recaps, those of the latest sessions, and counts the rest."""
    from collective.confrecap.coverage.speaker_index import RECAPS_LIMIT

    portal = archive["portal"]
    conference = archive["conference"]
    first = datetime.date(2024, 1, 1)
    _publish_talks(
        conference,
        RECAPS_LIMIT + 5,
        lambda number: {
            "session_date": first + datetime.timedelta(days=number),
            "speakers": [{"name": "Pro Lific", "url": None, "affiliation": None}],
        },
    )
    index = SpeakerIndex(portal, search="lific")
    [entry] = _all(index.entries(7))
    assert entry["name"] == "Pro Lific"
    assert entry["recaps_total"] == RECAPS_LIMIT + 5
    shown = sorted(ref["title"] for ref in entry["recaps"])
    assert shown == sorted(f"Talk {number}" for number in range(5, RECAPS_LIMIT + 5))
    html = render(portal, "confrecap-speakers")
    assert "and 5 more" in " ".join(html.split())
