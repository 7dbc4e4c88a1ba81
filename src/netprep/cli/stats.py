"""`netprep stats`: your progress at a glance (one screen, or JSON)."""

from __future__ import annotations

import typer

app = typer.Typer(add_completion=False)


@app.command()
def stats(
    json: bool = typer.Option(
        False, "--json", help="Print machine-readable JSON on stdout (keys in the README)."
    ),
) -> None:
    """Stories, mock practice, culture quiz, reflections, coding drills and your streak.

    Weeks and days are your local calendar days. Each "what changed" line compares
    the earlier half of your practice days in the last 8 weeks with the recent half;
    the trends are sparklines (at least 3 points) of mock scores, self-rating,
    answers over time, spoken pace and fillers, quiz accuracy and drill solve times,
    each with a one-line reading. `--json` carries the series as `trends`.
    """
    if json:
        from netprep.cli.fast import stats_json

        stats_json()
        return
    from netprep.progress.stats import collect_stats
    from netprep.ui.render_stats import render_stats

    render_stats(collect_stats())
