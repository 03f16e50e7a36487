"""1000 -> 1004: Conferences appear in the navigation (issue 13).

Sites installed at 1000 did not list Conference among the navigation's
displayed types. The step adds it, and remembers that it did, so that
deactivating the add-on removes it again (and only then).
"""

from collective.confrecap.setuphandlers import add_conference_to_navigation

import logging


logger = logging.getLogger("collective.confrecap")


def show_conferences_in_navigation(context):
    if add_conference_to_navigation():
        logger.info("Conference added to the navigation's displayed types")
