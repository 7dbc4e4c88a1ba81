"""Commands that run without Typer (see `FAST_PATHS` in `netprep.cli`).

Each must print exactly what its Typer command prints: `tests/test_fast_paths.py`
runs both and compares.
"""

from __future__ import annotations

import sys

from netprep import __version__


def version() -> None:
    sys.stdout.write(f"netprep {__version__}\n")
