"""A cache of the validated content, so most commands skip YAML parsing.

Reading and validating ~50 YAML files costs more than everything else a
command does before its first prompt. The validated `Library` is kept as JSON
in the data dir (0600), keyed by netprep's version and the path, size and
modification time of every pack file; any change to a pack, a new pack, or a
new netprep rebuilds it. Only a library without problems is cached. The cache
is an optimisation: a missing, stale, corrupt or unwritable cache just means
the YAML is read again.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from netprep import __version__
from netprep.content.models import (
    AskQuestion,
    Brief,
    Competency,
    DesignPhase,
    DesignRound,
    Exercise,
    Language,
    Library,
    Pack,
    Probe,
    Question,
    QuizItem,
    Reflection,
    Rubric,
    RubricArea,
    Template,
    Theme,
    Tip,
    TipSection,
    Topic,
    Track,
)

FORMAT = 8  # bump when a record gains or loses a field
CACHE_NAME = "content-cache.json"


def fingerprint(pack_dirs: list[tuple[Path, str]]) -> str:
    """What would be loaded: every pack file's path, size and mtime (kept whole, not hashed)."""
    parts = [f"{FORMAT}:{__version__}"]
    for root, source in pack_dirs:
        parts.append(f"{root}|{source}")
        parts.extend(f"{path}|{size}|{mtime}" for path, size, mtime in _files(root))
    return "\n".join(parts)


def _files(root: Path) -> list[tuple[str, int, int]]:
    found: list[tuple[str, int, int]] = []
    stack = [str(root)]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            found.append((folder, -1, -1))
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                stack.append(entry.path)
            elif entry.name.endswith((".yaml", ".yml")):
                stat = entry.stat()
                found.append((entry.path, stat.st_size, stat.st_mtime_ns))
    return sorted(found)


def read(path: Path, key: str) -> Library | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("key") != key:
            return None
        return _library(data["library"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write(path: Path, key: str, library: Library) -> None:
    from netprep.paths import atomic_write, data_dir, ensure_private_dir

    try:
        data_dir()  # creates the data dir itself private first
        ensure_private_dir(path.parent)
        payload = {"key": key, "library": _encode(library)}
        atomic_write(path, json.dumps(payload, default=str, ensure_ascii=False))
    except Exception:  # noqa: BLE001 - the cache is optional; the library is already loaded
        return


_RECORDS: dict[str, type] = {
    "packs": Pack,
    "competencies": Competency,
    "themes": Theme,
    "questions": Question,
    "templates": Template,
    "tips": TipSection,
    "exercises": Exercise,
    "languages": Language,
    "briefs": Brief,
    "probes": Probe,
    "asking": AskQuestion,
    "tracks": Track,
    "topics": Topic,
    "rubrics": Rubric,
    "designs": DesignRound,
}
_NESTED: dict[type, dict[str, type]] = {
    Theme: {"quiz": QuizItem, "reflections": Reflection},
    TipSection: {"items": Tip},
    Rubric: {"areas": RubricArea},
    DesignRound: {"phases": DesignPhase},
}
# Fields holding a tuple of tuples (JSON gives back a list of lists).
_PAIRS: dict[type, frozenset[str]] = {
    Pack: frozenset({"memo_sections"}),
    Theme: frozenset({"memo_sections"}),
}


def _encode(library: Library) -> dict[str, Any]:
    """Records become JSON arrays in field order (NamedTuples serialise that way)."""
    return {name: getattr(library, name) for name in _RECORDS}


def _record(cls: Any, row: list[Any]) -> Any:
    values: list[Any] = []
    for name, value in zip(cls._fields, row, strict=True):
        if isinstance(value, list):
            inner = _NESTED.get(cls, {}).get(name)
            if inner:
                value = tuple(_record(inner, v) for v in value)
            elif name in _PAIRS.get(cls, ()):
                value = tuple(tuple(v) for v in value)
            else:
                value = tuple(value)
        values.append(value)
    return cls(*values)


def _library(data: dict[str, Any]) -> Library:
    def records(name: str) -> list[Any]:
        return [_record(_RECORDS[name], row) for row in data[name]]

    def keyed(name: str) -> dict[str, Any]:
        return {key: _record(_RECORDS[name], row) for key, row in data[name].items()}

    packs = [pack._replace(path=Path(pack.path)) for pack in records("packs")]
    return Library(
        packs=packs,
        competencies=keyed("competencies"),
        themes=records("themes"),
        questions=records("questions"),
        templates=keyed("templates"),
        tips=records("tips"),
        exercises=records("exercises"),
        languages=keyed("languages"),
        briefs=records("briefs"),
        probes=records("probes"),
        asking=records("asking"),
        tracks=keyed("tracks"),
        topics=keyed("topics"),
        rubrics=keyed("rubrics"),
        designs=records("designs"),
    )
