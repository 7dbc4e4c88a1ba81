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
) -> None:
    """Today's steps, each a command to run, chosen from your real gaps; an outline of the
    days left; and where today falls in the recruiting calendar.

    Without a date you get a general plan. A date in the past, or one that is not
    YYYY-MM-DD, is refused (exit 2) and nothing is saved.
    """
    from netprep.progress.plan import run_plan
    from netprep.ui.console import message

    data, notes = run_plan(interview, clear)
    for note in notes:
        message(note)
    if json:
        from netprep.ui.console import print_json

        print_json(data)
    else:
        from netprep.ui.render_stats import render_plan

        render_plan(data)
