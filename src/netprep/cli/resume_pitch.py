"""`netprep resume pitch`: "tell me about yourself", built from the entries and saved."""

from __future__ import annotations

import typer


def pitch(
    show: bool = typer.Option(False, "--show", help="Print the saved pitch and exit."),
    role: str = typer.Option(None, "--role", help="The role you are interviewing for."),
    yes: bool = typer.Option(False, "--yes", "-y", help="Save the generated outline without "
                             "opening an editor (for scripts)."),
    file: str = typer.Option(None, "--file", "-f", help="Save the pitch from this text file "
                             "(`-`: stdin)."),
    clear: bool = typer.Option(False, "--clear", help="Forget the saved pitch."),
    json: bool = typer.Option(False, "--json", help="Print machine-readable JSON on stdout."),
    short: bool = typer.Option(False, "--short", help="Print the 30-60 s version of the saved "
                               "pitch for a recruiter or hiring-manager screen (who you are "
                               "now, the highlight with a measured result, why this role), "
                               "with its speaking time, and exit."),
) -> None:
    """'Tell me about yourself': a 60-90 s outline (present, past, why this role).

    Built from your entries, opened in $EDITOR to put in your own words, and saved;
    `netprep mock --round pitch` asks for it and compares your answer with it.
    """
    from netprep.resume import pitch as logic
    from netprep.store import open_store
    from netprep.store.resume import get_pitch, list_entries, save_pitch
    from netprep.ui.console import message

    with open_store() as store:
        saved = get_pitch(store)
        entries = list_entries(store)
        if clear:
            save_pitch(store, None)
            message("Forgot the saved pitch." if saved else "No pitch was saved.")
            return
    if short:
        _print_short(saved, json)
        return
    if show:
        _print_pitch(saved, json)
        return
    if file is not None:
        from netprep.resume.actions import read_source

        text = read_source(file)[0]
    else:
        draft = saved["text"] if saved else logic.outline_text(logic.outline(entries, role or ""))
        text = draft if yes else _edit_pitch(draft)
        if text is None:
            message("No changes to the pitch.")
            _print_pitch(saved, json)
            return
    text = logic.clean_pitch(text)
    with open_store() as store:
        save_pitch(store, text)
        saved = get_pitch(store)
    message("Saved your pitch; practise it with `netprep mock --round pitch`.")
    _print_pitch(saved, json)


def _edit_pitch(draft: str) -> str | None:
    from netprep.ui.prompts import require_terminal

    require_terminal("`netprep resume pitch` opens an editor and",
                     "Pass --yes to save the generated outline, or --file FILE to save yours.")
    from netprep.resume import pitch as logic
    from netprep.ui.editor import edit_until_valid

    return edit_until_valid(logic.PITCH_HEADER + draft, logic.check_pitch, "resume-pitch",
                            retry_hint="Fix it, then run `netprep resume pitch --file {path}`.",
                            what="pitch")


def _print_pitch(saved: dict | None, json: bool) -> None:
    from netprep.resume.pitch import parse_outline, speaking_seconds

    data = None if saved is None else {
        "text": saved["text"], "saved_at": saved.get("saved_at"),
        "beats": [{"beat": b.beat, "text": b.text} for b in parse_outline(saved["text"])],
        "speaking_seconds": speaking_seconds(saved["text"]),
    }
    if json:
        from netprep.ui.console import print_json

        print_json({"pitch": data})
        return
    from netprep.ui.render_resume import render_pitch

    render_pitch(data)


def _print_short(saved: dict | None, json: bool) -> None:
    from netprep.errors import NetprepError

    if saved is None:
        raise NetprepError("No pitch saved yet, so there is no short version to show.",
                           "Build one with `netprep resume pitch`, then run `netprep resume "
                           "pitch --short`.")
    from netprep.coach.short import short_pitch
    from netprep.resume.pitch import parse_outline

    found = short_pitch([(b.beat, b.text) for b in parse_outline(saved["text"])])
    if json:
        from netprep.ui.console import print_json

        print_json({"short": found.to_dict()})
        return
    from netprep.ui.render import render_short

    render_short(found, "Tell me about yourself, the screen version",
                 "The whole pitch: `netprep resume pitch --show`.")
