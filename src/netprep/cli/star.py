"""`netprep star`: write, polish and map your STAR stories.

Only typer and click are imported here; each command imports what it needs, so
`netprep star list --json` loads no Rich, no YAML and no content.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click
import typer

if TYPE_CHECKING:
    from netprep.content.models import Library
    from netprep.stories import Story

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Write, polish and map your STAR stories (Situation, Task, Action, Result). "
    "Aim for four to five, each about two minutes to tell.",
)

FIELDS = ("title", "situation", "task", "action", "result", "learned")
JSON_HELP = "Print machine-readable JSON on stdout."
ID_HELP = "The story's id (see `netprep star list`)."


# --- helpers (imports stay inside) -----------------------------------------------------


def _library() -> Library:
    """The loaded content; with broken packs, whatever loaded (never fails)."""
    from netprep.content import collect

    library, _ = collect()
    return library


def _names(library: Library) -> dict[str, str]:
    return {cid: c.name for cid, c in library.competencies.items()}


def _split_tags(values: list[str] | None) -> tuple[str, ...]:
    tags: list[str] = []
    for value in values or ():
        for tag in value.split(","):
            if tag.strip() and tag.strip() not in tags:
                tags.append(tag.strip())
    return tuple(tags)


def _check_tags(stories: list[Story], library: Library) -> None:
    """Refuse tags that are not competency ids of the loaded content."""
    from netprep.content.schema import ID_RE
    from netprep.errors import NetprepError

    known = list(library.competencies)
    for story in stories:
        bad = [t for t in story.tags if (t not in known if known else not ID_RE.match(t))]
        if bad:
            listed = ", ".join(known) if known else "none loaded"
            raise NetprepError(
                f"Unknown competenc{'ies' if len(bad) > 1 else 'y'} {', '.join(bad)} "
                f"in story \"{story.title}\". Nothing was saved.",
                f"Valid competency ids: {listed}.",
            )


def _check_lengths(story: Story) -> None:
    from netprep.errors import NetprepError
    from netprep.story_files import MAX_CHARS, MAX_TITLE

    if len(story.title) > MAX_TITLE:
        raise NetprepError(f"The title is {len(story.title)} characters; at most {MAX_TITLE}.",
                           "Shorten it. Nothing was saved.")
    for part in FIELDS[1:]:
        if len(story.part(part)) > MAX_CHARS:
            raise NetprepError(f"The {part} is {len(story.part(part))} characters; at most "
                               f"{MAX_CHARS}.", "Shorten it. Nothing was saved.")


def _read_source(file: str) -> tuple[str, str]:
    """The text of FILE (or stdin for `-`) and the name to show in messages."""
    import sys
    from pathlib import Path

    from netprep.errors import NetprepError

    if file == "-":
        return sys.stdin.read(), "<stdin>"
    path = Path(file).expanduser()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise NetprepError(f"Cannot read {file}: {exc.strerror or exc}.",
                           "Check the path and try again.") from exc
    try:
        return raw.decode("utf-8-sig"), file
    except UnicodeDecodeError as exc:
        raise NetprepError(f"{file} is not UTF-8 text.", "Save it as UTF-8 and try again.") from exc


def _saved(story: Story, verb: str = "Saved") -> None:
    from netprep.stories import analyze_story
    from netprep.ui.console import message

    message(f"{verb} story {story.id}: {story.title} (score {analyze_story(story).score}/100).")


# --- commands --------------------------------------------------------------------------


@app.command()
def add(
    title: str = typer.Option(None, "--title", help="A short title you will recognise."),
    situation: str = typer.Option(None, "--situation", help="Where, when, who, what was at stake."),
    task: str = typer.Option(None, "--task", help="What you had to do or solve."),
    action: str = typer.Option(None, "--action", help="What you did, step by step, in the first person."),
    result: str = typer.Option(None, "--result", help="How it ended, with a number if you can."),
    learned: str = typer.Option(None, "--learned", help="What you took away (optional)."),
    tag: list[str] = typer.Option(
        None, "--tag", "-t", help="A competency id the story shows (repeatable, or comma-separated)."
    ),
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
    from netprep.stories import Story
    from netprep.store import open_store
    from netprep.store.stories import add_stories

    values = {"title": title, "situation": situation, "task": task, "action": action,
              "result": result, "learned": learned}
    scripted = any(v is not None for v in values.values()) or bool(tag)
    if file is not None:
        if scripted:
            raise UsageError("Use either --file or the field flags, not both.")
        from netprep.story_files import parse_stories

        text, source = _read_source(file)
        stories = parse_stories(text, source)
        if not stories:
            raise NetprepError(f"{source} holds no stories.", "Write one under `stories:`.")
    elif scripted:
        story = Story(None, **{k: (v or "").strip() for k, v in values.items()},
                      tags=_split_tags(tag))
        missing = story.missing()
        if missing:
            flags = ", ".join(f"--{m}" for m in missing)
            raise NetprepError(
                f"Missing required field{'s' if len(missing) > 1 else ''}: {flags}. "
                "Nothing was saved.",
                "Pass all of --title, --situation, --task, --action and --result, "
                "or run `netprep star add` in a terminal to be guided.",
            )
        _check_lengths(story)
        stories = [story]
    else:
        stories = [_guided()]
    library = _library() if any(s.tags for s in stories) else None
    if library is not None:
        _check_tags(stories, library)
    with open_store() as store:
        ids = add_stories(store, stories)
    for story in stories:
        _saved(story, "Added")
    if json:
        from netprep.ui.console import print_json

        print_json({"ids": ids})


def _guided() -> Story:
    from netprep.errors import NetprepError
    from netprep.ui.prompts import require_terminal

    require_terminal(
        "`netprep star add`",
        "Pass --title, --situation, --task, --action and --result (and --tag), "
        "or --file FILE (`-` for stdin), to add a story without questions.",
    )
    from netprep.story_files import edit_document
    from netprep.ui.editor import keep_text
    from netprep.ui.star_flow import guided_add

    library = _library()
    story, confirmed = guided_add(library)
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
    from netprep.store import open_store
    from netprep.store.stories import list_summaries

    with open_store() as store:
        summaries = list_summaries(store)
    if json:
        from netprep.ui.console import print_json

        print_json({"stories": [s.to_dict() for s in summaries]})
        return
    from netprep.stories import TARGET_STORIES
    from netprep.ui.render_star import render_list

    low, high = TARGET_STORIES
    count = len(summaries)
    footer = [f"{count} of {low}-{high} stories" + (
        f": write {low - count} more." if count < low else ": on target." if count <= high
        else ": plenty; polish the best five.")]
    library = _library()
    names = _names(library)
    wanted = _bank_competencies(library)
    covered = {t for s in summaries for t in s.tags}
    uncovered = [c for c in wanted if c not in covered]
    if uncovered:
        footer.append("No story covers: " + ", ".join(names.get(c, c) for c in uncovered) + ".")
    render_list(summaries, footer)


def _bank_competencies(library: Library) -> list[str]:
    """Competencies the question banks ask about (all loaded ones if no bank tags any)."""
    used = {c for q in library.questions for c in q.competencies}
    ordered = [c for c in library.competencies if c in used]
    ordered += sorted(used - set(ordered))
    return ordered or list(library.competencies)


@app.command()
def show(
    story_id: int = typer.Argument(..., metavar="ID", help=ID_HELP),
    json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Show one story, section by section, with the coach's findings."""
    from netprep.stories import analyze_story
    from netprep.store import open_store
    from netprep.store.stories import get_story
    from netprep.story_files import story_dict

    with open_store() as store:
        story = get_story(store, story_id)
    analysis = analyze_story(story)
    if json:
        from netprep.ui.console import print_json

        print_json({**story_dict(story), "analysis": analysis.to_dict()})
        return
    from netprep.ui.render_star import render_story

    render_story(story, analysis, _names(_library()))


@app.command()
def edit(
    story_id: int = typer.Argument(..., metavar="ID", help=ID_HELP),
    title: str = typer.Option(None, "--title", help="New title."),
    situation: str = typer.Option(None, "--situation", help="New situation."),
    task: str = typer.Option(None, "--task", help="New task."),
    action: str = typer.Option(None, "--action", help="New action."),
    result: str = typer.Option(None, "--result", help="New result."),
    learned: str = typer.Option(None, "--learned", help="New 'what I learned' (\"\" clears it)."),
    tag: list[str] = typer.Option(
        None, "--tag", "-t", help="Replace the competencies (repeatable, or comma-separated)."
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

    from netprep.errors import NetprepError, UsageError
    from netprep.stories import analyze_story
    from netprep.store import open_store
    from netprep.store.stories import get_story, update_story

    values = {"title": title, "situation": situation, "task": task, "action": action,
              "result": result, "learned": learned}
    flagged = {k: v.strip() for k, v in values.items() if v is not None}
    with open_store() as store:
        story = get_story(store, story_id)
    before = analyze_story(story).score
    if file is not None:
        if flagged or tag:
            raise UsageError("Use either --file or the field flags, not both.")
        text, source = _read_source(file)
        new = _one_story(text, source)
    elif flagged or tag:
        new = replace(story, **flagged)
        if tag:
            new.tags = _split_tags(tag)
        missing = new.missing()
        if missing:
            raise NetprepError(
                f"The {', '.join(missing)} cannot be empty. Story {story_id} was not changed.",
                "Give it some text, or leave the flag out to keep the current one.",
            )
        _check_lengths(new)
    else:
        new = _edit_in_editor(story)
        if new is None:
            from netprep.ui.console import message

            message(f"No changes to story {story_id}.")
            return
    merged = replace(story, **{k: getattr(new, k) for k in (*FIELDS, "tags")})
    if new.template:
        merged.template = new.template
    if merged.tags != story.tags:
        _check_tags([merged], _library())
    with open_store() as store:
        update_story(store, merged)
    after = analyze_story(merged).score
    from netprep.ui.console import message

    change = f"score {before} → {after}" if after != before else f"score {after}"
    message(f"Updated story {story_id}: {merged.title} ({change}/100).")


def _one_story(text: str, source: str) -> Story:
    from netprep.story_files import StoryFileError, parse_stories

    stories = parse_stories(text, source)
    if len(stories) != 1:
        raise StoryFileError([f"{source}: expected one story, found {len(stories)}."])
    return stories[0]


def _edit_in_editor(story: Story) -> Story | None:
    from netprep.ui.editor import edit_until_valid
    from netprep.ui.prompts import require_terminal

    require_terminal(
        "`netprep star edit` opens an editor and",
        f"Change fields with flags (`netprep star edit {story.id} --result \"...\"`) "
        f"or pass --file FILE.",
    )
    from netprep.story_files import edit_document

    library = _library()

    def validate(text: str, source: str) -> Story:
        new = _one_story(text, source)
        _check_tags([new], library)
        return new

    return edit_until_valid(
        edit_document(story, list(library.competencies)), validate, f"star-edit-{story.id}",
        retry_hint=f"Fix it, then run `netprep star edit {story.id} --file {{path}}`.",
    )


@app.command()
def remove(
    story_id: int = typer.Argument(..., metavar="ID", help=ID_HELP),
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
    story_id: int = typer.Argument(None, metavar="[ID]", help="Only this story. Default: all."),
    json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """The coach's read of each story and of the bank as a whole.

    Per story: every STAR part present, a measurable result, "I" over "we", the action
    carrying the story, about two minutes long, no fillers, a lesson, and a 0-100 score.
    For the bank: the 4-5 target, coverage by competency, the questions no story
    answers well and the stories that are the only answer for a competency.
    """
    from netprep.stories import QuestionRef, analyze_story, bank_report
    from netprep.store import open_store
    from netprep.store.stories import get_story, list_stories

    with open_store() as store:
        stories = [get_story(store, story_id)] if story_id is not None else list_stories(store)
    items = [(s, analyze_story(s)) for s in stories]
    library = _library()
    names = _names(library)
    bank = None
    if story_id is None:
        questions = [QuestionRef(q.key, q.text, q.round, q.competencies)
                     for q in library.questions if q.competencies]
        scores = {int(s.id or 0): a.score for s, a in items}
        bank = bank_report(stories, scores, _bank_competencies(library), questions)
    if json:
        from netprep.ui.console import print_json

        data: dict[str, Any] = {"stories": [
            {"id": s.id, "title": s.title, "tags": list(s.tags), **a.to_dict()} for s, a in items
        ]}
        if bank is not None:
            data["bank"] = {
                "count": bank.count, "target": list(bank.target), "ready": bank.ready,
                "status": bank.status, "competencies": bank.competencies,
                "coverage": {str(k): v for k, v in bank.matrix.items()},
                "uncovered": bank.uncovered,
                "only_answer": {str(k): v for k, v in bank.only_answer.items()},
                "weak_questions": [{"key": q.key, "text": q.text, "round": q.round,
                                    "competencies": list(q.competencies)}
                                   for q in bank.weak_questions],
            }
        print_json(data)
        return
    from netprep.ui.render_star import render_check

    if not items:
        from netprep.ui.console import message

        message("No stories yet. Write your first with `netprep star add`.")
    render_check(items, bank, names)


@app.command()
def export(
    format: str = typer.Option(
        "markdown", "--format", click_type=click.Choice(["markdown", "yaml", "json"]),
        help="markdown: a one-page cheat sheet; yaml or json: everything, for `star import`.",
    ),
    output: str = typer.Option(
        None, "--output", "-o", help="Write to this file (atomically, private 0600) instead of stdout."
    ),
) -> None:
    """Export your stories: a cheat sheet to read before the interview, or a full backup."""
    import sys

    from netprep.store import now_iso, open_store
    from netprep.store.stories import list_stories
    from netprep.story_files import export_json, export_yaml, markdown_sheet

    with open_store() as store:
        stories = list_stories(store)
    stamp = now_iso()
    if format == "markdown":
        from netprep.stories import analyze_story

        analyses = {int(s.id or 0): analyze_story(s) for s in stories}
        text = markdown_sheet(stories, analyses, _names(_library()), stamp)
    elif format == "yaml":
        text = export_yaml(stories, stamp)
    else:
        text = export_json(stories, stamp)
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from pathlib import Path

    from netprep.errors import NetprepError
    from netprep.paths import atomic_write
    from netprep.ui.console import message

    path = Path(output).expanduser()
    try:
        atomic_write(path, text)
    except OSError as exc:
        raise NetprepError(f"Cannot write {output}: {exc.strerror or exc}.",
                           "Check that the folder exists and that you can write to it.") from exc
    message(f"Wrote {len(stories)} stor{'y' if len(stories) == 1 else 'ies'} to {output} ({format}).")


@app.command("import")
def import_(
    file: str = typer.Argument(..., metavar="FILE",
                               help="A YAML or JSON file from `star export` (`-`: stdin)."),
) -> None:
    """Import stories from a `star export` file; stories already present are skipped."""
    from netprep.store import open_store
    from netprep.store.stories import add_stories, list_stories
    from netprep.story_files import parse_stories
    from netprep.ui.console import message

    text, source = _read_source(file)
    incoming = parse_stories(text, source)
    for story in incoming:
        story.id = None  # ids are given anew
    with open_store() as store:
        existing = list_stories(store)
        fresh: list[Story] = []
        for story in incoming:
            same = next((s for s in [*existing, *fresh] if s.same_as(story)), None)
            if same is not None:
                where = f"story {same.id}" if same.id is not None else "earlier in the file"
                message(f"Skipped \"{story.title}\": already present ({where}).")
                continue
            fresh.append(story)
        add_stories(store, fresh, keep_created=True)
    library = _library()
    known = set(library.competencies)
    for story in fresh:
        unknown = [t for t in story.tags if known and t not in known]
        if unknown:
            message(f"Note: story {story.id} has competencies no loaded pack defines: "
                    f"{', '.join(unknown)}.")
    skipped = len(incoming) - len(fresh)
    message(f"Imported {len(fresh)} stor{'y' if len(fresh) == 1 else 'ies'}"
            + (f", skipped {skipped}." if skipped else "."))
