"""Front matter: YAML, TOML, and broken front matter named by its line."""

from collective.confrecap.formats.errors import FrontMatterError
from collective.confrecap.formats.errors import RecapImportError
from collective.confrecap.formats.markdown.frontmatter import split_front_matter
from datetime import date
from pathlib import Path

import pytest


FIXTURES = Path(__file__).parent / "fixtures"


def test_yaml_front_matter():
    front = split_front_matter("---\ntitle: T\ndate: 2023-03-21\n---\nBody\n")
    assert front.data == {"title": "T", "date": date(2023, 3, 21)}
    assert front.body == "Body\n"
    assert front.line_of("date") == 3


def test_toml_front_matter():
    front = split_front_matter('+++\ntitle = "T"\ntags = ["a"]\n+++\n\nBody\n')
    assert front.data == {"title": "T", "tags": ["a"]}
    assert front.body.strip() == "Body"


def test_no_front_matter_is_all_body():
    front = split_front_matter("# Title\n\ntext\n")
    assert front.data == {}
    assert front.body == "# Title\n\ntext\n"


@pytest.mark.parametrize("name, line", [("broken-yaml.md", 3), ("broken-toml.md", 3)])
def test_broken_front_matter_names_the_line(name, line):
    with pytest.raises(FrontMatterError) as info:
        split_front_matter((FIXTURES / name).read_text())
    assert info.value.line == line
    assert "front matter cannot be read" in info.value.message
    assert str(info.value).startswith(f"Line {line}: ")
    assert isinstance(info.value, RecapImportError)


def test_unclosed_front_matter():
    with pytest.raises(FrontMatterError) as info:
        split_front_matter("---\ntitle: T\n\nno end\n")
    assert info.value.line == 1
    assert "never closed" in info.value.message


def test_front_matter_must_be_a_mapping():
    with pytest.raises(FrontMatterError) as info:
        split_front_matter("---\n- a\n- b\n---\n")
    assert "key: value" in info.value.message
