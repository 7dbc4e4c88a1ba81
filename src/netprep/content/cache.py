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

import hashlib
import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import Any

from netprep import __version__
from netprep.content.models import (
    Competency,
    Exercise,
    Language,
    Library,
    Pack,
    Question,
    QuizItem,
    Reflection,
    Template,
    Theme,
    Tip,
    TipSection,
)

FORMAT = 1
CACHE_NAME = "content-cache.json"


def fingerprint(pack_dirs: list[tuple[Path, str]]) -> str:
    """A digest of what would be loaded: every pack file's path, size and mtime."""
    digest = hashlib.blake2b(f"{FORMAT}:{__version__}".encode(), digest_size=16)
    for root, source in pack_dirs:
        digest.update(f"\0{root}\0{source}".encode())
        for path, size, mtime in _files(root):
            digest.update(f"\0{path}\0{size}\0{mtime}".encode())
    return digest.hexdigest()


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
        payload = {"key": key, "library": asdict(library)}
        atomic_write(path, json.dumps(payload, default=str, ensure_ascii=False))
    except Exception:  # noqa: BLE001 - the cache is optional; the library is already loaded
        return


def _library(data: dict[str, Any]) -> Library:
    def theme(t: dict[str, Any]) -> Theme:
        return Theme(
            id=t["id"], title=t["title"], summary=t["summary"], key_ideas=tuple(t["key_ideas"]),
            quiz=tuple(QuizItem(**{**q, "choices": tuple(q["choices"])}) for q in t["quiz"]),
            reflections=tuple(Reflection(**r) for r in t["reflections"]), pack=t["pack"],
        )

    def tupled(d: dict[str, Any]) -> dict[str, Any]:
        return {k: tuple(v) if isinstance(v, list) else v for k, v in d.items()}

    def question(q: dict[str, Any]) -> Question:
        return Question(**tupled(q))

    def template(t: dict[str, Any]) -> Template:
        return Template(**tupled(t))

    def exercise(e: dict[str, Any]) -> Exercise:
        tuples = ("topics", "examples", "tests", "hints")
        fields: dict[str, Any] = {k: tuple(v) if k in tuples else v for k, v in e.items()}
        return Exercise(**fields)

    return Library(
        packs=[Pack(**{**p, "path": Path(p["path"])}) for p in data["packs"]],
        competencies={k: Competency(**v) for k, v in data["competencies"].items()},
        themes=[theme(t) for t in data["themes"]],
        questions=[question(q) for q in data["questions"]],
        templates={k: template(v) for k, v in data["templates"].items()},
        tips=[
            TipSection(s["id"], s["title"], tuple(Tip(**i) for i in s["items"]), s["pack"])
            for s in data["tips"]
        ],
        exercises=[exercise(e) for e in data["exercises"]],
        languages={
            k: Language(**{**v, "command": tuple(v["command"])})
            for k, v in data["languages"].items()
        },
    )
