Reusable behaviors ``collective.confrecap.talk``, ``.speakers``,
``.takeaways`` and ``.resources``; speakers and resources are tables of rows
in the forms and plain JSON lists in plone.restapi. Links are http(s) only,
and every validation error names the field (and row) at fault.
