"""Properties: nothing crashes, nothing is lost, export → import is stable."""

from collective.confrecap.formats.errors import RecapImportError
from collective.confrecap.formats.markdown.parser import parse_markdown
from collective.confrecap.formats.markdown.parser import parse_markdown_bytes
from collective.confrecap.formats.markdown.writer import write_markdown
from hypothesis import given
from hypothesis import HealthCheck
from hypothesis import settings
from hypothesis import strategies as st

import html
import json


FAST = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
WORDS = [
    "alpha",
    "beta",
    "gamma",
    "delta",
    "café",
    "naïve",
    "python",
    "web",
    "async",
    "data",
    "cloud",
    "team",
    "notes",
    "deploy",
    "test",
    "zürich",
    "2023",
    "fast",
    "slow",
    "good",
]

word = st.sampled_from(WORDS)
words = st.lists(word, min_size=1, max_size=8).map(" ".join)
title = words.map(lambda text: text[0].upper() + text[1:])
url = st.builds("https://example.org/{}/{}".format, word, st.integers(0, 999))


@st.composite
def link(draw):
    target = draw(url)
    if draw(st.booleans()):
        return f"<{target}>", target
    return f"[{draw(words)}]({target})", target


@st.composite
def paragraph(draw):
    parts, urls = [], []
    for _ in range(draw(st.integers(1, 4))):
        parts.append(draw(words))
        if draw(st.booleans()):
            text, target = draw(link())
            parts.append(text)
            urls.append(target)
    return " ".join(parts) + ".", urls


@st.composite
def block(draw):
    kind = draw(st.sampled_from(["p", "list", "resources", "quote", "sub"]))
    if kind == "sub":
        return f"### {draw(title)}", []
    if kind == "quote":
        text, urls = draw(paragraph())
        return f"> {text}", urls
    items, urls = [], []
    for _ in range(draw(st.integers(1, 3))):
        if kind == "resources":
            target = draw(url)
            items.append(f"- [{draw(title)}]({target}) -- {draw(words)}")
            urls.append(target)
        else:
            text, found = draw(paragraph())
            items.append(f"- {text}")
            urls.extend(found)
    if kind == "p":
        text, urls = draw(paragraph())
        return text, urls
    return "\n".join(items), urls


@st.composite
def document(draw):
    chunks, urls = [], []
    if draw(st.booleans()):
        chunks.append("---\ntitle: Gamma Conf 2023 Recap\ndate: 2023-03-21\n---")
    for _ in range(draw(st.integers(0, 5))):
        if draw(st.booleans()):
            heading = draw(st.sampled_from(["## Day 1", "## Day 2", "## Conclusion"]))
            chunks.append(draw(st.sampled_from([heading, f"## {draw(title)}"])))
        text, found = draw(block())
        chunks.append(text)
        urls.extend(found)
    if not chunks:
        chunks.append(draw(words))
    return "\n\n".join(chunks) + "\n", urls


def plan_text(plan):
    return html.unescape(json.dumps(plan.to_dict(), ensure_ascii=False)).casefold()


@FAST
@given(document())
def test_every_link_and_word_is_kept(doc):
    text, urls = doc
    plan = parse_markdown(text)
    kept = plan_text(plan)
    for target in urls:
        assert target in kept
    for token in WORDS:
        if token in text.casefold():
            assert token in kept, token


@FAST
@given(document())
def test_export_import_export_is_stable(doc):
    plan = parse_markdown(doc[0])
    exported = write_markdown(plan)
    again = parse_markdown(exported)
    assert again == plan
    assert write_markdown(again) == exported


@FAST
@given(st.text(max_size=300))
def test_anything_parses_or_fails_clearly(text):
    try:
        plan = parse_markdown(text)
    except RecapImportError as error:
        assert error.message
    else:
        write_markdown(plan)


@FAST
@given(st.binary(max_size=200))
def test_any_bytes_parse_or_fail_clearly(data):
    try:
        parse_markdown_bytes(data)
    except RecapImportError as error:
        assert error.message
