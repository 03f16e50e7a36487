"""Demo coverage: our own example posts, imported published into a site.

``create_demo_coverage(portal)`` is idempotent: a post whose conference is
already in the site is left alone, so ``make start`` may call it every time.
"""

from collective.confrecap.importer.markdown import import_markdown
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
        outcome = import_markdown(
            portal, path.read_bytes(), publish=True, skip_existing=True
        )
        if outcome.created:
            created.append(outcome.result.conference)
    return created
