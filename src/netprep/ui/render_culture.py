"""Views for `netprep culture`.

The quiz itself writes plain, wrapped text on stdout (no Rich), so the first
question appears without importing Rich and a script reading stdout sees each
question and its numbered choices. The other views are Rich tables and panels;
pack and user text always goes through `safe()`.
"""

from __future__ import annotations

import os
import shutil
import sys
import textwrap
from typing import TYPE_CHECKING, Any

from netprep.ui.text import bullet, clean, safe

if TYPE_CHECKING:
    from netprep.culture.quiz import Asked, Graded

# --- the quiz: plain text ----------------------------------------------------------------

_STYLES = {"bold": "1", "dim": "2", "green": "32", "red": "31", "cyan": "36"}


def _color() -> bool:
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _paint(text: str, *styles: str) -> str:
    if not styles or not _color():
        return text
    codes = ";".join(_STYLES[s] for s in styles)
    return f"\x1b[{codes}m{text}\x1b[0m"


def _width() -> int:
    return max(40, min(shutil.get_terminal_size((100, 24)).columns - 1, 100))


def _wrap(text: str, indent: str = "", width: int | None = None) -> str:
    return textwrap.fill(clean(text), width=(width or _width()), initial_indent=indent,
                         subsequent_indent=indent) or indent


def _write(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


READY = "Ready? Press Enter for question 1 (Ctrl-C leaves). "


def quiz_overview(plan: list[Asked]) -> None:
    """What the quiz holds and how answers count, shown before the first question."""
    kinds = {"due": 0, "new": 0, "practice": 0}
    for asked in plan:
        kinds[asked.why] += 1
    themes = len({(asked.item.pack, asked.item.theme) for asked in plan})
    parts = [f"{n} {label}" for n, label in ((kinds["due"], "due for review"),
                                              (kinds["new"], "new"),
                                              (kinds["practice"], "for practice")) if n]
    total = len(plan)
    head = (f"Culture quiz: {total} question{'s' if total != 1 else ''} "
            f"({', '.join(parts)}) from {themes} theme{'s' if themes != 1 else ''}.")
    how = ("Pick with the arrow keys or a choice's number. Each answer is timed: right and "
           "quick sends the item further out, wrong brings it back soon.")
    _write("\n".join([_paint(_wrap(head), "bold"), _paint(_wrap(how), "dim")]))


def quiz_question(asked: Asked, number: int, total: int, theme_title: str,
                  with_choices: bool) -> None:
    """The question (and, for scripts, its numbered choices) on stdout."""
    label = {"due": "review", "new": "new", "practice": "practice"}.get(asked.why, asked.why)
    header = f"Question {number} of {total} · {clean(theme_title)} · {label}"
    # A long theme title wraps by words ("Informed captains, farming for dissent, ...").
    header = textwrap.fill(header, width=_width(), subsequent_indent="  ")
    lines = ["", _paint(header, "dim"), _paint(_wrap(asked.item.question), "bold")]
    if with_choices:
        for n, choice in enumerate(asked.choices, start=1):
            lines.append(textwrap.fill(clean(choice), width=_width(),
                                       initial_indent=f"  {n}. ", subsequent_indent="     "))
    _write("\n".join(lines))


def quiz_feedback(graded: Graded, when: str, unreadable: str | None = None) -> None:
    """Right or wrong, the right choice, the explanation, and when the item comes back."""
    asked = graded.asked
    right = f"{asked.answer}. {clean(asked.item.correct_choice)}"
    if graded.correct:
        prefix, color, rest = "Right:", "green", right
    elif unreadable is not None:
        prefix, color, rest = "No answer read", "red", f"(counted as wrong). The answer: {right}"
    else:
        prefix, color, rest = "Not quite.", "red", f"The answer: {right}"
    # A wrapped answer continues indented, as the explanation under it, never at column 0.
    head = textwrap.fill(clean(f"{prefix} {rest}"), width=_width(), subsequent_indent="  ")
    # Paint the prefix after wrapping, so escape codes never count toward the width.
    head = _paint(prefix, color, "bold") + head[len(prefix):]
    lines = [head, _wrap(asked.item.explanation, "  ")]
    lines.append(_paint(f"  Back {when}." if when != "now" else "  Back soon.", "dim"))
    _write("\n".join(lines))


def quiz_summary(summary: dict[str, Any], stopped_early: bool) -> None:
    from rich.table import Table

    from netprep.ui.console import out

    console = out()
    console.print()
    if summary["answered"] == 0:
        console.print("No questions answered.")
        return
    pct = round(100 * summary["accuracy"])
    ended = " (stopped early)" if stopped_early else ""
    console.print(safe(f"Score: {summary['correct']} of {summary['answered']} ({pct}%){ended}",
                       "bold"))
    table = Table(title="Accuracy by theme", title_justify="left")
    table.add_column("theme", overflow="fold")
    table.add_column("right", justify="right")
    table.add_column("accuracy", justify="right")
    for entry in summary["themes"]:
        table.add_row(safe(entry["title"]), f"{entry['correct']}/{entry['answered']}",
                      f"{round(100 * entry['accuracy'])}%")
    console.print(table)
    parts = [f"{b['items']} {b['when']}" for b in summary["due_again"]]
    console.print(safe("Due again: " + ", ".join(parts) + "."))
    due, new = summary.get("due_left", 0), summary.get("new_left", 0)
    if due or new:
        console.print(safe(f"Ready for the next quiz: {due} due (missed items included), "
                           f"{new} new."))
    else:
        console.print("Nothing else is due: every item in scope is scheduled.")


# --- themes, show, reflections: Rich -----------------------------------------------------


def _short_time(value: str | None) -> str:
    if not value:
        return "-"
    return value[:16].replace("T", " ")


def render_themes(themes: list[dict[str, Any]], memo: dict[str, Any] | None = None) -> None:
    """Which memo the themes teach, then each theme: title and id, progress, summary."""
    from rich.padding import Padding
    from rich.text import Text

    from netprep.ui.console import out
    from netprep.ui.render import memo_line

    console = out()
    if memo:
        console.print(safe(f"Teaching the {memo_line(memo)}.", "dim"))
        console.print()
    for t in themes:
        head = safe(t["title"], "bold")
        head.append(f"  ({clean(t['id'])})", style="dim")
        console.print(head)
        console.print(Padding(Text(_progress_line(t)), (0, 0, 0, 2)))
        console.print(Padding(safe(t["summary"], "dim"), (0, 0, 0, 2)))
        console.print()


def _progress_line(t: dict[str, Any]) -> str:
    parts = [f"{t['items']} item{'s' if t['items'] != 1 else ''}"]
    if t["reviewed"]:
        parts.append(f"{t['reviewed']} answered, {round(100 * t['accuracy'])}% right")
    else:
        parts.append("not practised yet")
    parts.append(f"{t['due_now']} due now, {t['new']} new")
    if t["next_due"]:
        parts.append(f"next due {_short_time(t['next_due'])} UTC")
    return " · ".join(parts)


def render_theme(data: dict[str, Any]) -> None:
    from rich.text import Text

    from netprep.ui.console import out

    console = out()
    console.print(safe(data["title"], "bold underline"), safe(f"  ({data['id']})", "dim"))
    console.print(safe(data["summary"]))
    if data.get("memo_sections"):
        titles = ", ".join(s["title"] for s in data["memo_sections"])
        console.print(safe(f"Memo sections: {titles}", "dim"))
    console.print()
    console.print(Text("Key ideas", style="bold"))
    for idea in data["key_ideas"]:
        bullet(console, idea, indent=0)
    console.print()
    console.print(Text("Reflection prompts", style="bold"))
    for p in data["reflection_prompts"]:
        line = Text("? ")
        line.append(safe(p["prompt"]))
        line.append(safe(f"  (--prompt {p['id']})", "dim"))
        console.print(line)
    console.print()
    _print_reflections(data["reflections"], empty="You have not written a reflection on this "
                       f"theme yet: netprep culture reflect {data['id']}")


def _resonance(value: bool | None) -> str:
    return {True: "resonates", False: "does not resonate", None: "mixed or undecided"}[value]


def _print_reflections(entries: list[dict[str, Any]], empty: str) -> None:
    from rich.text import Text

    from netprep.ui.console import out

    console = out()
    console.print(Text("Your reflections", style="bold"))
    if not entries:
        console.print(safe(empty, "dim"))
        return
    for e in entries:
        head = safe(f"{_short_time(e['created_at'])} · {_resonance(e['resonates'])}", "dim")
        console.print(head)
        console.print(safe(e["prompt"], "italic"))
        console.print(safe(e["text"]))
        console.print()


def render_reflections(entries: list[dict[str, Any]]) -> None:
    from netprep.ui.console import out

    if not entries:
        out().print(safe("No reflections yet. Write one with: netprep culture reflect"))
        return
    theme = None
    for e in entries:
        if (e["pack"], e["theme"]) != theme:
            theme = (e["pack"], e["theme"])
            out().print(safe(e["theme_title"], "bold underline"))
        out().print(safe(f"{_short_time(e['created_at'])} · {_resonance(e['resonates'])}", "dim"))
        out().print(safe(e["prompt"], "italic"))
        out().print(safe(e["text"]))
        out().print()


def reflections_markdown(entries: list[dict[str, Any]]) -> str:
    """Markdown for printing beside the STAR cheat sheet: the latest answer to each prompt."""
    lines = ["# Culture reflections", ""]
    if not entries:
        lines.append("_No reflections yet._")
    theme = None
    for e in entries:
        if (e["pack"], e["theme"]) != theme:
            theme = (e["pack"], e["theme"])
            lines += [f"## {_md(e['theme_title'])}", ""]
        lines += [
            f"**{_md(e['prompt'])}**",
            "",
            f"_{_resonance(e['resonates']).capitalize()}, {e['created_at'][:10]}._",
            "",
            *[f"> {_md(line)}" if line.strip() else ">" for line in clean(e["text"]).split("\n")],
            "",
        ]
    return "\n".join(lines).rstrip("\n") + "\n"


def _md(text: str) -> str:
    """Plain text made safe inside Markdown (no accidental emphasis, headings or HTML)."""
    out = clean(text).replace("\n", " ")
    for ch in "\\`*_[]<>#|":
        out = out.replace(ch, "\\" + ch)
    return out


def reflect_intro(theme: Any) -> None:
    """The theme in brief before the reflection prompts (plain text, like the quiz)."""
    lines = ["", _paint(_wrap(theme.title), "bold"), _wrap(theme.summary), "", "Key ideas:"]
    lines += [textwrap.fill(clean(idea), width=_width(), initial_indent="  • ",
                            subsequent_indent="    ") for idea in theme.key_ideas]
    _write("\n".join(lines) + "\n")


def reflect_prompt(prompt: str, number: int, total: int) -> None:
    _write("\n" + _paint(f"Prompt {number} of {total}", "dim") + "\n" + _paint(_wrap(prompt),
                                                                                "bold"))
