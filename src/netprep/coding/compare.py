"""Whether an answer is right: exact, unordered (multisets at every depth) or float."""

from __future__ import annotations

import json
import math
from typing import Any

FLOAT_TOLERANCE = 1e-6
COMPARE_MODES = ("exact", "unordered", "float")


def _canonical(value: Any) -> Any:
    """A value with every list sorted, to compare lists as multisets at every depth."""
    if isinstance(value, list):
        items = [_canonical(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True))
    if isinstance(value, dict):
        return {key: _canonical(item) for key, item in value.items()}
    return value


def _close(expected: Any, actual: Any) -> bool:
    if isinstance(expected, bool) or isinstance(actual, bool):
        return expected is actual
    if isinstance(expected, (int, float)) and isinstance(actual, (int, float)):
        return math.isclose(expected, actual, rel_tol=FLOAT_TOLERANCE, abs_tol=FLOAT_TOLERANCE)
    if isinstance(expected, list) and isinstance(actual, list):
        return len(expected) == len(actual) and all(map(_close, expected, actual))
    if isinstance(expected, dict) and isinstance(actual, dict):
        return expected.keys() == actual.keys() and all(
            _close(expected[key], actual[key]) for key in expected
        )
    return _same(expected, actual)


def _same(expected: Any, actual: Any) -> bool:
    """Equality where True is not 1 and 1.0 is 1."""
    if isinstance(expected, bool) or isinstance(actual, bool):
        return type(expected) is type(actual) and expected == actual
    if isinstance(expected, list) and isinstance(actual, list):
        return len(expected) == len(actual) and all(map(_same, expected, actual))
    if isinstance(expected, dict) and isinstance(actual, dict):
        return expected.keys() == actual.keys() and all(
            _same(expected[key], actual[key]) for key in expected
        )
    return bool(expected == actual)


def matches(expected: Any, actual: Any, compare: str = "exact") -> bool:
    """Whether ``actual`` is a right answer for ``expected`` under ``compare``."""
    if compare == "unordered":
        return _same(_canonical(expected), _canonical(actual))
    if compare == "float":
        return _close(expected, actual)
    return _same(expected, actual)
