"""User and pack text is data, never markup or terminal commands.

Rich wrappers over `netprep.text.clean`, which logic layers use directly.
"""

from __future__ import annotations

from netprep.text import clean

TYPE_CHECKING = False  # `typing` is not imported at run time: the JSON paths stay lean
if TYPE_CHECKING:
    from typing import Any

    from rich.text import Text

__all__ = ["bullet", "clean", "copyable", "esc", "hanging", "print_measures", "safe"]


def safe(value: object, style: str = "") -> Text:
    """A rich Text for user text: never parsed as markup."""
    from rich.text import Text

    return Text(clean(value), style=style)


def esc(value: object) -> str:
    """User text cleaned and escaped, for the rare place that needs a markup string."""
    from rich.markup import escape

    return escape(clean(value))


def copyable(console: Any, text: object, style: str = "", label: str = "",
             label_style: str = "bold") -> None:
    """Print a line that holds a path (or a command) the user copies: wrapped at words by
    `netprep.text.fit`, which puts a path too long to share a line on a line of its own,
    and never by Rich, so no path is broken at the window's edge (one longer than the
    window runs on, and the terminal's own soft wrap keeps it one line to copy). `label`
    leads it in `label_style` (a `netprep info` row), its continuation lines under it.
    Piped (not a terminal), the line is printed as it is, for grep and cut."""
    from rich.text import Text

    from netprep.text import fit

    width = console.width if console.is_terminal else None  # piped: one line, as it is
    body = fit(label + clean(text), width, " " * len(label) if label else "  ")
    line = Text(body, style=style)
    if label:
        line.stylize(label_style, 0, len(label))
    console.print(line, soft_wrap=True)


def bullet(console: Any, content: object, indent: int = 2, marker: str = "•",
           style: str = "") -> None:
    """Print `marker content`, wrapped at word boundaries with continuation lines indented
    under the text (never back at column 0), as wide as the console allows."""
    hanging(console, " " * indent + marker + " ", content, style)


def hanging(console: Any, lead: str | Text, content: object, style: str = "",
            hang: int | None = None, whole_code: bool = True) -> None:
    """Print `lead` then `content` wrapped by words, the lines after the first indented by
    `hang` columns (default: the lead's width), so nothing wraps back to column 0. A
    command in backticks stays on one line unless `whole_code` is off (text to read, not
    to copy)."""
    from rich.text import Text

    head = lead if isinstance(lead, Text) else Text(lead)
    body = content if isinstance(content, Text) else safe(content, style)
    hang = head.cell_len if hang is None else hang
    width = max(20, console.width - max(hang, head.cell_len))
    lines = _wrap(body, console, width) if whole_code else list(body.wrap(console, width))
    for number, line in enumerate(lines):
        line.rstrip()
        console.print((head if number == 0 else Text(" " * hang)) + line, soft_wrap=True)


def _wrap(body: Text, console: Any, width: int) -> list[Text]:
    """`body` wrapped by words to `width`; a command in backticks is never split across
    lines (it moves to the next line whole), so it can be copied as it is typed."""
    plain = body.plain
    if "`" not in plain or plain.count("`") % 2:
        return list(body.wrap(console, width))
    lines: list[Text] = []
    for paragraph in body.split("\n", allow_blank=True):
        text = paragraph.plain
        breaks, inside = [], False
        for at, char in enumerate(text):
            if char == "`":
                inside = not inside
            elif char == " " and not inside:
                breaks.append(at)
        start = 0
        while len(text) - start > width:
            fits = [b for b in breaks if start < b <= start + width]
            later = [b for b in breaks if b > start]
            end = fits[-1] if fits else (later[0] if later else len(text))
            lines.append(paragraph[start:end])
            start = end
            while start < len(text) and text[start] == " ":
                start += 1
        if start < len(text) or not text:
            lines.append(paragraph[start:])
    return lines


def print_measures(console: Any, line: Any) -> None:
    """A line of measures joined by " · ", wrapped only between measures (never inside
    "I 2 / we 3"), a continuation opening with its "·"; a measure wider than the console
    wraps by words as usual."""
    from rich.text import Text

    width = console.width
    rows: list[Any] = []
    for part in line.split(" · "):
        if rows and rows[-1].cell_len + 3 + part.cell_len <= width:
            rows[-1].append(" · ")
            rows[-1].append_text(part)
        else:
            rows.append(Text("  · ") + part if rows else part)
    for row in rows:
        console.print(row)
