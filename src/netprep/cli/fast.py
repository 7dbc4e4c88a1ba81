"""Commands that run without Typer (see `FAST_PATHS` in `netprep.cli`).

Each must print exactly what its Typer command prints: `tests/test_fast_paths.py`
runs both and compares.
"""

from __future__ import annotations

import sys

from netprep import __version__


def version() -> None:
    sys.stdout.write(f"netprep {__version__}\n")


def star_list_json() -> None:
    """`netprep star list --json` (also called by the Typer command)."""
    from netprep.star.cache import list_summaries_json
    from netprep.store import open_store
    from netprep.ui.console import print_json_rows

    with open_store() as store:
        rows = list_summaries_json(store)
    print_json_rows("stories", rows)


def stats_json() -> None:
    """`netprep stats --json` (also called by the Typer command)."""
    from netprep.progress.stats import collect_stats
    from netprep.ui.console import print_json

    print_json(collect_stats())
