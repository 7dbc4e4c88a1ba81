"""`netprep report`: your progress as one private, self-contained HTML page."""

from __future__ import annotations

import typer

app = typer.Typer(add_completion=False)


@app.command()
def report(
    output: str = typer.Option(
        None, "--output", "-o", metavar="FILE.html",
        help="Where to write the page (default: report.html in your netprep data folder).",
    ),
    open_: bool = typer.Option(
        False, "--open", help="Open the page in your system's web browser once written.",
    ),
) -> None:
    """Write one HTML page with charts of your progress and print its path.

    Mock answer scores over time (overall and per competency), stories and their
    scores, the share of answers over time, spoken pace and fillers per minute,
    quiz retention per culture theme (FSRS recall), coding drills and time to solve,
    partner vs self ratings, and the plan with the days to your interview. Each
    chart has a one-line reading. The page loads nothing from the network (no
    scripts, fonts or images), is written atomically and private to you (0600),
    and its numbers are those of `netprep stats --json`. A path that cannot be
    written exits 1.
    """
    from pathlib import Path

    from netprep.progress.report import collect_report, default_output, write_report
    from netprep.ui.console import message
    from netprep.ui.render_report import render_report_html

    target = Path(output).expanduser() if output else default_output()
    written = write_report(target, render_report_html(collect_report()))
    typer.echo(str(written))
    if open_:
        import webbrowser

        if not webbrowser.open(written.resolve().as_uri()):
            message(f"No web browser could be started; open {written} yourself.")
