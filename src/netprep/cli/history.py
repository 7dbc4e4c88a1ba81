"""`netprep history`: past mock interviews, and every answer of one of them."""

from __future__ import annotations

from typing import Any

import typer

from netprep.cli.ids import COUNT, parse_number

app = typer.Typer(
    add_completion=False,
    help="Past mock interviews: when, which round, how many answered, time and rating.",
)

JSON_HELP = "Print machine-readable JSON on stdout."


@app.callback(invoke_without_command=True)
def history(
    ctx: typer.Context,
    json: bool = typer.Option(False, "--json", help=JSON_HELP),
    limit: int = typer.Option(20, "--limit", metavar="N", click_type=COUNT,
                              help="Show at most N sessions, newest first (default 20)."),
) -> None:
    """List past mock interviews and coding drill attempts, newest first.

    `netprep history show ID` shows every answer of one mock interview.
    """
    if ctx.invoked_subcommand is not None:
        return
    from netprep.store import open_store
    from netprep.store.code import code_attempts
    from netprep.store.sessions import list_sessions

    with open_store() as store:
        sessions = list_sessions(store, limit)
        attempts = [a.to_dict() for a in code_attempts(store, limit=limit)]
        takehomes = _takehome_rows(store, limit)
    if json:
        from netprep.ui.console import print_json

        print_json({"sessions": sessions, "code_attempts": attempts,
                    "takehome_attempts": takehomes})
    else:
        from netprep.ui.console import out
        from netprep.ui.render_mock import render_attempts, render_sessions

        render_sessions(sessions, out())
        render_attempts(attempts, out())
        if takehomes:
            from netprep.ui.render_takehome import render_attempts as render_takehomes

            render_takehomes(takehomes)


def _takehome_rows(store: Any, limit: int) -> list[dict[str, Any]]:
    from netprep.takehome.session import attempts_summary

    rows = attempts_summary(store, limit)
    for row in rows:
        row.pop("review", None)
    return rows


@app.command()
def show(
    session_id: str = typer.Argument(..., metavar="ID",
                                     help="The session's id (see `netprep history`)."),
    json: bool = typer.Option(False, "--json", help=JSON_HELP),
    drill: bool = typer.Option(
        False, "--drill", help="ID is a coding drill's id (the Coding drills table): show its "
        "nudges, think-aloud review and the feedback you answered."),
) -> None:
    """Show one mock interview: every question, its target and used time, answer and rating.

    With --drill, one coding drill attempt instead.
    """
    from netprep.errors import NotFoundError, UsageError

    try:
        number = parse_number(session_id, "a drill id" if drill else "a session id")
    except UsageError as exc:
        raise UsageError(exc.message, "List them with `netprep history`.") from None
    if drill:
        _show_drill(number, json)
        return
    from netprep.store import open_store
    from netprep.store.code import code_attempts
    from netprep.store.sessions import get_session

    with open_store() as store:
        session = get_session(store, number)
        if session is not None:  # the coding drill that ended the round, if any
            session["code_attempts"] = [a.to_dict() for a in
                                        code_attempts(store, session_id=number)]
    if session is None:
        raise NotFoundError(f"No mock interview with id {number}.",
                            "List them with `netprep history`.")
    from netprep.mock.scoring import fill_verdicts

    fill_verdicts(session)
    if json:
        from netprep.ui.console import print_json

        print_json(session)
    else:
        from netprep.ui.console import out
        from netprep.ui.render_mock import render_session

        render_session(session, out())


def _show_drill(number: int, json: bool) -> None:
    from netprep.errors import NotFoundError
    from netprep.store import open_store
    from netprep.store.code import get_attempt

    with open_store() as store:
        attempt = get_attempt(store, number)
    if attempt is None:
        raise NotFoundError(f"No coding drill with id {number}.",
                            "List them with `netprep history`.")
    data = attempt.to_dict()
    if json:
        from netprep.ui.console import print_json

        print_json(data)
        return
    from netprep.ui.render_code import render_drill

    render_drill(data)


@app.command("import")
def import_(
    file: str = typer.Argument(
        ..., metavar="FILE",
        help="A draft netprep kept: the JSON of a failed write, or the Markdown of an answer "
        "cut off by Ctrl-C."),
) -> None:
    """Save the mock answers kept in a draft (the path was printed): after a failed write, or
    an answer cut off by Ctrl-C. A draft saved before is not saved twice."""
    import json
    from pathlib import Path

    from netprep.content.textfile import read_source
    from netprep.errors import NetprepError
    from netprep.paths import workspace_dir
    from netprep.store import open_store
    from netprep.store.sessions import (
        DRAFT_KIND,
        import_answers,
        import_unfinished,
        read_unfinished,
    )
    from netprep.ui.console import message

    path = Path(file).expanduser()
    text = read_source(str(path), "draft", "Give the file netprep named when the answer "
                       "could not be saved.")[0]
    try:
        unfinished = read_unfinished(text)
        if unfinished is not None:  # an answer cut off by Ctrl-C (Markdown with a header)
            with open_store() as store:
                session_id, count = import_unfinished(store, *unfinished)
        else:
            try:
                draft = json.loads(text)
            except ValueError:
                draft = None
            if not isinstance(draft, dict) or draft.get("kind") != DRAFT_KIND:
                raise ValueError("it is not a draft of mock answers netprep wrote")
            with open_store() as store:
                session_id, count = import_answers(store, draft)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        reason = (exc.strerror if isinstance(exc, OSError)
                  else f"the draft has no field {exc.args[0]!r}" if isinstance(exc, KeyError)
                  else str(exc))
        raise NetprepError(f"Cannot import {path}: {reason}.",
                           "Give the file netprep named when the answer could not be saved.",
                           ) from exc
    plural = "answer" if count == 1 else "answers"
    if count == 0:
        message(f"Nothing new to save: session {session_id} already has this draft's text.")
    else:
        message(f"Saved {count} {plural} in session {session_id}; see `netprep history show "
                f"{session_id}`.")
    if path.resolve().parent == workspace_dir().resolve():
        path.unlink(missing_ok=True)  # saved now: the draft has done its job

