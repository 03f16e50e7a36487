"""Linear time and bounded resources: every known pathological input is
refused with a clear error within a second, and doubling any input at most
about doubles the time a parse takes."""

from collective.confrecap.formats.errors import FrontMatterLimitError
from collective.confrecap.formats.errors import NestingTooDeepError
from collective.confrecap.formats.errors import ParseBudgetError
from collective.confrecap.formats.errors import RecapImportError
from collective.confrecap.formats.errors import TooManySectionsError
from collective.confrecap.formats.limits import Deadline
from collective.confrecap.formats.limits import Limits
from collective.confrecap.formats.markdown.metadata import conference_title
from collective.confrecap.formats.markdown.parser import parse_markdown
from hypothesis import given
from hypothesis import HealthCheck
from hypothesis import settings
from hypothesis import strategies as st

import contextlib
import gc
import pytest
import time


RUN = " - –:" * 6000
PATHOLOGICAL = {
    # The front matter title that blocked a server for 39 s (quadratic regex).
    "title-separators": (f'---\ntitle: "X{RUN}x recap"\n---\nbody\n', None),
    "h1-separators": (f"# X{RUN}x\n\ntext\n", None),
    "nested-star-a": ("*a " * 20000 + "\n", NestingTooDeepError),
    "nested-emphasis": ("*a " * 20000 + " a*" * 20000 + "\n", NestingTooDeepError),
    "emphasis-markers": ("*" * 50000 + "a" + "*" * 50000 + "\n", NestingTooDeepError),
    "open-brackets": ("[" * 50000 + "\n", NestingTooDeepError),
    "deep-quotes": (">" * 10000 + " a\n", NestingTooDeepError),
    "deep-lists": (
        "".join("  " * i + "- a\n" for i in range(200)),
        NestingTooDeepError,
    ),
    "yaml-flow-10000": (
        "---\nx: " + "[" * 10000 + "]" * 10000 + "\n---\nbody\n",
        FrontMatterLimitError,
    ),
    "yaml-block-deep": (
        "---\n" + "".join(" " * i + "a:\n" for i in range(300)) + "---\nbody\n",
        FrontMatterLimitError,
    ),
    "toml-10000": (
        "+++\nx = " + "[" * 10000 + "]" * 10000 + "\n+++\nbody\n",
        FrontMatterLimitError,
    ),
    "toml-inline-tables": (
        "+++\nx = " + "{a = " * 10000 + "1" + "}" * 10000 + "\n+++\nbody\n",
        FrontMatterLimitError,
    ),
    "yaml-5000-digits": (
        "---\nx: " + "9" * 5000 + "\n---\nbody\n",
        FrontMatterLimitError,
    ),
    "toml-5000-digits": (
        "+++\nx = " + "9" * 5000 + "\n+++\nbody\n",
        FrontMatterLimitError,
    ),
    "yaml-billion-laughs": (
        "---\na: &a [x, x, x, x, x, x, x, x, x]\n"
        + "".join(
            f"{n}: &{n} [{', '.join(['*' + p] * 9)}]\n"
            for p, n in zip("abcdefgh", "bcdefghi", strict=True)
        )
        + "tags: *i\n---\nbody\n",
        FrontMatterLimitError,
    ),
    "too-many-sections": (
        "".join(f"## Talk {n}\n\ntext\n\n" for n in range(2001)),
        TooManySectionsError,
    ),
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_input_answers_within_a_second(name):
    text, error = PATHOLOGICAL[name]
    started = time.perf_counter()
    if error is None:
        parse_markdown(text)
    else:
        with pytest.raises(error) as info:
            parse_markdown(text)
        assert isinstance(info.value, RecapImportError)
        assert "limit" in info.value.message
        assert info.value.status in (400, 413)
    assert time.perf_counter() - started < 1.0


def test_section_limit_is_configurable_and_answers_413():
    text = "".join(f"## Talk {n}\n\ntext\n\n" for n in range(11))
    assert len(parse_markdown(text, limits=Limits(max_sections=11)).recaps) == 11
    with pytest.raises(TooManySectionsError) as info:
        parse_markdown(text, limits=Limits(max_sections=10))
    assert info.value.status == 413
    assert "the limit is 10" in info.value.message


def test_time_budget():
    deadline = Deadline(0)
    time.sleep(0.001)
    with pytest.raises(ParseBudgetError) as info:
        deadline.check()
    assert info.value.status == 413
    with pytest.raises(ParseBudgetError):
        parse_markdown("## A\n\ntext\n", limits=Limits(time_budget=-1))


def test_thematic_breaks_and_code_are_not_counted_as_markers():
    text = "## Talk\n\n" + "*" * 5000 + "\n\n```\n" + "[" * 100 + "\n```\n\ntext\n"
    assert [r.title for r in parse_markdown(text).recaps] == ["Talk"]


def test_conference_title_never_cut_mid_way():
    assert (
        conference_title("DjangoCon Europe 2026 — our notes") == "DjangoCon Europe 2026"
    )
    assert conference_title("Notes from PyCon US 2016") == "PyCon US 2016"
    assert conference_title("EuroPython 2019: a recap") == "EuroPython 2019"
    assert (
        conference_title("Python Web Conference 2023 Recap")
        == "Python Web Conference 2023"
    )
    assert conference_title("Plone Conference 2015 - Bucharest") == (
        "Plone Conference 2015 - Bucharest"
    )


# --- linearity -------------------------------------------------------------

PIECES = [
    " ", "  ", "\n", "\n\n", "-", "–", ":", "*", "_", "[", "]", "(", ")", "`",
    "#", "## ", "> ", "- ", "1. ", "|", "<", ">", "!", "&", "a", "Word", " by ",
    " - ", "Jane Doe", "https://x.org/", "\\", "---\n", "~~~", "é", "2023",
    "March 13–17", "**", "by ", ", ", " and ",
]  # fmt: skip


def _cpu_time(text):
    """The CPU time of parsing ``text``: other processes on the machine add
    none.

    The cyclic garbage collector is paused while timing: its passes grow with
    the number of live objects, which says nothing of the parser's algorithm
    and made a linear parse of 24,000 tokens look 3.7x slower than 12,000.
    """
    gc.collect()
    gc.disable()
    try:
        started = time.process_time()
        with contextlib.suppress(RecapImportError):
            parse_markdown(text)
        return time.process_time() - started
    finally:
        gc.enable()


def _paired_times(text, repeat):
    """Best times of ``text`` and of it doubled, measured in alternation: the
    VM's speed drifts within seconds, and both sizes meet the same drift."""
    single = double = None
    for _ in range(repeat):
        one, two = _cpu_time(text), _cpu_time(text + text)
        single = one if single is None else min(single, one)
        double = two if double is None else min(double, two)
    return single, double


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12))
def test_doubling_the_input_at_most_doubles_the_time(pieces):
    unit = "".join(pieces)
    size = 12000
    text = unit * (size // len(unit) + 1)
    single, double = _paired_times(text, 3)
    if double > 2.5 * single + 0.02:  # measure again before judging
        again = _paired_times(text, 5)
        single, double = min(single, again[0]), min(double, again[1])
    # Below a few milliseconds the clock and the allocator dominate.
    assert double <= 2.5 * single + 0.02, (unit, single, double)


# --- raw HTML, MDX and other formats ------------------------------------------


def test_raw_html_and_mdx_are_read_safely():
    from collective.confrecap.formats.errors import NotMarkdownError

    text = (
        "import Tabs from '@theme/Tabs';\n\n"
        "## Async Python - Ann Lee\n\n"
        '<iframe src="https://www.youtube.com/embed/xyz"></iframe>\n\n'
        "<!--more-->\n\n"
        '<Tabs value="x" />\n\n'
        '<blockquote class="twitter-tweet"><p>Great talk!</p>&mdash; Bo (@bo) '
        '<a href="https://twitter.com/bo/status/1">March 3, 2019</a></blockquote>\n'
        '<script async src="https://platform.twitter.com/widgets.js"></script>\n\n'
        '<img src="https://example.org/a.png" alt="slide">\n\n'
        '<a href="/relative/page">our notes</a>\n'
    )
    plan = parse_markdown(text)
    (recap,) = plan.recaps
    assert recap.speakers[0]["name"] == "Ann Lee"
    assert recap.video_url == "https://www.youtube.com/embed/xyz"
    assert (
        recap.quotes == ["Great talk!\n\n— Bo (@bo)"]
        or "Great talk!" in recap.quotes[0]
    )
    assert "March 3" not in recap.quotes[0]
    assert "script" not in recap.text_html and "Tabs" not in recap.text_html
    assert '<img src="https://example.org/a.png"' in recap.text_html
    assert "our notes" in recap.text_html and "/relative/page" not in recap.text_html
    assert any("relative" in warning for warning in plan.warnings)
    assert plan.start is None
    for other, word in (
        ('{"schedule": {"conference": {}}}', "JSON"),
        ('<?xml version="1.0"?>\n<schedule></schedule>', "XML"),
        ("Notes\n=====\n\n.. note::\n\n   text\n", "reStructuredText"),
    ):
        with pytest.raises(NotMarkdownError) as info:
            parse_markdown(other)
        assert word in info.value.message
        assert "@programme-import" in info.value.message
