Classic UI views: ``conference-view``, ``conference-by-day``,
``recap-article``, ``talkrecap-view``, ``resourcelist-view``, the Folder and
Collection listings ``talkrecap-listing`` and ``conference-listing``, and the
site-wide ``@@confrecap-speakers`` and ``@@confrecap-resources``, with
schema.org JSON-LD; listings render from catalog metadata.
