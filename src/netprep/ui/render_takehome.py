"""Rich views for `netprep takehome`: briefs, the clock, check results and reviews.

Pack text, file paths and everything the candidate wrote go through `safe()`.
"""

from __future__ import annotations

from typing import Any

from netprep.ui.console import err, out
from netprep.ui.text import safe


def clock(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"


def render_list(rows: list[dict[str, Any]]) -> None:
    from rich.table import Table

    table = Table(title="Take-home briefs", title_justify="left")
    table.add_column("id", no_wrap=True)
    table.add_column("title", overflow="fold")
    table.add_column("track", no_wrap=True)
    table.add_column("hours", justify="right", no_wrap=True)
    table.add_column("languages", no_wrap=True)
    for row in rows:
        table.add_row(safe(row["id"]), safe(row["title"]), safe(row["track"]),
                      str(row["hours"]), safe(", ".join(row["languages"])))
    out().print(table)
    out().print("Read one with `netprep takehome show ID`; begin with `netprep takehome start ID`.")


def render_brief(data: dict[str, Any]) -> None:
    console = out()
    console.print(safe(f"{data['title']} ({data['track']}, {data['hours']} h, "
                       f"{', '.join(data['languages'])})", "bold"))
    console.print()
    console.print(safe(data["brief"].rstrip()))
    for heading, items in (
        ("Requirements", [f"{r['id']}: {r['title']}" for r in data["requirements"]]),
        ("Constraints", data["constraints"]),
        ("Reviewers look for", data["reviewers_look_for"]),
        ("Rubric", [f"{r['area']}: {r['look_for']}" for r in data["rubric"]]),
        ("Files you start from", data["files"]),
    ):
        console.print()
        console.print(safe(heading, "bold"))
        for item in items:
            console.print(safe(f"  - {item}"))


def status_line(data: dict[str, Any]) -> str:
    used, limit = data["seconds_used"], data["seconds_limit"]
    if used > limit:
        time = f"{clock(used)} used, {clock(used - limit)} over the {clock(limit)} time box"
    else:
        time = f"{clock(used)} used, {clock(limit - used)} left of {clock(limit)}"
    return f"Attempt {data['attempt']} at {data['brief']} ({data['state']}): {time}"


def render_status(data: dict[str, Any]) -> None:
    console = out()
    console.print(safe(status_line(data)))
    console.print(safe(f"Folder: {data['path']}"))
    if not data.get("workspace_exists", True):
        console.print(safe("The folder is missing: `netprep takehome start "
                           f"{data['brief']}` writes a fresh scaffold.", "yellow"))


def render_check(data: dict[str, Any]) -> None:
    from rich.table import Table

    table = Table(title=f"Acceptance checks: {data['passed']}/{data['total']} requirements met",
                  title_justify="left")
    table.add_column("", no_wrap=True)
    table.add_column("requirement", no_wrap=True)
    table.add_column("what it asks", overflow="fold")
    table.add_column("note", overflow="fold")
    for req in data["requirements"]:
        mark = safe("pass", "green") if req["passed"] else safe("fail", "red")
        table.add_row(mark, safe(req["id"]), safe(req["title"]), safe(req.get("note", "")))
    out().print(table)
    if data["passed"] == data["total"]:
        out().print("Every requirement is met. `netprep takehome submit` freezes and reviews it.")


def message(text: str) -> None:
    err().print(safe(text))
