"""Catalog indexers: what listings, Collections and REST aggregates read."""
