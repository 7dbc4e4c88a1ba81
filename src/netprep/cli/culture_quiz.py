"""The `netprep culture quiz` session: ask, grade, save each answer at once, summarise.

Free of Typer and Rich until the summary (it can also run as a fast path without
Typer). With a terminal on stdin an overview comes first and waits for Enter while
questionary and fsrs load in the background, then each question is a questionary
menu (arrow keys or number keys); without one, the question and its numbered
choices go to stdout and one line of stdin answers it.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import datetime, timezone

from netprep.culture.quiz import DEFAULT_COUNT


def run_quiz(
    count: int = DEFAULT_COUNT,
    theme_id: str | None = None,
    pack_id: str | None = None,
    practice_all: bool = False,
    seed: int | None = None,
    clock: Callable[[], datetime] | None = None,
) -> None:
    """Run one quiz; every answer is committed as soon as it is given (Ctrl-C keeps them)."""
    import random

    from netprep.content import load_library
    from netprep.culture import quiz as q
    from netprep.errors import NotFoundError
    from netprep.store import culture as cs
    from netprep.store import open_store
    from netprep.ui import prompts
    from netprep.ui import render_culture as view
    from netprep.ui.console import message

    now = clock or (lambda: datetime.now(timezone.utc))
    library = load_library()
    items = q.select_items(library, theme_id, pack_id)
    if not items:
        raise NotFoundError(
            "No culture quiz items are loaded.",
            "Add a theme pack (see docs/content-format.md) or check `netprep content list`.",
        )
    titles = {(t.pack, t.id): t.title for t in library.themes}
    rng = random.Random(seed)
    interactive = prompts.is_interactive()
    with open_store() as store:
        start = now()
        interview = q.interview_start(store.get_setting("plan.interview_date"))
        if interview is not None and interview <= start:
            interview = None
        if interview is not None:
            days = max(0, (interview.astimezone().date() - start.astimezone().date()).days)
            message(f"Cram mode: {days} day{'s' if days != 1 else ''} to your interview. "
                    "Every item comes back before it (set with `netprep plan --interview`).")
        snap = cs.snapshot(store, q.cutoff(start), interview)
        plan = q.pick(items, snap, count, rng, practice_all)
        if not plan:
            upcoming = cs.next_due_after(store, q.cutoff(start), [i.key for i in items])
            when = q.until(datetime.fromisoformat(upcoming), start) if upcoming else "later"
            message(f"Nothing is due now: you have answered every item in scope, and the next "
                    f"one falls due {when}. Run with --all to practise anyway.")
            return
        if not interactive:
            message("stdin is not a terminal: reading one answer per line "
                    "(the number of the chosen choice).")
        else:
            view.quiz_overview(plan)
            try:  # the menus' library and the scheduler load while the overview is read
                prompts.wait_for_enter(view.READY, loading=("questionary", "fsrs"))
            except EOFError:
                message("Left before the first question; nothing was recorded.")
                return
        scheduler = None
        graded: list[q.Graded] = []
        stopped = False
        try:
            for number, asked in enumerate(plan, start=1):
                title = titles.get((asked.item.pack, asked.item.theme), asked.item.theme)
                view.quiz_question(asked, number, len(plan), title, with_choices=not interactive)
                unreadable = None
                if interactive:
                    began = time.monotonic()
                    chosen = prompts.select(
                        "Your answer", [(c, n) for n, c in enumerate(asked.choices, start=1)]
                    )
                    elapsed: float | None = time.monotonic() - began
                else:
                    line = _read_line()
                    if line is None:
                        stopped = True
                        break
                    chosen = q.parse_answer(line, len(asked.choices))
                    elapsed = None
                    if chosen is None:
                        unreadable = line.strip()
                        shown = unreadable[:40] or "an empty line"
                        message(f"Answer {number}: {shown!r} is not a choice number from 1 to "
                                f"{len(asked.choices)}; counted as wrong.")
                if scheduler is None:
                    scheduler = q.make_scheduler()
                g = q.grade(asked, chosen, elapsed, cs.card_state(store, asked.item.key),
                            now(), scheduler, interview)
                cs.record_review(
                    store, item_key=asked.item.key, pack_id=asked.item.pack,
                    theme_id=asked.item.theme, card_id=g.card_id, state=g.state, due=g.due,
                    correct=g.correct, rating=g.rating, elapsed_seconds=g.elapsed,
                    reviewed_at=g.reviewed_at, log=g.log,
                )
                graded.append(g)
                view.quiz_feedback(g, q.until(g.due, g.reviewed_at), unreadable)
        except KeyboardInterrupt:
            if graded:
                message(f"Kept the {len(graded)} answer{'s' if len(graded) != 1 else ''} "
                        "given before the interruption.")
            raise
        end = now()
        summary = q.summarize(graded, library, end)
        left = cs.snapshot(store, q.cutoff(end), interview)
        summary["due_left"] = sum(1 for i in items if i.key in left.due)
        summary["new_left"] = sum(1 for i in items if i.key not in left.known)
    if stopped and not graded:
        message("No answers read from stdin; nothing was recorded.")
        return
    view.quiz_summary(summary, stopped_early=stopped)


def _read_line() -> str | None:
    """One line of stdin, or None at the end of input; undecodable bytes are unreadable."""
    try:
        line = sys.stdin.readline()
    except UnicodeDecodeError:
        return "\ufffd"
    return None if line == "" else line


def default() -> None:
    """`netprep culture quiz` with no options (a fast path candidate)."""
    run_quiz()
