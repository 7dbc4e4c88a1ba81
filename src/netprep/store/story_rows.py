"""`star list --json` rows straight from SQLite, with no analyzer import.

Each row is a JSON object built by SQLite from the cached analysis columns, so
listing 1,000 stories creates no Python object per story. Only when some row was
analysed by another analyzer version is `netprep.store.stories` (and with it the
analyzer) imported to refresh the cache first.
"""

from __future__ import annotations

from netprep.analysis_version import ANALYZER_VERSION
from netprep.store.db import Store


def list_summaries_json(store: Store) -> list[str]:
    """Every story as a JSON object: id, title, tags, words, speaking_seconds, score, dates."""
    stale = store.query(
        "SELECT 1 FROM stories WHERE analyzer_version IS NULL OR analyzer_version != ? LIMIT 1",
        (ANALYZER_VERSION,),
    )
    if stale:
        from netprep.store.stories import refresh_cache

        refresh_cache(store)
    rows = store.query(
        "SELECT json_object('id', id, 'title', title, "
        "'tags', CASE WHEN json_valid(tags) THEN json(tags) ELSE json_array() END, "
        "'words', coalesce(words, 0), 'speaking_seconds', coalesce(speaking_seconds, 0), "
        "'score', coalesce(score, 0), 'created_at', created_at, 'updated_at', updated_at) "
        "FROM stories ORDER BY id"
    )
    return [str(r[0]) for r in rows]
