"""`star list --json` rows straight from SQLite, with no analyzer import.

Each row is a JSON object built by SQLite from the cached analysis columns, so
listing 1,000 stories creates no Python object per story. Keeping the cache current
(re-analysing rows of another analyzer version) is `netprep.star.cache`'s job; this
module only answers whether any row needs it. Imports only `store.db`.
"""

from __future__ import annotations

import json

from netprep.store.db import Store


def parse_tags(raw: str | None) -> tuple[str, ...]:
    """A story's stored tags (a JSON list); anything unreadable counts as no tags."""
    try:
        value = json.loads(raw or "[]")
    except ValueError:
        return ()
    return tuple(str(t) for t in value) if isinstance(value, list) else ()


def has_stale(store: Store, version: int) -> bool:
    """Whether any story was analysed by another analyzer version (usually not)."""
    return bool(store.query(
        "SELECT 1 FROM stories WHERE analyzer_version IS NULL OR analyzer_version != ? LIMIT 1",
        (version,),
    ))


def list_summaries_json(store: Store) -> list[str]:
    """Every story as a JSON object: id, title, tags, words, speaking_seconds, score, dates."""
    rows = store.query(
        "SELECT json_object('id', id, 'title', title, "
        "'tags', CASE WHEN json_valid(tags) THEN json(tags) ELSE json_array() END, "
        "'words', coalesce(words, 0), 'speaking_seconds', coalesce(speaking_seconds, 0), "
        "'score', coalesce(score, 0), 'created_at', created_at, 'updated_at', updated_at) "
        "FROM stories ORDER BY id"
    )
    return [str(r[0]) for r in rows]
