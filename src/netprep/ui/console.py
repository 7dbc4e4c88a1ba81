"""stdout for data, stderr for messages. Rich is imported only when a view needs it."""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from netprep.ui.text import clean

if TYPE_CHECKING:
    from rich.console import Console


def print_json(data: Any) -> None:
    """Machine-readable output on stdout (no Rich, no colour)."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")
    sys.stdout.flush()


def message(text: str) -> None:
    """A plain line for the user on stderr."""
    sys.stderr.write(clean(text) + "\n")
    sys.stderr.flush()


@lru_cache(maxsize=1)
def out() -> Console:
    """The stdout console for tables and panels (honours NO_COLOR and pipes)."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


@lru_cache(maxsize=1)
def err() -> Console:
    """The stderr console for styled messages and the interview UI chrome."""
    from rich.console import Console

    return Console(stderr=True, highlight=False)
