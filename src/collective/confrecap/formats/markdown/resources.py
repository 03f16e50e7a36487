"""Links read as resources: list items of links, heading links, categories."""

from collective.confrecap.formats.markdown.blocks import Block
from collective.confrecap.formats.markdown.blocks import item_blocks
from collective.confrecap.formats.markdown.blocks import list_items
from collective.confrecap.formats.markdown.rendering import inline_markdown
from collective.confrecap.formats.markdown.rendering import inline_pieces
from collective.confrecap.formats.markdown.rendering import link_close_index
from collective.confrecap.formats.markdown.rendering import links_in
from collective.confrecap.formats.markdown.rendering import render_blocks
from collective.confrecap.formats.markdown.rendering import text_token
from collective.confrecap.formats.plan import first_sentence
from collective.confrecap.formats.plan import guess_resource_kind
from collective.confrecap.formats.plan import ResourceListPlan
from collective.confrecap.formats.urls import is_http_url

import re


_RESOURCE_SEPARATOR = re.compile(r"^\s*(?:--|—|–|-|:)\s*")
_KIND_LABELS = {
    "tool": "tool",
    "library": "library",
    "documentation": "documentation",
    "docs": "documentation",
    "article": "article",
    "cheat sheet": "cheat-sheet",
    "cheat-sheet": "cheat-sheet",
    "video": "video",
    "slides": "slides",
    "service": "service",
    "training": "training",
    "other": "other",
}
_LEADING_SEPARATOR = re.compile(r"^\s*(?:,\s*and\s+|,|and\s+|&|;)\s*")


def _resources_of_inline(children):
    """Resources of a list item's first line, or None if it is not one."""
    pieces = inline_pieces(children)
    if pieces is None:
        return None
    kind = None
    if len(pieces) > 1 and pieces[0][0] == "text" and pieces[1][0] == "link":
        label = pieces[0][1].strip()
        if label.endswith(":") and label[:-1].strip().lower() in _KIND_LABELS:
            kind = _KIND_LABELS[label[:-1].strip().lower()]
            pieces = pieces[1:]
    found, index = [], 0
    while index < len(pieces):
        piece, title = pieces[index], None
        if piece[0] == "text":
            text = piece[1]
            if found:
                separator = _LEADING_SEPARATOR.match(text)
                if not separator:
                    break
                text = text[separator.end() :]
            following = pieces[index + 1] if index + 1 < len(pieces) else None
            if not following or following[0] != "link" or following[3] != "autolink":
                break
            title = " ".join(text.split()).strip(" :-–—")
            piece, index = following, index + 1
        elif found:
            break
        if not is_http_url(piece[2]):
            break
        if piece[3] != "autolink":
            title = piece[1]
        found.append({"title": title or piece[1], "url": piece[2], "description": ""})
        index += 1
    if not found:
        return None
    rest = pieces[index:]
    if rest:
        if len(found) > 1 or rest[0][0] != "text":
            return None
        if not _RESOURCE_SEPARATOR.match(rest[0][1]):
            return None
        found[0]["description"] = inline_markdown(_after_link(children))
    for resource in found:
        resource["kind"] = kind or guess_resource_kind(
            resource["title"], resource["url"]
        )
    return found


def _after_link(children):
    """The tokens after the first link, without the leading ' -- '."""
    start = next(i for i, t in enumerate(children) if t.type == "link_open")
    tail = children[link_close_index(children, start) + 1 :]
    while tail and tail[0].type != "text":
        tail = tail[1:]
    if tail:
        tail = [
            text_token(_RESOURCE_SEPARATOR.sub("", tail[0].content, count=1))
        ] + tail[1:]
    return tail


def resource_item(item):
    """Resources of a list item that is only links (and sub-lists of links)."""
    inner = item_blocks(item)
    if not inner or inner[0].kind != "paragraph":
        return None
    found = _resources_of_inline(inner[0].inline.children)
    if found is None:
        return None
    for block in inner[1:]:
        if block.kind not in ("bullet_list", "ordered_list"):
            return None
        for sub in list_items(block):
            more = resource_item(sub)
            if more is None:
                return None
            found.extend(more)
    return found


def split_list(block):
    """(resources, the list without them or None) of a list block."""
    resources, kept = [], []
    for item in list_items(block):
        found = resource_item(item)
        if found is None:
            kept.append(item)
        else:
            resources.extend(found)
    if not resources:
        return [], block
    if not kept:
        return resources, None
    tokens = [block.tokens[0]] + [t for item in kept for t in item] + [block.tokens[-1]]
    return resources, Block(tokens, block.kind)


def heading_resources(heading):
    """Resources of the links in a heading."""
    found = []
    for label, href, _markup in links_in(heading.inline.children):
        kind = guess_resource_kind(label, href)
        found.append(
            {"title": label or href, "url": href, "description": "", "kind": kind}
        )
    return found


def category_resource_list(item):
    """A 'Category' item with sub-lists holding links → ResourceListPlan."""
    inner = item_blocks(item)
    if len(inner) < 2 or inner[0].kind != "paragraph":
        return None
    if links_in(inner[0].inline.children):
        return None
    if any(b.kind not in ("bullet_list", "ordered_list") for b in inner[1:]):
        return None
    resources, rest = [], []
    for block in inner[1:]:
        found, kept = split_list(block)
        resources.extend(found)
        if kept is not None:
            rest.append(kept)
    if not resources:
        return None
    text_html = render_blocks(rest, 2) if rest else ""
    return ResourceListPlan(
        title=inner[0].text,
        description=first_sentence(text_html),
        text_html=text_html,
        resources=resources,
    )
