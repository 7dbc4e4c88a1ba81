"""What `netprep resume` works out between the command line and the store.

Plain logic: reading sources, checking flag input, the deep-dive preview of an
entry, exports and the import's proposals. Nothing here prints, prompts or exits.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from netprep.errors import NetprepError, UsageError
from netprep.resume.model import KINDS, MAX_CHARS, MAX_TITLE, TEXT_FIELDS, Entry

SHORT_FIELDS = ("title", "organisation", "dates", "role")


def read_source(file: str) -> tuple[str, str]:
    """The text of FILE (stdin for `-`) and the name to show in messages (at most 32 MB,
    read by `content.textfile`: a byte-order mark, UTF-8, or Windows-1252 with a note)."""
    from netprep.content.textfile import read_source as read

    return read(file, "entry file", "Give the YAML or JSON file of your resume entries.")


def check_kind(kind: str | None) -> str:
    value = (kind or "").strip().lower()
    if value not in KINDS:
        raise UsageError(f"Unknown kind '{kind}' for --kind." if kind else "--kind is required.",
                         f"Choose one of: {', '.join(KINDS)}.")
    return value


def check_entry(entry: Entry) -> None:
    """Title present, lengths within limits (flags and the guided add)."""
    if not entry.title.strip():
        raise NetprepError("The title cannot be empty. Nothing was saved.",
                           "Pass --title with a few words you will recognise.")
    for name in TEXT_FIELDS:
        value = str(getattr(entry, name))
        limit = MAX_TITLE if name in SHORT_FIELDS else MAX_CHARS
        if len(value) > limit:
            raise NetprepError(f"The {name} is {len(value)} characters; at most {limit}.",
                               "Shorten it. Nothing was saved.")


def probes() -> list[Any]:
    from netprep.content import collect

    library, _ = collect()
    return list(library.probes)


def entry_json(entry: Entry, probe_list: Sequence[Any], practised: int = 0) -> dict[str, Any]:
    """`resume show --json`: the fields, the deep-dive questions, the gaps."""
    from netprep.resume.deepdive import questions_for

    return {
        **entry.to_dict(),
        "deep_dive": [{"id": q.id, "text": q.text, "follow_up": q.follow_ups[0]}
                      for q in questions_for(entry, probe_list)],
        "gaps": entry.gaps(),
        "practised": practised,
    }


def export_text(entries: Sequence[Entry], fmt: str, stamp: str, pitch: str | None = None,
                questions: Sequence[str] = ()) -> str:
    from netprep.resume import files

    if fmt == "markdown":
        body = files.markdown_section(entries, pitch, questions)
        return "# Resume cheat sheet\n\n" + (body or "No resume entries yet.\n")
    return files.export_yaml(entries, stamp) if fmt == "yaml" else \
        files.export_json(entries, stamp)


def write_export(output: str, text: str) -> None:
    """Write a file atomically, private to the user; a failure is a NetprepError."""
    from netprep.paths import atomic_write

    try:
        atomic_write(Path(output).expanduser(), text)
    except OSError as exc:
        raise NetprepError(f"Cannot write {output}: {exc.strerror or exc}.",
                           "Check that the folder exists and that you can write to it.") from exc


def proposals(file: str, education: bool,
              password: str | None = None) -> tuple[list[Entry], list[str]]:
    """The entries an import would save and notes for the user (the encoding read, the
    part read), or a NetprepError naming what is wrong: nothing is saved then."""
    from netprep.resume.extract import read_resume

    text, notes = read_resume(file, password)
    try:
        found, left_out = _found(text, file, education)
    except NetprepError:
        from netprep.paths import NOTICES

        NOTICES.extend(note for note in notes if note not in NOTICES)  # said after the error
        raise
    return found, notes + left_out


def _found(text: str, file: str, education: bool) -> tuple[list[Entry], list[str]]:
    from netprep.resume.extract import plausible, propose

    if not text.strip():
        raise NetprepError(f"{file} is empty.", "Import the text, Markdown or PDF of a resume.")
    schools: list[Entry] = []
    found = propose(text, education=education, left_out=schools)
    said = _education_left_out(schools)
    if not found and schools:
        raise NetprepError(
            f"Only education entries found in {file} ("
            f"{', '.join(e.title for e in schools[:3])}); nothing was imported.",
            "Import again with --education to add them, or add projects and jobs under "
            "headings such as Experience and Projects.")
    if not found:
        raise NetprepError(
            f"No projects, internships or organisations found in {file}.",
            "netprep looks for section headings such as Experience, Projects and Leadership "
            "with an entry per line under them; add them, or use `netprep resume add`.")
    kept, notes = plausible(found, file)
    return kept, notes + said


def _education_left_out(schools: list[Entry]) -> list[str]:
    """Say which education entries were read but not proposed, and how to get them."""
    if not schools:
        return []
    names = ", ".join(e.title for e in schools[:3]) + (", ..." if len(schools) > 3 else "")
    count = len(schools)
    return [f"Left out {count} education entr{'y' if count == 1 else 'ies'} ({names}): "
            "import again with --education to add "
            f"{'it' if count == 1 else 'them'}."]


def bank_questions(theme: str | None = None) -> list[Any]:
    from netprep.content import load_library

    library = load_library()
    themes = sorted({q.theme for q in library.asking})
    if theme is not None and theme not in themes:
        raise UsageError(f"No question theme '{theme}'.", f"Choose one of: {', '.join(themes)}.")
    return [q for q in library.asking if theme is None or q.theme == theme]


def _same_key(entry: Entry) -> tuple[str, str, str]:
    def norm(text: str) -> str:
        return " ".join(text.replace("–", "-").replace("—", "-").casefold().split())

    return entry.kind, norm(entry.title), norm(entry.organisation)


def already_saved(found: Sequence[Entry],
                  saved: Sequence[Entry]) -> tuple[list[Entry], list[tuple[Entry, int]]]:
    """The proposals to save, and (proposal, id of the saved entry) for those already
    saved: same kind, title and organisation (spacing and case aside), and the same dates
    when both have dates (a second stint in the same role is a new entry)."""
    def norm(dates: str) -> str:
        return re.sub(r"\s*[-–—]\s*", "-", dates.casefold()).strip()

    new: list[Entry] = []
    existing: list[tuple[Entry, int]] = []
    for entry in found:
        twin = next((s for s in saved if _same_key(s) == _same_key(entry)
                     and (not s.dates or not entry.dates or norm(s.dates) == norm(entry.dates))),
                    None)
        if twin is not None and twin.id is not None:
            existing.append((entry, twin.id))
        else:
            new.append(entry)
    return new, existing
