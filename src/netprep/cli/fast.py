"""Commands that run without Typer (see `FAST_PATHS` in `netprep.cli`).

Each must print exactly what its Typer command prints: `tests/test_fast_paths.py`
runs both and compares.
"""

from __future__ import annotations

import sys

from netprep import __version__


def version() -> None:
    sys.stdout.write(f"netprep {__version__}\n")


def star_list_json() -> None:
    """`netprep star list --json` (also called by the Typer command)."""
    from netprep.star.cache import list_summaries_json
    from netprep.store import open_store
    from netprep.ui.console import print_json_rows

    with open_store() as store:
        rows = list_summaries_json(store)
    print_json_rows("stories", rows)


def stats_json() -> None:
    """`netprep stats --json` (also called by the Typer command)."""
    from netprep.progress.stats import collect_stats
    from netprep.ui.console import print_json

    print_json(collect_stats())


MAX_QUESTION = 1000


def star_suggest(question: str, json: bool = False) -> None:
    """`netprep star suggest QUESTION [--json]` (also called by the Typer command)."""
    from netprep.errors import UsageError
    from netprep.star.match_cache import suggest_for
    from netprep.store import open_store
    from netprep.text import clean

    text = " ".join(clean(question).split())
    if not text:
        raise UsageError("QUESTION is empty.",
                         'Give the question in quotes: netprep star suggest "Tell me about ..."')
    if len(text) > MAX_QUESTION:
        raise UsageError(f"QUESTION is {len(text)} characters; at most {MAX_QUESTION}.",
                         "Give the question itself, not a whole document.")
    with open_store() as store:
        found, index = suggest_for(store, text)
    if json:
        from netprep.ui.console import print_json

        print_json(found.to_dict())
        return
    from netprep.ui.render_star import render_suggestion

    render_suggestion(found, index.names)


def star_check(story_id: int | None = None, json: bool = False, all_gaps: bool = False) -> None:
    """`netprep star check [ID] [--json] [--all]` (also called by the Typer command)."""
    from netprep.star import actions as logic
    from netprep.store import open_store
    from netprep.store.stories import get_story, list_stories

    with open_store() as store:
        stories = [get_story(store, story_id)] if story_id is not None else list_stories(store)
    lib = logic.library()
    items, bank = logic.check(stories, lib, whole_bank=story_id is None,
                              all_gaps=all_gaps)
    if json:
        from netprep.ui.console import print_json

        print_json(logic.check_json(items, bank))
        return
    from netprep.ui.render_star import render_check

    if not items:
        from netprep.ui.console import message

        message("No stories yet. Write your first with `netprep star add`.")
    render_check(items, bank, logic.names(lib), all_gaps=all_gaps)


def plan(interview: str | None = None, clear: bool = False, json: bool = False,
         ics: str | None = None) -> None:
    """`netprep plan [--interview DATE] [--clear] [--json] [--ics FILE]` (also called by
    the Typer command)."""
    from netprep.progress.plan import run_plan
    from netprep.text import plural
    from netprep.ui.console import message

    data, notes = run_plan(interview, clear)
    for note in notes:
        message(note)
    if ics is not None:
        from netprep.progress.plan_ics import plan_events, to_ics, write_ics

        events = plan_events(data)
        written = write_ics(ics, to_ics(events))
        dated = data["interview_date"] and not data["interview_passed"]
        kind = "the days to your interview and the interview" if dated else \
            "the recruiting calendar's milestones"
        message(f"Wrote {plural(len(events), 'calendar event')} ({kind}) to {written}; "
                "import it into your calendar app.")
    if json:
        from netprep.ui.console import print_json

        print_json(data)
    else:
        from netprep.ui.render_stats import render_plan

        render_plan(data)


def star_check_json() -> None:
    star_check(json=True)


def plan_json() -> None:
    plan(json=True)
