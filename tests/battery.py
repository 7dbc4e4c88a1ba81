"""Shared helpers for the bad-input battery (tests/test_battery_*.py, issue #9).

Not a test module: the checks every battery case makes, hostile strings, a
real process with stdin from /dev/null, and a primed content cache so in-process
runs do not re-parse the built-in YAML in every fresh NETPREP_HOME. Prompts are
driven with `conftest.terminal(keys)`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# Markup, terminal escapes (CSI colour, OSC window title), bidi override, and plain unicode.
EVIL = "[bold red]x[/] [/] \x1b[31mred\x1b[0m \x1b]0;title\x07 \u202eevil\u202c"
RAW_CONTROLS = ("\x1b", "\x07", "\u202e", "\u202c")

SUBMIT = "\r"  # Enter submits every free-text prompt (Alt+Enter, Esc Enter, adds a line)
NEWLINE = "\x1b\r"
CTRL_C = "\x03"

_CACHE: dict[str, bytes] = {}


def assert_failure(result, code: int, *needles: str) -> None:
    """One clear `netprep:` message naming what is wrong, the documented code, no traceback."""
    err = _text(result, "err")
    assert _code(result) == code, (_code(result), _text(result, "out"), err)
    assert_no_traceback(result)
    assert err.startswith("netprep: ") and err.splitlines()[0].strip() != "netprep:", err
    for needle in needles:
        assert needle in err, (needle, err)


def assert_no_traceback(result) -> None:
    """No traceback, and no crash caught by the last line of defence in `netprep.cli.run`."""
    both = _text(result, "err") + _text(result, "out")
    assert "Traceback" not in both, both[-3000:]
    assert "Unexpected error" not in both, both[-3000:]


def assert_no_raw_controls(text: str) -> None:
    for char in RAW_CONTROLS:
        assert char not in text, (repr(char), text[:2000])


def _code(result) -> int:
    return result.code if hasattr(result, "code") else result.returncode


def _text(result, which: str) -> str:
    value = getattr(result, which, None)
    if value is None:
        value = getattr(result, "stderr" if which == "err" else "stdout")
    return value or ""


def prime_content_cache(home: Path) -> None:
    """Give `home` the validated-content cache of the built-in pack (built once per run).

    The cache key names the built-in pack's files only (no user packs), so the file
    built in the first test's home is valid in every later one.
    """
    target = home / "cache" / "content-cache.json"
    if "builtin" not in _CACHE:
        from netprep.content import collect

        _, problems = collect()
        assert problems == [], problems
        _CACHE["builtin"] = target.read_bytes()
        return
    home.mkdir(mode=0o700, exist_ok=True)
    target.parent.mkdir(mode=0o700, exist_ok=True)
    target.write_bytes(_CACHE["builtin"])
    target.chmod(0o600)


def run_devnull(*args: str, timeout: float = 30, env: dict[str, str] | None = None):
    """netprep as a real process with stdin from /dev/null (never a terminal, instant EOF)."""
    return subprocess.run(
        [sys.executable, "-m", "netprep", *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


def story_args(title: str = "Faster builds", text: str = "") -> list[str]:
    """`star add` flags for a complete story (each part suffixed with `text`)."""
    return [
        "--title", title,
        "--situation", f"During my internship the CI took 25 minutes. {text}",
        "--task", f"I had to bring it under ten minutes. {text}",
        "--action", f"I profiled each stage and I cached the dependencies. {text}",
        "--result", f"Builds dropped to 7 minutes, 30% more merges. {text}",
    ]
