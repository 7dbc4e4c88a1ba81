"""Starting, running and submitting an assessment (no printing, no prompts)."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from netprep.assess import grade as grading
from netprep.assess.plan import MINUTES, Problem, choose
from netprep.errors import NetprepError, UsageError
from netprep.store.assess import percent


def problems_of(library: Any, row: Any) -> list[Problem]:
    from netprep.coding.exercises import get_exercise

    return [Problem(i, get_exercise(library, p["exercise"]), int(p["points"]))
            for i, p in enumerate(row.problems, 1)]


def start(store: Any, library: Any, *, count: int, minutes: float | None, lang: str,
          seed: int | None, ai: bool, now: datetime) -> tuple[Any, list[Problem]]:
    """A new assessment: its problems chosen, starters written to its own folder."""
    from netprep import paths
    from netprep.coding.exercises import get_language
    from netprep.store import assess as rows
    from netprep.store.code import solved_exercises

    language = get_language(library, None, lang)
    problems = choose(library.exercises, count, lang, seed, solved_exercises(store))
    if len(problems) < count:
        raise UsageError(f"Only {len(problems)} exercises have a {language.name} version; "
                         f"an assessment of {count} needs {count}.",
                         "Ask for fewer with --problems, or use --lang python.")
    seconds = round((minutes if minutes is not None else MINUTES[count]) * 60)
    assessment_id = rows.create(
        store, now=now, seconds_limit=seconds, lang=lang, mode="ai" if ai else "classic",
        seed=seed, problems=[{"exercise": p.exercise.id, "points": p.points}
                             for p in problems], folder="")
    folder = paths.workspace_dir() / f"assess-{assessment_id}"
    try:
        paths.ensure_private_dir(folder)
        for problem in problems:
            paths.atomic_write(grading.problem_file(folder, problem, language.suffix),
                               grading.starter_text(problem, language, ai))
    except OSError as exc:
        raise NetprepError(f"Could not write the assessment's files in {folder}: "
                           f"{exc.strerror or exc}.",
                           "Free some space or fix the folder's permissions, then start "
                           "again.") from exc
    rows.set_folder(store, assessment_id, str(folder))
    return rows.get(store, assessment_id), problems


def seconds_used(row: Any, now: datetime) -> float:
    started = datetime.fromisoformat(row.started_at)
    end = datetime.fromisoformat(row.submitted_at) if row.submitted_at else now
    return max(0.0, (end - started).total_seconds())


def run_examples(library: Any, row: Any, position: int | None) -> list[dict[str, Any]]:
    """The examples of one problem (or all), as a candidate may run them."""
    from netprep.coding.exercises import get_language

    problems = problems_of(library, row)
    if position is not None:
        if not 1 <= position <= len(problems):
            raise UsageError(f"Problem {position} is not in this assessment.",
                             f"Choose 1 to {len(problems)}.")
        problems = [problems[position - 1]]
    language = get_language(library, None, row.lang)
    return grading.grade(problems, Path(row.folder), language, row.mode == "ai",
                         examples=True)


def submit(store: Any, library: Any, row: Any, now: datetime | None = None) -> dict[str, Any]:
    """Grade every problem's hidden tests and store the report (once)."""
    from netprep.coding.exercises import get_language
    from netprep.store import assess as rows

    if row.report is not None:
        return report_of(row, now)
    now = now or datetime.now(timezone.utc)
    language = get_language(library, None, row.lang)
    graded = grading.grade(problems_of(library, row), Path(row.folder), language,
                           row.mode == "ai")
    rows.submit(store, row.id, now, {"problems": graded,
                                     "advice": grading.advice(graded, row.mode == "ai")})
    return report_of(rows.get(store, row.id), now)


def report_of(row: Any, now: datetime | None = None) -> dict[str, Any]:
    """The `assess show --json` document."""
    now = now or datetime.now(timezone.utc)
    graded = (row.report or {}).get("problems", [])
    used = seconds_used(row, now)
    score = sum(p["points"] for p in graded)
    top = sum(p["points"] for p in row.problems)
    return {"id": row.id, "mode": row.mode, "lang": row.lang, "seed": row.seed,
            "folder": row.folder, "started_at": row.started_at,
            "submitted_at": row.submitted_at, "seconds_limit": row.seconds_limit,
            "seconds_used": round(used, 1), "late": used > row.seconds_limit,
            "problems": graded or [{"position": i, "exercise": p["exercise"],
                                    "max_points": p["points"]}
                                   for i, p in enumerate(row.problems, 1)],
            "score": score if row.submitted_at else None, "max_score": top,
            "percent": percent(row.problems, graded) if row.submitted_at and top else None,
            "advice": (row.report or {}).get("advice", [])}
