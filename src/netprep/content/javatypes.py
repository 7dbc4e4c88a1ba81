"""The Java types the built-in Java harness converts, to check an exercise's Java signature.

The harness (``languages.yaml``, id ``java``) passes each JSON argument as the
declared parameter type and writes the returned value back as JSON. It knows a
small set of types; ``signature_problems`` refuses a signature with any other,
and cases whose values do not fit the declared types, so a broken Java version
is caught by ``content validate``, not by a user's first test run.

Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

PRIMITIVES = {"int", "long", "double", "boolean", "char"}
BOXED = {"Integer": "int", "Long": "long", "Double": "double", "Boolean": "boolean",
         "Character": "char"}
PLAIN = {"String", "Object", "ListNode", "TreeNode"}
LISTS = {"List", "ArrayList"}
MAPS = {"Map", "HashMap", "LinkedHashMap"}
SUPPORTED = (
    "int, long, double, boolean, char, their boxed forms, String, Object, ListNode, "
    "TreeNode, arrays of these (int[], String[], int[][]), List<T> and Map<String, T>"
)
_INT_RANGE = {"int": 2**31, "long": 2**63}
_SIGNATURE = re.compile(
    r"^\s*(?:(?:public|private|protected|static|final)\s+)*"
    r"(?P<returns>[\w<>\[\],.? ]+?)\s+(?P<name>[A-Za-z_$][\w$]*)\s*"
    r"\((?P<params>.*)\)\s*(?:throws\s+[\w., ]+)?\{\s*$"
)
_TOKEN = re.compile(r"\s*([A-Za-z_$][\w$.]*|<|>|,|\[\]|\S)")


@dataclass(frozen=True)
class JavaType:
    name: str  # int, String, List, Map, ListNode, ... or "[]" for an array
    args: tuple[JavaType, ...] = ()

    def __str__(self) -> str:
        if self.name == "[]":
            return f"{self.args[0]}[]"
        if self.args:
            return f"{self.name}<{', '.join(map(str, self.args))}>"
        return self.name


class TypeProblem(ValueError):
    pass


def parse_type(text: str) -> JavaType:
    """One Java type as written (``List<List<Integer>>``); TypeProblem when unsupported."""
    tokens = _TOKEN.findall(text)
    position = 0

    def take() -> str:
        nonlocal position
        if position >= len(tokens):
            raise TypeProblem(f"'{text.strip()}' ends too early")
        position += 1
        return tokens[position - 1]

    def one(inside: bool) -> JavaType:
        nonlocal position
        name = take()
        if name in PRIMITIVES:
            if inside:
                raise TypeProblem(f"'{name}' cannot be a type argument; use {_boxed(name)}")
            found = JavaType(name)
        elif name in BOXED or name in PLAIN:
            found = JavaType(name)
        elif name in LISTS:
            found = JavaType(name, (_argument(),))
        elif name in MAPS:
            if take() != "<":
                raise TypeProblem(f"write {name}<String, T>")
            key = one(True)
            if key.name != "String":
                raise TypeProblem(f"a map's keys must be String (JSON keys are text), not {key}")
            if take() != ",":
                raise TypeProblem(f"write {name}<String, T>")
            value = one(True)
            if take() != ">":
                raise TypeProblem(f"write {name}<String, T>")
            found = JavaType(name, (key, value))
        else:
            raise TypeProblem(f"the type '{name}' is not supported; use {SUPPORTED}")
        while position < len(tokens) and tokens[position] == "[]":
            position += 1
            if found.args and found.name != "[]":
                raise TypeProblem(f"an array of {found} is not supported; use List<{found}>")
            found = JavaType("[]", (found,))
        return found

    def _argument() -> JavaType:
        if take() != "<":
            raise TypeProblem("write the element type: List<T>")
        item = one(True)
        if take() != ">":
            raise TypeProblem("a List takes one type argument")
        return item

    result = one(False)
    if position != len(tokens):
        raise TypeProblem(f"unexpected '{tokens[position]}' in '{text.strip()}'")
    return result


def _boxed(name: str) -> str:
    return next(box for box, prim in BOXED.items() if prim == name)


def _split_params(text: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for char in text:
        if char == "<":
            depth += 1
        elif char == ">":
            depth -= 1
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    if current.strip():
        parts.append(current)
    return parts


@dataclass(frozen=True)
class Signature:
    name: str
    returns: JavaType
    params: tuple[tuple[str, JavaType], ...]


def parse_signature(text: str) -> Signature:
    """``public int[] twoSum(int[] nums, int target) {``; TypeProblem when unsupported."""
    match = _SIGNATURE.match(text)
    if match is None:
        raise TypeProblem("expected a method's first line, like "
                          "'public int[] twoSum(int[] nums, int target) {'")
    returns_text = match["returns"].strip()
    if returns_text == "void":
        raise TypeProblem("the method must return its answer, not void")
    params = []
    for part in _split_params(match["params"]):
        words = part.strip().removeprefix("final ").rsplit(None, 1)
        if len(words) != 2:
            raise TypeProblem(f"'{part.strip()}' is not a parameter (type and name)")
        params.append((words[1], parse_type(words[0])))
    return Signature(match["name"], parse_type(returns_text), tuple(params))


def fits(kind: JavaType, value: Any) -> bool:
    """Whether the JSON ``value`` converts to ``kind`` the way the harness does it."""
    name = kind.name
    if value is None:
        return name not in PRIMITIVES
    if name in BOXED:
        name = BOXED[name]
    if name in _INT_RANGE:
        bound = _INT_RANGE[name]
        return isinstance(value, int) and not isinstance(value, bool) and -bound <= value < bound
    if name == "double":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if name == "boolean":
        return isinstance(value, bool)
    if name == "char":
        return isinstance(value, str) and len(value) == 1
    if name == "String":
        return isinstance(value, str)
    if name == "Object":
        return True
    if name in ("ListNode", "TreeNode"):
        node = JavaType("Integer")
        return isinstance(value, list) and all(
            fits(node, item) and (item is not None or name == "TreeNode") for item in value)
    if name == "[]" or name in LISTS:
        return isinstance(value, list) and all(fits(kind.args[0], item) for item in value)
    if name in MAPS:
        return isinstance(value, dict) and all(fits(kind.args[1], v) for v in value.values())
    return False


def signature_problems(signature: str, names: Sequence[str],
                       cases: Sequence[dict[str, Any]]) -> list[str]:
    """What is wrong with a Java signature for these cases (empty: nothing)."""
    try:
        parsed = parse_signature(signature)
    except TypeProblem as exc:
        return [str(exc)]
    problems = []
    if parsed.name not in names:
        problems.append(f"the method is named {parsed.name}; name it {' or '.join(names)}")
    for number, case in enumerate(cases):
        args = case.get("args", [])
        if len(args) != len(parsed.params):
            problems.append(f"case {number + 1} passes {len(args)} arguments to "
                            f"{len(parsed.params)} parameters")
            continue
        for (param, kind), value in zip(parsed.params, args, strict=True):
            if not fits(kind, value):
                problems.append(f"case {number + 1}: the argument for {param} does not fit {kind}")
        if "expected" in case and not fits(parsed.returns, case["expected"]):
            problems.append(f"case {number + 1}: the expected value does not fit the return "
                            f"type {parsed.returns}")
        if len(problems) >= 3:
            break
    return problems
