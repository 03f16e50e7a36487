"""plone.restapi serializers: summaries of coverage items, the JSON schema of
the row fields."""
