"""`netprep resume`: your projects, internships and communities, ready for a deep-dive.

Only typer and click are imported here; each command imports what it needs. The
logic lives in `netprep.resume`, the views in `netprep.ui.render_resume`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click
import typer

from netprep.cli.ids import ID, parse_number

if TYPE_CHECKING:
    from netprep.resume.model import Entry

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Your resume in the loop: the projects, internships and communities you will be "
    "asked about, their deep-dive questions, and your 'tell me about yourself' pitch.",
)

JSON_HELP = "Print machine-readable JSON on stdout."
ID_HELP = "The entry's id (see `netprep resume list`)."
KIND_HELP = "project, internship, community or education."
STORY_HELP = "A STAR story id this entry is the setting of (repeatable or comma-separated)."


def _story_ids(values: list[str] | None) -> tuple[int, ...]:
    from netprep.errors import UsageError

    ids: list[int] = []
    for value in values or ():
        for part in value.split(","):
            part = part.strip()
            if not part:
                continue
            try:
                number = parse_number(part, "a story id")
            except UsageError as exc:
                raise UsageError(f"--story takes story ids: {exc.message}",
                                 "See them with `netprep star list`.") from None
            if number not in ids:
                ids.append(number)
    return tuple(ids)


@app.command()
def add(
    kind: str = typer.Option(None, "--kind", help=KIND_HELP),
    title: str = typer.Option(None, "--title", help="The name you would use in an interview."),
    org: str = typer.Option(None, "--org", help="The company, university or group."),
    role: str = typer.Option(None, "--role", help="Your role (intern, lead, member...)."),
    dates: str = typer.Option(None, "--dates", help="When, as on your resume (Jun-Aug 2024)."),
    what: str = typer.Option(None, "--what", help="What it was, in a sentence or two."),
    tech: list[str] = typer.Option(None, "--tech", help="Technologies or skills "
                                   "(repeatable or comma-separated)."),
    scale: str = typer.Option(None, "--scale", help="Users, data, team size."),
    part: str = typer.Option(None, "--part", help="What was yours, in the first person."),
    outcome: str = typer.Option(None, "--outcome", help="How it ended, with numbers."),
    story: list[str] = typer.Option(None, "--story", help=STORY_HELP),
    file: str = typer.Option(None, "--file", "-f", help="Add the entry (or the list under "
                             "`entries:`) from a YAML or JSON file; `-` reads stdin."),
    json: bool = typer.Option(False, "--json", help='Print {"id": N} (and "ids") on stdout.'),
) -> None:
    """Add an entry: guided in a terminal, or from flags or a file without any prompt.

    With --kind and --title (and any other flag) nothing is asked.
    """
    from netprep.errors import NetprepError, UsageError
    from netprep.resume import actions
    from netprep.resume.model import Entry, split_list
    from netprep.store import open_store
    from netprep.store.resume import add_entries

    values = {"organisation": org, "role": role, "dates": dates, "what": what, "scale": scale,
              "part": part, "outcome": outcome}
    scripted = any(v is not None for v in (kind, title, *values.values())) or bool(tech or story)
    if file is not None:
        if scripted:
            raise UsageError("Use either --file or the field flags, not both.")
        from netprep.resume.files import parse_entries

        entries = parse_entries(*actions.read_source(file))
        if not entries:
            raise NetprepError(f"{file} holds no entries.", "Write one under `entries:`.")
    elif scripted:
        if title is None or not title.strip():
            raise NetprepError("Missing required field: --title. Nothing was saved.",
                               "Pass --kind and --title, or run `netprep resume add` in a "
                               "terminal to be guided.")
        entry = Entry(None, actions.check_kind(kind), " ".join(title.split()),
                      **{k: (v or "").strip() for k, v in values.items()},
                      tech=split_list(tech), stories=_story_ids(story))
        actions.check_entry(entry)
        entries = [entry]
    else:
        entries = [_guided()]
    with open_store() as store:
        ids = add_entries(store, entries)
    from netprep.ui.console import message

    for entry in entries:
        message(f"Added resume entry {entry.id}: {entry.title} ({entry.kind}).")
    if json:
        from netprep.ui.console import print_json

        print_json({"id": ids[0], "ids": ids})


def _guided() -> Entry:
    from netprep.errors import NetprepError
    from netprep.ui.prompts import require_terminal

    require_terminal("`netprep resume add`",
                     "Pass --kind and --title (and --org, --role, --what...), or --file FILE, "
                     "to add an entry without questions.")
    from netprep.resume.files import edit_document
    from netprep.store import open_store
    from netprep.store.stories import list_stories
    from netprep.ui.editor import keep_text
    from netprep.ui.resume_flow import guided_add

    with open_store() as store:
        stories = [(int(s.id or 0), s.title) for s in list_stories(store)]
    entry, confirmed = guided_add(stories)
    if not confirmed:
        path = keep_text(edit_document([entry]), "resume-draft")
        raise NetprepError("Not saved.", f"Your entry is kept in {path}; add it later with "
                           f"`netprep resume add --file {path}`.", exit_code=0)
    return entry


@app.command("list")
def list_(json: bool = typer.Option(False, "--json", help=JSON_HELP)) -> None:
    """List your entries: id, kind, title, organisation, dates, role and linked stories."""
    from netprep.store import open_store
    from netprep.store.resume import list_entries, practised_entries

    with open_store() as store:
        entries = list_entries(store)
        practised = practised_entries(store)
    if json:
        from netprep.ui.console import print_json

        print_json({"entries": [e.summary() for e in entries]})
        return
    from netprep.ui.render_resume import render_list

    render_list(entries, practised)


@app.command()
def show(
    entry_id: int = typer.Argument(..., metavar="ID", click_type=ID, help=ID_HELP),
    json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Show one entry with the deep-dive questions an interviewer could ask about it."""
    from netprep.resume import actions
    from netprep.store import open_store
    from netprep.store.resume import get_entry, practised_entries

    with open_store() as store:
        entry = get_entry(store, entry_id)
        practised = practised_entries(store).get(entry_id, 0)
    data = actions.entry_json(entry, actions.probes(), practised)
    if json:
        from netprep.ui.console import print_json

        print_json(data)
        return
    from netprep.ui.render_resume import render_entry

    render_entry(data)


@app.command()
def edit(
    entry_id: int = typer.Argument(..., metavar="ID", click_type=ID, help=ID_HELP),
    file: str = typer.Option(None, "--file", "-f", help="Replace the entry with the one in "
                             "this YAML file (`-`: stdin)."),
) -> None:
    """Edit an entry in $VISUAL/$EDITOR (as YAML), or replace it from --file.

    An invalid edit can be re-opened; your text is never lost: it stays in a
    recovery file whose path is printed.
    """
    from dataclasses import replace

    from netprep.resume import actions
    from netprep.resume.files import one_entry
    from netprep.store import open_store
    from netprep.store.resume import check_stories, get_entry, update_entry
    from netprep.ui.console import message

    with open_store() as store:
        entry = get_entry(store, entry_id)
    if file is not None:
        new = one_entry(*actions.read_source(file))
    else:
        from netprep.ui.prompts import require_terminal

        require_terminal("`netprep resume edit` opens an editor and",
                         f"Pass --file FILE (`netprep resume export --format yaml` gives the "
                         f"fields), e.g. `netprep resume edit {entry_id} --file entry.yaml`.")
        from netprep.resume.files import edit_document
        from netprep.ui.editor import edit_until_valid

        def validate(text: str, source: str) -> Entry:
            found = one_entry(text, source)
            with open_store() as store:
                check_stories(store, [found])
            return found

        edited = edit_until_valid(
            edit_document([entry]), validate, f"resume-edit-{entry_id}",
            retry_hint=f"Fix it, then run `netprep resume edit {entry_id} --file {{path}}`.",
            what="resume entry")
        if edited is None:
            message(f"No changes to resume entry {entry_id}.")
            return
        new = edited
    merged = replace(new, id=entry.id, created_at=entry.created_at)
    with open_store() as store:
        update_entry(store, merged)
    message(f"Updated resume entry {entry_id}: {merged.title}.")


@app.command()
def remove(
    entry_id: int = typer.Argument(..., metavar="ID", click_type=ID, help=ID_HELP),
    yes: bool = typer.Option(False, "--yes", "-y", help="Remove without asking (for scripts)."),
) -> None:
    """Remove an entry (asks first in a terminal; pass --yes in scripts). Ids are never reused."""
    from netprep.errors import NetprepError
    from netprep.store import open_store
    from netprep.store.resume import get_entry, remove_entry
    from netprep.ui import prompts
    from netprep.ui.console import message

    with open_store() as store:
        entry = get_entry(store, entry_id)
        if not yes:
            if not prompts.is_interactive():
                raise NetprepError(
                    f"Removing resume entry {entry_id} needs a confirmation, but stdin is not "
                    "a terminal.", f"Pass --yes: `netprep resume remove {entry_id} --yes`.")
            from netprep.ui.text import clean

            if not prompts.confirm(f"Remove resume entry {entry_id}: {clean(entry.title)}?",
                                   default=False):
                message(f"Kept resume entry {entry_id}.")
                return
        remove_entry(store, entry_id)
    message(f"Removed resume entry {entry_id}: {entry.title}.")


@app.command("import")
def import_(
    file: str = typer.Argument(..., metavar="FILE", help="Your resume: PDF, Markdown or text."),
    yes: bool = typer.Option(False, "--yes", "-y", help="Save every proposed entry without "
                             "asking (for scripts)."),
    education: bool = typer.Option(False, "--education", help="Also propose the entries of "
                                   "the Education section."),
    json: bool = typer.Option(False, "--json", help='Print {"ids": [...]} on stdout.'),
) -> None:
    """Read a resume and propose one entry per project, internship and organisation found.

    In a terminal you confirm, pick or edit the proposals before anything is saved;
    in a script pass --yes to save them all.
    """
    from netprep.errors import NetprepError
    from netprep.resume.actions import already_saved
    from netprep.store import open_store
    from netprep.store.resume import add_entries, list_entries
    from netprep.ui import prompts
    from netprep.ui.console import message
    from netprep.ui.text import clean

    found, notes = _proposals(file, education)
    for note in notes:
        message(note)
    with open_store() as store:
        found, existing = already_saved(found, list_entries(store))
    for entry, saved_id in existing:
        message(f"Already saved as #{saved_id}: {clean(entry.title)} ({entry.kind}); not "
                "imported again.")
    if not found:
        message(f"Nothing new in {file}: every entry found is already saved (see `netprep "
                "resume list`).")
        if json:
            from netprep.ui.console import print_json

            print_json({"ids": [], "existing": [i for _, i in existing]})
        return
    if not yes:
        if not prompts.is_interactive():
            raise NetprepError(
                f"Found {len(found)} entr{'y' if len(found) == 1 else 'ies'} in {file}, but "
                "saving them needs a confirmation and stdin is not a terminal.",
                f"Pass --yes to save them: `netprep resume import {file} --yes`.")
        from netprep.ui.resume_flow import confirm_import

        found = confirm_import(found)
    with open_store() as store:
        ids = add_entries(store, found)
    for entry in found:
        message(f"Added resume entry {entry.id}: {entry.title} ({entry.kind}).")
    message(f"Imported {len(ids)} entr{'y' if len(ids) == 1 else 'ies'}; check each with "
            "`netprep resume show ID` and fill the gaps with `netprep resume edit ID`.")
    if json:
        from netprep.ui.console import print_json

        print_json({"ids": ids, "existing": [i for _, i in existing]})


@app.command()
def export(
    format: str = typer.Option(
        "markdown", "--format", click_type=click.Choice(["markdown", "yaml", "json"]),
        help="markdown: a cheat sheet (pitch, entries, your questions); yaml or json: every "
        "field, for `resume add --file`."),
    output: str = typer.Option(None, "--output", "-o", help="Write to this file (atomic, "
                               "private 0600) instead of stdout."),
) -> None:
    """Export your resume entries: a cheat sheet, or a full backup."""
    import sys

    from netprep.resume.actions import export_text, write_export
    from netprep.store import now_iso, open_store
    from netprep.store.resume import get_pitch, list_entries, saved_questions

    with open_store() as store:
        entries = list_entries(store)
        pitch = get_pitch(store)
        questions = [q["text"] for q in saved_questions(store)]
    text = export_text(entries, format, now_iso(), pitch["text"] if pitch else None, questions)
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from netprep.ui.console import message

    write_export(output, text)
    message(f"Wrote {len(entries)} entr{'y' if len(entries) == 1 else 'ies'} to {output} "
            f"({format}).")


def _proposals(file: str, education: bool) -> tuple[list[Entry], list[str]]:
    """The import's proposals; a password-protected PDF asks for its password in a
    terminal (without echo, three tries; it is never stored) and is refused in a script."""
    from netprep.resume import actions
    from netprep.resume.pdf import PasswordNeeded
    from netprep.ui import prompts

    password = None
    for _ in range(3):
        try:
            return actions.proposals(file, education, password)
        except PasswordNeeded as exc:
            if not prompts.is_interactive():
                raise
            if exc.wrong:
                from netprep.ui.console import message

                message(f"That password does not open {file}.")
            password = prompts.password(f"Password of {file} (not shown, never stored):")
            if not password:
                from netprep.errors import NetprepError

                raise NetprepError("No password given; nothing was imported.",
                                   "Run the import again and type the PDF's password.") from None
    return actions.proposals(file, education, password)


def _register_pitch() -> None:
    from netprep.cli.resume_pitch import pitch

    app.command()(pitch)


_register_pitch()
