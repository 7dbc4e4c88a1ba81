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


MAX_QUESTION = 1000


def star_suggest(question: str, json: bool = False) -> None:
    """`netprep star suggest QUESTION [--json]` (also called by the Typer command)."""
    from netprep.errors import UsageError
    from netprep.star.match_cache import suggest_for
    from netprep.store import open_store
    from netprep.text import clean

    text = " ".join(clean(question).split())
    if not text:
        raise UsageError("QUESTION is empty.",
                         'Give the question in quotes: netprep star suggest "Tell me about ..."')
    if len(text) > MAX_QUESTION:
        raise UsageError(f"QUESTION is {len(text)} characters; at most {MAX_QUESTION}.",
                         "Give the question itself, not a whole document.")
    with open_store() as store:
        found, index = suggest_for(store, text)
    if json:
        from netprep.ui.console import print_json

        print_json(found.to_dict())
        return
    from netprep.ui.render_star import render_suggestion

    render_suggestion(found, index.names)
