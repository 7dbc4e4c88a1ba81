"""`netprep star`: write, polish and map your STAR stories.

Only typer and click are imported here; each command imports what it needs, so
`netprep star list --json` loads no Rich, no YAML and no content. The checks
and merges live in `netprep.star.actions`, the views in `netprep.ui.render_star`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click
import typer

from netprep.cli.completion import story_ids
from netprep.cli.ids import ID
from netprep.cli.star_suggest import suggest as _suggest

if TYPE_CHECKING:
    from netprep.star.model import Story
    from netprep.store.db import Store

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Write, polish and map your STAR stories (Situation, Task, Action, Result). "
    "Aim for four to five, each about two minutes to tell.",
)

JSON_HELP = "Print machine-readable JSON on stdout."
ID_HELP = "The story's id (see `netprep star list`)."
TAG_HELP = "A competency id the story shows (repeatable or comma-separated)."


def _saved(story: Story, verb: str) -> None:
    from netprep.coach.analysis import analyze_story
    from netprep.ui.console import message

    message(f"{verb} story {story.id}: {story.title} (score {analyze_story(story).score}/100).")


@app.command()
def add(
    title: str = typer.Option(None, "--title", help="A short title you will recognise."),
    situation: str = typer.Option(None, "--situation", help="Where, when, who, what was at stake."),
    task: str = typer.Option(None, "--task", help="What you had to do or solve."),
    action: str = typer.Option(
        None, "--action", help="What you did, step by step, in the first person."
    ),
    result: str = typer.Option(None, "--result", help="How it ended, with a number if you can."),
    learned: str = typer.Option(None, "--learned", help="What you took away (optional)."),
    tag: list[str] = typer.Option(None, "--tag", "-t", help=TAG_HELP),
    file: str = typer.Option(
        None, "--file", "-f",
        help="Add the story (or the list under `stories:`) from a YAML file; `-` reads stdin.",
    ),
    json: bool = typer.Option(False, "--json", help="Print the new ids as JSON on stdout."),
) -> None:
    """Add a story: guided in a terminal, or from flags or a YAML file without any prompt.

    With --title, --situation, --task, --action and --result (and --tag) nothing is asked.
    A scripted add that lacks a required field exits 1, naming it, and saves nothing.
    """
    from netprep.errors import NetprepError, UsageError
    from netprep.star import actions as logic
    from netprep.star.cache import add_stories
    from netprep.star.model import Story
    from netprep.store import open_store

    values = {"title": title, "situation": situation, "task": task, "action": action,
              "result": result, "learned": learned}
    scripted = any(v is not None for v in values.values()) or bool(tag)
    if file is not None:
        if scripted:
            raise UsageError("Use either --file or the field flags, not both.")
        from netprep.star.files import parse_stories

        stories = parse_stories(*logic.read_source(file))
        if not stories:
            raise NetprepError(f"{file} holds no stories.", "Write one under `stories:`.")
    elif scripted:
        story = Story(None, **{k: (v or "").strip() for k, v in values.items()},
                      tags=logic.split_tags(tag))
        missing = story.missing()
        if missing:
            flags = ", ".join(f"--{m}" for m in missing)
            raise NetprepError(
                f"Missing required field{'s' if len(missing) > 1 else ''}: {flags}. "
                "Nothing was saved.",
                "Pass all of --title, --situation, --task, --action and --result, "
                "or run `netprep star add` in a terminal to be guided.",
            )
        logic.check_lengths(story)
        stories = [story]
    else:
        stories = [_guided()]
    if any(s.tags for s in stories):
        logic.check_tags(stories, logic.library())
    skipped: list[tuple[Story, str]] = []
    if file is not None:  # the text is in the user's own file already
        from netprep.store.stories import list_stories

        with open_store() as store:
            # Running the same `star add --file DRAFT` twice must not add the story twice.
            stories, skipped = logic.merge_import(list_stories(store), stories)
            ids = add_stories(store, stories) if stories else []
    else:
        from netprep.star.files import edit_document
        from netprep.ui.editor import kept_on_failure

        with kept_on_failure(lambda: edit_document(stories[0]), "star-draft",
                             "netprep star add --file {path}"), open_store() as store:
            ids = add_stories(store, stories)
    for story in stories:
        _saved(story, "Added")
    if skipped:
        from netprep.ui.console import message

        for story, where in skipped:
            message(f"Skipped \"{story.title}\": already saved as {where}.")
    if file is not None and file != "-":
        _remove_own_draft(file)
    if json:
        from netprep.ui.console import print_json

        print_json({"ids": ids, "skipped": len(skipped)})


def _remove_own_draft(file: str) -> None:
    """A draft netprep wrote under workspace/ has done its job once its stories are saved;
    a file of the user's own is never touched."""
    from pathlib import Path

    from netprep.paths import workspace_dir
    from netprep.ui.console import message

    path = Path(file).expanduser()
    try:
        if path.resolve().parent != workspace_dir().resolve():
            return
        path.unlink()
    except OSError:
        return
    message(f"Removed the draft {path}: its story is saved.")


def _guided() -> Story:
    from netprep.errors import NetprepError
    from netprep.ui.prompts import require_terminal

    require_terminal(
        "`netprep star add`",
        "Pass --title, --situation, --task, --action and --result (and --tag), "
        "or --file FILE (`-` for stdin), to add a story without questions.",
    )
    from netprep.star.actions import library
    from netprep.star.files import edit_document
    from netprep.ui.editor import keep_text
    from netprep.ui.star_flow import guided_add

    story, confirmed = guided_add(library())
    if not confirmed:
        path = keep_text(edit_document(story), "star-draft")
        raise NetprepError(
            "Not saved.",
            f"Your story is kept in {path}; add it later with `netprep star add --file {path}`.",
            exit_code=0,
        )
    return story


@app.command("list")
def list_(json: bool = typer.Option(False, "--json", help=JSON_HELP)) -> None:
    """List your stories: id, title, competencies, words, speaking time and score."""
    if json:  # the same code as the fast path `netprep star list --json`
        from netprep.cli.fast import star_list_json

        star_list_json()
        return
    from netprep.star import actions as logic
    from netprep.star.cache import list_summaries
    from netprep.star.model import TARGET_STORIES
    from netprep.store import open_store
    from netprep.ui.render_star import render_list

    with open_store() as store:
        summaries = list_summaries(store)
    low, high = TARGET_STORIES
    count = len(summaries)
    footer = [f"{count} of {low}-{high} stories" + (
        f": write {low - count} more." if count < low else ": on target." if count <= high
        else f": plenty; polish the best {high}.")]
    lib = logic.library()
    names = logic.names(lib)
    missing = logic.uncovered(lib, [s.tags for s in summaries])
    if missing:
        footer.append("No story covers: " + ", ".join(names.get(c, c) for c in missing) + ".")
    render_list(summaries, footer)


@app.command()
def show(
    story_id: int = typer.Argument(..., metavar="ID", click_type=ID, help=ID_HELP,
                                  autocompletion=story_ids),
    json: bool = typer.Option(False, "--json", help=JSON_HELP),
    short: bool = typer.Option(False, "--short", help="The 30-60 s version for a recruiter "
                               "or hiring-manager screen: the situation in one line, your "
                               "key action and the measured result, cut from the saved "
                               "text, with its speaking time."),
) -> None:
    """Show one story, section by section, with the coach's findings."""
    from netprep.store import open_store
    from netprep.store.stories import get_story

    with open_store() as store:
        story = get_story(store, story_id)
    if short:
        _show_short(story, json)
        return
    from netprep.coach.analysis import analyze_story
    from netprep.star.files import story_dict

    analysis = analyze_story(story)
    if json:
        from netprep.ui.console import print_json

        print_json({**story_dict(story), "analysis": analysis.to_dict()})
        return
    from netprep.star.actions import library, names
    from netprep.ui.render_star import render_story

    render_story(story, analysis, names(library()))


def _show_short(story: Any, json: bool) -> None:
    from netprep.coach.short import short_story
    from netprep.coach.terms import PARTS

    found = short_story({p: story.part(p) for p in PARTS})
    if json:
        from netprep.ui.console import print_json

        print_json({"id": story.id, "title": story.title, "short": found.to_dict()})
        return
    from netprep.ui.render import render_short

    render_short(found, f"#{story.id} {story.title}: the screen version",
                 f"The whole story: `netprep star show {story.id}`.")


@app.command()
def edit(
    story_id: int = typer.Argument(..., metavar="ID", click_type=ID, help=ID_HELP,
                                  autocompletion=story_ids),
    title: str = typer.Option(None, "--title", help="New title."),
    situation: str = typer.Option(None, "--situation", help="New situation."),
    task: str = typer.Option(None, "--task", help="New task."),
    action: str = typer.Option(None, "--action", help="New action."),
    result: str = typer.Option(None, "--result", help="New result."),
    learned: str = typer.Option(None, "--learned", help="New 'what I learned' (\"\" clears it)."),
    tag: list[str] = typer.Option(
        None, "--tag", "-t", help="Replace the competencies (repeatable or comma-separated)."
    ),
    file: str = typer.Option(
        None, "--file", "-f", help="Replace the story with the one in this YAML file (`-`: stdin)."
    ),
) -> None:
    """Edit a story in $VISUAL/$EDITOR (as YAML), or change fields with flags.

    An invalid edit can be re-opened; your text is never lost: it stays in a
    recovery file whose path is printed.
    """
    from dataclasses import replace

    from netprep.coach.analysis import analyze_story
    from netprep.errors import NetprepError, UsageError
    from netprep.star import actions as logic
    from netprep.store import open_store
    from netprep.store.stories import get_story
    from netprep.ui.console import message

    values = {"title": title, "situation": situation, "task": task, "action": action,
              "result": result, "learned": learned}
    flagged = {k: v.strip() for k, v in values.items() if v is not None}
    with open_store() as store:
        story = get_story(store, story_id)
    if file is not None:
        if flagged or tag:
            raise UsageError("Use either --file or the field flags, not both.")
        new = logic.one_story(*logic.read_source(file))
    elif flagged or tag:
        new = replace(story, **flagged)
        if tag:
            new.tags = logic.split_tags(tag)
        missing = new.missing()
        if missing:
            raise NetprepError(
                f"The {', '.join(missing)} cannot be empty. Story {story_id} was not changed.",
                "Give it some text, or leave the flag out to keep the current one.",
            )
        logic.check_lengths(new)
    else:
        edited = _edit_in_editor(story)
        if edited is None:
            message(f"No changes to story {story_id}.")
            return
        new, merged = edited
    if file is not None or flagged or tag:
        merged = _save_edit(story, new)
    before, after = analyze_story(story).score, analyze_story(merged).score
    change = f"score {before} → {after}" if after != before else f"score {after}"
    message(f"Updated story {story_id}: {merged.title} ({change}/100).")


def _save_edit(story: Story, new: Story) -> Story:
    """Write the edited fields over `story`; return what was stored."""
    from dataclasses import replace

    from netprep.star import actions as logic
    from netprep.star.cache import update_story
    from netprep.store import open_store

    merged = replace(story, **{k: getattr(new, k) for k in (*logic.FIELDS, "tags")})
    merged.template = new.template or story.template
    if merged.tags != story.tags:
        logic.check_tags([merged], logic.library())
    with open_store() as store:
        update_story(store, merged)
    return merged


def _edit_in_editor(story: Story) -> tuple[Story, Story] | None:
    """The edit made in the editor, and the story as saved (the file goes after the commit)."""
    from netprep.ui.prompts import require_terminal

    require_terminal(
        "`netprep star edit` opens an editor and",
        f"Change fields with flags (`netprep star edit {story.id} --result \"...\"`) "
        "or pass --file FILE.",
    )
    from netprep.star import actions as logic
    from netprep.star.files import edit_document
    from netprep.ui.editor import edit_until_valid

    lib = logic.library()

    def validate(text: str, source: str) -> Story:
        new = logic.one_story(text, source)
        logic.check_tags([new], lib)
        return new

    saved: list[Story] = []
    new = edit_until_valid(
        edit_document(story, list(lib.competencies)), validate, f"star-edit-{story.id}",
        retry_hint=f"Fix it, then run `netprep star edit {story.id} --file {{path}}`.",
        commit=lambda value: saved.append(_save_edit(story, value)),
        finish=f"netprep star edit {story.id} --file {{path}}",
    )
    return None if new is None else (new, saved[0])


@app.command()
def remove(
    story_id: int = typer.Argument(..., metavar="ID", click_type=ID, help=ID_HELP,
                                  autocompletion=story_ids),
    yes: bool = typer.Option(False, "--yes", "-y", help="Remove without asking (for scripts)."),
) -> None:
    """Remove a story (asks first in a terminal; pass --yes in scripts). Ids are never reused."""
    from netprep.errors import NetprepError
    from netprep.store import open_store
    from netprep.store.stories import get_story, remove_story
    from netprep.ui import prompts
    from netprep.ui.console import message

    with open_store() as store:
        story = get_story(store, story_id)
        if not yes:
            if not prompts.is_interactive():
                raise NetprepError(
                    f"Removing story {story_id} needs a confirmation, but stdin is not a terminal.",
                    f"Pass --yes to remove it: `netprep star remove {story_id} --yes`.",
                )
            from netprep.ui.text import clean

            if not prompts.confirm(f"Remove story {story_id}: {clean(story.title)}?",
                                   default=False):
                message(f"Kept story {story_id}.")
                return
        remove_story(store, story_id)
    message(f"Removed story {story_id}: {story.title}.")


@app.command()
def check(
    story_id: int = typer.Argument(
        None, metavar="[ID]", click_type=ID, help="Only this story. Default: all."
    ),
    json: bool = typer.Option(False, "--json", help=JSON_HELP),
    all_gaps: bool = typer.Option(False, "--all",
                                  help="List every question none of your stories fits, "
                                  "not only the ten asked most."),
) -> None:
    """The coach's read of each story and of the bank as a whole.

    Per story: every STAR part present, a measurable result, "I" over "we", the action
    carrying the story, about two minutes long, no fillers, a lesson, and a 0-100 score.
    For the bank: the 4-5 target, coverage by competency, the stories that are the only
    answer for a competency, and one list of the questions none of your stories fits,
    the most asked first, each with the story that comes closest and what it lacks.
    """
    from netprep.cli.fast import star_check

    star_check(story_id, json, all_gaps)


@app.command()
def export(
    format: str = typer.Option(
        "markdown", "--format", click_type=click.Choice(["markdown", "yaml", "json"]),
        help="markdown: a one-page cheat sheet; yaml or json: everything, for `star import`.",
    ),
    output: str = typer.Option(
        None, "--output", "-o",
        help="Write to this file (atomic, private 0600; a FIFO or device is written "
        "directly, a symlink followed; - is stdout) instead of stdout.",
    ),
    salvage: bool = typer.Option(
        False, "--salvage",
        help="From a damaged database: export every story that can still be read.",
    ),
) -> None:
    """Export your stories: a cheat sheet to read before the interview, or a full backup."""
    import sys

    from netprep.star.actions import export_text, write_export
    from netprep.store import now_iso, open_store
    from netprep.store.stories import list_stories

    lost = 0
    with open_store() as store:
        if salvage:
            from netprep.store.stories import salvage_stories

            stories, lost = salvage_stories(store)
            resume = ""
        else:
            stories = list_stories(store)
            resume = _resume_section(store) if format == "markdown" else ""
    text = export_text(stories, format, now_iso())
    if resume:
        text = text.rstrip("\n") + "\n\n" + resume
    from netprep.ui.console import message

    if salvage:
        message(f"Salvaged {len(stories)} {'story' if len(stories) == 1 else 'stories'}"
                + (f"; {lost} could not be read." if lost else "."))
    if output is None or output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return

    write_export(output, text)
    noun = "story" if len(stories) == 1 else "stories"
    message(f"Wrote {len(stories)} {noun} to {output} ({format}).")


def _resume_section(store: Store) -> str:
    """The pitch, the resume entries and the saved questions, for the cheat sheet."""
    from netprep.resume.files import markdown_section
    from netprep.store.resume import get_pitch, list_entries, saved_questions

    pitch = get_pitch(store)
    return markdown_section(list_entries(store), pitch["text"] if pitch else None,
                            [q["text"] for q in saved_questions(store)])


@app.command("import")
def import_(
    file: str = typer.Argument(..., metavar="FILE",
                               help="A YAML or JSON file from `star export` (`-`: stdin)."),
) -> None:
    """Import stories from a `star export` file; stories already present are skipped."""
    from netprep.star import actions as logic
    from netprep.star.cache import add_stories
    from netprep.star.files import parse_stories
    from netprep.store import open_store
    from netprep.store.stories import list_stories
    from netprep.ui.console import message

    incoming = parse_stories(*logic.read_source(file))
    with open_store() as store:
        fresh, skipped = logic.merge_import(list_stories(store), incoming)
        add_stories(store, fresh, keep_created=True)
    for story, where in skipped:
        message(f"Skipped \"{story.title}\": already present ({where}).")
    for story, unknown in logic.unknown_tags(fresh, logic.library()):
        message(f"Note: story {story.id} has competencies no loaded pack defines: "
                f"{', '.join(unknown)}.")
    noun = "story" if len(fresh) == 1 else "stories"
    message(f"Imported {len(fresh)} {noun}" + (f", skipped {len(skipped)}." if skipped else "."))


app.command("suggest")(_suggest)
