"""Rich views for `netprep takehome`: briefs, the clock, check results and reviews.

Pack text, file paths and everything the candidate wrote go through `safe()`.
"""

from __future__ import annotations

from typing import Any

from netprep.ui.console import err, out
from netprep.ui.text import copyable, hanging, safe

LIST_BELOW = 100  # columns: below this the acceptance checks are a list, not a table


def clock(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"


def render_list(rows: list[dict[str, Any]]) -> None:
    from rich.table import Table
    from rich.text import Text

    console = out()
    # Below 100 columns the track and languages go under the title: beside it they left
    # the title no room at all (an empty column at 60 columns).
    narrow = console.width < 100
    table = Table(title="Take-home briefs", title_justify="left")
    table.add_column("id", no_wrap=True)
    table.add_column("title", overflow="fold", ratio=1, min_width=12)
    if not narrow:
        table.add_column("track", no_wrap=True)
    table.add_column("hours", justify="right", no_wrap=True)
    if not narrow:
        table.add_column("languages", no_wrap=True)
    for row in rows:
        languages = ", ".join(row["languages"])
        if narrow:
            title = safe(row["title"])
            title.append_text(Text("\n") + safe(f"{row['track']} · {languages}", "dim"))
            table.add_row(safe(row["id"]), title, str(row["hours"]))
        else:
            table.add_row(safe(row["id"]), safe(row["title"]), safe(row["track"]),
                          str(row["hours"]), safe(languages))
    console.print(table)
    out().print("Read one with `netprep takehome show ID`; begin with `netprep takehome start ID`.")


def render_brief(data: dict[str, Any]) -> None:
    console = out()
    console.print(safe(f"{data['title']} ({data['track']}, {data['hours']} h, "
                       f"{', '.join(data['languages'])})", "bold"))
    console.print()
    _flowed(console, data["brief"])
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
            _hung(console, "  - ", str(item))


def _flowed(console: Any, text: str) -> None:
    """A brief's text rewrapped to the window: the pack's lines are wrapped for the YAML
    file (at 60 columns "so" / "that `python logtool.py ...`" broke mid-sentence), so a
    paragraph's lines are joined, and a "- " item with its indented continuation lines
    is one item, wrapped under its text."""
    for number, paragraph in enumerate(str(text).strip().split("\n\n")):
        if number:
            console.print()
        blocks: list[list[Any]] = []  # [is_item, text]
        for line in paragraph.split("\n"):
            if line.startswith("- "):
                blocks.append([True, line[2:].strip()])
            elif blocks and (line.startswith(" ") or not blocks[-1][0]):
                blocks[-1][1] += " " + line.strip()
            else:
                blocks.append([False, line.strip()])
        for is_item, body in blocks:
            _hung(console, "- " if is_item else "", body)


def _hung(console: Any, lead: str, body: str) -> None:
    """`lead` then `body` wrapped by words, its later lines under the body's first word
    (a long code span wraps too: a brief is read, not copied)."""
    hanging(console, lead, " ".join(body.split()), whole_code=False)


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
    copyable(console, f"Folder: {data['path']}")
    if not data.get("workspace_exists", True):
        console.print(safe("The folder is missing: `netprep takehome start "
                           f"{data['brief']}` writes a fresh scaffold.", "yellow"))


def render_check(data: dict[str, Any], hint: bool = True) -> None:
    from rich.table import Table

    console = out()
    title = f"Acceptance checks: {data['passed']}/{data['total']} requirements met"
    if console.width < LIST_BELOW:  # a table squeezed each requirement to a word a line
        from rich.text import Text

        console.print(safe(title, "italic"))
        for req in data["requirements"]:
            mark = Text("  pass  ", style="green") if req["passed"] else Text(
                "  fail  ", style="red")
            hanging(console, mark, f"{req['id']}: {req['title']}")
            if req.get("note"):
                hanging(console, " " * 8, str(req["note"]), style="dim")
        if hint and data["passed"] == data["total"]:
            hanging(console, "", "Every requirement is met. `netprep takehome submit` "
                    "freezes and reviews it.")
        return
    table = Table(title=title, title_justify="left")
    table.add_column("", no_wrap=True)
    table.add_column("requirement", no_wrap=True)
    table.add_column("what it asks", overflow="fold")
    table.add_column("note", overflow="fold")
    for req in data["requirements"]:
        mark = safe("pass", "green") if req["passed"] else safe("fail", "red")
        table.add_row(mark, safe(req["id"]), safe(req["title"]), safe(req.get("note", "")))
    out().print(table)
    if hint and data["passed"] == data["total"]:
        out().print("Every requirement is met. `netprep takehome submit` freezes and reviews it.")


def message(text: str) -> None:
    err().print(safe(text))


def render_review(data: dict[str, Any], automated_only: bool = False) -> None:
    console = out()
    review = data.get("review") or {}
    if "attempt" in data:
        console.print(safe(status_line(data), "bold"))
    acceptance = review.get("acceptance")
    if acceptance:
        if acceptance.get("skipped"):
            console.print(safe(f"Acceptance checks not run: {acceptance['skipped']}", "yellow"))
        else:
            render_check(acceptance, hint=False)
    for item in review.get("rubric_checks", []):
        mark = safe("ok   ", "green") if item["passed"] else safe("note ", "yellow")
        hanging(console, mark, item["message"])  # wrapped under its text, not at column 0
        for finding in item.get("findings", [])[:10]:
            console.print(safe(f"      {finding['file']}:{finding['line']}: {finding['message']}"))
    if automated_only:
        return
    ratings = review.get("self_review") or {}
    if ratings:
        console.print(safe("Self-review: " + ", ".join(f"{k} {v}/5" for k, v in ratings.items())))
    else:
        console.print(safe("Self-review: not given."))


def render_attempts(rows: list[dict[str, Any]]) -> None:
    from rich.table import Table

    if not rows:
        out().print("No take-home attempts yet. Start one with `netprep takehome start ID`.")
        return
    table = Table(title="Take-home attempts", title_justify="left")
    for name in ("id", "brief", "state", "used", "checks", "self-review", "started"):
        table.add_column(name, no_wrap=True)
    for row in rows:
        checks = f"{row['passed']}/{row['total']}" if row.get("total") else "-"
        rating = "-" if row.get("avg_self_rating") is None else f"{row['avg_self_rating']:.1f}"
        table.add_row(str(row["attempt"]), safe(row["brief"]), row["state"],
                      clock(row["seconds_used"]), checks, rating, row["started_at"][:10])
    out().print(table)
