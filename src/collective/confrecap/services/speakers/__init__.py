"""The ``@speakers`` REST endpoint."""
