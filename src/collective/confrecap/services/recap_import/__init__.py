"""The ``@recap-import`` REST endpoint."""
