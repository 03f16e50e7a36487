"""``@@confrecap-resources``: every resource once (by URL), with where it was cited."""

from collective.confrecap.browser.cards import batch
from collective.confrecap.browser.cards import linkify
from collective.confrecap.browser.index_page import IndexBase
from collective.confrecap.browser.jsonld import json_ld
from collective.confrecap.browser.jsonld import ld_item_list
from collective.confrecap.browser.labels import RESOURCE_KIND_ORDER
from collective.confrecap.browser.labels import resource_kind_title
from collective.confrecap.coverage.grouping import merge_resources
from collective.confrecap.coverage.queries import resource_summaries
from plone.memoize.instance import memoize
from urllib.parse import urlencode


class ResourcesIndex(IndexBase):
    def linkify(self, text):
        return linkify(text)

    def kind(self):
        kind = self.request.form.get("kind")
        return kind if kind in RESOURCE_KIND_ORDER else None

    @memoize
    def all_resources(self):
        return merge_resources(resource_summaries(self.context))

    @memoize
    def resources(self):
        kind = self.kind()
        return [
            resource
            for resource in self.all_resources()
            if kind is None or resource["kind"] == kind
        ]

    @memoize
    def batch(self):
        return batch(self.resources(), self.request, self.b_size)

    def page(self):
        return [
            dict(
                resource, kind_title=resource_kind_title(resource["kind"], self.request)
            )
            for resource in self.batch()
        ]

    def kinds(self):
        """The kind filter: every kind that has resources, with a count."""
        counts = {}
        for resource in self.all_resources():
            counts[resource["kind"]] = counts.get(resource["kind"], 0) + 1
        base = self.request.getURL()
        current = self.kind()
        return [
            {
                "kind": kind,
                "title": resource_kind_title(kind, self.request),
                "count": counts[kind],
                "url": f"{base}?{urlencode({'kind': kind})}",
                "current": kind == current,
            }
            for kind in RESOURCE_KIND_ORDER
            if counts.get(kind)
        ]

    def all_url(self):
        return self.request.getURL()

    def json_ld(self):
        return json_ld(
            ld_item_list(
                self.context.Title(),
                self.request.getURL(),
                list(self.batch()),
                start=self.batch().first,
            )
        )
