"""Pure readers and writers of the formats coverage comes in (no Plone import).

``markdown/`` reads and writes blog-post Markdown; the plan it makes
(:mod:`.plan`) is what the Plone-side importer turns into content. Shared
helpers (dates, URLs, vocabulary tokens, errors) sit at this level.
"""
