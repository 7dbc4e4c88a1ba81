"""A small strict schema language over `yamlio.Node`s.

Each validator is called as `check(ctx, node, path)` and returns the plain
value, or `INVALID` after recording `file:line: path: message` in `ctx`.

A record or list with a broken part is still returned, so that the builders can
go on to check its references in the same pass: a list keeps `INVALID` in the
place of a broken item and is a `Broken` list; a record maps a broken field to
`INVALID` and has `_ok` false. `valid()` tells whether a value is whole.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from netprep.content.yamlio import Node

INVALID: Any = object()
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
IDENT_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")
Check = Callable[["Ctx", Node, str], Any]


class Broken(list[Any]):
    """A list with at least one invalid item (kept in place as `INVALID`)."""


def valid(value: Any) -> bool:
    """Whether a checked value is whole: not INVALID, no broken item or field inside."""
    if value is INVALID or isinstance(value, Broken):
        return False
    if isinstance(value, dict) and value.get("_ok") is False:
        return False
    return True


def each(value: Any) -> Iterator[Any]:
    """The items of a checked list that are themselves present (nothing if the list is not)."""
    if isinstance(value, list):
        yield from (item for item in value if item is not INVALID)


def did_you_mean(value: object, known: Iterable[str], what: str = "") -> str:
    """'(did you mean "x"? known: a, b, c)' for an unknown id, name or key."""
    names = sorted(set(known))
    close = difflib.get_close_matches(str(value), names, n=1, cutoff=0.6) if names else []
    listing = ", ".join(names) if names else "none"
    label = f"known {what}" if what else "known"
    if close:
        return f"(did you mean '{close[0]}'? {label}: {listing})"
    return f"({label}: {listing})"


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
        # Control characters shown escaped, so a problem stays one line.
        value = "".join(c if c.isprintable() else repr(c)[1:-1] for c in value)
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
            close = difflib.get_close_matches(str(node.value), choices, n=1, cutoff=0.6)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            return ctx.error(
                node.line,
                path,
                f"expected one of {', '.join(choices)}, got {describe(node)}{hint}",
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
        broken = False
        if unique:
            seen: set[Any] = set()
            for child, value in zip(node.value, values, strict=True):
                if value is not INVALID and isinstance(value, str):
                    if value.lower() in seen:
                        ctx.error(child.line, path, f'"{value}" appears twice')
                        broken = True
                    seen.add(value.lower())
        if broken or not all(valid(v) for v in values):
            return Broken(values)
        return values

    return check


def json_value() -> Check:
    """Any JSON-compatible value (for exercise arguments and expected results)."""

    def check(ctx: Ctx, node: Node, path: str) -> Any:
        if node.kind == "map":
            out = {k: check(ctx, v, f"{path}.{k}") for k, v in node.value.items()}
            return INVALID if any(v is INVALID for v in out.values()) else out
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
                hint = did_you_mean(key, fields, "keys")
                ctx.error(node.keys[key].line, _join(path, key), f"unknown key {hint}")
                ok = False
        for name, spec in fields.items():
            if name in node.value:
                child = node.value[name]
                out["_lines"][name] = child.line
                if child.value is None and not spec.required:
                    out[name] = spec.default
                    continue
                out[name] = spec.check(ctx, child, _join(path, name))
                ok = ok and valid(out[name])
            elif spec.required:
                ctx.error(node.line, _join(path, name), "required, but missing")
                out[name] = INVALID
                ok = False
            else:
                out[name] = spec.default
        out["_ok"] = ok
        return out

    return check


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def line_of(item: dict[str, Any], name: str | None = None) -> int:
    """The line of a record, or of one of its fields, as `record` stored them."""
    if name is not None and name in item.get("_lines", {}):
        return int(item["_lines"][name])
    return int(item.get("_line", 0))
