"""Make sure the Plone site for `make start` exists, with the add-on and demo.

Run inside the instance (the Zope app is bound to ``app`` by zconsole)::

    .venv/bin/zconsole run instance/etc/zope.conf scripts/setup_site.py

Environment: ``SITE_ID`` (default ``Plone``), ``SITE_TITLE``,
``ADMIN_USER`` (default ``admin``; content is created as this user).

- When the site is missing: create it with plone.distribution's ``classic``
  distribution (Classic UI, no example content).
- Install ``plone.restapi:default`` and ``collective.confrecap:default`` when
  they are not installed (classic does not install plone.restapi itself).
- Every time: ``collective.confrecap.demo.create_demo_coverage(portal)``, which
  is idempotent and only adds missing demo coverage.
- Commit. An existing site and its content are never recreated or removed.
"""

from AccessControl.SecurityManagement import newSecurityManager
from plone.base.utils import get_installer
from plone.distribution.api import site as site_api
from zope.component.hooks import setSite
from zope.event import notify
from zope.traversing.interfaces import BeforeTraverseEvent

import os
import transaction


SITE_ID = os.environ.get("SITE_ID") or "Plone"
SITE_TITLE = os.environ.get("SITE_TITLE") or "Conference coverage"
ADMIN_USER = os.environ.get("ADMIN_USER") or "admin"
PROFILES = ("plone.restapi:default", "collective.confrecap:default")


def log(message):
    print(f"[setup_site] {message}", flush=True)


def login_as_admin(app):
    """Act as the instance's admin (so demo content has a real owner)."""
    user = app.acl_users.getUser(ADMIN_USER)
    if user is None:
        log(f"no user {ADMIN_USER!r} in the Zope root, running as system user")
        return
    newSecurityManager(None, user.__of__(app.acl_users))


def check_admin_password(app):
    """Warn when $ADMIN_PASSWORD is not (or no longer) the admin's password."""
    password = os.environ.get("ADMIN_PASSWORD")
    if not password:
        return
    if app.acl_users.authenticate(ADMIN_USER, password, app.REQUEST) is None:
        log(
            f"note: {ADMIN_USER!r} does not log in with $ADMIN_PASSWORD: the "
            "password is the one given when instance/ was created (or changed "
            "since, e.g. with `.venv/bin/addzopeuser`)"
        )


def ensure_site(app):
    if SITE_ID in app.objectIds():
        log(f"Plone site {SITE_ID!r} exists, keeping it and its content")
        return app[SITE_ID]
    log(f"creating Plone site {SITE_ID!r} (distribution 'classic')")
    site_api.create(
        app,
        "classic",
        {
            "site_id": SITE_ID,
            "title": SITE_TITLE,
            "description": "Conference coverage with collective.confrecap",
            "default_language": "en",
            "portal_timezone": "UTC",
            "setup_content": False,
        },
    )
    return app[SITE_ID]


def ensure_profiles(portal):
    installer = get_installer(portal, portal.REQUEST)
    for profile in PROFILES:
        product = profile.split(":", 1)[0]
        if installer.is_product_installed(product):
            continue
        log(f"installing {profile}")
        portal.portal_setup.runAllImportStepsFromProfile(f"profile-{profile}")


def main(app):
    check_admin_password(app)
    login_as_admin(app)
    portal = ensure_site(app)
    setSite(portal)
    # Apply the site's browser layers (ours included) to the request, as a
    # real request traversing the site would.
    notify(BeforeTraverseEvent(portal, portal.REQUEST))
    ensure_profiles(portal)

    from collective.confrecap.demo import create_demo_coverage

    log("creating missing demo coverage")
    create_demo_coverage(portal)
    transaction.commit()
    # Close the database so FileStorage writes its index: the server that
    # starts next then opens Data.fs without rebuilding the index.
    app._p_jar.db().close()
    log("done")


if __name__ == "__main__":
    main(globals()["app"])
