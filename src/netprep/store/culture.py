"""Typed queries for the culture quiz (cards, reviews) and reflections.

Tables come from migration 003_culture. `cards` holds one row per quiz item the
user has answered: its fsrs card as JSON and its `due` time copied out (in the
one stored timestamp format) so picking due items is an index range scan.
`reviews` holds one row per answer; other areas read `correct`, `theme_id`,
`reviewed_at` and `cards.due` directly, so keep to the schema.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from netprep.errors import NotFoundError
from netprep.store.db import Store, iso


@dataclass
class Snapshot:
    """What the picker needs from the store, and nothing more (no review logs)."""

    due: dict[str, str] = field(default_factory=dict)  # item key -> due, for due cards only
    known: set[str] = field(default_factory=set)  # item keys that have a card
    strength: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)
    # (pack, theme) -> (answers, correct answers), over all time


def snapshot(store: Store, cutoff: datetime, interview: datetime | None = None) -> Snapshot:
    """Cards due by `cutoff` (an index range scan), known card keys, per-theme accuracy.

    With an `interview` ahead, cards due on or after it count as due now: they are pulled
    forward so that nothing is first seen again after the interview.
    """
    if interview is not None and interview > cutoff:
        sql = "SELECT item_id, due FROM cards WHERE due <= ? OR due >= ? ORDER BY due"
        params: tuple[str, ...] = (iso(cutoff), iso(interview))
    else:
        sql, params = "SELECT item_id, due FROM cards WHERE due <= ? ORDER BY due", (iso(cutoff),)
    due = {str(row[0]): str(row[1]) for row in store.query(sql, params)}
    known = {str(row[0]) for row in store.query("SELECT item_id FROM cards")}
    return Snapshot(due=due, known=known, strength=theme_accuracy(store))


def theme_accuracy(store: Store) -> dict[tuple[str, str], tuple[int, int]]:
    """(pack, theme) -> (answers, correct answers) over all time, counted by SQLite."""
    rows = store.query(
        "SELECT pack_id, theme_id, count(*), coalesce(sum(correct), 0) FROM reviews "
        "GROUP BY pack_id, theme_id"
    )
    return {(str(r[0]), str(r[1])): (int(r[2]), int(r[3])) for r in rows}


def theme_schedule(store: Store, cutoff: datetime) -> dict[tuple[str, str], dict[str, Any]]:
    """(pack, theme) -> {"cards", "due_now", "next_due"}: next_due is the first due after cutoff."""
    rows = store.query(
        "SELECT pack_id, theme_id, count(*), sum(due <= :cut), "
        "min(CASE WHEN due > :cut THEN due END) FROM cards GROUP BY pack_id, theme_id",
        {"cut": iso(cutoff)},
    )
    return {
        (str(r[0]), str(r[1])): {"cards": int(r[2]), "due_now": int(r[3] or 0), "next_due": r[4]}
        for r in rows
    }


def card_state(store: Store, item_key: str) -> str | None:
    """The stored fsrs card (JSON) of one item, or None when it was never answered."""
    rows = store.query("SELECT state FROM cards WHERE item_id = ?", (item_key,))
    return str(rows[0][0]) if rows else None


def card_dues(store: Store, item_keys: Sequence[str]) -> dict[str, str]:
    """item key -> due, for the given items that have a card."""
    result: dict[str, str] = {}
    keys = list(item_keys)
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for row in store.query(
            f"SELECT item_id, due FROM cards WHERE item_id IN ({marks})", tuple(chunk)
        ):
            result[str(row[0])] = str(row[1])
    return result


def next_due_after(
    store: Store, cutoff: datetime, item_keys: Iterable[str] | None = None
) -> str | None:
    """The earliest due time after `cutoff`, over all cards or the given items."""
    if item_keys is None:
        rows = store.query("SELECT min(due) FROM cards WHERE due > ?", (iso(cutoff),))
        return None if not rows or rows[0][0] is None else str(rows[0][0])
    cut = iso(cutoff)
    dues = [d for d in card_dues(store, list(item_keys)).values() if d > cut]
    return min(dues) if dues else None


def record_review(
    store: Store,
    *,
    item_key: str,
    pack_id: str,
    theme_id: str,
    card_id: int,
    state: str,
    due: datetime,
    correct: bool,
    rating: int,
    elapsed_seconds: float | None,
    reviewed_at: datetime,
    log: str,
) -> int:
    """Save one answer and the item's new card in one transaction, committed at once."""
    with store.write() as db:
        db.execute(
            "INSERT INTO cards(item_id, pack_id, theme_id, card_id, state, due, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(item_id) DO UPDATE SET "
            "pack_id = excluded.pack_id, theme_id = excluded.theme_id, "
            "card_id = excluded.card_id, state = excluded.state, due = excluded.due, "
            "updated_at = excluded.updated_at",
            (item_key, pack_id, theme_id, card_id, state, iso(due), iso(reviewed_at)),
        )
        cursor = db.execute(
            "INSERT INTO reviews(item_id, pack_id, theme_id, correct, rating, elapsed_seconds, "
            "reviewed_at, log) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                item_key, pack_id, theme_id, int(correct), rating, elapsed_seconds,
                iso(reviewed_at), log,
            ),
        )
        return int(cursor.lastrowid or 0)


# --- reflections -------------------------------------------------------------------------


def add_reflection(
    store: Store,
    *,
    pack_id: str,
    theme_id: str,
    prompt: str,
    resonates: bool | None,
    text: str,
    created_at: str,
) -> int:
    with store.write() as db:
        cursor = db.execute(
            "INSERT INTO reflections(pack_id, theme_id, prompt, resonates, text, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (pack_id, theme_id, prompt, None if resonates is None else int(resonates), text,
             created_at),
        )
        return int(cursor.lastrowid or 0)


def reflections(
    store: Store, pack_id: str | None = None, theme_id: str | None = None
) -> list[dict]:
    """Saved reflections, oldest first, optionally of one theme."""
    sql = "SELECT id, pack_id, theme_id, prompt, resonates, text, created_at FROM reflections"
    params: tuple = ()
    if theme_id is not None:
        sql += " WHERE pack_id = ? AND theme_id = ?"
        params = (pack_id, theme_id)
    sql += " ORDER BY created_at, id"
    return [
        {
            "id": int(r["id"]),
            "pack": str(r["pack_id"]),
            "theme": str(r["theme_id"]),
            "prompt": str(r["prompt"]),
            "resonates": None if r["resonates"] is None else bool(r["resonates"]),
            "text": str(r["text"]),
            "created_at": str(r["created_at"]),
        }
        for r in store.query(sql, params)
    ]


def get_reflection(store: Store, reflection_id: int) -> dict:
    rows = [r for r in reflections(store) if r["id"] == int(reflection_id)]
    if not rows:
        raise NotFoundError(f"No reflection with id {reflection_id}.",
                            "Run `netprep culture reflections` to see the ids.")
    return rows[0]


def update_reflection(store: Store, reflection_id: int, *, text: str,
                      resonates: bool | None) -> None:
    with store.write() as db:
        cursor = db.execute("UPDATE reflections SET text = ?, resonates = ? WHERE id = ?",
                            (text, None if resonates is None else int(resonates),
                             int(reflection_id)))
        if cursor.rowcount == 0:
            raise NotFoundError(f"No reflection with id {reflection_id}.",
                                "Run `netprep culture reflections` to see the ids.")


def remove_reflection(store: Store, reflection_id: int) -> dict:
    entry = get_reflection(store, reflection_id)
    with store.write() as db:
        db.execute("DELETE FROM reflections WHERE id = ?", (int(reflection_id),))
    return entry


# --- benchmark history -------------------------------------------------------------------


def generate_history(
    store: Store,
    reviews: int,
    *,
    items: Sequence[tuple[str, str, str]] | None = None,
    item_count: int = 300,
    themes: int = 8,
    seed: int = 0,
    now: datetime | None = None,
) -> int:
    """Insert `reviews` answers spread over `items` (key, pack, theme), plus one card per item.

    For benchmarks (`benchmarks/gen_culture.py`): one transaction, executemany, no fsrs.
    Without `items`, synthetic keys `bench:item-N` over `themes` themes are used.
    About a fifth of the cards end up due. Returns the number of reviews inserted.
    """
    rng = random.Random(seed)
    now = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    if items is None:
        items = [
            (f"bench:item-{i}", "bench", f"bench-theme-{i % themes}") for i in range(item_count)
        ]
    if not items:
        return 0
    span = timedelta(days=180)
    review_rows = []
    last: dict[str, datetime] = {}
    for n in range(reviews):
        key, pack, theme = items[n % len(items)] if n < len(items) else rng.choice(items)
        when = now - span + span * (n / max(reviews, 1))
        correct = rng.random() < 0.75
        rating = rng.choice((3, 4)) if correct else 1
        log = {"card_id": n % 2**40, "rating": rating, "review_datetime": when.isoformat(),
               "review_duration": None}
        review_rows.append((key, pack, theme, int(correct), rating, round(rng.uniform(3, 40), 1),
                            iso(when), json.dumps(log)))
        last[key] = when
    card_rows = []
    for number, (key, pack, theme) in enumerate(items):
        if key not in last:
            continue
        due = now + timedelta(days=rng.uniform(-3, 12))
        state = {"card_id": number, "state": 2, "step": None, "stability": 5.0, "difficulty": 5.0,
                 "due": due.isoformat(), "last_review": last[key].isoformat()}
        card_rows.append((key, pack, theme, number, json.dumps(state), iso(due), iso(last[key])))
    with store.write() as db:
        db.executemany(
            "INSERT INTO reviews(item_id, pack_id, theme_id, correct, rating, elapsed_seconds, "
            "reviewed_at, log) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            review_rows,
        )
        db.executemany(
            "INSERT OR REPLACE INTO cards(item_id, pack_id, theme_id, card_id, state, due, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            card_rows,
        )
    return len(review_rows)
