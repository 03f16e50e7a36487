"""Reads of coverage: catalog queries, grouping and merging.

Only catalog metadata and indexes are used: no recap object is woken.
"""
