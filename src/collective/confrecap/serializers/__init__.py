"""plone.restapi serializers: the JSON schema of the row fields."""
