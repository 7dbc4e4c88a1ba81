"""`netprep plan`: what to practise today, counting down to the interview."""

from __future__ import annotations

import typer

app = typer.Typer(add_completion=False)


@app.command()
def plan(
    interview: str = typer.Option(
        None, "--interview", metavar="YYYY-MM-DD",
        help="Your interview date; remembered for later runs.",
    ),
    clear: bool = typer.Option(False, "--clear", help="Forget the remembered interview date."),
    json: bool = typer.Option(
        False, "--json", help="Print machine-readable JSON on stdout (keys in the README)."
    ),
    ics: str = typer.Option(
        None, "--ics", metavar="FILE",
        help="Also write the plan as a calendar file (.ics): one all-day event per day "
        "to the interview and the interview itself, each with the day's commands; "
        "without a date, the recruiting calendar's milestones.",
    ),
) -> None:
    """Today's steps, each a command to run, chosen from your real gaps; an outline of the
    days left; and where today falls in the recruiting calendar.

    Without a date you get a general plan. A date in the past, or one that is not
    YYYY-MM-DD, is refused (exit 2) and nothing is saved. `--ics FILE` is written
    atomically and private to you (0600); a path that cannot be written exits 1.
    """
    from netprep.cli.fast import plan as run

    run(interview, clear, json, ics)
