"""`netprep code`: timed coding drills in your own editor, run against hidden tests.

`run_drill()` is the interactive drill itself; `netprep mock --coding` calls it too.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from netprep.cli.completion import exercise_ids

if TYPE_CHECKING:
    from netprep.coding.session import Attempt
    from netprep.content.models import Language, Library

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Timed coding drills: write a function in your editor, run it against hidden tests.",
)

KEYS = ("Enter: run the tests · ?question: ask the interviewer · e: edit · h: hint · "
        "s: statement · q: give up")


@app.command("list")
def list_exercises(
    topic: str = typer.Option(None, "--topic", help="Only exercises with this topic."),
    json: bool = typer.Option(False, "--json", help="Print machine-readable JSON on stdout."),
) -> None:
    """List the coding exercises, easiest first."""
    from netprep.coding.exercises import list_exercises as rows_of
    from netprep.content import load_library

    rows = rows_of(load_library(), topic)
    if json:
        from netprep.ui.console import print_json

        print_json({"exercises": rows})
    else:
        from netprep.ui.render_code import render_list

        render_list(rows)


@app.command()
def show(
    exercise_id: str = typer.Argument(..., metavar="ID", help="The exercise id.",
                                     autocompletion=exercise_ids),
    json: bool = typer.Option(False, "--json", help="Print machine-readable JSON on stdout."),
) -> None:
    """Show an exercise: statement, function signatures and examples."""
    from netprep.coding.exercises import describe, get_exercise
    from netprep.content import load_library

    library = load_library()
    data = describe(library, get_exercise(library, exercise_id))
    if json:
        from netprep.ui.console import print_json

        print_json(data)
    else:
        from netprep.ui.render_code import render_exercise

        render_exercise(data)


@app.command()
def start(
    exercise_id: str = typer.Argument(..., metavar="ID", help="The exercise id.",
                                     autocompletion=exercise_ids),
    lang: str = typer.Option("python", "--lang", help="Language: python, javascript or java."),
    timed: bool = typer.Option(
        True, "--timed/--untimed", help="Count down from the exercise's target time."
    ),
) -> None:
    """Write a starter file, open $EDITOR, and run the tests each time you press Enter.

    The file is kept in the workspace (an existing attempt is never overwritten).
    Without a terminal on stdin, only writes the starter and prints its path.
    """
    from netprep.ui.prompts import is_interactive

    if not is_interactive():
        from netprep.coding.exercises import get_exercise, get_language, write_starter
        from netprep.content import load_library
        from netprep.ui.console import message

        library = load_library()
        exercise = get_exercise(library, exercise_id)
        path, created = write_starter(exercise, get_language(library, exercise, lang))
        message(_written(path, created))
        message(f"Run `netprep code test {exercise.id}` to check it.")
        typer.echo(str(path))
        return
    run_drill(exercise_id, lang=lang, timed=timed)


@app.command()
def test(
    exercise_id: str = typer.Argument(..., metavar="ID", help="The exercise id.",
                                     autocompletion=exercise_ids),
    file: Path = typer.Option(
        None, "--file", "-f", help="The file to test. Default: your workspace file."
    ),
    lang: str = typer.Option(
        None, "--lang", help="Language. Default: from the file's suffix, else python."
    ),
    json: bool = typer.Option(False, "--json", help="Print machine-readable JSON on stdout."),
    allow_pack_language: bool = typer.Option(
        False, "--allow-pack-language",
        help="Run a language from a user pack without asking (its command is code).",
    ),
) -> None:
    """Run the tests once, without prompts: exit 0 when all pass, 1 otherwise.

    A language added by a user pack runs only after you confirmed it once in a
    terminal, or with --allow-pack-language.
    """
    from netprep.coding.exercises import (
        check,
        get_exercise,
        get_language,
        language_for_file,
        workspace_file,
    )
    from netprep.content import load_library

    library = load_library()
    exercise = get_exercise(library, exercise_id)
    language = get_language(
        library, exercise, lang or (language_for_file(library, file) if file else "python")
    )
    consent(library, language, allow_pack_language)
    path = file if file is not None else workspace_file(exercise, language)
    report = check(exercise, language, path)
    data = {"exercise": exercise.id, **report.to_dict()}
    if json:
        from netprep.ui.console import print_json

        print_json(data)
    else:
        from netprep.ui.render_code import render_report

        render_report(data)
    if not report.all_passed:
        raise typer.Exit(1)


@app.command()
def ask(
    exercise_id: str = typer.Argument(..., metavar="ID", help="The exercise id.",
                                     autocompletion=exercise_ids),
    question: list[str] = typer.Argument(..., metavar="QUESTION",
                                         help="Your clarifying question (quote it, or not)."),
    json: bool = typer.Option(False, "--json", help="Print machine-readable JSON on stdout."),
) -> None:
    """Ask the interviewer a clarifying question about an exercise (answers are recorded)."""
    from netprep.coding.clarify import match
    from netprep.coding.exercises import get_exercise
    from netprep.content import load_library
    from netprep.errors import UsageError
    from netprep.store import now_iso, open_store
    from netprep.store.code import record_clarification
    from netprep.text import clean

    text = clean(" ".join(question)).strip()
    if not text:
        raise UsageError("The question is empty.",
                         "Ask it as `netprep code ask ID 'can it be empty?'`.")
    exercise = get_exercise(load_library(), exercise_id)
    found = match(text, exercise.clarifications)
    with open_store() as store:
        record_clarification(store, exercise_id=exercise.id, question=text, matched=found.id,
                             asked_at=now_iso())
    data = {"exercise": exercise.id, "question": text, **found.to_dict()}
    if json:
        from netprep.ui.console import print_json

        print_json(data)
    else:
        from netprep.ui.render_code import render_answer

        render_answer(data)


@app.command()
def solution(
    exercise_id: str = typer.Argument(..., metavar="ID", help="The exercise id.",
                                     autocompletion=exercise_ids),
    lang: str = typer.Option("python", "--lang", help="Language: python, javascript or java."),
) -> None:
    """Print the reference solution (asks first in a terminal; prints directly when piped)."""
    import sys

    from netprep.coding.exercises import exercise_languages, get_exercise
    from netprep.content import load_library
    from netprep.errors import UsageError
    from netprep.ui import prompts
    from netprep.ui.console import message

    library = load_library()
    exercise = get_exercise(library, exercise_id)
    offered = exercise_languages(library, exercise)
    if lang not in offered:
        raise UsageError(
            f"The exercise '{exercise.id}' has no '{lang}' solution.",
            f"Choose one of: {', '.join(offered)}.",
        )
    if prompts.is_interactive() and not prompts.confirm(
        f"Show the reference solution to “{exercise.title}”? Trying it yourself first "
        "teaches more.",
        default=False,
    ):
        message("Not shown.")
        return
    if exercise.explanation:
        # On stderr, so `netprep code solution ID > file` keeps the file pure code.
        e = exercise.explanation
        message(f"How it works: {e['approach']}")
        message(f"Time: {e['time']}. Space: {e['space']}.")
    sys.stdout.write(exercise.solution[lang].rstrip() + "\n")
    sys.stdout.flush()


# ---------------------------------------------------------------- the drill


def run_drill(
    exercise_id: str | None = None,
    *,
    lang: str = "python",
    timed: bool = True,
    minutes: int | None = None,
    difficulty: str | None = None,
    session_id: int | None = None,
    rng: random.Random | None = None,
    library: Library | None = None,
    in_round: bool = False,
) -> dict[str, Any]:
    """One interactive coding drill; returns the saved attempt's summary.

    Picks a random exercise (of `difficulty`, preferring unsolved ones) when
    `exercise_id` is None, writes the starter (keeping an existing file), opens
    $VISUAL/$EDITOR if set, then loops: Enter runs the tests, until they all pass
    or the user gives up. The attempt is saved (also on Ctrl-C, which is then
    re-raised) with `session_id` linking it to a mock session. `minutes`
    overrides the exercise's target time. Needs a terminal (NoTerminalError).
    `in_round`: the drill ends a mock round, whose summary shows its result (so the
    drill's own summary table is left out here).
    """
    from netprep.coding.exercises import get_exercise, get_language, pick_exercise, write_starter
    from netprep.coding.session import Attempt
    from netprep.content import load_library
    from netprep.store import open_store
    from netprep.store.code import solved_exercises
    from netprep.ui import prompts
    from netprep.ui.console import message
    from netprep.ui.render_code import render_summary

    prompts.require_terminal(
        "A coding drill", "Use `netprep code test ID` to test a file without prompts."
    )
    library = library or load_library()
    if exercise_id is None:
        with open_store() as store:
            solved = solved_exercises(store)
        exercise = pick_exercise(library, difficulty=difficulty, solved=solved, rng=rng)
    else:
        exercise = get_exercise(library, exercise_id)
    language = get_language(library, exercise, lang)
    consent(library, language, False)
    _header(library, exercise, language, timed, minutes)
    path, created = write_starter(exercise, language)
    message(_written(path, created))
    attempt = Attempt(
        exercise,
        language,
        path,
        timed=timed,
        target_seconds=minutes * 60 if minutes else None,
        session_id=session_id,
    )
    try:
        _loop(attempt, library)
    except KeyboardInterrupt:
        _save(attempt)
        raise
    _save(attempt)
    summary = attempt.summary()
    if not in_round:
        render_summary(summary)
    if not attempt.solved and prompts.confirm("See the reference solution?", default=False):
        from netprep.ui.console import out
        from netprep.ui.text import safe

        out().print(safe(exercise.solution[language.id].rstrip()))
    return summary


def _header(library: Library, exercise: Any, language: Language, timed: bool,
            minutes: int | None) -> None:
    """The drill's header and statement, before a starter is written or an editor opens."""
    from netprep.coding.exercises import describe
    from netprep.ui.console import message
    from netprep.ui.render_code import render_exercise
    from netprep.ui.timer import clock

    seconds = minutes * 60 if minutes else exercise.minutes * 60
    target = f", target {clock(seconds)}" if timed else ""
    message(f"Coding drill: {exercise.title} ({exercise.difficulty}{target}) in {language.name}.")
    render_exercise(describe(library, exercise), in_drill=True)


def consent(library: Library, language: Language, allow: bool) -> None:
    """Run a user pack's language only once the user agreed (asked once per command hash)."""
    from netprep.coding import trust

    if allow or not trust.needs_consent(library, language) or trust.is_trusted(language):
        return
    from netprep.ui import prompts
    from netprep.ui.console import message

    if not prompts.is_interactive():
        raise trust.refusal(language)
    message(
        f"The language '{language.id}' ({language.name}) comes from the pack "
        f"'{language.pack}', not from netprep. To test your code it runs, on this machine, "
        f"with your permissions:\n    {trust.command_line(language)}\n"
        "and the pack's own harness program. Only agree if you trust the pack."
    )
    if not prompts.confirm("Run this pack's language? (asked once)", default=False):
        raise trust.UntrustedLanguage(
            f"Not run: the language '{language.id}' was not confirmed.",
            "Use a built-in language (--lang python), or confirm it next time.",
        )
    trust.remember(language)


def _written(path: Path, created: bool) -> str:
    if created:
        return f"Wrote a starter file: {path}"
    return f"Keeping your existing attempt: {path}"


def _save(attempt: Attempt) -> None:
    from netprep.store import open_store

    with open_store() as store:
        attempt.save(store)


def _editor() -> list[str] | None:
    """$VISUAL or $EDITOR as an argument list (no fallback: without one, print the path)."""
    import os
    import shlex

    for name in ("VISUAL", "EDITOR"):
        value = os.environ.get(name, "").strip()
        if value:
            try:
                return shlex.split(value) or None
            except ValueError:
                return [value]
    return None


def _edit(attempt: Attempt) -> None:
    import subprocess

    from netprep.ui.console import message

    command = _editor()
    if command is None:
        message(f"Open {attempt.path} in your editor (in another pane or window).")
        return
    try:
        subprocess.call([*command, str(attempt.path)])
    except OSError as exc:
        message(f"Could not start the editor {command[0]}: {exc.strerror or exc}.")
        message(f"Open {attempt.path} in your editor (in another pane or window).")


def _ask(attempt: Attempt, question: str) -> None:
    from netprep.ui.console import message
    from netprep.ui.render_code import render_answer

    if not question:
        message("Type ? and your question, for example: ?can the list be empty")
        return
    render_answer(attempt.ask(question).to_dict())


def _toolbar(attempt: Attempt) -> str:
    from netprep.ui.timer import countdown

    state = countdown(float(attempt.target_seconds or 0), attempt.elapsed, attempt.timed)
    text = f" {attempt.exercise.title} · {state.text}"
    if state.phase == "over":
        text += " (keep going, or q to stop)"
    if attempt.last is not None:
        text += f" · last run {attempt.last.passed}/{attempt.last.total}"
    return text + " "


def _loop(attempt: Attempt, library: Library) -> None:
    from netprep.coding.exercises import describe
    from netprep.ui import prompts
    from netprep.ui.console import message
    from netprep.ui.render_code import render_exercise, render_report

    exercise = attempt.exercise
    _edit(attempt)
    message(KEYS)
    while True:
        raw = prompts.command_line("›", toolbar=lambda: _toolbar(attempt)).strip()
        key = raw.lower()
        if key.startswith("?"):
            _ask(attempt, raw[1:].strip())
        elif key == "":
            report = attempt.run()
            render_report({"exercise": exercise.id, **report.to_dict()})
            if report.all_passed:
                return
            message(KEYS)
        elif key in ("q", "quit"):
            if attempt.runs == 0:
                render_report({"exercise": exercise.id, **attempt.run().to_dict()})
            return
        elif key in ("e", "edit"):
            _edit(attempt)
        elif key in ("h", "hint"):
            hint = attempt.next_hint()
            message(f"Hint {attempt.hints_shown}/{len(exercise.hints)}: {hint}" if hint
                    else "No more hints.")
        elif key in ("s", "statement"):
            render_exercise(describe(library, exercise), in_drill=True)
        else:
            message(KEYS)
