"""The one parser for ids and counts typed on the command line: ASCII digits only.

Python's int() also reads other scripts' digits ("١" is 1) and underscores ("1_0" is
10), so `star remove --yes ١` would remove story 1. Every id, count and seed goes
through `parse_number` (directly, or as the click type `ID`/`number_type()`).
"""

from __future__ import annotations

import re
from typing import Any

import click

from netprep.cli import MAX_ID
from netprep.errors import UsageError

_DIGITS = re.compile(r"[0-9]+")


def parse_number(text: str, what: str = "an id", low: int = 1, high: int = MAX_ID) -> int:
    """`text` as an int from `low` to `high`, written in ASCII digits; else a UsageError."""
    value = str(text).strip()
    if not _DIGITS.fullmatch(value):  # words, signs, other scripts' digits: say what works
        raise UsageError(f"'{text}' is not {what}: give a whole number such as "
                         f"{max(low, 3)}, written with the digits 0-9.")
    if not low <= int(value) <= high:
        if int(value) < low and high >= MAX_ID:  # not "from 1 to 9223372036854775807"
            tail = ("the list commands show the ids you have" if "id" in what
                    else f"give {low} or more")
            raise UsageError(f"'{text}' is not {what}: they start at {low}; {tail}.")
        raise UsageError(f"'{text}' is not {what}: expected a whole number from {low} to "
                         f"{high}, written with the digits 0-9.")
    return int(value)


class NumberType(click.ParamType):
    """A click type wrapping parse_number (exit 2 with click's usage line)."""

    name = "integer"

    def __init__(self, what: str, low: int = 1, high: int = MAX_ID):
        self.what, self.low, self.high = what, low, high

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        try:
            return parse_number(value, self.what, self.low, self.high)
        except UsageError as exc:
            self.fail(exc.message, param, ctx)


ID = NumberType("an id")  # the message names the kind of id where it can
COUNT = NumberType("a count")
SEED = NumberType("a seed", 0)
