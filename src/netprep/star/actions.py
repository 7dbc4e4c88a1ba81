"""What `netprep star` works out between the command line and the store.

Plain logic: checks of user input against the loaded content, the coach's
check of the bank, and how an import merges with the stories already there.
Nothing here prints, prompts or exits.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from netprep.content import collect
from netprep.content.models import Library
from netprep.errors import NetprepError
from netprep.star.bank import BankReport, QuestionRef, bank_report
from netprep.star.model import Story

TYPE_CHECKING = False
if TYPE_CHECKING:
    from netprep.coach.result import Analysis

FIELDS = ("title", "situation", "task", "action", "result", "learned")


def library() -> Library:
    """The loaded content; with a broken pack, whatever did load (never fails)."""
    loaded, _ = collect()
    return loaded


def names(lib: Library) -> dict[str, str]:
    return {cid: c.name for cid, c in lib.competencies.items()}


def split_tags(values: Sequence[str] | None) -> tuple[str, ...]:
    """`--tag a --tag b,c` -> ("a", "b", "c"), without repeats."""
    tags: list[str] = []
    for value in values or ():
        for tag in value.split(","):
            if tag.strip() and tag.strip() not in tags:
                tags.append(tag.strip())
    return tuple(tags)


def check_tags(stories: Sequence[Story], lib: Library) -> None:
    """Refuse tags that are not competency ids of the loaded content.

    With no competencies loaded at all, any well-formed id is accepted.
    """
    from netprep.content.schema import ID_RE

    known = list(lib.competencies)
    for story in stories:
        bad = [t for t in story.tags if (t not in known if known else not ID_RE.match(t))]
        if bad:
            from netprep.text import closest

            listed = ", ".join(known) if known else "none loaded; use lowercase words joined by -"
            near = [n for b in bad for n in closest(b, known, 1)]
            hint = (f"Did you mean {' or '.join(near)}? " if near else "") + (
                f"Valid competency ids: {listed}.")
            raise NetprepError(
                f"Unknown competenc{'ies' if len(bad) > 1 else 'y'} {', '.join(bad)} "
                f"in story \"{story.title}\". Nothing was saved.", hint)


def check_lengths(story: Story) -> None:
    from netprep.star.files import MAX_CHARS, MAX_TITLE

    if len(story.title) > MAX_TITLE:
        raise NetprepError(f"The title is {len(story.title)} characters; at most {MAX_TITLE}.",
                           "Shorten it. Nothing was saved.")
    for part in FIELDS[1:]:
        if len(story.part(part)) > MAX_CHARS:
            raise NetprepError(f"The {part} is {len(story.part(part))} characters; at most "
                               f"{MAX_CHARS}.", "Shorten it. Nothing was saved.")


def read_source(file: str) -> tuple[str, str]:
    """The text of FILE (stdin for `-`) and the name to show in messages (at most 32 MB,
    read by `content.textfile`: a byte-order mark, UTF-8, or Windows-1252 with a note)."""
    from netprep.content.textfile import read_source as read

    return read(file, "story file",
                "Give the YAML or JSON file of your stories (an export, or one you wrote).")


def one_story(text: str, source: str) -> Story:
    from netprep.star.files import StoryFileError, parse_stories

    stories = parse_stories(text, source)
    if len(stories) != 1:
        raise StoryFileError([f"{source}: expected one story, found {len(stories)}."])
    return stories[0]


def bank_competencies(lib: Library) -> list[str]:
    """Competencies the question banks ask about (all loaded ones if no question tags any)."""
    used = {c for q in lib.questions for c in q.competencies}
    ordered = [c for c in lib.competencies if c in used]
    ordered += sorted(used - set(ordered))
    return ordered or list(lib.competencies)


def uncovered(lib: Library, tags: Sequence[Sequence[str]]) -> list[str]:
    covered = {t for story_tags in tags for t in story_tags}
    return [c for c in bank_competencies(lib) if c not in covered]


def check(stories: Sequence[Story], lib: Library, whole_bank: bool,
          all_gaps: bool = False) -> tuple[list[tuple[Story, Analysis]], BankReport | None]:
    """Each story with its analysis, and the bank report when the whole bank is checked
    (its gaps most asked first; the first ten, or all, with their closest story)."""
    from netprep.star.analysis_cache import analyses

    items = list(zip(stories, analyses(stories), strict=True))
    if not whole_bank:
        return items, None
    questions = [QuestionRef(q.key, q.text, q.round, q.competencies)
                 for q in lib.questions if q.competencies]
    scores = {int(s.id or 0): a.score for s, a in items}
    from netprep.star.match_cache import unanswered_cached

    no_fit = [QuestionRef(q.key, q.text, q.round, q.competencies)
              for q in (unanswered_cached(lib, stories, scores) if stories else [])]
    report = bank_report(stories, scores, bank_competencies(lib), questions, no_fit)
    from netprep.star import gaps

    ranked = gaps.ordered(lib, no_fit)
    shown = ranked if all_gaps else ranked[:gaps.SHOWN]
    report.gaps = gaps.with_closest(lib, shown, stories, scores) + ranked[len(shown):]
    return items, report


def check_json(items: Sequence[tuple[Story, Analysis]], bank: BankReport | None) -> dict[str, Any]:
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
            "no_fit": [{"key": q.key, "text": q.text, "round": q.round,
                        "competencies": list(q.competencies)} for q in bank.no_fit],
            "gaps": [g.to_dict() for g in bank.gaps],
        }
    return data


def merge_import(existing: Sequence[Story],
                 incoming: Sequence[Story]) -> tuple[list[Story], list[tuple[Story, str]]]:
    """The stories to add, and (story, where it already is) for those to skip.

    A story is already present when a stored one, or an earlier one in the same
    file, has the same title and text. New stories get new ids.
    """
    fresh: list[Story] = []
    skipped: list[tuple[Story, str]] = []
    for story in incoming:
        story.id = None
        stored = next((s for s in existing if s.same_as(story)), None)
        if stored is not None:
            skipped.append((story, f"story {stored.id}"))
        elif any(s.same_as(story) for s in fresh):
            skipped.append((story, "earlier in the file"))
        else:
            fresh.append(story)
    return fresh, skipped


def unknown_tags(stories: Sequence[Story], lib: Library) -> list[tuple[Story, list[str]]]:
    """Stories tagged with competencies no loaded pack defines (none when no pack loads)."""
    known = set(lib.competencies)
    found = [(s, [t for t in s.tags if t not in known]) for s in stories] if known else []
    return [(story, tags) for story, tags in found if tags]


def export_text(stories: Sequence[Story], fmt: str, stamp: str) -> str:
    """`star export`: a markdown cheat sheet, or every field as YAML or JSON."""
    from netprep.star.files import export_json, export_yaml, markdown_sheet

    if fmt == "markdown":
        from netprep.coach.analysis import analyze_story

        analyses = {int(s.id or 0): analyze_story(s) for s in stories}
        return markdown_sheet(stories, analyses, names(library()), stamp)
    return export_yaml(stories, stamp) if fmt == "yaml" else export_json(stories, stamp)


def write_export(output: str, text: str) -> None:
    """Write an export atomically, private to the user; a failure is a NetprepError."""

    from netprep.paths import atomic_write

    try:
        atomic_write(Path(output).expanduser(), text)
    except OSError as exc:
        raise NetprepError(f"Cannot write {output}: {exc.strerror or exc}.",
                           "Check that the folder exists and that you can write to it.") from exc
