"""Queries for the dated series of `netprep.progress.trends` (windows as in `store.stats`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from netprep.store.db import Store
from netprep.store.stats import Window, _all, _each


def scores_in(store: Store, windows: Sequence[Window]) -> list[tuple[int, float]]:
    """(scored answers, sum of their coach scores) per window."""
    sql = ("SELECT count(score), total(score) FROM answers INDEXED BY answers_by_time "
           "WHERE answered_at >= ? AND answered_at < ?")
    return [(int(r[0]), float(r[1])) for r in _each(store, sql, windows)]


def competency_scores_in(store: Store, windows: Sequence[Window], any_scored: bool = True
                         ) -> list[list[tuple[str, int, float]]]:
    """Per window: (competency id, scored answers, score sum) for each competency asked."""
    if not any_scored:  # nothing scored in the window: skip the JSON walk entirely
        return [[] for _ in windows]
    sql = ("SELECT j.value, count(a.score), total(a.score) "
           "FROM answers AS a INDEXED BY answers_by_time, json_each(a.competencies) AS j "
           "WHERE a.answered_at >= ? AND a.answered_at < ? AND a.score IS NOT NULL "
           "AND json_valid(a.competencies) GROUP BY j.value ORDER BY j.value")
    try:
        execute = store.conn.execute
        rows = [execute(sql, window).fetchall() for window in windows]
    except sqlite3.OperationalError:  # a malformed competencies list: no series, no crash
        return [[] for _ in windows]
    return [[(str(r[0]), int(r[1]), float(r[2])) for r in day if r[1]] for day in rows]


def spoken_sessions(store: Store, since: str) -> list[tuple[str, Any, Any]]:
    """Per mock session with spoken answers since `since`: (first answered_at, mean wpm,
    mean fillers per minute), oldest first (the partial index `answers_spoken`)."""
    rows = _all(store, "SELECT min(answered_at), avg(json_extract(voice, '$.wpm')), "
                       "avg(json_extract(voice, '$.fillers_per_min')) FROM (SELECT session_id, "
                       "answered_at, voice FROM answers INDEXED BY answers_spoken "
                       "WHERE voice IS NOT NULL AND answered_at >= ?) "
                       "GROUP BY session_id ORDER BY min(answered_at)", (since,))
    return [(str(r[0]), r[1], r[2]) for r in rows]


def solved_attempts(store: Store, since: str) -> list[tuple[str, float]]:
    """(started_at, elapsed seconds) of each solved coding attempt since `since`."""
    rows = _all(store, "SELECT started_at, elapsed_seconds FROM code_attempts "
                       "WHERE solved AND started_at >= ? ORDER BY started_at", (since,))
    return [(str(r[0]), float(r[1])) for r in rows]


def card_states(store: Store) -> list[tuple[str, str]]:
    """(theme id, fsrs card state JSON) of every quiz item seen at least once."""
    return [(str(r[0]), str(r[1])) for r in _all(store, "SELECT theme_id, state FROM cards")]


def partnered_answers(store: Store, since: str | None = None) -> list[tuple[str, str]]:
    """(answered_at, partner JSON) of every answer a partner scored, oldest first."""
    sql = "SELECT answered_at, partner FROM answers WHERE partner IS NOT NULL"
    args: tuple[Any, ...] = ()
    if since is not None:
        sql += " AND answered_at >= ?"
        args = (since,)
    return [(r["answered_at"], r["partner"]) for r in store.query(sql + " ORDER BY answered_at",
                                                                  args)]
