"""Named vocabularies, all prefixed ``collective.confrecap.``."""
