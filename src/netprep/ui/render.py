"""Rich views for the foundation commands (info, content, tips).

User and pack text always goes through `safe()` so it is never read as markup.
"""

from __future__ import annotations

from typing import Any

from netprep.text import plural
from netprep.ui.console import out
from netprep.ui.text import bullet, copyable, safe


def render_info(data: dict[str, Any]) -> None:
    """Label and value per line; a path is printed whole (`copyable`), never cut with an
    ellipsis or broken at the window's edge, so it can be copied."""
    packs = data["content"]["user_packs"]
    rows = [
        ("version", data["version"]),
        ("data dir", data["data_dir"]),
        ("database", data["database"]),
        ("schema version", str(data["schema_version"])),
        ("built-in content", data["content"]["builtin"]),
        ("your packs", ", ".join(packs) if packs
         else f"none; add folders to {data['content']['user_packs_dir']}"),
    ]
    rows += [(name.replace("_", " "), str(count)) for name, count in data["counts"].items()]
    audio = data.get("audio") or {}
    files = audio.get("files") or []
    if files:
        size = sum(f["bytes"] for f in files) / 1e6
        rows.append(("audio kept", f"{len(files)} files, {size:.1f} MB in {audio['dir']} "
                                   "(mock --keep-audio)"))
        rows += [("", file["path"]) for file in files]
    width = max(len(label) for label, _ in rows) + 2
    console = out()
    for label, value in rows:
        copyable(console, value, label=label.ljust(width))


def render_packs(packs: list[dict[str, Any]], tracks: list[dict[str, Any]] | None = None) -> None:
    from rich.table import Table

    table = Table(title="Content packs", title_justify="left")
    for column in ("id", "source", "themes", "quiz", "questions", "templates"):
        table.add_column(column, overflow="fold")
    for pack in packs:
        c = pack["counts"]
        questions = sum(
            c[k] for k in ("behavioral_questions", "culture_questions", "role_questions",
                           "technical_questions")
        )
        table.add_row(
            safe(pack["id"]),
            pack["source"],
            str(c["themes"]),
            str(c["quiz_items"]),
            str(questions),
            str(c["star_templates"]),
        )
    out().print(table)
    for pack in packs:  # a path is printed whole, to copy, never folded into a cell
        copyable(out(), f"{pack['id']} is in {pack['path']}", label_style="")
    for pack in packs:
        if pack.get("memo"):
            out().print(safe(f"{pack['id']}: culture themes teach {memo_line(pack['memo'])}"))
    if tracks:
        names = ", ".join(f"{t['id']} ({t['name']})" for t in tracks)
        out().print(safe(f"Tracks for `mock --track`: {names}"))


def memo_line(memo: dict[str, Any]) -> str:
    """'Culture memo, June 2024 version (published 2024-06)'."""
    return f"{memo['title']}, {memo['version']} version (published {memo['published']})"


def render_tips(sections: list[dict[str, Any]]) -> None:

    console = out()
    for section in sections:
        console.print(safe(section["title"], "bold underline"))
        for item in section["items"]:
            line = safe(item["title"], "bold")
            line.append(": ")
            line.append_text(safe(item["text"]))
            bullet(console, line, indent=0)
            if item.get("practice"):
                bullet(console, f"Practise: {item['practice']}", indent=2, marker="→",
                       style="cyan")
        console.print()


def render_short(short: Any, heading: str, again: str) -> None:
    """A 30-60 s screen version (`coach.short.Short`): a heading with its speaking time,
    one line per part kept, then its notes; `again` says how to see the whole text."""
    from netprep.coach.short import SHORT_SECONDS
    from netprep.text import clock
    from netprep.ui.text import clean, hanging

    console = out()
    window = f"{clock(SHORT_SECONDS[0])}-{clock(SHORT_SECONDS[1])}"
    console.print(safe(f"{heading} (~{clock(short.seconds)} to say, "
                       f"{plural(short.words, 'word')}; aim for {window}; "
                       f"the whole takes ~{clock(short.full_seconds)})",
                       "bold"))
    for line in short.lines:
        hanging(console, f"  {clean(line.part):<10} ", line.text)
    for note in short.notes:
        bullet(console, note, style="yellow")
    console.print(safe(again, "dim"))


def render_rubrics(rubrics: list[dict[str, Any]]) -> None:
    """What each round scores: per area what scores well and what costs marks, then habits."""
    from netprep.ui.text import hanging

    console = out()
    if not rubrics:
        console.print("No rubrics in the loaded packs (content rubrics.yaml).")
        return
    for rubric in rubrics:
        console.print()
        console.print(safe(rubric["title"], "bold underline"))
        hanging(console, "", rubric["summary"])
        for area in rubric["areas"]:
            console.print(safe(f"  {area['name']}", "bold"))
            hanging(console, "    scores: ", area["strong"])
            hanging(console, "    costs:  ", area["weak"], "dim")
        for habit in rubric["habits"]:
            bullet(console, f"Habit: {habit}", style="cyan")
