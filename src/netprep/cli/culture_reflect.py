"""`netprep culture reflect` and `netprep culture reflections [edit ID | remove ID]`.

Reflections are free text, so every path keeps what was typed: an interrupted prompt
leaves its text in a draft (`--file DRAFT` saves it), an edit stays in its recovery file
until the database has it.
"""

from __future__ import annotations

from typing import Any

import typer

from netprep.cli.ids import ID

JSON_HELP = "Print machine-readable JSON on stdout."
ID_HELP = "The reflection's id (see `netprep culture reflections`)."
MAX_FILE_BYTES = 100_000

reflections_app = typer.Typer(
    add_completion=False,
    invoke_without_command=True,
    help="List, edit or remove what you have written about the themes.",
)


def _read_text_file(file: str) -> str:
    from netprep.errors import NetprepError
    from netprep.star.actions import read_source

    text, _ = read_source(file)
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise NetprepError(f"{file} is over {MAX_FILE_BYTES // 1000} KB: a reflection is a "
                           "few paragraphs.", "Shorten it and try again.")
    lines = [line for line in text.splitlines() if not line.startswith("# ")]
    return "\n".join(lines).strip()


def _keep(text: str, theme_id: str, prompt_id: str) -> str:
    """Put typed text in a draft; return the sentence that says where and how to finish."""
    from netprep.ui.editor import keep_text

    path = keep_text(text.strip() + "\n", "reflection", ".md")
    return (f"Your reflection is kept in {path}; save it with `netprep culture reflect "
            f"{theme_id} --prompt {prompt_id} --file {path}`.")


def _save(store: Any, found: Any, prompt_id: str, prompt_text: str, resonates: bool | None,
          text: str) -> None:
    """Save one reflection; on a store error the text goes to a draft named in the error."""
    from netprep.errors import NetprepError
    from netprep.store import culture as cs
    from netprep.store import now_iso

    try:
        cs.add_reflection(store, pack_id=found.pack, theme_id=found.id, prompt=prompt_text,
                          resonates=resonates, text=text, created_at=now_iso())
    except NetprepError as exc:
        raise NetprepError(exc.message, _keep(text, found.id, prompt_id)) from exc


def run_reflect(theme: str | None, resonates: bool | None, text: str | None,
                prompt: str | None, file: str | None) -> None:
    from netprep.content import load_library
    from netprep.culture import quiz as q
    from netprep.errors import NoTerminalError, UsageError
    from netprep.store import open_store
    from netprep.ui import prompts
    from netprep.ui.console import message

    if file is not None:
        if text is not None:
            raise UsageError("Use either --text or --file, not both.")
        text = _read_text_file(file)
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
            where = "--file" if file is not None else "--text"
            raise UsageError(f"{where} is empty.", "Write your answer in --text \"...\".")
        prompt_text = q.find_prompt(found, prompt)
        with open_store() as store:
            _save(store, found, prompt or "general", prompt_text, resonates, text.strip())
        message(f"Saved your reflection on {found.title}.")
        return

    from netprep.ui.render_culture import reflect_intro, reflect_prompt

    chosen = ([(prompt, q.find_prompt(found, prompt))] if prompt is not None
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
        for number, (prompt_id, prompt_text) in enumerate(chosen, start=1):
            reflect_prompt(prompt_text, number, len(chosen))
            try:
                answer = prompts.multiline("Your answer (Enter alone skips): ")
            except EOFError:  # Ctrl-D on an empty answer: done for now, not an interruption
                left = len(chosen) - number + 1
                message(f"Stopped at Ctrl-D; {left} prompt{'s' if left != 1 else ''} left "
                        "unanswered.")
                break
            except KeyboardInterrupt as stop:
                typed = str(getattr(stop, "text", "") or "")
                if typed.strip():
                    message(_keep(typed, found.id, prompt_id))
                if saved:
                    message(f"Saved {saved} earlier answer{'s' if saved != 1 else ''}.")
                raise KeyboardInterrupt from None
            if answer.strip():
                _save(store, found, prompt_id, prompt_text, resonates, answer.strip())
                saved += 1
    if saved:
        message(f"Saved {saved} reflection{'s' if saved != 1 else ''} on {found.title}. "
                "See them all: netprep culture reflections")
    else:
        message("Nothing saved: every prompt was skipped.")


@reflections_app.callback()
def reflections(
    ctx: typer.Context,
    json: bool = typer.Option(False, "--json", help=JSON_HELP),
    markdown: bool = typer.Option(
        False, "--markdown",
        help="Print Markdown (the latest answer to each prompt) to keep beside your STAR "
        "cheat sheet.",
    ),
) -> None:
    """List every reflection you have written, grouped by theme (or edit or remove one)."""
    if ctx.invoked_subcommand is not None:
        return
    from netprep.culture import quiz as q
    from netprep.errors import UsageError
    from netprep.store import culture as cs
    from netprep.store import open_store

    if json and markdown:
        raise UsageError("Choose one of --json and --markdown.")
    with open_store() as store:
        entries = cs.reflections(store)
    titles, order = _theme_titles()
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


def _theme_titles() -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], int]]:
    from netprep.errors import ContentError

    try:
        from netprep.content import load_library

        library = load_library()
    except ContentError:  # reflections stay readable while a pack is broken
        return {}, {}
    titles = {(t.pack, t.id): t.title for t in library.themes}
    return titles, {key: n for n, key in enumerate(titles)}


@reflections_app.command()
def edit(
    reflection_id: int = typer.Argument(..., metavar="ID", click_type=ID, help=ID_HELP),
    text: str = typer.Option(None, "--text", help="The new text, without opening an editor."),
    file: str = typer.Option(None, "--file", help="Read the new text from FILE (`-`: stdin)."),
) -> None:
    """Rewrite a reflection in $VISUAL/$EDITOR (or with --text/--file). Invalid edits are
    shown, and your text stays in a recovery file until it is saved."""
    from netprep.culture.reflections import edit_document, parse_document
    from netprep.errors import UsageError
    from netprep.store import culture as cs
    from netprep.store import open_store
    from netprep.ui.console import message

    if text is not None and file is not None:
        raise UsageError("Use either --text or --file, not both.")
    with open_store() as store:
        entry = cs.get_reflection(store, reflection_id)
        if file is not None:
            text = _read_text_file(file)
        if text is not None:
            if not text.strip():
                raise UsageError("The reflection is empty.", "Give --text some words.")
            cs.update_reflection(store, reflection_id, text=text.strip(),
                                 resonates=entry["resonates"])
            message(f"Updated reflection {reflection_id}.")
            return
        from netprep.ui.editor import edit_until_valid

        titles, _ = _theme_titles()
        title = titles.get((entry["pack"], entry["theme"]), entry["theme"])

        def save(body: str, source: str) -> bool:
            new_text, resonates = parse_document(body, source)
            # Saved inside the check: the recovery file goes only once the database has it.
            cs.update_reflection(store, reflection_id, text=new_text, resonates=resonates)
            return True

        changed = edit_until_valid(
            edit_document(entry, title), save, "reflection-edit",
            f"Finish it with `netprep culture reflections edit {reflection_id} --file {{path}}`.",
            what="reflection")
    message(f"Updated reflection {reflection_id}." if changed
            else f"No changes: reflection {reflection_id} is as it was.")


@reflections_app.command()
def remove(
    reflection_id: int = typer.Argument(..., metavar="ID", click_type=ID, help=ID_HELP),
    yes: bool = typer.Option(False, "--yes", "-y", help="Remove without asking (for scripts)."),
) -> None:
    """Remove a reflection (asks first in a terminal; pass --yes in scripts)."""
    from netprep.errors import NetprepError
    from netprep.store import culture as cs
    from netprep.store import open_store
    from netprep.ui import prompts
    from netprep.ui.console import message

    with open_store() as store:
        entry = cs.get_reflection(store, reflection_id)
        if not yes:
            if not prompts.is_interactive():
                raise NetprepError(
                    f"Removing reflection {reflection_id} needs a confirmation, but stdin is "
                    "not a terminal.",
                    f"Pass --yes: `netprep culture reflections remove {reflection_id} --yes`.")
            from netprep.text import clean

            preview = " ".join(clean(entry["text"]).split())[:60]
            if not prompts.confirm(f"Remove reflection {reflection_id} (\"{preview}\")?",
                                   default=False):
                message(f"Kept reflection {reflection_id}.")
                return
        cs.remove_reflection(store, reflection_id)
    message(f"Removed reflection {reflection_id}.")
