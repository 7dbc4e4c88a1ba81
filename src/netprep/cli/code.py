"""`netprep code`: timed coding drills in your own editor, run against hidden tests.

`run_drill()` is the interactive drill itself; `netprep mock --coding` calls it too.
"""

from __future__ import annotations

from pathlib import Path

import typer

from netprep.cli.code_drill import consent, run_drill
from netprep.cli.completion import exercise_ids

__all__ = ["app", "consent", "run_drill"]

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Timed coding drills: write a function in your editor, run it against hidden tests.",
)

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
    voice: bool = typer.Option(
        False, "--voice", help="Think out loud: record the microphone for the whole drill "
        "(transcribed offline as you go) and review how you communicated. Needs the voice extra."),
    audio: Path = typer.Option(
        None, "--audio", metavar="FILE", help="A recording (WAV) to replay as the drill's "
        "sound, with --solution: the drill runs without a terminal."),
    solution_file: Path = typer.Option(
        None, "--solution", metavar="FILE", help="The code at the end of a scripted drill."),
    events: Path = typer.Option(
        None, "--events", metavar="FILE", help='JSON lines placing test runs and nudges on the '
        'recording\'s clock: {"at": SECONDS, "event": "run"} or "nudge".'),
    reply: str = typer.Option(
        None, "--reply", metavar="TEXT", help="Your answer to the interviewer's feedback "
        "(scripted drill)."),
    json: bool = typer.Option(False, "--json", help="Print the scripted drill's review as JSON."),
) -> None:
    """Write a starter file, open $EDITOR, and run the tests each time you press Enter.

    At the prompt, n gives the next nudge (gentlest first) and b a step-back card; after
    a few stuck minutes the interviewer offers one. When the drill ends the interviewer
    raises one point for you to answer. --voice also reviews how you thought aloud.
    The file is kept in the workspace (an existing attempt is never overwritten).
    Without a terminal on stdin, only writes the starter and prints its path, unless
    --solution (with --audio, --events, --reply) scripts the whole drill.
    """
    from netprep.errors import UsageError
    from netprep.ui.prompts import is_interactive

    if solution_file is None:
        for given, name in ((audio, "--audio"), (events, "--events"), (reply, "--reply")):
            if given is not None:
                raise UsageError(f"{name} is for a scripted drill, which needs --solution FILE "
                                 "(the code at its end).",
                                 "Run `netprep code start --help` for an example.")
    if solution_file is not None:
        if voice:
            raise UsageError("--voice records a live drill; a scripted one replays --audio.",
                             "Leave out --voice, or --solution.")
        from netprep.cli.code_drill import scripted_drill

        scripted_drill(exercise_id, lang=lang, timed=timed, audio=audio,
                       solution=solution_file, events=events, reply=reply, as_json=json)
        return
    if voice and not is_interactive():
        from netprep.errors import NoTerminalError

        raise NoTerminalError("--voice records from the microphone and needs a terminal.",
                              "Replay a recording with --audio FILE --solution FILE.")
    if not is_interactive():
        from netprep.cli.code_drill import written
        from netprep.coding.exercises import get_exercise, get_language, write_starter
        from netprep.content import load_library
        from netprep.ui.console import message

        library = load_library()
        exercise = get_exercise(library, exercise_id)
        path, created = write_starter(exercise, get_language(library, exercise, lang))
        message(written(path, created))
        message(f"Run `netprep code test {exercise.id}` to check it.")
        typer.echo(str(path))
        return
    run_drill(exercise_id, lang=lang, timed=timed, voice=voice)


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
