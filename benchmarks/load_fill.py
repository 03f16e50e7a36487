"""Add RECAPS published recaps to the demo conference (run with zconsole
inside the bench instance, before it is served; see bench_load.py)."""

from AccessControl.SecurityManagement import newSecurityManager
from plone import api
from zope.component.hooks import setSite

import datetime
import os
import transaction


app = globals()["app"]  # bound by zconsole
portal = app[os.environ.get("SITE_ID", "Plone")]
setSite(portal)
newSecurityManager(None, app.acl_users.getUser("admin").__of__(app.acl_users))
conference = portal["python-web-conference-2023"]
tracks = list(conference.tracks or []) or [None]
count = int(os.environ.get("RECAPS", "300"))
start = conference.start.date()
for number in range(count):
    recap = api.content.create(
        container=conference,
        type="TalkRecap",
        id=f"load-{number}",
        title=f"Load recap {number}",
        description=f"Recap number {number} of the load benchmark.",
        talk_kind="talk",
        track=tracks[number % len(tracks)],
        session_date=start + datetime.timedelta(days=number % 3),
        speakers=[
            {"name": f"Speaker {number % 97}", "url": f"https://example.org/{number}"}
        ],
        takeaways=[f"Takeaway {number}"],
        resources=[
            {
                "title": f"Resource {number % 50}",
                "url": f"https://example.org/r/{number % 50}",
                "kind": "article",
            }
        ],
    )
    api.content.transition(recap, "publish")
transaction.commit()
print(f"[load_fill] {count} recaps added to {conference.absolute_url(1)}")
