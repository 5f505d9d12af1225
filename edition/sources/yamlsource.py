"""Safe YAML loading that keeps the line of every mapping key and value.

Only YAML's plain types are built (no tags that run code), dates stay strings (the
edition stores dates as EDTF text), and every mapping remembers where its keys stood.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node

from edition.model import Origin
from edition.problems import Problems


class LineMap(dict[str, Any]):
    """A mapping from YAML that knows the 1-based line of itself and of each key."""

    line: int = 1
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class _EditionLoader(yaml.SafeLoader):
    """SafeLoader without timestamp resolution and with line-aware mappings."""


# libyaml's parser, when PyYAML has it, reads thousands of records five times faster; the
# Python parser explains a syntax error better, so it rereads a file that has one.
class _FastEditionLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same loader on libyaml's parser."""


# Dates are EDTF strings ("1920?-12-31"); YAML would otherwise turn some into datetime.date.
_EditionLoader.yaml_implicit_resolvers = _FastEditionLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: yaml.SafeLoader, node: Node) -> LineMap:
    if not isinstance(node, MappingNode):
        raise ConstructorError(None, None, "expected a mapping", node.start_mark)
    loader.flatten_mapping(node)
    result = LineMap()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            raise ConstructorError(
                None, None, f"a field name must be text, not {key!r}", key_node.start_mark
            )
        if key in result:
            raise ConstructorError(
                None, None, f"field '{key}' appears twice in one mapping", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


_EditionLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_FastEditionLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


def parse_yaml(text: str, path: str, problems: Problems) -> Any | None:
    """Parse one YAML document; a syntax error, a forbidden tag, an anchor or an alias becomes
    a problem."""
    # An alias repeats a node: a few lines of them make a value of billions of items (the
    # "billion laughs"). A record has no need of them; both marks are refused before anything
    # is built. Only text that holds '&' or '*' is scanned: those two start every one.
    if ("&" in text or "*" in text) and _refuse_references(text, path, problems):
        return None
    if _YAML_ONLY_BREAK.search(text) and _refuse_yaml_only_breaks(text, path, problems):
        return None
    try:
        return yaml.load(text, Loader=_FastEditionLoader)
    except yaml.YAMLError:
        pass
    try:
        return yaml.load(text, Loader=_EditionLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 1
        problems.error(Origin(path, line), _yaml_message(error))
        return None
    except yaml.YAMLError as error:  # pragma: no cover - every PyYAML error we know is marked
        problems.error(Origin(path, 1), f"YAML error: {error}")
        return None


# Characters YAML reads as line breaks where editors, and every line number here, see none.
_YAML_ONLY_BREAK = re.compile("[\x85\u2028\u2029]")


def _refuse_yaml_only_breaks(text: str, path: str, problems: Problems) -> bool:
    for match in _YAML_ONLY_BREAK.finditer(text):
        problems.error(
            Origin(path, text.count("\n", 0, match.start()) + 1),
            f"the character U+{ord(match.group()):04X} is not allowed: YAML reads it as a line "
            "break; use an ordinary line break",
        )
    return True


def _refuse_references(text: str, path: str, problems: Problems) -> bool:
    """Whether the text uses an anchor or an alias; each is a problem at its line."""
    found = False
    try:
        for event in yaml.parse(text, Loader=_FastEditionLoader):
            anchor = getattr(event, "anchor", None)
            if anchor is None:
                continue
            found = True
            kind = "alias '*" if isinstance(event, yaml.AliasEvent) else "anchor '&"
            line = event.start_mark.line + 1 if event.start_mark is not None else 1
            problems.error(
                Origin(path, line),
                f"YAML {kind}{anchor}' is not allowed: write the value out in full",
            )
    except yaml.YAMLError:
        return False  # a syntax error: the parse below reports it
    return found


def _yaml_message(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or "invalid YAML"
    if isinstance(error, ConstructorError) and "could not determine a constructor" in problem:
        tag = problem.split("for the tag", 1)[-1].strip().strip("'")
        tag = tag.replace("tag:yaml.org,2002:", "!!")
        return f"YAML tag {tag} is not allowed: records hold plain text, lists and mappings only"
    if isinstance(error, ConstructorError):
        return problem
    context = f" {error.context}" if error.context else ""
    return f"YAML syntax error: {problem}{context}"
