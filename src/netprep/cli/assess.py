"""`netprep assess`: a timed online coding assessment with partial credit.

Thin: options are parsed here; `netprep.assess` does the work and
`netprep.ui.render_assess` shows it.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import typer

from netprep.cli.ids import ID

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Online assessment: 2-4 coding problems on one clock, partial credit per hidden test.",
)


def _keys(count: int) -> str:
    return (f"Enter: run the examples · 1-{count}: show a problem · s: submit · "
            "q: leave (the clock keeps running)")


def _now() -> datetime:
    return datetime.now(timezone.utc)


@app.command()
def start(
    problems: int = typer.Option(3, "--problems", "-n", min=2, max=4,
                                 help="How many problems, easiest first (2-4)."),
    minutes: float = typer.Option(None, "--minutes", min=10, max=180,
                                  help="The clock: default 70, 80 or 90 minutes for 2, 3 or 4 "
                                  "problems."),
    lang: str = typer.Option("python", "--lang", help="python, javascript or java."),
    seed: int = typer.Option(None, "--seed", min=0, max=2**31 - 1,
                             help="Seed for the choice of problems (reproducible)."),
    ai: bool = typer.Option(False, "--ai",
                            help="An AI-assisted assessment: an assistant may be used, and each "
                            "problem asks how you checked its code."),
) -> None:
    """Start an assessment: its problems written to one folder, the clock running.

    As the real ones: no hints and no interviewer; you may run each problem's examples
    (`assess run`), and the hidden tests are run once, when you submit (`assess submit`),
    each passing test earning its share of the problem's points (easy 100, medium 200,
    hard 300). In a terminal it stays with you (Enter runs the examples, s submits, and
    at time the assessment is submitted as it stands); without one it prints the folder.
    """
    from netprep.assess.session import start as begin
    from netprep.content import load_library
    from netprep.store import open_store
    from netprep.ui import prompts
    from netprep.ui.render_assess import render_briefing

    library = load_library()
    if prompts.is_interactive():
        going_on = _still_open()
        if going_on is not None and _back_to(going_on):
            from netprep.assess import session

            render_briefing(going_on, session.problems_of(library, going_on))
            _sitting(going_on.id, library)
            return
    with open_store() as store:
        row, chosen = begin(store, library, count=problems, minutes=minutes, lang=lang,
                            seed=seed, ai=ai, now=_now())
    render_briefing(row, chosen)
    if not prompts.is_interactive():
        import sys

        sys.stdout.write(f"{row.folder}\n")
        return
    _sitting(row.id, library)


def _still_open() -> Any:
    """The latest assessment not submitted whose clock has not run out, else None."""
    from netprep.assess import session
    from netprep.store import assess as rows
    from netprep.store import open_store

    with open_store() as store:
        open_ = [r for r in rows.all_rows(store) if not r.submitted_at
                 and session.seconds_used(r, _now()) < r.seconds_limit]
    return open_[-1] if open_ else None


def _back_to(row: Any) -> bool:
    """Whether to go back to the open assessment `row` (left with q, its clock running)
    rather than start another beside it: asked, going back the default."""
    from netprep.assess import session
    from netprep.text import clock
    from netprep.ui import prompts

    left = clock(row.seconds_limit - session.seconds_used(row, _now()))
    return bool(prompts.select(
        f"Assessment {row.id} is still open, {left} left on its clock.",
        [(f"Go back to assessment {row.id}", True),
         (f"Start a new one (assessment {row.id} stays open)", False)], default=True))


def _sitting(assessment_id: int, library: Any) -> None:
    from netprep.assess import session
    from netprep.store import assess as rows
    from netprep.store import open_store
    from netprep.ui.console import message
    from netprep.ui.timer import countdown

    with open_store() as store:
        row = rows.get(store, assessment_id)
    problems = session.problems_of(library, row)

    def toolbar() -> str:
        state = countdown(row.seconds_limit, session.seconds_used(row, _now()))
        late = " (time is up: any key submits)" if state.phase == "over" else ""
        return f" Assessment {row.id} · {state.text}{late} "

    try:
        _keys_loop(row, library, problems, toolbar)
    except KeyboardInterrupt:
        message(f"Left assessment {row.id}; its clock keeps running. Submit with "
                f"`netprep assess submit {row.id}`.")
        raise


def _keys_loop(row: Any, library: Any, problems: list[Any], toolbar: Any) -> None:
    from pathlib import Path

    from netprep.assess import session
    from netprep.assess.grade import problem_file
    from netprep.store import open_store
    from netprep.ui import prompts
    from netprep.ui.console import message
    from netprep.ui.render_assess import render_examples, render_problem, render_report

    message(_keys(len(problems)))
    while True:
        key = prompts.command_line("›", toolbar=toolbar).strip().lower()
        if session.seconds_used(row, _now()) > row.seconds_limit:
            message("Time is up: the assessment is submitted as it stands.")
            key = "submit!"
        if key in ("q", "quit"):
            message(f"Left assessment {row.id}; its clock keeps running. Submit with "
                    f"`netprep assess submit {row.id}`.")
            return
        if key in ("s", "submit", "submit!"):
            if key == "submit!" or prompts.confirm(_before_submit(row), default=False):
                with open_store() as store:
                    render_report(session.submit(store, library, row, _now()))
                return
        elif key.isdigit() and 1 <= int(key) <= len(problems):
            problem = problems[int(key) - 1]
            suffix = library.languages[row.lang].suffix  # the file's, in any language
            render_problem(problem, problem_file(Path(row.folder), problem, suffix), row.lang)
        elif key == "":
            render_examples(session.run_examples(library, row, None))
        message(_keys(len(problems)))


def _before_submit(row: Any) -> str:
    """The question before the hidden tests run, with the time still on the clock."""
    from netprep.assess import session
    from netprep.text import clock

    left = max(0, row.seconds_limit - session.seconds_used(row, _now()))
    return f"Submit now, with {clock(left)} still on the clock? The hidden tests run once."


@app.command()
def run(
    position: int = typer.Argument(None, metavar="[N]", help="The problem (default: all)."),
    assessment_id: int = typer.Option(None, "--id", click_type=ID,
                                      help="The assessment (default: the open one)."),
    json: bool = typer.Option(False, "--json", help="Print machine-readable JSON on stdout."),
) -> None:
    """Run the examples of a problem (or all), as the assessment allows before submitting."""
    from netprep.assess import session
    from netprep.content import load_library
    from netprep.store import assess as rows
    from netprep.store import open_store

    library = load_library()
    with open_store() as store:
        row = rows.get(store, assessment_id)
    data = session.run_examples(library, row, position)
    if json:
        from netprep.ui.console import print_json

        print_json({"id": row.id, "problems": data})
    else:
        from netprep.ui.render_assess import render_examples

        render_examples(data)


@app.command()
def submit(
    assessment_id: int = typer.Argument(None, metavar="[ID]", click_type=ID,
                                        help="The assessment (default: the open one)."),
    json: bool = typer.Option(False, "--json", help="Print machine-readable JSON on stdout."),
) -> None:
    """Run the hidden tests once and print the report (a submitted one is shown again)."""
    from netprep.assess import session
    from netprep.content import load_library
    from netprep.store import assess as rows
    from netprep.store import open_store

    library = load_library()
    with open_store() as store:
        data = session.submit(store, library, rows.get(store, assessment_id))
    _report(data, json)


@app.command()
def show(
    assessment_id: int = typer.Argument(None, metavar="[ID]", click_type=ID,
                                        help="The assessment (default: the latest)."),
    json: bool = typer.Option(False, "--json", help="Print machine-readable JSON on stdout."),
) -> None:
    """One assessment's report (or, not yet submitted, its problems and clock)."""
    from netprep.assess.session import report_of
    from netprep.store import assess as rows
    from netprep.store import open_store

    with open_store() as store:
        data = report_of(rows.get(store, assessment_id))
    _report(data, json)


@app.command("list")
def list_assessments(
    json: bool = typer.Option(False, "--json", help="Print machine-readable JSON on stdout."),
) -> None:
    """Every assessment: when, how many problems, the score."""
    from netprep.assess.session import report_of
    from netprep.store import assess as rows
    from netprep.store import open_store

    with open_store() as store:
        data = [report_of(row) for row in rows.all_rows(store)]
    if json:
        from netprep.ui.console import print_json

        print_json({"assessments": data})
    else:
        from netprep.ui.render_assess import render_list

        render_list(data)


def _report(data: dict[str, Any], json: bool) -> None:
    if json:
        from netprep.ui.console import print_json

        print_json(data)
    else:
        from netprep.ui.render_assess import render_report

        render_report(data)
