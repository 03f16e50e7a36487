"""Split YAML (``---``) or TOML (``+++``) front matter from a document."""

from collective.confrecap.formats.errors import FrontMatterError
from collective.confrecap.formats.errors import FrontMatterLimitError
from collective.confrecap.formats.limits import DEFAULT_LIMITS
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


def split_front_matter(text, limits=DEFAULT_LIMITS):
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
    _check_flow_depth(source, kind, limits)
    load = _load_toml if kind == "TOML" else _load_yaml
    data = load(source, limits)
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


def _check_flow_depth(source, kind, limits):
    """Refuse '[[[[…' / '{{{{…' nested beyond the limit, in one linear pass.

    Quoted strings are skipped; the YAML and TOML readers are recursive (and
    PyYAML's scanner slows down with each open level), so this comes first.
    """
    depth, quote, escaped = 0, None, False
    line = 2
    for char in source:
        if char == "\n":
            line += 1
            if quote is not None and kind == "YAML":
                quote = None
        if quote is not None:
            if escaped:
                escaped = False
            elif char == "\\" and quote == '"':
                escaped = True
            elif char == quote:
                quote = None
            continue
        if char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
            if depth > limits.max_front_matter_depth:
                raise _too_deep(kind, limits, line)
        elif char in "]}":
            depth = max(0, depth - 1)


def _too_deep(kind, limits, line=None):
    return FrontMatterLimitError(
        f"The {kind} front matter is nested deeper than "
        f"{limits.max_front_matter_depth} levels: the limit is "
        f"{limits.max_front_matter_depth}.",
        line=line,
    )


def _too_many_digits(kind, limits, line=None):
    return FrontMatterLimitError(
        f"A number in the {kind} front matter has more than "
        f"{limits.max_digits} digits: the limit is {limits.max_digits}.",
        line=line,
    )


class _Loader(yaml.SafeLoader):
    """A safe loader with bounds on nesting, aliases and digits.

    It leaves an impossible date ('2023-02-30') as text for a clear error.
    """

    limits = DEFAULT_LIMITS

    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0
        self._aliases = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > self.limits.max_aliases:
                mark = self.peek_event().start_mark
                raise FrontMatterLimitError(
                    f"The YAML front matter uses more than "
                    f"{self.limits.max_aliases} aliases (*name): the limit is "
                    f"{self.limits.max_aliases}.",
                    line=mark.line + 2,
                )
        self._depth += 1
        if self._depth > self.limits.max_front_matter_depth:
            mark = self.peek_event().start_mark
            raise _too_deep("YAML", self.limits, mark.line + 2)
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_yaml_int(self, node):
        digits = sum(ch.isdigit() for ch in str(node.value))
        if digits > self.limits.max_digits:
            raise _too_many_digits("YAML", self.limits, node.start_mark.line + 2)
        return super().construct_yaml_int(node)

    def construct_yaml_float(self, node):
        digits = sum(ch.isdigit() for ch in str(node.value))
        if digits > self.limits.max_digits:
            raise _too_many_digits("YAML", self.limits, node.start_mark.line + 2)
        return super().construct_yaml_float(node)

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)
_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_yaml_int)
_Loader.add_constructor("tag:yaml.org,2002:float", _Loader.construct_yaml_float)


def _load_yaml(source, limits=DEFAULT_LIMITS):
    loader_class = type("_BoundedLoader", (_Loader,), {"limits": limits})
    try:
        data = yaml.load(source, Loader=loader_class)  # noqa: S506 - a SafeLoader
    except FrontMatterLimitError:
        raise
    except RecursionError as error:
        raise _too_deep("YAML", limits) from error
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


def _digit_run(line):
    """The longest run of digits (and '_' separators) outside quotes."""
    longest = run = 0
    quote = None
    for char in line:
        if quote is not None:
            if char == quote:
                quote = None
            continue
        if char in "\"'":
            quote = char
            run = 0
        elif char.isdigit() or (char == "_" and run):
            run += char.isdigit()
            longest = max(longest, run)
        else:
            run = 0
    return longest


def _load_toml(source, limits=DEFAULT_LIMITS):
    for number, line in enumerate(source.splitlines(), start=2):
        if _digit_run(line) > limits.max_digits:
            raise _too_many_digits("TOML", limits, number)
    try:
        data = tomllib.loads(source)
    except RecursionError as error:
        raise _too_deep("TOML", limits) from error
    except ValueError as error:
        if not isinstance(error, tomllib.TOMLDecodeError):
            raise _too_many_digits("TOML", limits) from error
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
