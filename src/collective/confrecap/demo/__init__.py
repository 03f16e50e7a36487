"""Demo coverage: our own example posts, imported published into a site.

``create_demo_coverage(portal)`` is idempotent: a post whose conference is
already in the site is left alone, so ``make start`` may call it every time.
"""

from collective.confrecap.importer.create import create_from_plan
from collective.confrecap.importer.create import find_existing
from collective.confrecap.importer.parser import parse_markdown_bytes
from pathlib import Path


POSTS = Path(__file__).parent / "posts"


def demo_posts():
    """The example posts, in a stable order."""
    return sorted(POSTS.glob("*.md"))


def create_demo_coverage(portal):
    """Import every demo post whose conference is not in ``portal`` yet.

    Returns the conferences created by this call (empty when all exist).
    The caller commits.
    """
    created = []
    for path in demo_posts():
        plan = parse_markdown_bytes(path.read_bytes())
        if find_existing(portal, plan) is not None:
            continue
        result = create_from_plan(portal, plan, publish=True)
        created.append(result.conference)
    return created
