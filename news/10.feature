The speakers and resources indexes (``@@confrecap-speakers``,
``@@confrecap-resources``, ``@speakers``, ``@resources``) are served from
catalog indexes of collation keys (``confrecap_speaker_keys``,
``confrecap_speaker_words``, ``confrecap_resource_keys``; upgrade step to
1006), one page at a time and filtered by the catalog's own visibility rules,
instead of reading every recap; names sort with accents folded and case
ignored ("Érico" under E), ``q=`` matches word beginnings ("erico" finds
"Érico"). ``make bench-archive`` loads the whole pyvideo.org archive and times
every aggregate against ``@search``.
