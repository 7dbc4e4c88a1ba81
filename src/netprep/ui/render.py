"""Rich views for the foundation commands (info, content, tips).

User and pack text always goes through `safe()` so it is never read as markup.
"""

from __future__ import annotations

from typing import Any

from netprep.text import plural
from netprep.ui.console import out
from netprep.ui.text import bullet, safe


def render_info(data: dict[str, Any]) -> None:
    from rich.table import Table

    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    table.add_row("version", safe(data["version"]))
    table.add_row("data dir", safe(data["data_dir"]))
    table.add_row("database", safe(data["database"]))
    table.add_row("schema version", str(data["schema_version"]))
    table.add_row("built-in content", safe(data["content"]["builtin"]))
    packs = data["content"]["user_packs"]
    table.add_row(
        "your packs",
        safe(
            ", ".join(packs)
            if packs
            else f"none (add folders to {data['content']['user_packs_dir']})"
        ),
    )
    for name, count in data["counts"].items():
        table.add_row(name.replace("_", " "), str(count))
    audio = data.get("audio") or {}
    files = audio.get("files") or []
    if files:
        size = sum(f["bytes"] for f in files) / 1e6
        table.add_row("audio kept", safe(f"{len(files)} files, {size:.1f} MB in {audio['dir']} "
                                         "(mock --keep-audio)"))
        for file in files:
            table.add_row("", safe(file["path"]))
    out().print(table)


def render_packs(packs: list[dict[str, Any]], tracks: list[dict[str, Any]] | None = None) -> None:
    from rich.table import Table

    table = Table(title="Content packs", title_justify="left")
    for column in ("id", "source", "themes", "quiz", "questions", "templates", "path"):
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
            safe(pack["path"]),
        )
    out().print(table)
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
