"""stdout for data, stderr for messages. Rich is imported only when a view needs it."""

from __future__ import annotations

import json
import sys
from functools import lru_cache

from netprep.ui.text import clean

TYPE_CHECKING = False  # `typing` is not imported at run time: the JSON paths stay lean
if TYPE_CHECKING:
    from typing import Any

    from rich.console import Console


def print_json(data: Any) -> None:
    """Machine-readable output on stdout (no Rich, no colour)."""
    _write_json(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


def print_json_rows(key: str, rows: list[str]) -> None:
    """`{key: [...]}` from rows that are already JSON objects, one per line."""
    body = "[\n    " + ",\n    ".join(rows) + "\n  ]" if rows else "[]"
    _write_json(f'{{\n  "{key}": {body}\n}}\n')


def _write_json(text: str) -> None:
    """JSON text on stdout; characters its encoding lacks become \\uXXXX escapes (exact)."""
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    if not encoding.lower().replace("-", "").startswith("utf") and not text.isascii():
        import codecs

        codecs.register_error("netprep-json", _json_escape)
        text = text.encode(encoding, errors="netprep-json").decode(encoding)
    sys.stdout.write(text)
    sys.stdout.flush()


def _json_escape(exc: UnicodeError) -> tuple[str, int]:
    """Non-ASCII characters appear in JSON output only inside strings: escape them."""
    assert isinstance(exc, UnicodeEncodeError)
    parts = []
    for char in exc.object[exc.start:exc.end]:
        code = ord(char)
        if code > 0xFFFF:  # a surrogate pair, as JSON spells it
            code -= 0x10000
            parts.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            parts.append(f"\\u{code:04x}")
    return "".join(parts), exc.end


def message(text: str) -> None:
    """A plain line for the user on stderr, wrapped at words in a terminal."""
    from netprep.text import fit, terminal_width

    sys.stderr.write(fit(clean(text), terminal_width(sys.stderr), "  ") + "\n")
    sys.stderr.flush()


def verbatim(text: str) -> None:
    """A line the user copies (a path, a command) on stderr, never wrapped by netprep, so
    it stays whole and nothing is stuck to it."""
    sys.stderr.write(clean(text) + "\n")
    sys.stderr.flush()


class _TrimmedLines:
    """A text stream that drops the spaces Rich pads lines with (piped output stays clean)."""

    def __init__(self, stream: Any):
        self.stream = stream
        self.pending = ""

    def write(self, text: str) -> int:
        lines = (self.pending + text).split("\n")
        self.pending = lines.pop()
        if lines:
            self.stream.write("".join(line.rstrip(" ") + "\n" for line in lines))
        return len(text)

    def flush(self) -> None:
        if self.pending:
            self.stream.write(self.pending)
            self.pending = ""
        self.stream.flush()

    def isatty(self) -> bool:
        return False

    def __getattr__(self, name: str) -> Any:  # encoding, fileno, ... of the real stream
        return getattr(self.stream, name)


@lru_cache(maxsize=1)
def out() -> Console:
    """The stdout console for tables and panels (honours NO_COLOR and pipes).

    Piped, lines carry no padding: `netprep star check | less` has no trailing spaces.
    """
    from rich.console import Console

    interactive = getattr(sys.stdout, "isatty", lambda: False)()
    if interactive:
        return Console(highlight=False, soft_wrap=False)
    trimmed: Any = _TrimmedLines(sys.stdout)  # a text stream in all but name
    return Console(highlight=False, soft_wrap=False, file=trimmed)


@lru_cache(maxsize=1)
def err() -> Console:
    """The stderr console for styled messages and the interview UI chrome."""
    from rich.console import Console

    return Console(stderr=True, highlight=False)
