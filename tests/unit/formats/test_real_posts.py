"""Real conference write-ups (../shared/data/real-posts/): the talks, speakers
and conference data a careful reader writes down, and how much of it the
reader finds.

Per post: recall of talks (>= 90%), precision of recaps (>= 90% are real
talks) and the share of talks with exactly the right speakers (>= 85%). The
figures are printed (``pytest -s``) for the closing note.
"""

from collective.confrecap.formats.markdown.parser import parse_markdown
from pathlib import Path

import datetime
import os
import pytest
import re
import unicodedata


def _shared():
    if os.environ.get("CONFRECAP_SHARED"):
        return Path(os.environ["CONFRECAP_SHARED"])
    return Path(__file__).resolve().parents[3].parent / "shared"


POSTS_DIR = _shared() / "data" / "real-posts"
pytestmark = pytest.mark.skipif(
    not POSTS_DIR.is_dir(),
    reason=f"the shared data folder {POSTS_DIR} is missing",
)


def _t(title, *speakers):
    return (title, list(speakers))


# Kubecon: the keynote and lightning-talk tables, read row by row (the other
# 21 tables have the same shape; the count of all rows is checked too).
KUBECON_SAMPLE = [
    _t("Finding the Joy in Chaos Engineering", "Ana Medina", "Lenny Sharpe"),
    _t(
        "Seamless Customer Experience at Walmart Stores Powered b...",
        "Maneesh Vittolia",
        "Sriram Komma",
    ),
    _t(
        "Hello From the Other Side: Dispatches From a Kubernetes Attacker",
        "Ian Coldwater",
    ),
    _t('In Search of the Kubernetes "Rails" Moment', "Bryan Liles"),
    _t("Opening Remarks", "Vicki Cheung"),
    _t("CNCF Maintainer + Ambassador Awards", "Chris Anizczyk"),
    _t("Reflections", "Kelsey Hightower"),
    _t(
        "Beyond Badges—How Inclusive Communities Accelerate Innovation",
        "Kostadis Roussos",
    ),
    _t("(Open)Telemetry Makes Observability Simple", "Sarah Novotny", "Liz Fong-Jones"),
    _t(
        "Modernizing Virtualization Technology for Cloud Native Computing",
        "Arjan van de Ven",
    ),
    _t("Kubernetes Project Update", "Vicki Cheung"),
    _t("Opening Remarks", "Bryan Liles"),
    _t("Closing Remarks", "Vicki Cheung"),
    _t("Bringing Confidential Computing to Kubernetes", "Lachlan Evenson"),
    _t("NATS: Past, Present and the Future", "Derek Collison"),
    _t("Keep Kubernetes Caffeinated", "Erin Boyd"),
    _t("CNCF Project Updates", "Bryan Liles"),
    _t("CNCF Updates", "Cheryl Hung"),
    _t(
        "Closing Remarks - KubeCon + CloudNativeCon North America 2019",
        "Vicki Cheung",
        "Bryan Liles",
    ),
    _t("Closing Remarks", "Bryan Liles"),
    _t("Want to Donate a Project to the CNCF? Here's How", "Cheryl Hung"),
    _t("Easily Observing Operators", "Lili Cosic"),
    _t("Is Your Kubernetes Cluster's DNS Working?", "Jonathan Perry"),
    _t("Open Match - Matchmaking Framework", "Robert Bailey"),
    _t(
        "CRDs All the Way Down – Using OPA for Complex CRD Validation and...",
        "Puja Abbassi",
    ),
    _t(
        "How the Observability Team at Spotify Radically Decreased...",
        "Lauren Muhlhauser",
    ),
    _t("Sharing a GPU Among Multiple Containers", "Patrick McQuighan"),
    _t("Code Kubernetes While You Are Using It", "Mario Loriedo"),
    _t(
        "Kuber-What-Es?! Misadventures in Building UIs for K8s-Based ML...",
        "Alexandra Johnson",
    ),
    _t("Get Started With Non-Code Contributions to Kubernetes", "David Strebel"),
    _t("Boosting Your kubectl Productivity", "Mauricio Salatino"),
    _t("What Makes a Good Multi-tenant Kubernetes Solution?", "Victor Varza"),
]

POSTS = {
    "pycon-us-2016-greh.md": {
        # The post's name in its repository gives its date.
        "filename": "2016-06-01-post-Pycon.md",
        "title": "pycon",
        "date": datetime.date(2016, 6, 1),
        "talks": [
            _t("Seriously Strong Security on Shoestring", "Kelsey Gilmore-Innis"),
            _t(
                "What Is and What Can Be: An Exploration From Type to MetaClasses",
                "Dustin Ingram",
            ),
            _t("Teaching Python: The Hard Parts", "Elana Hashman"),
            _t("Removing Pythons Gil: The Gilectomy", "Larry Hastings"),
            _t(
                "When is it Good to be Bad: Web Scraping and Data Analysis of NHL "
                "Penalties",
                "Wendy Grus",
            ),
        ],
        "videos": 5,
    },
    "codemotion-madrid-2014-sergioalvz.md": {
        "title": "codemotion 2014",
        # The only full date is the embedded tweet's: never the conference's.
        "not_start": datetime.date(2014, 11, 20),
        "talks": [
            _t("Agile product development for entrepreneurs", "Jose Manuel Beas"),
            _t("Shirt-sleeve Big Data", "Jorge Lería", "William Viana"),
            _t(
                "When developers meet SSAS and Business Intelligence",
                "Rubén Pertusa Lopez",
                "Santiago Porras Rodriguez",
            ),
            _t("Scala @ Real Life", "Javier Santos", "David Vallejo"),
            _t("Love Always Takes Care & Humility", "Chema Alonso"),
            _t("Reactive programming for the normal developer", "Sergio Rodriguez"),
            _t(
                "10 things of Rails that you should know",
                "Gabriel Ortuño",
                "Carlos Sánchez Pérez",
            ),
            _t("Introduction to Ember.js", "Sergio Arbeo"),
            _t(
                "Graph Databases, a little connected tour",
                "Francisco Fernández Castaño",
            ),
            _t(
                "Hackatones: from 0 to production in 24 hours",
                "Adolfo Sanz De Diego",
                "Jorge Arévalo",
            ),
            _t(
                "Functional Programming in Scala",
                "Juan Manuel Serrano",
                "Jesús López González",
            ),
            _t("Microservices architecture", "Ernesto Hernández"),
            _t("The art & the science of a coordinated deploy", "Jose Plana"),
        ],
        "slides": 9,
    },
    "ploneconf-2015-bucharest-hammertoe.md": {
        "title": "plone conference 2015",
        "talks": [
            _t("State of Plone", "Eric Steele"),
            _t("Accessibility & Open Space", "Max Nakane"),
            _t("Live Blogging", "Maurits van Rees"),
            _t(
                "ploneintranet.userprofile a flexible user solution for plone intranet",
                "Matthew Sital Singh",
            ),
            _t("The State of Plone Intranet", "Guido Stevens"),
            _t("Plone Intranet under the hood", "Guido Stevens"),
            _t("Case Management in Plone Intranet", "Alexander Pilz"),
            # The author's own talk: the post does not name him.
            _t("Adventures in Wonderland"),
        ],
    },
    "rubyconf-2018-day2-fengtingzhang.md": {
        "title": "rubyconf 2018",
        "date": datetime.date(2018, 11, 14),
        "talks": [
            _t("how to build a magical living room", "Saron Yitbarek"),
            _t(
                "Let's subclass Hash - what's the worst that could happen?",
                "Michael Herold",
            ),
            _t("The Developer's Toolkit: Everything We Use But Ruby", "Noel Rappin"),
            _t("Pointers for Eliminating Heaps of Memory", "Aaron Patterson"),
            _t("Reducing Enumerable - An Illustrated Adventure", "Brandon Weaver"),
            _t("Cache is King: Get the Most Bang for Your Buck From Ruby"),
            _t("Make Ruby Write Your Code for You"),
        ],
        "keynotes": 1,
    },
    "testbash-sf-2018-emerrefe.es.md": {
        "title": "testbash san francisco 2018",
        "talks": [
            _t("Influence Authority", "Elisahbeth Hendrickson"),
            _t("Going Undercover in the Mob", "Jasmin Smith"),
            _t("How to defuse a bomb... wait, I mean a bug", "Michele Campbell"),
            _t("Tester at the table and the tester in my head", "Adrian Dunston"),
            _t("Climbing to the top of the mobile testing pyramid", "Rick Clymer"),
            _t("Extra! Extra! Automation Declared Software!", "Paul Grizzaffi"),
            _t("Create a culture of quality assurance", "Angela Riggs"),
            _t("How to test serverless cloud apps", "Glenn Buckholz"),
            _t("Power of models", "Richard Bradshaw", "Dan Ashby"),
            _t("Stories from testing voice first devices, such as Alexa", "Kim Knup"),
            _t("AI means centralized testing is inevitable", "Jason Arbon"),
            _t("Techniques for generating and managing test data", "Omose Ogala"),
            _t("How I learned to stop worrying and test in production", "Amber Race"),
            _t("Quality Assurance in an AB/Test driven company", "Antonia Landi"),
            _t(
                "Testing the front-end, back-end and everything in between",
                "Bria Gangard",
            ),
            _t(
                "Getting under the skin of a react application, an intro to "
                "subcutaneous testing",
                "Melissa Eaden",
                "Avalon McRae",
            ),
            _t("Manual regression Testing Manifesto", "Brendan Conolly"),
        ],
    },
    "kubecon-na-2019-arghya88.no-fm.md": {
        "talks": KUBECON_SAMPLE,
        # Every data row of the 23 tables is a talk.
        "rows": 372,
        "tracks": {"Networking", "Service Mesh", "Security + Identity + Policy"},
    },
}


def _words(text):
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.findall(r"\w+", text)


def same_title(expected, found):
    a, b = _words(expected), _words(found)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    joined = " ".join(long_)
    return len(short) >= 2 and " ".join(short) in joined


def _names(speakers):
    return sorted(" ".join(_words(s)) for s in speakers)


def match(expected, recaps):
    """One-to-one pairs (expected talk, recap), title first, speakers second."""
    free, pairs = list(recaps), []
    for title, speakers in expected:
        candidates = [r for r in free if same_title(title, r.title)]
        best = next(
            (
                r
                for r in candidates
                if _names(speakers) == _names(s["name"] for s in r.speakers)
            ),
            candidates[0] if candidates else None,
        )
        if best is not None:
            free.remove(best)
        pairs.append(((title, speakers), best))
    return pairs


def figures(name):
    spec = POSTS[name]
    text = (POSTS_DIR / name).read_text(encoding="utf-8")
    plan = parse_markdown(text, filename=spec.get("filename"))
    pairs = match(spec["talks"], plan.recaps)
    found = [recap for _talk, recap in pairs if recap is not None]
    right = [
        recap
        for (_title, speakers), recap in pairs
        if recap is not None
        and _names(speakers) == _names(s["name"] for s in recap.speakers)
    ]
    total = spec.get("rows", len(spec["talks"]))
    # Over all rows of a table post: each recap must be one table row.
    real = min(len(plan.recaps), total) if "rows" in spec else len(found)
    return plan, {
        "talks": total,
        "recaps": len(plan.recaps),
        "recall": len(found) / len(spec["talks"]),
        "precision": real / len(plan.recaps) if plan.recaps else 0.0,
        "speakers": len(right) / len(spec["talks"]),
    }


@pytest.mark.parametrize("name", sorted(POSTS))
def test_real_post(name):
    spec = POSTS[name]
    plan, result = figures(name)
    print(
        f"\n{name}: {result['talks']} talks, {result['recaps']} recaps, "
        f"recall {result['recall']:.0%}, precision {result['precision']:.0%}, "
        f"right speakers {result['speakers']:.0%}"
    )
    assert result["recall"] >= 0.90, result
    assert result["precision"] >= 0.90, result
    assert result["speakers"] >= 0.85, result
    if "rows" in spec:
        assert abs(len(plan.recaps) - spec["rows"]) <= spec["rows"] * 0.02
        assert spec["tracks"] <= set(plan.tracks)
    if "title" in spec:
        assert spec["title"] in " ".join(_words(plan.title)), plan.title
        assert len(plan.title) < 60
    if "date" in spec:
        assert plan.date == spec["date"]
    if "not_start" in spec:
        assert plan.start != spec["not_start"]
    if "videos" in spec:
        assert sum(bool(r.video_url) for r in plan.recaps) == spec["videos"]
    if "slides" in spec:
        assert sum(bool(r.slides_url) for r in plan.recaps) == spec["slides"]
    if "keynotes" in spec:
        assert sum(r.talk_kind == "keynote" for r in plan.recaps) == spec["keynotes"]
    # Every recap says which rule found it.
    assert all(recap.rule for recap in plan.recaps)


def test_kubecon_rows_carry_video_and_slides():
    plan, _ = figures("kubecon-na-2019-arghya88.no-fm.md")
    assert sum(bool(r.video_url) for r in plan.recaps) >= 360
    assert all("youtube.com" in r.video_url for r in plan.recaps if r.video_url)
    assert sum(bool(r.slides_url) for r in plan.recaps) >= 200
    keynotes = [r for r in plan.recaps if r.talk_kind == "keynote"]
    assert len(keynotes) >= 20
    lightning = [r for r in plan.recaps if r.talk_kind == "lightning"]
    assert len(lightning) >= 12
