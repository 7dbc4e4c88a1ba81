"""Coding exercises: look-ups, starter files in the workspace, and checked runs.

Plain logic over the loaded content library: returns data or raises a
NetprepError subclass; never prints, prompts or exits.
"""

from __future__ import annotations

import os
import random
from pathlib import Path
from typing import Any

from netprep.coding.runner import (
    RunReport,
    function_name,
    language_available,
    missing_program,
    run_tests,
)
from netprep.content.models import Exercise, Language, Library
from netprep.errors import NetprepError, NotFoundError, UsageError
from netprep.paths import FILE_MODE, workspace_dir
from netprep.text import literal

DIFFICULTIES = ("easy", "medium", "hard")


def get_exercise(library: Library, exercise_id: str) -> Exercise:
    exercise = library.exercise(exercise_id)
    if exercise is None:
        from netprep.text import closest

        close = closest(exercise_id, [e.id for e in library.exercises])
        hint = (f"Did you mean {' or '.join(close)}? " if close else "") + (
            "Run `netprep code list` to see the exercises.")
        raise NotFoundError(f"No coding exercise '{exercise_id}'.", hint)
    return exercise


def exercise_languages(library: Library, exercise: Exercise) -> list[str]:
    """Language ids the exercise can be practised in (signature and solution given)."""
    return [
        lang
        for lang in library.languages
        if lang in exercise.signature and lang in exercise.solution
    ]


def get_language(library: Library, exercise: Exercise | None, lang: str) -> Language:
    """The language `lang`, checked to be known, offered by the exercise and installed."""
    language = library.languages.get(lang)
    if language is None:
        from netprep.text import did_you_mean

        raise UsageError(f"Unknown language '{lang}'.",
                         did_you_mean(lang, library.languages, "Languages"))
    if exercise is not None and lang not in exercise_languages(library, exercise):
        offered = ", ".join(exercise_languages(library, exercise))
        raise UsageError(
            f"The exercise '{exercise.id}' has no {language.name} version.",
            f"Choose one of: {offered}.",
        )
    if not language_available(language):
        program = missing_program(language)
        what = " (a JDK, e.g. Debian's default-jdk-headless)" if program == "javac" else ""
        raise NetprepError(
            f"{language.name} is not installed here ({program} is not on PATH).",
            f"Install it{what}, or use --lang python.",
        )
    return language


def language_for_file(library: Library, path: Path) -> str:
    """The language whose file suffix `path` has (python when none matches)."""
    for language in library.languages.values():
        if path.suffix == language.suffix:
            return language.id
    return "python"


def list_exercises(library: Library, topic: str | None = None) -> list[dict[str, Any]]:
    """`code list`: id, title, difficulty, topics and minutes, easiest first."""
    exercises = library.exercises
    if topic is not None:
        topics = sorted({t for e in exercises for t in e.topics})
        if topic not in topics:
            from netprep.text import did_you_mean

            raise UsageError(
                f"No exercise has the topic '{topic}'.", did_you_mean(topic, topics, "Topics")
            )
        exercises = [e for e in exercises if topic in e.topics]
    ordered = sorted(exercises, key=lambda e: (_rank(e.difficulty), e.title.lower()))
    return [
        {
            "id": e.id,
            "title": e.title,
            "difficulty": e.difficulty,
            "topics": list(e.topics),
            "minutes": e.minutes,
        }
        for e in ordered
    ]


def _rank(difficulty: str) -> int:
    return DIFFICULTIES.index(difficulty) if difficulty in DIFFICULTIES else len(DIFFICULTIES)


def describe(library: Library, exercise: Exercise) -> dict[str, Any]:
    """`code show`: what the user needs to start (no tests, hints or solutions)."""
    return {
        "id": exercise.id,
        "title": exercise.title,
        "difficulty": exercise.difficulty,
        "topics": list(exercise.topics),
        "minutes": exercise.minutes,
        "statement": exercise.statement,
        "function": exercise.function,
        "signature": dict(exercise.signature),
        "languages": exercise_languages(library, exercise),
        "adapter": exercise.adapter,
        "compare": exercise.compare,
        "examples": [dict(example) for example in exercise.examples],
        "tests": len(exercise.tests),
        "hints": len(exercise.hints),
        "nudges": list(exercise.nudges),
        "feedback": list(exercise.feedback),
        "pack": exercise.pack,
    }


def pick_exercise(
    library: Library,
    *,
    difficulty: str | None = None,
    solved: set[str] | frozenset[str] = frozenset(),
    rng: random.Random | None = None,
) -> Exercise:
    """A random exercise, preferring ones not solved yet (for `mock --coding`)."""
    pool = [e for e in library.exercises if difficulty is None or e.difficulty == difficulty]
    if not pool:
        raise NotFoundError(
            f"No {difficulty + ' ' if difficulty else ''}coding exercise to pick from.",
            "Run `netprep code list` to see the exercises.",
        )
    fresh = [e for e in pool if e.id not in solved]
    return (rng or random.Random()).choice(fresh or pool)


# ---------------------------------------------------------------- starter files


def header_lines(exercise: Exercise, language: Language) -> list[str]:
    """Title, statement, examples and how to test, for the top of a starter file."""
    name = function_name(exercise.function, exercise.signature.get(language.id))
    lines = [f"{exercise.title} ({exercise.difficulty}, about {exercise.minutes} min)", ""]
    lines += exercise.statement.rstrip().splitlines()
    lines += ["", "Examples:"]
    for example in exercise.examples:  # in the file's language: Python's True, JSON's true
        args = ", ".join(literal(arg, language.id) for arg in example["args"])
        lines.append(f"  {name}({args}) -> {literal(example['expected'], language.id)}")
        if example.get("explain"):
            lines.append(f"    {example['explain']}")
    flag = "" if language.id == "python" else f" --lang {language.id}"
    lines += ["", f"Run the tests: netprep code test {exercise.id}{flag}"]
    return lines


def render_starter(exercise: Exercise, language: Language) -> str:
    """The language's starter template filled in for `exercise`.

    `{header}` takes the text in front of it on its line as a prefix for every
    header line (so `# {header}` becomes a comment block).
    """
    signature = exercise.signature[language.id]
    name = function_name(exercise.function, signature)
    out: list[str] = []
    for line in language.starter.splitlines():
        if "{header}" in line:
            prefix, _, suffix = line.partition("{header}")
            for text in header_lines(exercise, language):
                out.append((prefix + text + suffix).rstrip())
            continue
        out.append(line.replace("{signature}", signature).replace("{function}", name))
    return "\n".join(out).rstrip() + "\n"


def workspace_file(exercise: Exercise, language: Language) -> Path:
    return workspace_dir() / f"{exercise.id}{language.suffix}"


def write_starter(exercise: Exercise, language: Language) -> tuple[Path, bool]:
    """Create the workspace file from the starter; never overwrite an existing attempt.

    Returns the path and whether it was created now (False: an attempt is kept).
    The starter is written whole to a temp file and linked into place, so a full disk
    leaves no empty file; an empty file left by an older netprep is not an attempt.
    """
    path = workspace_file(exercise, language)
    try:
        if path.stat().st_size > 0:
            return path, False
        path.unlink()  # empty: nothing of the user's to keep
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise _unwritable(path, exc) from exc
    import tempfile

    raw = render_starter(exercise, language).encode("utf-8")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(raw)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, FILE_MODE)
            try:
                os.link(tmp, path)  # fails if an attempt appeared meanwhile: it is kept
            except FileExistsError:
                raise
            except OSError:  # a file system without hard links
                if path.exists():
                    raise FileExistsError(path) from None
                os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except FileExistsError:
        return path, False
    except OSError as exc:
        raise _unwritable(path, exc) from exc
    return path, True


def _unwritable(path: Path, exc: OSError) -> NetprepError:
    return NetprepError(
        f"Cannot write {path}: {exc.strerror or exc}.",
        "Free some disk space or check the workspace folder's permissions, or set NETPREP_HOME.",
    )


# ---------------------------------------------------------------- running


def check(
    exercise: Exercise,
    language: Language,
    path: Path,
    *,
    examples_only: bool = False,
    **limits: Any,
) -> RunReport:
    """Run the user's file on the exercise's tests (or only its examples)."""
    if not path.is_file():
        raise NotFoundError(
            f"No file {path}.",
            f"Run `netprep code start {exercise.id}` to create it, or pass --file.",
        )
    cases = exercise.examples if examples_only else exercise.tests
    try:
        return run_tests(
            path,
            language,
            function=function_name(exercise.function, exercise.signature.get(language.id)),
            cases=cases,
            adapter=exercise.adapter,
            compare=exercise.compare,
            **limits,
        )
    except LookupError as exc:
        raise NetprepError(f"{language.name} is not installed: {exc}.") from exc
    except OSError as exc:
        raise NetprepError(f"Could not run {path}: {exc.strerror or exc}.") from exc
