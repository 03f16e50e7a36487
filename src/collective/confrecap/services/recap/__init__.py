"""The ``@recap`` REST endpoint."""
