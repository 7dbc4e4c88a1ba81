"""The guided `netprep star add`: template, title, each STAR part with its guiding questions.

Every answer goes through `prompts.multiline` (Enter submits, Alt+Enter adds a line,
Ctrl-X Ctrl-E opens $EDITOR). If the user stops (Ctrl-C or Ctrl-D) or declines to save,
everything typed, the text on screen included, is kept in a draft that
`netprep star add --file DRAFT` reads back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from netprep.coach.analysis import PARTS, analyze_story
from netprep.star.model import Story
from netprep.ui import prompts
from netprep.ui.console import err, message
from netprep.ui.text import bullet, clean, safe

if TYPE_CHECKING:
    from netprep.content.models import Library, Template

GENERIC = {
    "situation": ("Where and when was this (project, internship, course)?",
                  "Who was involved, and what was at stake?"),
    "task": ("What did you, personally, have to do or solve?",
             "Why was it hard, or what made it matter?"),
    "action": ("What did you do, step by step? Say \"I\", not \"we\".",
               "Which decision did you make, and why that one?"),
    "result": ("How did it end? Give a number: time, percentage, money, users, a count.",
               "Who benefited, and what changed afterwards?"),
    "learned": ("What did you take away?", "What would you do differently next time?"),
}


def _guide(part: str, template: Template | None) -> None:
    console = err()
    console.print()
    label = {"learned": "What you learned"}.get(part, part.capitalize())
    optional = " (optional)" if part == "learned" else ""
    console.print(safe(f"{label}{optional}", "bold"))
    questions = template.guide(part) if template is not None else GENERIC[part]
    for question in questions:
        bullet(console, question, style="dim")


def _required(ask: object, what: str) -> str:
    while True:
        value = ask().strip()  # type: ignore[operator]
        if value:
            return str(value)
        message(f"The {what} is required: write at least a sentence (Ctrl-C to stop).")


def guided_add(library: Library) -> tuple[Story, bool]:
    """Ask for a story; return it and whether the user confirmed saving it."""
    from netprep.ui.editor import keep_text
    from netprep.ui.render_star import render_findings

    templates = library.templates
    names = {cid: c.name for cid, c in library.competencies.items()}
    template_id = None
    if templates:
        # questionary turns a None value into the title: "" stands for "no template".
        choices = [("No template: write freely", "")] + [
            (clean(f"{t.title} ({names.get(cid, cid)})"), cid) for cid, t in templates.items()
        ]
        template_id = prompts.select("Start from a competency template?", choices) or None
    template = templates.get(template_id) if template_id else None
    draft = Story(None, "", "", "", "", "", template=template_id,
                  tags=(template_id,) if template_id else ())
    current = ""
    try:
        if template is not None and template.pitfalls:
            err().print()
            err().print(safe("Pitfalls to avoid:", "bold"))
            for pitfall in template.pitfalls:
                bullet(err(), pitfall, style="dim")
        current = "title"
        draft.title = _required(
            lambda: prompts.multiline("Title (a few words you will recognise): "), "title")
        for part in PARTS:
            current = part
            _guide(part, template)
            ask = lambda p=part: prompts.multiline(f"{p.capitalize()}: ")  # noqa: E731
            value = ask().strip() if part == "learned" else _required(ask, part)
            setattr(draft, part, value)
        if library.competencies:
            tags = prompts.checkbox(
                "Which competencies does it show?",
                [(clean(f"{c.name} ({cid})"), cid) for cid, c in library.competencies.items()],
                checked=draft.tags,
            )
            draft.tags = tuple(tags)
        err().print()
        render_findings(analyze_story(draft), err())
        return draft, prompts.confirm("Save this story?", default=True)
    except (KeyboardInterrupt, EOFError) as stop:
        on_screen = str(getattr(stop, "text", "") or "").strip()
        if on_screen and current in ("title", *PARTS):
            setattr(draft, current, on_screen)
        if draft.title or draft.text():
            from netprep.star.files import edit_document

            path = keep_text(edit_document(draft), "star-draft")
            message(f"Your draft is kept in {path}; finish it there and run "
                    f"`netprep star add --file {path}`.")
        if isinstance(stop, EOFError):
            raise KeyboardInterrupt from None  # Ctrl-D leaves like Ctrl-C: exit 130
        raise
