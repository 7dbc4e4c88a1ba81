"""The user's own documents (exports, drafts, editor files): JSON or strict YAML in, YAML out.

Shared by `star/files.py` and `resume/files.py`: JSON becomes the same `Node` tree the
strict YAML reader builds (so one schema checks both), and the writer keeps every long
text a `|` block that can grow lines in an editor, empty ones included.
"""

from __future__ import annotations

import json
import re
from typing import Any

from netprep.content.yamlio import Node, YamlProblem, parse
from netprep.errors import NetprepError

_EMPTY = re.compile(r"^(\s*(?:- )*)([A-Za-z_][\w-]*): ''$")


class UserFileError(NetprepError):
    """A user's file (from --file, import or the editor) is invalid; `problems` lists all."""

    noun = "file"  # "story file", "entry file": named in the message for an empty list

    def __init__(self, problems: list[str], hint: str | None = None):
        if len(problems) > 1:
            text = f"{len(problems)} problems:\n" + "\n".join(f"  {p}" for p in problems)
        else:
            text = problems[0] if problems else f"The {self.noun} is invalid."
        super().__init__(text, hint or "Fix the file and try again; nothing was saved.")
        self.problems = problems


class Block(str):
    """Text always written as a `|` block, so it can grow lines in an editor."""


def read_tree(text: str) -> Node | None:
    """JSON (a document starting with `{` or `[`) or strict YAML, as a `Node` tree."""
    if text.lstrip("\ufeff \t\r\n").startswith(("{", "[")):
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            raise YamlProblem(exc.lineno, f"JSON syntax: {exc.msg}") from None
        return _node(value)
    return parse(text)


def _node(value: Any) -> Node:
    if isinstance(value, dict):
        node = Node({}, 0, "map")
        for key, child in value.items():
            node.value[str(key)] = _node(child)
            node.keys[str(key)] = Node(str(key), 0, "str")
        return node
    if isinstance(value, list):
        return Node([_node(v) for v in value], 0, "seq")
    tag = {str: "str", bool: "bool", int: "int", float: "float"}.get(type(value), "null")
    return Node(value, 0, tag)


def dump_yaml(data: Any) -> str:
    """YAML with multi-line text and every `Block` as `|` blocks (an empty `Block` too:
    `key: |` and an indented blank line, ready to type into, instead of `key: ''`)."""
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    def text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
        block = "\n" in value or (isinstance(value, Block) and value != "")
        return dumper.represent_scalar("tag:yaml.org,2002:str", str(value),
                                       style="|" if block else None)

    Dumper.add_representer(str, text)
    Dumper.add_representer(Block, text)
    dumped = yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=88,
                       default_flow_style=None)
    empty = _empty_blocks(data)
    if not empty:
        return dumped
    lines = []
    for line in dumped.splitlines():
        match = _EMPTY.match(line)
        if match and match.group(2) in empty:
            lead = match.group(1)
            lines.append(f"{lead}{match.group(2)}: |\n{' ' * (len(lead) + 2)}")
        else:
            lines.append(line)
    return "\n".join(lines) + "\n"


def _empty_blocks(data: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, Block) and not value:
                found.add(str(key))
            found |= _empty_blocks(value)
    elif isinstance(data, list):
        for value in data:
            found |= _empty_blocks(value)
    return found
