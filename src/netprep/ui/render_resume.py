"""Rich views for `netprep resume` and `netprep tips questions`.

User and pack text always goes through `safe()` so it is never read as markup.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from netprep.resume.pitch import TARGET_SECONDS
from netprep.text import clock
from netprep.ui.console import err, out
from netprep.ui.text import bullet, clean, hanging, safe

PITCH_WINDOW = f"{clock(TARGET_SECONDS[0])}-{clock(TARGET_SECONDS[1])}"  # 60-90 s spoken

FIELD_LABELS = (("organisation", "Organisation"), ("role", "Role"), ("dates", "Dates"),
                ("what", "What it was"), ("tech", "Technologies"), ("scale", "Scale"),
                ("part", "Your part"), ("outcome", "Outcome"))


def render_list(entries: Sequence[Any], practised: Mapping[int, int]) -> None:
    from rich.table import Table

    console = out()
    if not entries:
        console.print("No resume entries yet. Import your resume with `netprep resume import "
                      "FILE`, or add one with `netprep resume add`.")
        return
    table = Table(title="Resume entries", title_justify="left")
    for column in ("id", "kind", "title", "organisation", "dates", "stories", "deep-dives"):
        table.add_column(column, overflow="fold")
    for e in entries:
        table.add_row(str(e.id), e.kind, safe(e.title), safe(e.organisation), safe(e.dates),
                      ", ".join(str(s) for s in e.stories) or "-",
                      str(practised.get(int(e.id), 0)))
    console.print(table)
    no_story = sum(1 for e in entries if not e.stories)
    unpractised = sum(1 for e in entries if not practised.get(int(e.id)))
    notes = []
    if no_story:
        notes.append(f"{no_story} without a linked STAR story (`netprep resume edit ID`)")
    if unpractised:
        notes.append(f"{unpractised} never practised (`netprep mock --round resume`)")
    if notes:
        console.print(safe("; ".join(notes) + ".", "dim"))


def render_entry(data: dict[str, Any]) -> None:
    from rich.table import Table

    console = out()
    console.print(safe(f"{data['id']}. {data['title']}", "bold"), safe(f"  ({data['kind']})",
                                                                       "dim"))
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    for key, label in FIELD_LABELS:
        value = ", ".join(data[key]) if key == "tech" else data[key]
        if value:
            grid.add_row(label, safe(value))
    stories = ", ".join(str(s) for s in data["stories"]) or "none yet"
    grid.add_row("STAR stories", safe(stories))
    grid.add_row("Deep-dives", str(data["practised"]))
    console.print(grid)
    if data["gaps"]:
        console.print(safe("Fill in before the interview: " + ", ".join(data["gaps"]) + ".",
                           "yellow"))
    if data["deep_dive"]:
        console.print()
        console.print(safe("What an interviewer could ask:", "bold"))
        for q in data["deep_dive"]:
            bullet(console, q["text"])
            bullet(console, f"then: {q['follow_up']}", indent=4, marker=" ", style="dim")


def render_proposals(entries: Sequence[Any]) -> None:
    console = err()
    console.print(safe(f"Found {len(entries)} entr{'y' if len(entries) == 1 else 'ies'}:",
                       "bold"))
    for i, e in enumerate(entries, start=1):
        bits = [b for b in (e.organisation if e.organisation != e.title else "", e.role,
                            e.dates) if b]
        # Wrapped under the entry's own text, never back at column 0.
        hanging(console, f"  {i}. ", f"[{e.kind}] {e.title}" + (f" ({', '.join(bits)})"
                                                               if bits else ""))
        gaps = e.gaps()
        if gaps:
            hanging(console, "       ", f"to fill in later: {', '.join(gaps)}", "dim")


def render_pitch(data: dict[str, Any] | None) -> None:
    console = out()
    if data is None:
        console.print("No pitch saved yet. Build one with `netprep resume pitch`.")
        return
    console.print(safe(f"Tell me about yourself (~{clock(data['speaking_seconds'])} to say; "
                       f"aim for {PITCH_WINDOW})", "bold"))
    for beat in data["beats"]:  # a long beat wraps under its own text
        hanging(console, f"  {clean(beat['beat']):<8} ", beat["text"])


def render_bank(questions: Sequence[dict[str, Any]], saved: set[str]) -> None:
    console = out()
    theme = None
    for q in questions:
        if q["theme"] != theme:
            theme = q["theme"]
            console.print()
            console.print(safe(str(theme).capitalize(), "bold underline"))
        mark = "★ " if q["key"] in saved else "  "
        hanging(console, mark, f"{q['id']}: {q['text']}", hang=4)
        hanging(console, "      ", q["why"], "dim")
    console.print()
    console.print(safe("Save a favourite for your cheat sheet: `netprep tips questions --save "
                       "ID`.", "dim"))


def render_asked(asked: Sequence[dict[str, Any]], console: Any = None) -> None:
    """The coach's read of the questions asked at the end of a mock."""
    console = console or err()
    if not asked:
        return
    console.print(safe("Your questions for the interviewer:", "bold"))
    for q in asked:
        bullet(console, q["text"])
        for finding in q["findings"]:
            style = "green" if finding["code"] == "specific" else "yellow"
            hanging(console, "      ", f"{finding['code']}: {finding['message']}", style)


def render_pitch_check(check: dict[str, Any] | None, console: Any = None) -> None:
    """How a typed 'tell me about yourself' covered the saved outline."""
    if check is None:
        return
    console = console or out()
    if not check["saved"]:
        console.print(safe("No saved outline to compare with: build one with `netprep resume "
                           "pitch`.", "dim"))
        return
    total = len(check["covered"]) + len(check["missed"])
    console.print(safe(f"Pitch: covered {len(check['covered'])} of {total} beats of your "
                       f"outline, ~{clock(check['seconds'])} to say (aim for {PITCH_WINDOW}).",
                       "bold"))
    for beat in check["missed"]:
        console.print(safe(f"  missed: {beat}", "yellow"))
