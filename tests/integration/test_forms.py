"""Issue 2: the Classic UI (z3c.form) add form of a Talk Recap in a conference."""

from ..content import TRACKS
from collective.confrecap.interfaces import ICollectiveConfrecapLayer
from zope.interface import alsoProvides

import datetime
import pytest
import re


@pytest.fixture
def add_form(conference):
    request = conference.REQUEST
    alsoProvides(request, ICollectiveConfrecapLayer)
    # As when published: the request knows the conference the form is on.
    request["PARENTS"] = [conference, conference.aq_parent]

    def render(form=None):
        if form is not None:
            request.method = "POST"
            request.form.update(form)
            request.form["form.buttons.save"] = "Save"
        return conference.restrictedTraverse("++add++TalkRecap")()

    return render


def field_errors(html):
    return [
        re.sub(r"\s+", " ", error).strip()
        for error in re.findall(
            r'<div class="invalid-feedback"\s*>(.*?)</div>', html, re.S
        )
    ]


def test_add_form_track_select_offers_the_conference_tracks(add_form):
    html = add_form()
    select = re.search(
        r'<select name="form.widgets.ITalk.track:list".*?</select>', html, re.S
    ).group(0)
    values = re.findall(r'<option[^>]*value="([^"]*)"', select)
    assert values == ["--NOVALUE--", *TRACKS]


def test_add_form_has_datagrid_row_widgets(add_form):
    html = add_form()
    assert 'class="pat-datagridfield"' in html
    for column in ("name", "url", "affiliation"):
        assert f'name="form.widgets.ISpeakers.speakers.AA.widgets.{column}"' in html
    for column in ("title", "url", "description"):
        assert f'name="form.widgets.IResources.resources.AA.widgets.{column}"' in html
    assert 'name="form.widgets.IResources.resources.AA.widgets.kind:list"' in html
    assert 'name="form.widgets.ISpeakers.speakers.count"' in html
    # Talk fields and kinds are there too.
    for name in ("talk_url", "slides_url", "video_url", "session_date"):
        assert f'name="form.widgets.ITalk.{name}"' in html
    assert 'value="keynote"' in html


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,<b>x</b>", "/relative", "not a url"]
)
def test_add_form_refuses_a_bad_talk_url(add_form, conference, url):
    html = add_form(
        {
            "form.widgets.IBasic.title": "Bad link",
            "form.widgets.ITalk.talk_url": url,
        }
    )
    assert "There were some errors" in html
    assert "is not a web address. Use a full link starting with http:// or " in (
        " ".join(field_errors(html))
    )
    assert conference.objectIds() == []


def test_add_form_refuses_a_date_outside_the_conference(add_form, conference):
    html = add_form(
        {
            "form.widgets.IBasic.title": "Too late",
            "form.widgets.ITalk.session_date": "2023-10-01",
        }
    )
    assert field_errors(html) == [
        "2023-10-01 is outside the conference dates (2023-09-20 to 2023-09-22)."
    ]
    assert conference.objectIds() == []


def test_add_form_creates_a_valid_recap(add_form, conference):
    add_form(
        {
            "form.widgets.IBasic.title": "Good talk",
            "form.widgets.ITalk.talk_url": "https://pwc.example.org/talk",
            "form.widgets.ITalk.session_date": "2023-09-21",
            "form.widgets.ITalk.track": ["Cloud"],
            "form.widgets.ITalk.track-empty-marker": "1",
            "form.widgets.ITalk.talk_kind": ["keynote"],
            "form.widgets.ITalk.talk_kind-empty-marker": "1",
        }
    )
    recap = conference["good-talk"]
    assert recap.portal_type == "TalkRecap"
    assert recap.talk_url == "https://pwc.example.org/talk"
    assert recap.session_date == datetime.date(2023, 9, 21)
    assert recap.track == "Cloud"
    assert recap.talk_kind == "keynote"


def test_add_form_never_stores_a_track_of_another_conference(add_form, conference):
    add_form(
        {
            "form.widgets.IBasic.title": "Wrong track",
            "form.widgets.ITalk.track": ["Gardening"],
            "form.widgets.ITalk.track-empty-marker": "1",
        }
    )
    # z3c.form drops a token its select does not offer.
    for recap in conference.objectValues():
        assert recap.track is None
