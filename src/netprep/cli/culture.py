"""`netprep culture`: learn the culture themes with a spaced quiz, and write reflections."""

from __future__ import annotations

from typing import Any

import typer

from netprep.cli.completion import pack_ids, theme_ids
from netprep.cli.culture_reflect import reflections_app
from netprep.cli.ids import SEED

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Learn the culture memo's themes with a spaced-repetition quiz, and write down "
    "which parts resonate with you.",
)

JSON_HELP = "Print machine-readable JSON on stdout."


@app.command()
def themes(json: bool = typer.Option(False, "--json", help=JSON_HELP)) -> None:
    """List every theme with its summary and your progress (answers, due items, next due)."""
    from datetime import datetime, timezone

    from netprep.content import load_library
    from netprep.culture import quiz as q
    from netprep.store import culture as cs
    from netprep.store import open_store

    library = load_library()
    with open_store() as store:
        cut = q.cutoff(datetime.now(timezone.utc))
        data = q.theme_progress(library.themes, cs.theme_accuracy(store),
                                cs.theme_schedule(store, cut))
    memo = library.memo()
    if json:
        from netprep.ui.console import print_json

        print_json({"themes": data, "memo": memo})
        return
    if not data:
        from netprep.ui.console import message

        message("No culture themes are loaded. See `netprep content list`.")
        return
    from netprep.ui.render_culture import render_themes

    render_themes(data, memo)


@app.command()
def show(
    theme: str = typer.Argument(..., help="The theme id (see `netprep culture themes`).",
                                autocompletion=theme_ids),
    json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Show a theme: summary, key ideas, reflection prompts and your reflections on it."""
    from datetime import datetime, timezone

    from netprep.content import load_library
    from netprep.culture import quiz as q
    from netprep.store import culture as cs
    from netprep.store import open_store

    library = load_library()
    found = q.find_theme(library, theme)
    with open_store() as store:
        cut = q.cutoff(datetime.now(timezone.utc))
        progress = q.theme_progress([found], cs.theme_accuracy(store),
                                    cs.theme_schedule(store, cut))[0]
        entries = cs.reflections(store, found.pack, found.id)
    data: dict[str, Any] = {
        "id": found.id,
        "pack": found.pack,
        "title": found.title,
        "summary": found.summary,
        "memo_sections": [{"id": sid, "title": title} for sid, title in found.memo_sections],
        "key_ideas": list(found.key_ideas),
        "reflection_prompts": [{"id": pid, "prompt": text}
                               for pid, text in q.reflection_prompts(found)],
        "reflections": entries,
        "progress": {k: progress[k] for k in
                     ("items", "reviewed", "correct", "due_now", "new", "next_due")},
    }
    if json:
        from netprep.ui.console import print_json

        print_json(data)
    else:
        from netprep.ui.render_culture import render_theme

        render_theme(data)


@app.command()
def quiz(
    count: int = typer.Option(10, "--count", "-n", min=1, max=500,
                              help="How many questions to ask (default 10)."),
    theme: str = typer.Option(None, "--theme", help="Only this theme's items (a theme id).",
                              autocompletion=theme_ids),
    pack: str = typer.Option(None, "--pack", help="Only items of this content pack (a pack id).",
                             autocompletion=pack_ids),
    all_: bool = typer.Option(False, "--all",
                              help="Ignore the schedule: draw from every item, due or not."),
    seed: int = typer.Option(None, "--seed", click_type=SEED,
                             help="Seed for the order of items and choices (reproducible runs)."),
) -> None:
    """Multiple-choice quiz on the themes, scheduled by spaced repetition (FSRS).

    An overview (due and new items) waits for Enter; then due items come first, then new
    ones, weaker themes first. After each answer you see
    the right choice and why. The rating follows correctness and time: wrong = Again;
    right within the time it takes to read the item (3 s + 4 words a second) = Easy;
    within twice that = Good; slower = Hard.

    Without a terminal on stdin, the question and numbered choices are printed and one
    line of stdin answers it with the choice number; an unreadable line counts as wrong;
    the end of input ends the quiz. Every answer is saved as soon as it is given.
    """
    from netprep.cli.culture_quiz import run_quiz

    run_quiz(count=count, theme_id=theme, pack_id=pack, practice_all=all_, seed=seed)


@app.command()
def reflect(
    theme: str = typer.Argument(None, help="The theme id; asked for when omitted.",
                                autocompletion=theme_ids),
    resonates: bool = typer.Option(
        None, "--resonates/--does-not-resonate",
        help="Whether the theme resonates with you (asked for when omitted interactively).",
    ),
    text: str = typer.Option(
        None, "--text", help="Your answer; saves it without any prompt (scriptable)."
    ),
    prompt: str = typer.Option(
        None, "--prompt",
        help="Which reflection prompt --text answers (its id; default: the general "
        "'which part resonates' question). See `netprep culture show THEME`.",
    ),
    file: str = typer.Option(
        None, "--file", help="Read the answer from FILE (`-`: stdin), such as a kept draft."
    ),
) -> None:
    """Write down whether and why a theme resonates with you, saved with a timestamp.

    Interactive by default: the theme's summary, then "does it resonate?", then each
    reflection prompt in turn (Enter submits, Alt+Enter adds a line, an empty answer
    skips it; each answer is saved at once, and Ctrl-C keeps the one on screen in a
    draft). With THEME and --text (or --file) it runs without prompts.
    """
    from netprep.cli.culture_reflect import run_reflect

    run_reflect(theme, resonates, text, prompt, file)


app.add_typer(reflections_app, name="reflections")
