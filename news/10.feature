The speakers and resources indexes (``@@confrecap-speakers``,
``@@confrecap-resources``, ``@speakers``, ``@resources``) are served from
catalog indexes of collation keys (``confrecap_speaker_keys``,
``confrecap_speaker_words``, ``confrecap_resource_keys``; upgrade step to
1006), one page at a time and filtered by the catalog's own visibility rules,
instead of reading every recap; names sort with accents folded and case
ignored ("Érico" under E), ``q=`` matches word beginnings ("erico" finds
"Érico"). ``make bench-archive`` loads the whole pyvideo.org archive and times
every aggregate against ``@search``.

Archive loading: ``confrecap-import-programme --publish-sessions`` (the
form's *Publish the sessions*, REST's ``publish_sessions``) publishes the
sessions an import creates, and ``--exclude-from-navigation`` keeps an
archive's hundreds of conferences out of the navigation. ``@resources`` and
the resources index list at most 20 of the items citing a resource and count
the rest (``cited_in_total``, "and N more"), so a page costs what its own
citations cost. Plone's ``image_scales`` and ``getObjSize`` metadata of our
types no longer walk every field of an item without files (half the cost of
cataloguing a recap).
