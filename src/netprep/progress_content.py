"""The few content facts `stats` and `plan` need, cached so `stats --json` reads no YAML.

Loading every pack costs about 200 ms (PyYAML plus strict validation); the
dashboard needs only the competencies, the themes with their quiz counts, the
rounds with questions, the number of exercises and the calendar tips. Those are
kept in `<data dir>/cache/content-summary.json` with a fingerprint (path, size,
modification time) of every YAML file of every pack; a pack edited, added or
removed changes the fingerprint and the summary is rebuilt on the next run.
Broken packs never fail the dashboard: whatever loaded is summarised.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

SUMMARY_VERSION = 2
CACHE_NAME = "content-summary.json"


def pack_dirs() -> list[Path]:
    """The built-in pack, then the user's packs (as `netprep.content` loads them)."""
    from netprep.paths import user_pack_dirs

    return [_builtin_dir(), *user_pack_dirs()]


def _builtin_dir() -> Path:
    """`paths.builtin_content_dir()` without importing importlib.resources (~15 ms).

    netprep is a regular package, so its resources are files beside its modules.
    """
    import netprep

    package = Path(netprep.__file__).resolve().parent
    for candidate in (package / "_content", package.parents[1] / "content"):  # wheel, repo
        if (candidate / "pack.yaml").is_file():
            return candidate
    from netprep.paths import builtin_content_dir

    return builtin_content_dir()


def fingerprint(dirs: list[Path]) -> list[Any]:
    """(path, size, mtime) of every YAML file in the packs, two levels deep."""
    prints: list[Any] = []
    for root in dirs:
        files: list[Any] = []
        stack = [(Path(root), 0)]
        while stack:
            folder, depth = stack.pop()
            try:
                entries = list(os.scandir(folder))
            except OSError:
                continue
            for entry in entries:
                try:
                    if entry.is_dir() and depth == 0:
                        stack.append((Path(entry.path), 1))
                    elif entry.name.endswith((".yaml", ".yml")):
                        st = entry.stat()
                        files.append([entry.path, st.st_size, st.st_mtime_ns])
                except OSError:
                    continue
        prints.append([str(root), sorted(files)])
    return prints


def summarise(library: Any) -> dict[str, Any]:
    """The dashboard's view of a loaded `Library`."""
    themes: dict[str, dict[str, Any]] = {}
    for theme in library.themes:
        entry = themes.setdefault(theme.id, {"id": theme.id, "title": theme.title, "items": 0})
        entry["items"] += len(theme.quiz)
    rounds: dict[str, int] = {}
    for question in library.questions:
        rounds[question.round] = rounds.get(question.round, 0) + 1
    calendar = [
        {"title": tip.title, "text": tip.text}
        for section in library.tips if section.id == "calendar" for tip in section.items
    ]
    return {
        "competencies": [{"id": c.id, "name": c.name} for c in library.competencies.values()],
        "themes": list(themes.values()),
        "rounds": rounds,
        "exercises": len(library.exercises),
        "exercise_list": [{"id": e.id, "title": e.title, "difficulty": e.difficulty}
                          for e in library.exercises],
        "calendar": calendar,
    }


def content_summary(cache_dir: Path | None = None) -> dict[str, Any]:
    """The summary from the cache when the packs are unchanged, else rebuilt and cached."""
    from netprep.paths import data_dir

    dirs = pack_dirs()
    prints = fingerprint(dirs)
    folder = cache_dir or data_dir() / "cache"
    path = folder / CACHE_NAME
    try:
        cached = json.loads(path.read_text(encoding="utf-8"))
        if cached.get("version") == SUMMARY_VERSION and cached.get("fingerprint") == prints:
            return dict(cached["summary"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    from netprep.content import collect

    library, _problems = collect([(dirs[0], "builtin"), *((d, "user") for d in dirs[1:])])
    summary = summarise(library)
    try:
        from netprep.paths import atomic_write, ensure_private_dir

        ensure_private_dir(folder)
        atomic_write(path, json.dumps(
            {"version": SUMMARY_VERSION, "fingerprint": prints, "summary": summary}))
    except Exception:  # a cache that cannot be written is only slower next time
        pass
    return summary
