"""``resourcelist-view``: a Resource List's intro and its links by kind."""

from collective.confrecap.browser.cards import MacrosMixin
from collective.confrecap.browser.conference import resource_groups
from collective.confrecap.browser.conference import rich_text
from collective.confrecap.browser.jsonld import json_ld
from collective.confrecap.browser.jsonld import ld_item_list
from Products.Five import BrowserView


class ResourceListView(MacrosMixin, BrowserView):
    def resources(self):
        return [
            {key: row.get(key) for key in ("title", "url", "description", "kind")}
            for row in getattr(self.context, "resources", None) or []
            if row.get("url")
        ]

    def groups(self):
        return resource_groups(self.resources(), self.request)

    def text(self):
        return rich_text(self.context)

    def json_ld(self):
        ordered = [
            resource for group in self.groups() for resource in group["resources"]
        ]
        return json_ld(
            ld_item_list(self.context.Title(), self.context.absolute_url(), ordered)
        )
