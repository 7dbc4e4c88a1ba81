"""User and pack text is data, never markup or terminal commands.

Rich wrappers over `netprep.text.clean`, which logic layers use directly.
"""

from __future__ import annotations

from netprep.text import clean

TYPE_CHECKING = False  # `typing` is not imported at run time: the JSON paths stay lean
if TYPE_CHECKING:
    from typing import Any

    from rich.text import Text

__all__ = ["bullet", "clean", "esc", "safe"]


def safe(value: object, style: str = "") -> Text:
    """A rich Text for user text: never parsed as markup."""
    from rich.text import Text

    return Text(clean(value), style=style)


def esc(value: object) -> str:
    """User text cleaned and escaped, for the rare place that needs a markup string."""
    from rich.markup import escape

    return escape(clean(value))


def bullet(console: Any, content: object, indent: int = 2, marker: str = "•",
           style: str = "") -> None:
    """Print `marker content`, wrapped at word boundaries with continuation lines indented
    under the text (never back at column 0), as wide as the console allows."""
    from rich.text import Text

    body = content if isinstance(content, Text) else safe(content, style)
    hang = indent + len(marker) + 1
    lines = body.wrap(console, max(20, console.width - hang))
    for number, line in enumerate(lines):
        lead = " " * indent + marker + " " if number == 0 else " " * hang
        line.rstrip()
        console.print(Text(lead) + line, soft_wrap=True)
