"""``@@confrecap-resources``: every resource once (by URL), with where it was cited.

Served from the catalog's ``confrecap_resource_keys`` index
(:class:`~collective.confrecap.coverage.resource_index.ResourceIndex`): a page
costs the lookup of its keys and one catalog query for the items citing its
resources.
"""

from collective.confrecap.browser.cards import batch
from collective.confrecap.browser.cards import linkify
from collective.confrecap.browser.index_page import IndexBase
from collective.confrecap.browser.jsonld import json_ld
from collective.confrecap.browser.jsonld import ld_item_list
from collective.confrecap.browser.labels import RESOURCE_KIND_ORDER
from collective.confrecap.browser.labels import resource_kind_title
from collective.confrecap.coverage.resource_index import ResourceIndex
from plone.memoize.instance import memoize
from urllib.parse import urlencode


class ResourcesIndex(IndexBase):
    def linkify(self, text):
        return linkify(text)

    def kind(self):
        kind = self.request.form.get("kind")
        return kind if kind in RESOURCE_KIND_ORDER else None

    @memoize
    def aggregate(self):
        return ResourceIndex(self.context)

    @memoize
    def resources(self):
        kind = self.kind()
        return self.aggregate().entries(self.b_size, kinds=(kind,) if kind else ())

    @memoize
    def batch(self):
        return batch(self.resources(), self.request, self.b_size)

    @memoize
    def page(self):
        return [
            dict(
                resource, kind_title=resource_kind_title(resource["kind"], self.request)
            )
            for resource in self.batch()
            if resource
        ]

    def kinds(self):
        """The kind filter: every kind that has resources, with a count."""
        counts = self.aggregate().counts()
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
                [resource for resource in self.batch() if resource],
                start=self.batch().first,
            )
        )
