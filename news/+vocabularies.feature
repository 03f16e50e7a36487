Vocabularies ``collective.confrecap.TalkKinds``, ``.ResourceKinds`` and the
context-aware ``.Tracks``; catalog indexes for speakers, track, kind,
conference, date and highlight, usable as Collection criteria.
