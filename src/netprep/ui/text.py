"""User and pack text is data, never markup or terminal commands."""

from __future__ import annotations

import re

TYPE_CHECKING = False  # `typing` is not imported at run time: the JSON paths stay lean
if TYPE_CHECKING:
    from rich.text import Text

_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
# C0 controls except tab and newline, DEL, C1 controls, and bidi overrides/isolates.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(value: object) -> str:
    """Strip terminal escape sequences and control characters; keep newlines and tabs."""
    text = str(value).replace("\r\n", "\n")
    return _CONTROL.sub("", _ANSI.sub("", text))


def safe(value: object, style: str = "") -> Text:
    """A rich Text for user text: never parsed as markup."""
    from rich.text import Text

    return Text(clean(value), style=style)


def esc(value: object) -> str:
    """User text cleaned and escaped, for the rare place that needs a markup string."""
    from rich.markup import escape

    return escape(clean(value))
