"""collective.confrecap: conference coverage for Plone."""

from zope.i18nmessageid import MessageFactory


PACKAGE_NAME = "collective.confrecap"

_ = MessageFactory(PACKAGE_NAME)
