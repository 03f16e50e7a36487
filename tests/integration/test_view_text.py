"""Resource descriptions: Markdown links become safe anchors."""

from collective.confrecap.browser.cards import linkify

import pytest


def test_linkify_turns_markdown_links_into_anchors():
    html = linkify("My favourite is the [Top 10 Cheat Sheet](https://x.org/top10).")
    assert html == (
        'My favourite is the <a href="https://x.org/top10">Top 10 Cheat Sheet</a>.'
    )


@pytest.mark.parametrize(
    "text",
    [
        "[click](javascript:alert(1))",
        "[data](data:text/html,hi)",
        "[relative](/etc/passwd)",
    ],
)
def test_linkify_keeps_other_links_as_text(text):
    assert "<a" not in linkify(text)


def test_linkify_escapes_markup():
    html = linkify('<script>alert(1)</script> [ok](https://x.org/?a=1&b="2")')
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert 'href="https://x.org/?a=1&amp;b=&quot;2&quot;"' in html
