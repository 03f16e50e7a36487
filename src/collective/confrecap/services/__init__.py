"""REST API services: ``@recap``, ``@speakers`` and ``@resources``."""
