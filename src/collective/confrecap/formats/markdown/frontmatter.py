"""Split YAML (``---``) or TOML (``+++``) front matter from a document."""

from collective.confrecap.formats.errors import FrontMatterError
from dataclasses import dataclass
from dataclasses import field

import re
import yaml


try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11: the same parser, as a package
    import tomli as tomllib


FENCES = {"---": "YAML", "+++": "TOML"}
_TOML_LINE = re.compile(r"at line (\d+)")


@dataclass
class FrontMatter:
    """The parsed keys, the body after them, and where each key was."""

    data: dict = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    key_lines: dict = field(default_factory=dict)

    def line_of(self, key):
        return self.key_lines.get(key)


def split_front_matter(text):
    """Return a FrontMatter; a document without one is all body."""
    lines = text.splitlines(keepends=True)
    fence = lines[0].strip() if lines else ""
    if fence not in FENCES:
        return FrontMatter(body=text)
    kind = FENCES[fence]
    for index in range(1, len(lines)):
        if lines[index].strip() == fence:
            break
    else:
        raise FrontMatterError(
            f"The {kind} front matter that starts here is never closed: add a "
            f"line with {fence} after it.",
            line=1,
        )
    source = "".join(lines[1:index])
    data = _load_toml(source) if kind == "TOML" else _load_yaml(source)
    key_lines = {}
    for number, line in enumerate(lines[1:index], start=2):
        match = re.match(r"([A-Za-z_][\w-]*)\s*[:=]", line)
        if match:
            key_lines.setdefault(match.group(1), number)
    return FrontMatter(
        data=data,
        body="".join(lines[index + 1 :]),
        body_line=index + 2,
        key_lines=key_lines,
    )


class _Loader(yaml.SafeLoader):
    """Leaves an impossible date ('2023-02-30') as text for a clear error."""

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


def _load_yaml(source):
    try:
        data = yaml.load(source, Loader=_Loader)  # noqa: S506 - a SafeLoader
    except yaml.YAMLError as error:
        # The context (where the broken construct began) is where to look.
        mark = getattr(error, "context_mark", None) or getattr(
            error, "problem_mark", None
        )
        line = mark.line + 2 if mark is not None else None
        problem = getattr(error, "problem", None) or "it is not valid YAML"
        raise FrontMatterError(
            f"The YAML front matter cannot be read: {problem}.", line=line
        ) from error
    return _mapping(data, "YAML")


def _load_toml(source):
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        match = _TOML_LINE.search(str(error))
        line = int(match.group(1)) + 1 if match else None
        reason = _TOML_LINE.split(str(error))[0].rstrip(" (")
        raise FrontMatterError(
            f"The TOML front matter cannot be read: {reason}.", line=line
        ) from error
    return _mapping(data, "TOML")


def _mapping(data, kind):
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise FrontMatterError(
            f"The {kind} front matter must be a list of 'key: value' lines.",
            line=2,
        )
    return {str(key): value for key, value in data.items()}
