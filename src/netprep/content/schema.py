"""A small strict schema language over `yamlio.Node`s.

Each validator is called as `check(ctx, node, path)` and returns the plain
value, or `INVALID` after recording `file:line: path: message` in `ctx`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from netprep.content.yamlio import Node

INVALID: Any = object()
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
IDENT_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")
Check = Callable[["Ctx", Node, str], Any]


@dataclass
class Ctx:
    file: str
    errors: list[str] = field(default_factory=list)

    def error(self, line: int, path: str, message: str) -> Any:
        where = f"{self.file}:{line}" if line else self.file
        self.errors.append(f"{where}: {path}: {message}" if path else f"{where}: {message}")
        return INVALID


def describe(node: Node) -> str:
    value = node.value
    if node.kind == "map":
        return "a mapping"
    if node.kind == "seq":
        return "a list"
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()} (YAML reads yes/no/on/off as booleans: quote it)"
    if isinstance(value, (int, float)):
        return f"the number {value!r} (quote it if it is meant as text)"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f'"{shown}"'
    return f"a {node.tag or type(value).__name__} (quote it if it is meant as text)"


def text(max_words: int | None = None, max_chars: int = 4000) -> Check:
    def check(ctx: Ctx, node: Node, path: str) -> Any:
        if not isinstance(node.value, str) or node.tag != "str":
            return ctx.error(node.line, path, f"expected text, got {describe(node)}")
        value = node.value.strip()
        if not value:
            return ctx.error(node.line, path, "expected text, got an empty string")
        if len(value) > max_chars:
            return ctx.error(
                node.line, path, f"too long ({len(value)} characters, at most {max_chars})"
            )
        if max_words is not None and len(value.split()) > max_words:
            words = len(value.split())
            return ctx.error(node.line, path, f"too long ({words} words, at most {max_words})")
        return value

    return check


def code_text() -> Check:
    """Text kept exactly as written (code, templates): only emptiness is refused."""

    def check(ctx: Ctx, node: Node, path: str) -> Any:
        if not isinstance(node.value, str) or node.tag != "str" or not node.value.strip():
            return ctx.error(node.line, path, f"expected text, got {describe(node)}")
        return node.value

    return check


def ident(pattern: re.Pattern[str] = ID_RE, what: str = "an id") -> Check:
    def check(ctx: Ctx, node: Node, path: str) -> Any:
        if not isinstance(node.value, str) or not pattern.match(node.value):
            hint = "lowercase letters, digits and '-'" if pattern is ID_RE else "an identifier"
            return ctx.error(node.line, path, f"expected {what} ({hint}), got {describe(node)}")
        return node.value

    return check


def integer(low: int, high: int, what: str = "a positive integer") -> Check:
    def check(ctx: Ctx, node: Node, path: str) -> Any:
        value = node.value
        if isinstance(value, bool) or not isinstance(value, int):
            return ctx.error(node.line, path, f"expected {what}, got {describe(node)}")
        if not low <= value <= high:
            return ctx.error(node.line, path, f"expected {what} from {low} to {high}, got {value}")
        return value

    return check


def boolean() -> Check:
    def check(ctx: Ctx, node: Node, path: str) -> Any:
        if not isinstance(node.value, bool):
            return ctx.error(node.line, path, f"expected true or false, got {describe(node)}")
        return node.value

    return check


def enum(*choices: str) -> Check:
    def check(ctx: Ctx, node: Node, path: str) -> Any:
        if node.value not in choices or not isinstance(node.value, str):
            return ctx.error(
                node.line, path, f"expected one of {', '.join(choices)}, got {describe(node)}"
            )
        return node.value

    return check


def list_of(item: Check, low: int = 0, high: int = 10_000, unique: bool = False) -> Check:
    def check(ctx: Ctx, node: Node, path: str) -> Any:
        if node.kind != "seq":
            return ctx.error(node.line, path, f"expected a list, got {describe(node)}")
        if not low <= len(node.value) <= high:
            bounds = f"{low} to {high}" if high < 10_000 else f"at least {low}"
            count = len(node.value)
            return ctx.error(node.line, path, f"expected {bounds} items, got {count}")
        values = [item(ctx, child, f"{path}[{i}]") for i, child in enumerate(node.value)]
        if unique:
            seen: set[Any] = set()
            for child, value in zip(node.value, values, strict=True):
                if value is not INVALID and isinstance(value, str):
                    if value.lower() in seen:
                        ctx.error(child.line, path, f'"{value}" appears twice')
                    seen.add(value.lower())
        return INVALID if any(v is INVALID for v in values) else values

    return check


def json_value() -> Check:
    """Any JSON-compatible value (for exercise arguments and expected results)."""

    def check(ctx: Ctx, node: Node, path: str) -> Any:
        if node.kind == "map":
            out = {k: check(ctx, v, f"{path}.{k}") for k, v in node.value.items()}
            return INVALID if INVALID in out.values() else out
        if node.kind == "seq":
            items = [check(ctx, v, f"{path}[{i}]") for i, v in enumerate(node.value)]
            return INVALID if any(v is INVALID for v in items) else items
        if node.value is None or isinstance(node.value, (str, int, float, bool)):
            return node.value
        return ctx.error(node.line, path, f"expected a JSON value, got {describe(node)}")

    return check


@dataclass(frozen=True)
class F:
    """A field of a record: its check, whether it is required, and its default."""

    check: Check
    required: bool = True
    default: Any = None


def record(fields: dict[str, F]) -> Check:
    def check(ctx: Ctx, node: Node, path: str) -> Any:
        if node.kind != "map":
            return ctx.error(node.line, path, f"expected a mapping, got {describe(node)}")
        # Lines travel with the values so later cross-reference checks can name them.
        out: dict[str, Any] = {"_line": node.line, "_lines": {}}
        ok = True
        for key in node.value:
            if key not in fields:
                known = ", ".join(fields)
                ctx.error(node.keys[key].line, _join(path, key), f"unknown key (known: {known})")
                ok = False
        for name, spec in fields.items():
            if name in node.value:
                child = node.value[name]
                out["_lines"][name] = child.line
                if child.value is None and not spec.required:
                    out[name] = spec.default
                    continue
                out[name] = spec.check(ctx, child, _join(path, name))
                ok = ok and out[name] is not INVALID
            elif spec.required:
                ctx.error(node.line, _join(path, name), "required, but missing")
                ok = False
            else:
                out[name] = spec.default
        return out if ok else INVALID

    return check


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def line_of(item: dict[str, Any], name: str | None = None) -> int:
    """The line of a record, or of one of its fields, as `record` stored them."""
    if name is not None and name in item.get("_lines", {}):
        return int(item["_lines"][name])
    return int(item.get("_line", 0))
