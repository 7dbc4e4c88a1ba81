"""The bank's gaps (questions no story fits) kept in the data dir, so `star check` and
`plan` on an unchanged bank read them instead of matching every question again.

`$NETPREP_HOME/cache/gaps.json` (0600) holds the keys of the gap questions under a
digest of the matcher's inputs: the library (`match_index.library_key`, which carries
the matcher's version), every story's id, title, tags and text, and their scores. Any
change recomputes them. An optimisation only: a missing, corrupt or unwritable file
means matching again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

CACHE_NAME = "gaps.json"
_PARTS = ("situation", "task", "action", "result", "learned")


def cache_path() -> Path:
    from netprep.paths import data_dir

    return data_dir(create=False) / "cache" / CACHE_NAME


def _key(library_key: str, stories: Sequence[Any], scores: Mapping[int, int] | None) -> str:
    rows = [[s.id, s.title, list(s.tags), [str(getattr(s, p, "") or "") for p in _PARTS]]
            for s in stories]
    raw = json.dumps([library_key, rows, sorted((scores or {}).items())], default=str,
                     ensure_ascii=False)
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()


def unanswered(library: Any, stories: Sequence[Any], scores: Mapping[int, int] | None,
               compute: Callable[[], list[Any]]) -> list[Any]:
    """The gap questions `compute()` (the matcher) finds, read from the cache when nothing
    they depend on changed."""
    from netprep.star.match_index import library_key

    key = _key(library_key(library), stories, scores)
    by_key = {q.key: q for q in library.questions}
    try:
        data = json.loads(cache_path().read_text(encoding="utf-8"))
        if data.get("key") == key and all(k in by_key for k in data["gaps"]):
            return [by_key[k] for k in data["gaps"]]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    gaps = compute()
    _save({"key": key, "gaps": [q.key for q in gaps]})
    return gaps


def closest(library: Any, stories: Sequence[Any], scores: Mapping[int, int] | None,
            keys: Sequence[str], compute: Callable[[Sequence[str]], dict[str, Any]]
            ) -> dict[str, Any]:
    """The closest story of each gap question in `keys` (question key -> a JSON-able
    record, or None), kept beside the gaps under the same digest."""
    from netprep.star.match_index import library_key

    key = _key(library_key(library), stories, scores)
    data: dict[str, Any] = {}
    try:
        data = json.loads(cache_path().read_text(encoding="utf-8"))
        known = data.get("closest") or {} if data.get("key") == key else {}
        if isinstance(known, dict) and all(k in known for k in keys):
            return {k: known[k] for k in keys}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        data = {}
    found = compute(keys)
    if data.get("key") == key:  # keep the gaps; add to what is known
        merged = {**(data.get("closest") or {}), **found}
        _save({**data, "closest": merged})
    return found


def _save(data: dict[str, Any]) -> None:
    from netprep.paths import atomic_write, data_dir, ensure_private_dir

    path = cache_path()
    try:
        data_dir()
        ensure_private_dir(path.parent)
        atomic_write(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    except Exception:  # noqa: BLE001 - an optimisation only: the next run matches again
        return
