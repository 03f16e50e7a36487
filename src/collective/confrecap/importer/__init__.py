"""The Plone side of importing: plans from :mod:`collective.confrecap.formats`
become content through plone.api (create, replace, publish), in one savepoint."""
