"""Small pure text helpers shared by every layer (no imports beyond `re`).

`ui/` builds Rich text on top of `clean`; logic packages use `clock`, `plural` and
`did_you_mean` without reaching into the terminal layer.
"""

from __future__ import annotations

import re

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
# C0 controls except tab and newline, DEL, C1 controls, and bidi overrides/isolates.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(value: object) -> str:
    """Strip terminal escape sequences and control characters; keep newlines and tabs."""
    text = str(value).replace("\r\n", "\n")
    return _CONTROL.sub("", _ANSI.sub("", text))


def clock(seconds: float) -> str:
    """Whole seconds as m:ss (negative values are shown as their size)."""
    total = int(abs(seconds))
    return f"{total // 60}:{total % 60:02d}"


_WORD = re.compile(r"[^\W_]+(?:['’.,\-][^\W_]+)*")


def count_words(text: str) -> int:
    """Words as the coach counts them for speaking time ("2,500", "don't", "co-op" are one)."""
    return len(_WORD.findall(text or ""))


def bare_point(point: str) -> str:
    """A key point or list item without its own closing punctuation, to be listed."""
    return str(point).strip().rstrip(".;:, ").strip()


def join_points(points: Iterable[str]) -> str:
    """Items as one list ("a; b; c"), never their sentences run together (".;", "..")."""
    return "; ".join(p for p in (bare_point(x) for x in points) if p)


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 story', '3 stories' (pass `many` for an irregular plural)."""
    return f"{n} {word}" if n == 1 else f"{n} {many or word + 's'}"


_BREAKS = str.maketrans({"\r": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"})


def normalize_text(text: str) -> str:
    """One kind of line break (YAML reads \\r, NEL and the Unicode separators as breaks)."""
    return str(text or "").replace("\r\n", "\n").translate(_BREAKS)


def closest(value: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """The valid ids nearest to a mistyped one: prefixes and parts first, then look-alikes."""
    import difflib

    options = list(dict.fromkeys(choices))
    wanted = value.strip().lower()
    if not wanted:
        return []
    starts = [c for c in options if c.lower().startswith(wanted) or wanted.startswith(c.lower())]
    inside = [c for c in options if wanted in c.lower() and c not in starts]
    alike = difflib.get_close_matches(wanted, options, n=n, cutoff=0.6)
    return list(dict.fromkeys([*starts, *inside, *alike]))[:n]


def did_you_mean(value: str, choices: Iterable[str], label: str = "Valid ids") -> str:
    """A hint for an unknown id: 'Did you mean keeper-test? Valid ids: a, b, c.'"""
    options = list(dict.fromkeys(choices))
    near = closest(value, options)
    listed = f"{label}: {', '.join(options)}." if options else f"{label}: none are loaded."
    if not near:
        return listed
    return f"Did you mean {' or '.join(near)}? {listed}"


def fit(text: str, width: int | None, indent: str = "") -> str:
    """`text` wrapped at word boundaries to `width` columns (None: as it is).

    Each paragraph line keeps its own leading spaces; continuation lines get `indent`
    more, so a hint or a list never breaks inside a word or an id. In a line that has to
    wrap, a command in backticks stays on one line, and a path or a command too long to
    share a line goes on a line of its own, indented, with no backticks or punctuation
    stuck to it (the prose before it ends with a colon), so it can be copied whole; one
    the sentence runs on from stays in it, unbroken.
    """
    if not width or width < 20:
        return text
    out = []
    for line in text.split("\n"):
        out.extend(_fit_line(line, width, indent) if len(line) > width else [line])
    return "\n".join(out)


# A command in backticks, or a bare path (/..., ~/...) without the punctuation after it.
_COPYABLE = re.compile(r"`(?P<command>[^`\n]+)`|(?<![\w`'\"/.])(?P<path>~?/[\w.~-][^\s`'\"]*?)"
                       r"(?=[.,;:)]*(?:\s|$))")
_KEEP = "\x00"  # stands for a space that must not break (clean() removes real NULs)


def _fit_line(line: str, width: int, indent: str) -> list[str]:
    import textwrap

    lead = line[: len(line) - len(line.lstrip(" "))]
    own = lead + "  "
    wide = (width - len(lead + indent)) // 2

    def fill(prose: str) -> list[str]:
        filled = textwrap.fill(prose, width=width, subsequent_indent=lead + indent,
                               break_long_words=False, break_on_hyphens=False)
        return filled.replace(_KEEP, " ").split("\n") if filled.strip() else []

    lines: list[str] = []
    prose, rest = "", line
    while match := _COPYABLE.search(rest):
        token = match.group("command") or match.group("path")
        after = rest[match.end():]
        # Only a path or long command that ends its clause goes on a line of its own; one
        # the sentence runs on from ("The database PATH is busy") stays in the sentence.
        ends = not after.strip() or after[:1] in ".,;:)"
        if not ((match.group("path") or len(token) > wide) and ends):
            whole = match.group(0)
            if match.group("command") and len(whole) <= width - len(lead + indent):
                whole = whole.replace(" ", _KEEP)
            prose += rest[: match.start()] + whole
            rest = after
            continue
        before = (prose + rest[: match.start()]).rstrip(" ,;")
        if before.strip():
            lines.extend(fill(before if before.endswith(":") else before + ":"))
        lines.append(own + token)
        rest = rest[match.end():].lstrip(".,;:) ")
        prose = lead + rest[:1].upper() if rest else ""
        rest = rest[1:]
    return lines + fill(prose + rest)


def terminal_width(stream: object) -> int | None:
    """The columns of the terminal `stream` writes to, or None when it is not one."""
    try:
        if not stream.isatty():  # type: ignore[attr-defined]
            return None
        import os

        return os.get_terminal_size(stream.fileno()).columns  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return None


def literal(value: object, lang: str = "") -> str:
    """A test value as the drill's language writes it: Python's `True`, `False`, `None`
    for "python", else JSON (`true`, `null`: JavaScript's and Java's words too)."""
    import json

    if lang != "python":
        return json.dumps(value, ensure_ascii=False)
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(literal(item, lang) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{literal(k, lang)}: {literal(v, lang)}"
                               for k, v in value.items()) + "}"
    return json.dumps(value, ensure_ascii=False)
