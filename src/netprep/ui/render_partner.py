"""Partner mode on screen: the guide, the interviewer's sheet, and the scores side by side."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from netprep.ui.text import safe

if TYPE_CHECKING:
    from rich.console import Console

    from netprep.partner.sheet import Sheet

INTRO = ("Partner mode: this screen is the interviewer's sheet. Give it to your friend; "
         "the candidate answers aloud, facing them.")
ANSWER_NOTE = ("The candidate answers aloud. When they finish, press Enter (or type a few "
               "words of what they said).")


def render_partner_intro(console: Console, name: str | None) -> None:
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table

    from netprep.partner.sheet import GUIDE

    # Each point wraps under its own text, not back under its bullet.
    points = Table.grid(padding=(0, 1))
    points.add_column(no_wrap=True)
    points.add_column(overflow="fold")
    for line in GUIDE:
        points.add_row("•", safe(line))
    title = f"Interviewer: {name}" if name else "Interviewer's guide"
    console.print(Panel(Group(safe(INTRO, "bold"), points), title=safe(title),
                        title_align="left", border_style="magenta"))


def render_sheet(sheet: Sheet, console: Console, timed: bool) -> None:
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    from netprep.text import clock

    parts: list[Any] = []
    head = Text()
    head.append("Read aloud: ", style="magenta")
    head.append_text(safe(sheet.question, "bold"))
    parts.append(head)
    parts.append(_list("Listen for", sheet.listen_for))
    if sheet.clarify:
        parts.append(_list("Clarifications a strong candidate asks", sheet.clarify))
    if sheet.follow_ups:
        parts.append(_list("Follow-ups to choose from (ask one)", sheet.follow_ups,
                           numbered=True))
    rubric = Text()
    rubric.append("You will score (1-4): ", style="magenta")
    rubric.append_text(safe(", ".join(d.name for d in sheet.rubric)))
    parts.append(rubric)
    target = f"target {clock(sheet.target_seconds)}" if timed else "untimed"
    parts.append(safe(ANSWER_NOTE, "dim"))
    console.print(Panel(Group(*parts), title=f"Question {sheet.position} of {sheet.total}",
                        title_align="left", subtitle=target, subtitle_align="right",
                        border_style="magenta"))


def _list(title: str, lines: tuple[str, ...], numbered: bool = False) -> Any:
    from rich.text import Text

    text = Text()
    text.append(f"{title}:", style="magenta")
    for n, line in enumerate(lines, 1):
        text.append(f"\n  {n}. " if numbered else "\n  • ")
        text.append_text(safe(line))
    return text


def render_scores(partner: dict[str, Any], names: dict[str, str], console: Console) -> None:
    """The partner's scores, the candidate's beside them, and the note."""
    from rich.text import Text

    own = partner.get("self_ratings") or {}
    who = partner.get("name") or "Partner"
    text = Text()
    text.append(f"{who}'s scores: ", style="magenta")
    cells = []
    for dim, value in partner["ratings"].items():
        mine = f" (you {own[dim]})" if dim in own else ""
        cells.append(f"{names.get(dim, dim)} {value}/4{mine}")
    text.append_text(safe(" · ".join(cells)))
    if partner.get("note"):
        text.append("\nNote: ", style="magenta")
        text.append_text(safe(partner["note"]))
    console.print(text)
