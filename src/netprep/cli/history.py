"""`netprep history`: past mock interviews, and every answer of one of them."""

from __future__ import annotations

from typing import Any

import typer

from netprep.cli import MAX_ID

app = typer.Typer(
    add_completion=False,
    help="Past mock interviews: when, which round, how many answered, time and rating.",
)

JSON_HELP = "Print machine-readable JSON on stdout."


@app.callback(invoke_without_command=True)
def history(
    ctx: typer.Context,
    json: bool = typer.Option(False, "--json", help=JSON_HELP),
    limit: int = typer.Option(20, "--limit", metavar="N", min=1, max=MAX_ID,
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
) -> None:
    """Show one mock interview: every question, its target and used time, answer and rating."""
    from netprep.errors import NotFoundError, UsageError

    if not session_id.strip().isdigit() or int(session_id) > MAX_ID:
        raise UsageError(f"'{session_id}' is not a session id; ids are whole numbers "
                         f"from 1 to {MAX_ID}.",
                         "List them with `netprep history`.")
    from netprep.store import open_store
    from netprep.store.code import code_attempts
    from netprep.store.sessions import get_session

    with open_store() as store:
        session = get_session(store, int(session_id))
        if session is not None:  # the coding drill that ended the round, if any
            session["code_attempts"] = [a.to_dict() for a in
                                        code_attempts(store, session_id=int(session_id))]
    if session is None:
        raise NotFoundError(f"No mock interview with id {int(session_id)}.",
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
