"""Open the Plone site of a ``zope.conf``: the console commands' one way in.

``confrecap-import`` (and any other console command, such as the programme
import) runs outside the web server, as one more client of the instance's
database:

- FileStorage (``make start``, ``instance/etc/zope.conf``): the running
  server holds the storage's lock, so the command asks to stop it first;
- RelStorage (``make cluster``, ``cluster/instance-a/etc/zope.conf``): no
  lock; the command runs while the instances serve, and its transactions
  meet theirs in PostgreSQL like any other.

A database that cannot be opened (PostgreSQL not running, say) gives a
sentence, not a traceback.
"""

from contextlib import contextmanager
from pathlib import Path

import transaction


class ConsoleError(Exception):
    """Something the person running the command has to fix first."""


def open_site(zope_conf, site_id):
    """Boot Zope from ``zope_conf``; return ``(app, site)`` as the system user.

    The caller closes ``app._p_jar`` when done (or uses :func:`site_of`).
    """
    from AccessControl.SecurityManagement import newSecurityManager
    from AccessControl.SpecialUsers import system
    from plone.base.interfaces import IPloneSiteRoot
    from Testing.makerequest import makerequest
    from zc.lockfile import LockError
    from zope.component.hooks import setSite
    from zope.globalrequest import setRequest
    from Zope2.Startup.run import configure_wsgi

    import Zope2

    if not Path(zope_conf).is_file():
        raise ConsoleError(f"There is no Zope configuration file at {zope_conf}.")
    configure_wsgi(zope_conf)
    try:
        app = makerequest(Zope2.app())
    except LockError as error:
        raise ConsoleError(
            "The database is in use by a running instance: stop it (Ctrl-C in "
            "make start), run the import, then start it again."
        ) from error
    except Exception as error:
        if _root_database_open():
            raise  # not the storage: a real bug, keep its traceback
        # The storage could not be opened: e.g. RelStorage's PostgreSQL is
        # not running. Its own message says what it tried.
        raise ConsoleError(
            f"The database configured in {zope_conf} cannot be opened "
            f"({type(error).__name__}: {' '.join(str(error).split())}). Is it running "
            "(make cluster)?"
        ) from error
    site = app.unrestrictedTraverse(site_id.strip("/"), None)
    if site is None or not IPloneSiteRoot.providedBy(site):
        app._p_jar.close()
        raise ConsoleError(f"There is no Plone site “{site_id}” (see --site).")
    setRequest(app.REQUEST)
    setSite(site)
    # Like ``zconsole run``: act as the system user (a Manager everywhere).
    newSecurityManager(None, system)
    return app, site


def _root_database_open():
    from App.config import getConfiguration

    dbtab = getConfiguration().dbtab
    return dbtab.getName("/") in getattr(dbtab, "databases", {})


def folder_of(site, folder, site_id):
    """The container an import goes into: the site, or its ``--folder``."""
    if not folder:
        return site
    container = site.unrestrictedTraverse(folder.strip("/"), None)
    if container is None:
        raise ConsoleError(
            f"There is no folder “{folder}” in the site “{site_id}” (see --folder)."
        )
    return container


@contextmanager
def site_of(zope_conf, site_id):
    """``with site_of(conf, "Plone") as site:`` ... aborted and closed after."""
    app, site = open_site(zope_conf, site_id)
    try:
        yield site
    finally:
        transaction.abort()
        app._p_jar.close()
