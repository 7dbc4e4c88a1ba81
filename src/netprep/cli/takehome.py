"""`netprep takehome`: a timed take-home assessment, checked and reviewed.

Thin: options are parsed here; `netprep.takehome` does the work and
`netprep.ui.render_takehome` shows it.
"""

from __future__ import annotations

from typing import Any

import typer

from netprep.cli.completion import brief_ids
from netprep.cli.ids import ID

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Take-home assessments: a brief, a time box, hidden acceptance checks and a review.",
)

KEYS = ("Enter: run the checks · b: the brief · s: status · q: pause and leave (the "
        "clock stops)")


def _json(data: Any) -> None:
    from netprep.ui.console import print_json

    print_json(data)


@app.command("list")
def list_briefs(
    json: bool = typer.Option(False, "--json", help="Print machine-readable JSON on stdout."),
) -> None:
    """List the take-home briefs."""
    from netprep.content import load_library
    from netprep.takehome.briefs import list_rows

    rows = list_rows(load_library())
    if json:
        _json({"briefs": [{k: r[k] for k in ("id", "title", "track", "hours", "languages")}
                          for r in rows]})
    else:
        from netprep.ui.render_takehome import render_list

        render_list(rows)


@app.command()
def show(
    brief_id: str = typer.Argument(..., metavar="ID", help="The brief id.",
                                  autocompletion=brief_ids),
    json: bool = typer.Option(False, "--json", help="Print machine-readable JSON on stdout."),
) -> None:
    """Show a brief: what to build, constraints, what reviewers look for, the rubric."""
    from netprep.content import load_library
    from netprep.takehome.briefs import describe, get_brief

    data = describe(get_brief(load_library(), brief_id))
    if json:
        _json(data)
    else:
        from netprep.ui.render_takehome import render_brief

        render_brief(data)


@app.command()
def start(
    brief_id: str = typer.Argument(..., metavar="ID", help="The brief id.",
                                  autocompletion=brief_ids),
) -> None:
    """Write the scaffold (an existing folder is kept) and start or resume the clock.

    In a terminal it stays with you: Enter runs the checks, q pauses and leaves, and
    Ctrl-C pauses too. Without a terminal it prints the folder's path and the clock
    keeps running until `netprep takehome pause` or `submit`.
    """
    from netprep.content import load_library
    from netprep.store import open_store
    from netprep.takehome.session import start as begin
    from netprep.ui import prompts
    from netprep.ui.console import message

    library = load_library()
    with open_store() as store:
        started = begin(store, library, brief_id)
    if started.paused_other:
        message(f"Paused the clock of your {started.paused_other} attempt.")
    if started.created:
        message(f"Wrote the scaffold of {brief_id} (attempt {started.attempt.id}).")
    else:
        message(f"Keeping your files (attempt {started.attempt.id}).")
    message("Clock resumed." if started.resumed else "Clock running.")
    if not prompts.is_interactive():
        import sys

        sys.stdout.write(f"{started.folder}\n")
        return
    message(f"Folder: {started.folder}")
    if started.created:  # the clock runs: say at once where the brief is
        message("What to build is in the brief: press b to read it here, or run "
                f"`netprep takehome show {brief_id}` in another window.")
    _sitting(started.attempt.id, library)


def _sitting(attempt_id: int, library: Any) -> None:
    """The interactive sitting; leaving it, or Ctrl-C, pauses the clock."""
    from netprep.store import open_store
    from netprep.takehome import session
    from netprep.ui import prompts
    from netprep.ui.console import message
    from netprep.ui.render_takehome import render_check, status_line

    def toolbar() -> str:
        with open_store() as store:
            attempt = session.current_attempt(store, attempt_id)
        return " " + status_line(session.status(attempt)) + " "

    message(KEYS)
    try:
        while True:
            key = prompts.command_line("›", toolbar=toolbar).strip().lower()
            if key in ("q", "quit", "p", "pause"):
                break
            if key in ("s", "status"):
                message(toolbar().strip())
            elif key in ("b", "brief"):
                from netprep.takehome.briefs import describe, get_brief
                from netprep.ui.render_takehome import render_brief

                with open_store() as store:
                    attempt = session.current_attempt(store, attempt_id)
                render_brief(describe(get_brief(library, attempt.brief_id)))
            elif key == "":
                with open_store() as store:
                    attempt = session.current_attempt(store, attempt_id)
                    _brief, result = session.check(store, library, attempt)
                render_check(result.to_dict())
            message(KEYS)
    finally:
        with open_store() as store:
            attempt = session.pause(store, session.current_attempt(store, attempt_id))
        message("Clock paused. " + status_line(session.status(attempt)))
        message(f"Resume with `netprep takehome start {attempt.brief_id}`.")
        message("When you are done, hand it in with `netprep takehome submit`.")


@app.command()
def pause(
    attempt_id: int = typer.Option(None, "--attempt", click_type=ID,
                                   help="The attempt (default: the current)."),
) -> None:
    """Stop the clock of the current attempt (resume with `takehome start ID`)."""
    from netprep.store import open_store
    from netprep.takehome import session
    from netprep.ui.console import message
    from netprep.ui.render_takehome import status_line

    with open_store() as store:
        attempt = session.pause(store, session.current_attempt(store, attempt_id))
    message("Clock paused. " + status_line(session.status(attempt)))


@app.command()
def status(
    attempt_id: int = typer.Option(None, "--attempt", click_type=ID,
                                   help="The attempt (default: the current)."),
    json: bool = typer.Option(False, "--json", help="Print machine-readable JSON on stdout."),
) -> None:
    """Time used and left on the current attempt, and where its folder is."""
    from netprep.store import open_store
    from netprep.takehome import session

    with open_store() as store:
        data = session.status(session.current_attempt(store, attempt_id))
    if json:
        _json(data)
    else:
        from netprep.ui.render_takehome import render_status

        render_status(data)


@app.command()
def check(
    attempt_id: int = typer.Option(None, "--attempt", click_type=ID,
                                   help="The attempt (default: the current)."),
    allow: bool = typer.Option(False, "--allow-pack-checks",
                               help="Run the checks of a brief from a user pack (they are code)."),
    json: bool = typer.Option(False, "--json", help="Print machine-readable JSON on stdout."),
) -> None:
    """Run the brief's hidden acceptance checks: which requirements pass (exit 0 when all)."""
    from netprep.content import load_library
    from netprep.store import open_store
    from netprep.takehome import session

    library = load_library()
    with open_store() as store:
        attempt = session.current_attempt(store, attempt_id)
        _brief, result = session.check(store, library, attempt, allow_pack_code=allow)
    data = result.to_dict()
    if json:
        _json(data)
    else:
        from netprep.ui.render_takehome import render_check

        render_check(data)
    if attempt.state == "paused":  # editing between sittings: time that is not counted
        from netprep.ui.console import message

        message(f"The clock is paused, so the time you spend now is not counted: "
                f"`netprep takehome start {attempt.brief_id}` resumes it.")
    if not result.all_passed:
        raise typer.Exit(1)


def _ratings(rate: list[str] | None, brief: Any) -> dict[str, int]:
    """The self-review: --rate flags, else prompts in a terminal, else stdin lines."""
    import sys

    from netprep.errors import UsageError
    from netprep.takehome.review import parse_ratings
    from netprep.ui import prompts

    areas = [r["area"] for r in brief.rubric]
    if not rate and prompts.is_interactive():
        ratings = {}
        for item in brief.rubric:
            ratings[item["area"]] = prompts.select(
                f"Rate your {item['area']} (1-5). Reviewers look for: {item['look_for']}",
                [(f"{n} - {label}", n) for n, label in
                 ((1, "weak"), (2, "below the bar"), (3, "at the bar"), (4, "strong"),
                  (5, "exemplary"))],
                default=3,
            )
        return ratings
    values = list(rate or []) or sys.stdin.read().split()
    try:
        return parse_ratings(values, areas)
    except ValueError as exc:
        raise UsageError(f"Self-review: {exc}.", "Nothing was submitted.") from exc


@app.command()
def submit(
    attempt_id: int = typer.Option(None, "--attempt", click_type=ID,
                                   help="The attempt (default: the current)."),
    rate: list[str] = typer.Option(
        None, "--rate",
        help="Self-review, AREA=N (1-5) for design, correctness, code-quality, docs, "
        "trade-offs; repeatable or comma-separated. Without it: asked in a terminal, "
        "else read from stdin.",
    ),
    yes: bool = typer.Option(False, "--yes", help="Do not ask before freezing the folder."),
    allow: bool = typer.Option(False, "--allow-pack-checks",
                               help="Run the checks of a brief from a user pack (they are code)."),
    json: bool = typer.Option(False, "--json", help="Print machine-readable JSON on stdout."),
) -> None:
    """Freeze the attempt and review it: acceptance checks, rubric checks, self-review."""
    from netprep.content import load_library
    from netprep.store import open_store
    from netprep.takehome import session
    from netprep.ui import prompts
    from netprep.ui.console import message
    from netprep.ui.render_takehome import render_review

    library = load_library()
    with open_store() as store:
        attempt = session.current_attempt(store, attempt_id)
        brief, review = session.prepare_review(store, library, attempt, allow_pack_code=allow)
    if not json:
        render_review({"review": review}, automated_only=True)
    ratings = _ratings(rate, brief)
    if prompts.is_interactive() and not yes and not prompts.confirm(
        f"{_standing(review)} Submit now? The folder is frozen and the clock stops.",
        default=True,
    ):
        message("Not submitted; the attempt stays open.")
        raise typer.Exit(1)
    with open_store() as store:
        data = session.submit(store, attempt, review, ratings)
    if json:
        _json(data)
    else:
        render_review(data)
        message(f"Frozen at {data['path']}. Next: the follow-up round, "
                f"`netprep mock --round takehome --attempt {attempt.id}`.")


def _standing(review: dict[str, Any]) -> str:
    """Where the attempt stands before it is frozen: requirements met, time left."""
    from netprep.ui.render_takehome import clock

    checks = review["acceptance"]
    left = review["seconds_limit"] - review["seconds_used"]
    time = (f"{clock(left)} of the time box left" if left > 0
            else f"{clock(-left)} over the time box")
    return f"{checks['passed']} of {checks['total']} requirements met, {time}."


@app.command()
def review(
    attempt_id: int = typer.Argument(None, metavar="[ID]", click_type=ID,
                                     help="One attempt to show in full."),
    json: bool = typer.Option(False, "--json", help="Print machine-readable JSON on stdout."),
) -> None:
    """Past take-home attempts, or one attempt's review in full."""
    from netprep.store import open_store
    from netprep.takehome import session

    with open_store() as store:
        if attempt_id is None:
            rows = session.attempts_summary(store)
            for row in rows:
                row.pop("review", None)
            data: dict[str, Any] = {"attempts": rows}
        else:
            data = session.summary(session.current_attempt(store, attempt_id))
    if json:
        _json(data)
        return
    from netprep.ui.render_takehome import render_attempts, render_review

    if attempt_id is None:
        render_attempts(data["attempts"])
    else:
        render_review(data)
