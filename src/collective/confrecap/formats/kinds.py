"""The tokens of the add-on's fixed vocabularies, for the pure parsers.

Their translated titles live in :mod:`collective.confrecap.vocabularies.kinds`.
"""

TALK_KINDS = (
    "keynote",
    "talk",
    "tutorial",
    "workshop",
    "panel",
    "lightning",
    "social",
    "other",
)
RESOURCE_KINDS = (
    "tool",
    "library",
    "documentation",
    "article",
    "cheat-sheet",
    "video",
    "slides",
    "service",
    "training",
    "other",
)
CONFERENCE_FORMATS = (
    "in-person",
    "online",
    "hybrid",
)
