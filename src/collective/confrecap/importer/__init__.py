"""Markdown import and export of conference coverage, in pure Python."""
