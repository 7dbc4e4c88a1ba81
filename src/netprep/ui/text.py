"""User and pack text is data, never markup or terminal commands.

Rich wrappers over `netprep.text.clean`, which logic layers use directly.
"""

from __future__ import annotations

from netprep.text import clean

TYPE_CHECKING = False  # `typing` is not imported at run time: the JSON paths stay lean
if TYPE_CHECKING:
    from rich.text import Text

__all__ = ["clean", "esc", "safe"]


def safe(value: object, style: str = "") -> Text:
    """A rich Text for user text: never parsed as markup."""
    from rich.text import Text

    return Text(clean(value), style=style)


def esc(value: object) -> str:
    """User text cleaned and escaped, for the rare place that needs a markup string."""
    from rich.markup import escape

    return escape(clean(value))
