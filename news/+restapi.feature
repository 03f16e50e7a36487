REST services ``@recap`` (also ``?expand=recap``), ``@speakers``,
``@resources`` and ``@recap-import``, answering errors in plone.restapi's
shape ``{"error": {"type", "message", ...}}``.
