"""Demo coverage: our own example posts, imported published into a site.

``create_demo_coverage(portal)`` is idempotent: a post whose conference is
already in the site is left alone, so ``make start`` may call it every time.
"""

from collective.confrecap.importer.markdown import import_markdown
from html import escape
from pathlib import Path
from plone import api
from plone.app.textfield.value import RichTextValue


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
    introduce_coverage(portal)
    return created


def front_page_html(portal):
    """An introduction to the coverage: the conferences, then the indexes.

    The page is written by ``make start`` in a script, where the site's own
    URL is ``http://nohost/Plone``: conferences are linked by ``resolveuid``
    (Plone writes the reader's address), the indexes from the site's path.
    """
    root = portal.absolute_url_path()
    items = []
    for brain in api.content.find(
        context=portal, portal_type="Conference", sort_on="start"
    ):
        description = f" — {escape(brain.Description)}" if brain.Description else ""
        items.append(
            f'<li><a href="resolveuid/{brain.UID}">{escape(brain.Title)}</a>'
            f"{description}</li>"
        )
    conferences = "\n".join(items)
    return f"""<p>Write-ups of the conferences our team attended: for each one, a
recap of the talks and activities we saw, the speakers, our takeaways and the
links we collected.</p>
<h2>Conferences</h2>
<ul class="confrecap-front-conferences">
{conferences}
</ul>
<h2>Across all conferences</h2>
<ul class="confrecap-front-indexes">
<li><a href="{root}/@@confrecap-speakers">All speakers</a>, A–Z, with the talks
they gave</li>
<li><a href="{root}/@@confrecap-resources">All resources</a>: every link cited,
once, with where it was cited</li>
</ul>
<p>Each conference page links to its calendar file, and the site's navigation
lists the conferences.</p>"""


def introduce_coverage(portal):
    """Give the site's front page the introduction, unless it has a text.

    A front page someone wrote is never replaced; an empty one (a fresh
    site) gets ``front_page_html``. Returns whether it was set.
    """
    text = getattr(portal, "text", None)
    if text is not None and (getattr(text, "raw", "") or "").strip():
        return False
    portal.text = RichTextValue(
        front_page_html(portal), "text/html", "text/x-html-safe"
    )
    portal.reindexObject()
    return True
