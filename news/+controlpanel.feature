A control panel (page sizes, structured data), also at
``@controlpanels/confrecap``.
