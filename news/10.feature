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
the resources index list at most 10 of the items citing a resource and count
the rest (``cited_in_total``, "and N more"), so a page costs what its own
citations cost. Plone's ``image_scales`` and ``getObjSize`` metadata of our
types no longer walk every field of an item without files (half the cost of
cataloguing a recap).

``@speakers`` and the speakers index list a speaker's 20 latest recaps and
count them all (``recaps_total``, "and N more"). The ordered key lists of
the speakers and resources indexes are made once and shared by the requests
of the same user query and catalog state; a page's items are read by UID
from the visible set already computed, without a second secured search over
the whole site. ``scripts/make_instance.py --cache-size`` (or
``$ZODB_CACHE_SIZE``) sets the ZODB cache, and ``bench_archive.py
--cache-size`` passes it on.

Conference, Talk Recap and Resource List answer what they provide and the
attributes they lack through cheaper look-ups (``content/base.py``):
Dexterity's ``__providedBy__`` cache is checked against the object's own
interfaces, Dexterity's schema invalidations and the FTI's serial instead of
the FTI's modification time looked up at every call, and a missing name that
is no field of the type fails at once instead of being looked for in every
behavior's schema. Adding a recap costs about a fifth less.

Adding a recap costs about a tenth less again: a recap or resource list
reindexes its security from its own catalog entry (an item has nothing below
it) instead of a catalog path search, answers ``isTemporary`` at once instead
of walking up to the site root four times, and its catalog entry no longer
looks up ``cmf_uid``, ``getRemoteUrl``, ``in_reply_to`` and the like on the
archive folder and the site root. The first page of ``@resources`` and a page
of one ``kind=`` take their keys from the shared key list instead of filtering
every resource of the site at each request.
A page of the resources index merges only the rows of its own resources, and
collation keys of ASCII names and titles are made without a pass over each
character.
