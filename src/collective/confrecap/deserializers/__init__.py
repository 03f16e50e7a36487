"""plone.restapi deserializers for the add-on's own fields."""
