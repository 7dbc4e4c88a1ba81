"""`netprep culture`: learn the culture themes with a spaced quiz, and write reflections."""

from __future__ import annotations

from typing import Any

import typer

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
    if json:
        from netprep.ui.console import print_json

        print_json({"themes": data})
        return
    if not data:
        from netprep.ui.console import message

        message("No culture themes are loaded. See `netprep content list`.")
        return
    from netprep.ui.render_culture import render_themes

    render_themes(data)


@app.command()
def show(
    theme: str = typer.Argument(..., help="The theme id (see `netprep culture themes`)."),
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
    theme: str = typer.Option(None, "--theme", help="Only this theme's items (a theme id)."),
    pack: str = typer.Option(None, "--pack", help="Only items of this content pack (a pack id)."),
    all_: bool = typer.Option(False, "--all",
                              help="Ignore the schedule: draw from every item, due or not."),
    seed: int = typer.Option(None, "--seed",
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
    theme: str = typer.Argument(None, help="The theme id; asked for when omitted."),
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
) -> None:
    """Write down whether and why a theme resonates with you, saved with a timestamp.

    Interactive by default: the theme's summary, then "does it resonate?", then each
    reflection prompt in turn (an empty answer skips it; each answer is saved at once).
    With THEME and --text it runs without prompts.
    """
    from netprep.content import load_library
    from netprep.culture import quiz as q
    from netprep.errors import NoTerminalError, UsageError
    from netprep.store import culture as cs
    from netprep.store import now_iso, open_store
    from netprep.ui import prompts
    from netprep.ui.console import message

    library = load_library()
    interactive = prompts.is_interactive()
    if text is None and not interactive:
        raise NoTerminalError(
            "netprep culture reflect asks questions, but stdin is not a terminal.",
            "Save a reflection without prompts: netprep culture reflect THEME --text \"...\" "
            "[--resonates | --does-not-resonate].",
        )
    if theme is None:
        if not library.themes:
            raise UsageError("No culture themes are loaded.", "See `netprep content list`.")
        if text is not None:
            known = ", ".join(t.id for t in library.themes)
            raise UsageError("Name the theme this reflection is about: "
                             "netprep culture reflect THEME --text \"...\".",
                             f"Theme ids: {known}.")
        found = prompts.select("Which theme?", [(t.title, t) for t in library.themes])
    else:
        found = q.find_theme(library, theme)

    if text is not None:
        if not text.strip():
            raise UsageError("--text is empty.", "Write your answer in --text \"...\".")
        prompt_text = q.find_prompt(found, prompt)
        with open_store() as store:
            cs.add_reflection(store, pack_id=found.pack, theme_id=found.id, prompt=prompt_text,
                              resonates=resonates, text=text.strip(), created_at=now_iso())
        message(f"Saved your reflection on {found.title}.")
        return

    from netprep.ui.render_culture import reflect_intro, reflect_prompt

    chosen_prompts = ([(prompt, q.find_prompt(found, prompt))] if prompt is not None
                      else q.reflection_prompts(found))
    reflect_intro(found)
    if resonates is None:
        answer = prompts.select("Does this theme resonate with you?", [
            ("Yes, it resonates", "yes"), ("No, it does not", "no"),
            ("Partly, or not sure yet", "mixed"),
        ])
        resonates = {"yes": True, "no": False}.get(answer)
    saved = 0
    with open_store() as store:
        for number, (_pid, prompt_text) in enumerate(chosen_prompts, start=1):
            reflect_prompt(prompt_text, number, len(chosen_prompts))
            answer = prompts.text("Your answer", instruction="(Enter alone skips)")
            if answer.strip():
                cs.add_reflection(store, pack_id=found.pack, theme_id=found.id,
                                  prompt=prompt_text, resonates=resonates, text=answer.strip(),
                                  created_at=now_iso())
                saved += 1
    if saved:
        message(f"Saved {saved} reflection{'s' if saved != 1 else ''} on {found.title}. "
                "See them all: netprep culture reflections")
    else:
        message("Nothing saved: every prompt was skipped.")


@app.command()
def reflections(
    json: bool = typer.Option(False, "--json", help=JSON_HELP),
    markdown: bool = typer.Option(
        False, "--markdown",
        help="Print Markdown (the latest answer to each prompt) to keep beside your STAR "
        "cheat sheet.",
    ),
) -> None:
    """List every reflection you have written, grouped by theme."""
    from netprep.culture import quiz as q
    from netprep.errors import ContentError, UsageError
    from netprep.store import culture as cs
    from netprep.store import open_store

    if json and markdown:
        raise UsageError("Choose one of --json and --markdown.")
    with open_store() as store:
        entries = cs.reflections(store)
    try:
        from netprep.content import load_library

        library = load_library()
        titles = {(t.pack, t.id): t.title for t in library.themes}
        order = {key: n for n, key in enumerate(titles)}
    except ContentError:  # reflections stay readable while a pack is broken
        titles, order = {}, {}
    for entry in entries:
        entry["theme_title"] = titles.get((entry["pack"], entry["theme"]), entry["theme"])
    entries.sort(key=lambda e: (order.get((e["pack"], e["theme"]), len(order)), e["pack"],
                                e["theme"], e["created_at"], e["id"]))
    if json:
        from netprep.ui.console import print_json

        print_json({"reflections": entries})
    elif markdown:
        import sys

        from netprep.ui.render_culture import reflections_markdown

        sys.stdout.write(reflections_markdown(q.latest_per_prompt(entries)))
    else:
        from netprep.ui.render_culture import render_reflections

        render_reflections(entries)
