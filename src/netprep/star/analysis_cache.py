"""Stories' full analyses kept in the data dir, so `star check` on an unchanged bank reads
them instead of running (and importing) the coach engine.

`$NETPREP_HOME/cache/analyses.json` (0600) maps a digest of each story's text and the
analyzer version to the analysis as `Analysis.to_dict` gives it. A story whose text or
the analyzer changed is analysed again; entries of stories no longer asked for are
dropped when the file is written. Like the match index it is an optimisation only: a
missing, corrupt or unwritable file means analysing again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from netprep.coach.result import Analysis
from netprep.coach.terms import PARTS
from netprep.coach.version import ANALYZER_VERSION

TYPE_CHECKING = False
if TYPE_CHECKING:
    from netprep.star.model import Story

CACHE_NAME = "analyses.json"
MAX_ENTRIES = 5000


def cache_path() -> Path:
    from netprep.paths import data_dir

    return data_dir(create=False) / "cache" / CACHE_NAME


def story_key(story: Story) -> str:
    """A digest of what the analysis reads (every part) and of the analyzer's version."""
    text = "\x1f".join([str(ANALYZER_VERSION), *(story.part(p) or "" for p in PARTS)])
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def _load() -> dict[str, Any]:
    try:
        data = json.loads(cache_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != ANALYZER_VERSION:
        return {}
    items = data.get("items")
    return items if isinstance(items, dict) else {}


def analyses(stories: Sequence[Story]) -> list[Analysis]:
    """Each story's analysis, read from the cache where its text and the analyzer match."""
    cached = _load()
    out: list[Analysis] = []
    keep: dict[str, Any] = {}
    changed = False
    for story in stories:
        key = story_key(story)
        record = cached.get(key)
        analysis = None
        if isinstance(record, dict):
            try:
                analysis = Analysis.from_dict(record)
            except (KeyError, TypeError, ValueError, AttributeError):
                analysis = None
        if analysis is None:
            from netprep.coach.analysis import analyze_story

            analysis = analyze_story(story)
            record = {**analysis.to_dict(), "kind": analysis.kind, "typed": analysis.typed}
            changed = True
        keep[key] = record
        out.append(analysis)
    if changed:
        _save({**{k: v for k, v in cached.items() if k not in keep}, **keep})
    return out


def _save(items: dict[str, Any]) -> None:
    from netprep.paths import atomic_write, data_dir, ensure_private_dir

    if len(items) > MAX_ENTRIES:  # oldest first in insertion order: keep the newest
        items = dict(list(items.items())[-MAX_ENTRIES:])
    path = cache_path()
    try:
        data_dir()
        ensure_private_dir(path.parent)
        atomic_write(path, json.dumps({"version": ANALYZER_VERSION, "items": items},
                                      ensure_ascii=False, separators=(",", ":")))
    except Exception:  # noqa: BLE001 - an optimisation only: the next run analyses again
        return
