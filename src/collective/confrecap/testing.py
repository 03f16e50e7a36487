"""plone.app.testing layers for collective.confrecap."""

from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PLONE_FIXTURE
from plone.app.testing import PloneSandboxLayer
from plone.testing.zope import WSGI_SERVER_FIXTURE


class ConfrecapLayer(PloneSandboxLayer):
    """A Plone site with plone.restapi and collective.confrecap installed."""

    defaultBases = (PLONE_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        import collective.confrecap
        import collective.z3cform.datagridfield
        import plone.app.event
        import plone.restapi

        self.loadZCML(package=plone.app.event)
        self.loadZCML(package=plone.restapi)
        self.loadZCML(package=collective.z3cform.datagridfield)
        self.loadZCML(package=collective.confrecap)

    def setUpPloneSite(self, portal):
        applyProfile(portal, "plone.app.contenttypes:default")
        applyProfile(portal, "collective.confrecap:default")
        # PLONE_FIXTURE leaves the default chain empty; a Classic UI site
        # (and so every site our users run) uses this one for Folders etc.
        portal.portal_workflow.setDefaultChain("simple_publication_workflow")


CONFRECAP_FIXTURE = ConfrecapLayer()

INTEGRATION_TESTING = IntegrationTesting(
    bases=(CONFRECAP_FIXTURE,), name="Confrecap:Integration"
)

FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(CONFRECAP_FIXTURE, WSGI_SERVER_FIXTURE), name="Confrecap:Functional"
)
