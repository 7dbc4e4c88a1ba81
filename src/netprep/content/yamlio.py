"""Strict, safe YAML reading that keeps line numbers.

Built from the parser's event stream (libyaml's C parser when present), so it
never constructs arbitrary objects and never recurses: tags other than the
standard ones, anchors and aliases, duplicate keys, several documents and deep
nesting are refused with the line they stand on.
"""

from __future__ import annotations

import contextvars
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml import events as ev

try:  # the C parser is about ten times faster
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]
from yaml import SafeLoader as _PyLoader  # streams events lazily: our own checks come first

MAX_DEPTH = 40
# What YAML itself refuses in a file (C0 controls but tab, LF and CR; DEL; C1 but NEL), checked
# here so that the message and its line do not depend on the YAML library's release.
# In the values themselves (after escapes such as "\e[31m" or "\x07" are read): terminal
# controls, DEL, C1 and bidi overrides, which pack text may not hold (tab and newline may).
_VALUE_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_RAW_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_STD = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_STD + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
# `content validate` sets this: a file must also load under the pure-Python parser, which
# PyYAML uses wherever it was built without libyaml, so a pack loads on every install.
CHECK_PORTABLE: contextvars.ContextVar[bool] = contextvars.ContextVar("check_portable",
                                                                       default=False)
_RESOLVER = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


class YamlProblem(Exception):
    def __init__(self, line: int, message: str, from_library: bool = False):
        super().__init__(message)
        self.line = line
        self.message = message
        self.from_library = from_library  # raised by the YAML library, not by our checks


@dataclass
class Node:
    """A YAML value with its 1-based line. `value` is a dict, a list or a Python scalar."""

    value: Any
    line: int
    tag: str = ""
    keys: dict[str, Node] = field(default_factory=dict)  # mapping key nodes, for key lines

    @property
    def kind(self) -> str:
        if isinstance(self.value, dict):
            return "map"
        if isinstance(self.value, list):
            return "seq"
        return "scalar"


MAX_FILE_BYTES = 2 * 1024 * 1024  # the largest built-in file is about 30 KB


def read_text(path: Path) -> str:
    """A pack file's text; refused past MAX_FILE_BYTES before it is parsed at all.

    Read by `content.textfile` (a byte-order mark, UTF-8, or Windows-1252 with a note).
    """
    from netprep.content.textfile import EncodingProblem, decode, read_prefix

    try:
        raw, more = read_prefix(path, MAX_FILE_BYTES)
    except OSError as exc:
        raise YamlProblem(0, f"cannot read the file: {exc.strerror or exc}") from exc
    if more:
        raise YamlProblem(1, f"the file is larger than {MAX_FILE_BYTES // 2**20} MB; a pack "
                          "file holds text for people to read, split it or shorten it")
    try:
        decoded = decode(raw, str(path))
    except EncodingProblem as exc:
        raise YamlProblem(exc.line, exc.message) from exc
    if decoded.note:
        from netprep.paths import NOTICES

        if decoded.note not in NOTICES:
            NOTICES.append(decoded.note)
    return decoded.text


def parse(text: str, plain_text: bool = False) -> Node | None:
    """Parse one YAML document into Nodes; None for an empty document.

    The C parser scans ahead and, in some libyaml/PyYAML releases, stops deep
    nesting or other hostile input with its own message before our checks see the
    events. On any C-parser error the text is read again by the pure-Python
    parser, which yields events one by one, so the problem reported (and its
    line) is the same whichever PyYAML build is installed. With `plain_text` (pack
    files), a value holding a control character written as an escape is refused too.
    """
    bad = _RAW_CONTROL.search(text)
    if bad is not None:
        line = text.count("\n", 0, bad.start()) + 1
        raise YamlProblem(
            line, f"control characters are not allowed (U+{ord(bad.group()):04X}); remove them"
        )
    try:
        node = _parse(text, _Loader, plain_text)
        if CHECK_PORTABLE.get() and _Loader is not _PyLoader:
            _check_portable(text, plain_text)
        return node
    except YamlProblem as problem:
        if _Loader is _PyLoader or not problem.from_library:
            raise
        try:
            return _parse(text, _PyLoader, plain_text)
        except YamlProblem as again:
            raise again from None
        except RecursionError:  # pragma: no cover - the pure parser does not recurse
            raise problem from None


def _check_portable(text: str, plain_text: bool) -> None:
    try:
        _parse(text, _PyLoader, plain_text)
    except YamlProblem as problem:
        if not problem.from_library:
            raise
        raise YamlProblem(
            problem.line,
            f"{problem.message}; only libyaml's C parser reads this, and PyYAML without it "
            "cannot: quote the value, or write the list one item per line",
        ) from None


def _parse(text: str, loader: Any, plain_text: bool = False) -> Node | None:
    stack: list[tuple[Node, list[Any]]] = []  # open containers, each with its pending key
    root: Node | None = None
    documents = 0
    try:
        for event in yaml.parse(text, Loader=loader):
            line = event.start_mark.line + 1 if event.start_mark else 0
            if isinstance(event, ev.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise YamlProblem(line, "a second YAML document ('---'); keep one per file")
            elif isinstance(event, ev.AliasEvent):
                raise YamlProblem(
                    line, f"aliases (*{event.anchor}) are not allowed; write the value out"
                )
            elif isinstance(event, (ev.ScalarEvent, ev.MappingStartEvent, ev.SequenceStartEvent)):
                if event.anchor is not None:
                    raise YamlProblem(
                        line, f"anchors (&{event.anchor}) are not allowed; write the value out"
                    )
                if isinstance(event, ev.ScalarEvent):
                    node = _scalar(event, line)
                    if plain_text and isinstance(node.value, str):
                        _check_plain(node.value, line)
                else:
                    is_map = isinstance(event, ev.MappingStartEvent)
                    _check_collection_tag(event.tag, is_map, line)
                    if len(stack) >= MAX_DEPTH:
                        raise YamlProblem(line, f"nesting deeper than {MAX_DEPTH} levels")
                    node = Node({} if is_map else [], line, "map" if is_map else "seq")
                if stack:
                    _attach(stack[-1], node, line)
                else:
                    root = node
                if not isinstance(event, ev.ScalarEvent):
                    stack.append((node, []))
            elif isinstance(event, (ev.MappingEndEvent, ev.SequenceEndEvent)):
                stack.pop()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise YamlProblem(line, f"YAML syntax: {exc.problem or exc}", True) from None
    except yaml.YAMLError as exc:
        position = getattr(exc, "position", None)
        line = text.count("\n", 0, position) + 1 if isinstance(position, int) else 0
        problem = getattr(exc, "reason", None) or str(exc).splitlines()[0]
        raise YamlProblem(line, f"YAML syntax: {problem}", True) from None
    return root


def _attach(top: tuple[Node, list[Any]], node: Node, line: int) -> None:
    parent, pending = top
    if isinstance(parent.value, list):
        parent.value.append(node)
        return
    if not pending:
        if node.kind != "scalar" or node.value is None:
            raise YamlProblem(line, "mapping keys must be plain words")
        key = str(node.value)
        if key in parent.value:
            raise YamlProblem(
                line, f"duplicate key '{key}' (first at line {parent.keys[key].line})"
            )
        pending.append((key, node))
        return
    key, key_node = pending.pop()
    parent.value[key] = node
    parent.keys[key] = key_node


def _scalar(event: ev.ScalarEvent, line: int) -> Node:
    tag = event.tag
    if tag in (None, "!"):
        tag = _RESOLVER.resolve(yaml.nodes.ScalarNode, event.value, event.implicit)
        if tag not in _SCALAR_TAGS:  # "<<" (merge) and "=" (value) are plain text here
            tag = _STD + "str"
    elif tag not in _SCALAR_TAGS:
        raise YamlProblem(
            line, f"the tag {_short(tag)} is not allowed (tags are never run); remove it"
        )
    if tag == _STD + "str":
        return Node(event.value, line, "str")
    scalar = yaml.nodes.ScalarNode(tag, event.value)
    try:
        value = _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, scalar)
    except (ValueError, yaml.YAMLError) as exc:
        raise YamlProblem(line, f"cannot read the value {event.value!r}: {exc}") from None
    return Node(value, line, tag.removeprefix(_STD))


def _check_plain(value: str, line: int) -> None:
    bad = _VALUE_CONTROL.search(value)
    if bad is not None:
        raise YamlProblem(
            line, f"control characters are not allowed (U+{ord(bad.group()):04X}, written as "
            "an escape); pack text is shown in terminals, remove it"
        )


def _check_collection_tag(tag: str | None, is_map: bool, line: int) -> None:
    allowed = {None, "!", _STD + ("map" if is_map else "seq")}
    if tag not in allowed:
        raise YamlProblem(
            line, f"the tag {_short(tag)} is not allowed (tags are never run); remove it"
        )


def _short(tag: str | None) -> str:
    return str(tag).replace(_STD, "!!")
