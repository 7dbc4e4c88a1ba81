"""The matcher's index kept in the data dir, so matching costs milliseconds per run.

`$NETPREP_HOME/cache/match-index.json` (0600) holds the BM25 model of the loaded
content and what was read from question and story texts, keyed by a digest of the
competencies, templates and story-round questions it was built from (and the
matcher's version): a changed pack rebuilds it. Like the content cache it is an
optimisation only: a missing, stale, corrupt or unwritable file means a rebuild.
`suggest_for` is `star suggest`: the stored stories, the cached index, the matcher.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from netprep.star.match_index import Index, build_index, held, hold, library_key

TYPE_CHECKING = False
if TYPE_CHECKING:
    from netprep.star.matching import Suggestion
    from netprep.store.db import Store

CACHE_NAME = "match-index.json"


def cache_path() -> Path:
    from netprep.paths import data_dir

    return data_dir(create=False) / "cache" / CACHE_NAME


def load(library: Any) -> Index:
    """The index of `library`: from memory, else the cache file, else built."""
    found = held(library)
    if found is not None:
        return found
    key = library_key(library)
    try:
        data = json.loads(cache_path().read_text(encoding="utf-8"))
        if data.get("key") == key:
            return hold(library, Index.from_dict(data))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    index = build_index(library, key)
    index.dirty = True
    return hold(library, index)


def save(index: Index) -> None:
    """Write the index back if it learnt something since it was loaded."""
    if not index.dirty:
        return
    from netprep.paths import atomic_write, data_dir, ensure_private_dir

    path = cache_path()
    try:
        data_dir()
        ensure_private_dir(path.parent)
        atomic_write(path, json.dumps(index.to_dict(), ensure_ascii=False,
                                      separators=(",", ":")))
        index.dirty = False
    except Exception:  # noqa: BLE001 - the cache is optional
        return


def files_key() -> str:
    """A digest of the default packs' files (path, size, mtime), as the content cache
    keys the library: unchanged files, unchanged content."""
    import hashlib

    from netprep.content.cache import fingerprint
    from netprep.paths import pack_dirs

    return hashlib.sha1(fingerprint(pack_dirs()).encode("utf-8", "replace")).hexdigest()


def load_current(files: str) -> Index | None:
    """The cached index when it was built from the default packs as they are now, without
    loading the library (None: load the library and use `load`)."""
    try:
        data = json.loads(cache_path().read_text(encoding="utf-8"))
        if files and data.get("files") == files:
            return Index.from_dict(data)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    return None


def suggest_for(store: Store, question: str, library: Any = None) -> tuple[Suggestion, Index]:
    """`star suggest`: the matcher over the stored stories and their cached scores, and the
    index it used (its `names` name the competencies). Without `library`, the default
    packs: the cached index is used as it is while their files are unchanged."""
    from netprep.star import matching
    from netprep.star.cache import list_summaries
    from netprep.store.stories import list_stories

    stories = list_stories(store)
    scores = {s.id: s.score for s in list_summaries(store)} if stories else {}
    points = talking_points(store)
    files = files_key() if library is None else ""
    index = load_current(files) if files else None
    if index is None:
        if library is None:
            from netprep.content import collect

            library, _ = collect()  # with a broken pack, whatever did load
        index = load(library)
        if files and index.files != files:
            index.files = files
            index.dirty = True
    found = matching.suggest_in(index, question, stories, scores=scores,
                                talking_points=points)
    save(index)
    return found, index


def talking_points(store: Store) -> tuple[str, ...]:
    """The lines of the pitch saved with `netprep resume pitch` (motivation questions get
    these instead of a story), or nothing."""
    from netprep.store.resume import get_pitch

    saved = get_pitch(store)
    if saved is None:
        return ()
    lines = (" ".join(line.split()) for line in saved["text"].splitlines())
    return tuple(line.lstrip("-*• ") for line in lines if line.strip("-*• "))[:8]


def gaps_for(store: Store, library: Any) -> tuple[list[Any], int]:
    """The behavioral and culture questions no stored story fits, and how many such
    questions there are (`plan`)."""
    from netprep.star import matching
    from netprep.star.cache import list_summaries
    from netprep.store.stories import list_stories

    total = sum(1 for q in library.questions if q.round in matching.GAP_ROUNDS)
    stories = list_stories(store)
    if not stories:
        return [], total
    scores = {s.id: s.score for s in list_summaries(store)}
    return unanswered_cached(library, stories, scores), total


def unanswered_cached(library: Any, stories: Any, scores: Any) -> list[Any]:
    """`matching.unanswered` with the cached index, its answer kept in cache/gaps.json
    while the library, the stories and their scores are unchanged."""
    from netprep.star import gap_cache

    def compute() -> list[Any]:
        from netprep.star import matching

        index = load(library)
        gaps = matching.unanswered(library, stories, scores)
        save(index)
        return gaps

    return gap_cache.unanswered(library, stories, scores, compute)
