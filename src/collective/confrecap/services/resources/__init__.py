"""The ``@resources`` REST endpoint."""
