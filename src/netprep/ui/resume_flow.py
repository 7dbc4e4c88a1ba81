"""The guided `netprep resume add` and the confirmation of `netprep resume import`.

Every answer goes through `prompts.multiline` (the one free-text convention: Enter
submits, Alt+Enter adds a line). If the user stops (Ctrl-C or Ctrl-D) or declines to
save, what they typed, the text on screen included, is kept in a recovery file whose
path is printed.
"""

from __future__ import annotations

from collections.abc import Sequence

from netprep.resume.model import KINDS, Entry, split_list
from netprep.ui import prompts
from netprep.ui.console import err, message
from netprep.ui.text import clean, safe

KIND_LABELS = {"project": "A project (course, personal, hackathon, research)",
               "internship": "An internship or job",
               "community": "A community or organisation (club, society, volunteering)",
               "education": "Education (degree, bootcamp, exchange)"}
QUESTIONS = (
    ("organisation", "Organisation (company, university or group; Enter to skip):", False),
    ("role", "Your role (intern, lead, member...; Enter to skip):", False),
    ("dates", "Dates, as on your resume (e.g. Jun-Aug 2024; Enter to skip):", False),
    ("what", "What was it? One or two sentences an outsider understands.", True),
    ("tech", "Technologies or skills, comma-separated (Enter to skip):", False),
    ("scale", "Scale: users, data, team size (Enter to skip):", False),
    ("part", "Your own part, in the first person: what did you decide and build?", True),
    ("outcome", "The outcome, with a number if you can:", True),
)


def guided_add(stories: Sequence[tuple[int, str]]) -> tuple[Entry, bool]:
    """Ask for an entry; return it and whether the user confirmed saving it."""
    from netprep.ui.editor import keep_text

    kind = prompts.select("What kind of entry?", [(KIND_LABELS[k], k) for k in KINDS])
    draft = Entry(None, str(kind), "")
    current = "title"
    try:
        while not draft.title:
            draft.title = " ".join(
                prompts.multiline("Title (as you would name it aloud): ").split())
            if not draft.title:
                message("The title is required (Ctrl-C to stop).")
        for name, question, _block in QUESTIONS:
            current = name
            value = prompts.multiline(question + " ").strip()
            if name == "tech":
                draft.tech = split_list(value)
            else:
                setattr(draft, name, value)
        if stories:
            chosen = prompts.checkbox("Which STAR stories happened here?",
                                      [(clean(f"{sid}. {title}"), sid) for sid, title in stories])
            draft.stories = tuple(int(s) for s in chosen)
        gaps = draft.gaps()
        if gaps:
            err().print(safe("Deep-dives lean on these, still empty: " + ", ".join(gaps) + ".",
                             "yellow"))
        return draft, prompts.confirm("Save this entry?", default=True)
    except (KeyboardInterrupt, EOFError) as stop:
        on_screen = str(getattr(stop, "text", "") or "").strip()
        if on_screen:
            if current == "tech":
                draft.tech = split_list(on_screen)
            elif current == "title":
                draft.title = " ".join(on_screen.split())
            else:
                setattr(draft, current, on_screen)
        if draft.title or any(getattr(draft, n) for n, _, _ in QUESTIONS):
            from netprep.resume.files import edit_document

            path = keep_text(edit_document([draft]), "resume-draft")
            message(f"Your draft is kept in {path}; finish it there and run "
                    f"`netprep resume add --file {path}`.")
        if isinstance(stop, EOFError):
            raise KeyboardInterrupt from None  # Ctrl-D leaves like Ctrl-C: exit 130
        raise


def confirm_import(found: list[Entry]) -> list[Entry]:
    """Show the proposals; save all, pick some, edit them first, or cancel."""
    from netprep.errors import NetprepError
    from netprep.ui.render_resume import render_proposals

    render_proposals(found)
    choice = prompts.select("Save them?", [
        ("Save all of them", "all"),
        ("Choose which to save", "pick"),
        ("Edit them in $EDITOR first", "edit"),
        ("Cancel: save nothing", "cancel"),
    ], default="all")
    if choice == "cancel":
        raise NetprepError("Nothing was saved.", None, exit_code=0)
    if choice == "pick":
        keep = prompts.checkbox("Entries to save:",
                                [(clean(f"[{e.kind}] {e.title}"), i)
                                 for i, e in enumerate(found)], checked=range(len(found)))
        found = [found[i] for i in keep]
    elif choice == "edit":
        from netprep.resume.files import edit_document, parse_entries
        from netprep.ui.editor import edit_until_valid

        edited = edit_until_valid(
            edit_document(found), parse_entries, "resume-import",
            retry_hint="Fix it, then run `netprep resume add --file {path}`.",
            what="list of entries")
        if edited is not None:
            found = edited
    if not found:
        raise NetprepError("Nothing was saved.", None, exit_code=0)
    return found
