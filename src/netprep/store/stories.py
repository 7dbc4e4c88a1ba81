"""Typed queries for the STAR story bank.

Each write also stores the story's cached analysis (words, speaking time, score and
the analyzer version), so listing 1,000 stories reads numbers instead of re-analysing
text. The caller computes that cache (`netprep.star.cache`, which also refreshes rows of
an older analyzer): this module imports the story model, never the analyzer.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from netprep.errors import NotFoundError, StoreError
from netprep.star.model import Story
from netprep.store.db import Store, now_iso
from netprep.store.story_rows import parse_tags
from netprep.text import normalize_text

Cache = tuple[int, int, int, int]  # words, speaking_seconds, score, analyzer version

_COLUMNS = ("title", "situation", "task", "action", "result", "learned")


@dataclass
class Summary:
    """A story as `star list` shows it: no text, the cached analysis."""

    id: int
    title: str
    tags: tuple[str, ...]
    words: int
    speaking_seconds: int
    score: int
    created_at: str
    updated_at: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "tags": list(self.tags),
            "words": self.words,
            "speaking_seconds": self.speaking_seconds,
            "score": self.score,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        }


def _story(row: sqlite3.Row) -> Story:
    return Story(
        id=int(row["id"]),
        title=row["title"],
        situation=row["situation"],
        task=row["task"],
        action=row["action"],
        result=row["result"],
        learned=row["learned"],
        tags=parse_tags(row["tags"]),
        template=row["template"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def normalize_story(story: Story) -> None:
    """Store one kind of line break, so exports read back exactly."""
    for column in _COLUMNS:
        setattr(story, column, normalize_text(story.part(column)).strip())


def list_stories(store: Store) -> list[Story]:
    return [_story(r) for r in store.query("SELECT * FROM stories ORDER BY id")]


SALVAGE_SCAN = 100_000  # ids tried when a damaged file hides the highest one


def salvage_stories(store: Store) -> tuple[list[Story], int]:
    """Every story that can still be read from a damaged file, looked up one id at a time
    (a damaged page loses only the rows on it); also the number of ids that failed."""
    high = 0
    for sql in ("SELECT seq FROM sqlite_sequence WHERE name = 'stories'",
                "SELECT max(id) FROM stories"):
        try:
            row = store.conn.execute(sql).fetchone()
        except sqlite3.Error:
            continue
        if row and row[0]:
            high = int(row[0])
            break
    stories: list[Story] = []
    lost = 0
    for story_id in range(1, (high or SALVAGE_SCAN) + 1):
        try:
            row = store.conn.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
            if row is not None:
                stories.append(_story(row))
        except (sqlite3.Error, ValueError, TypeError):
            lost += 1
    return stories, lost


def get_story(store: Store, story_id: int) -> Story:
    rows = store.query("SELECT * FROM stories WHERE id = ?", (int(story_id),))
    if not rows:
        ids = [str(r[0]) for r in store.query("SELECT id FROM stories ORDER BY id LIMIT 20")]
        hint = (f"Your story ids: {', '.join(ids)} (see `netprep star list`)." if ids
                else "You have no stories yet: add one with `netprep star add`.")
        raise NotFoundError(f"No story with id {story_id}.", hint)
    return _story(rows[0])


def add_stories(store: Store, stories: list[Story], caches: list[Cache],
                keep_created: bool = False) -> list[int]:
    """Save new stories with their caches in one transaction (all or none); set their ids.

    `keep_created` keeps the stories' own created_at/updated_at (import).
    """
    stamp = now_iso()
    rows = []
    stamps = []
    for story, cache in zip(stories, caches, strict=True):
        normalize_story(story)
        created = story.created_at if keep_created and story.created_at else stamp
        updated = story.updated_at if keep_created and story.updated_at else stamp
        stamps.append((created, updated))
        rows.append((*(story.part(c) for c in _COLUMNS), json.dumps(list(story.tags)),
                     story.template, created, updated, *cache))
    ids = []
    with store.write() as db:
        for row in rows:
            cursor = db.execute(
                "INSERT INTO stories (title, situation, task, action, result, learned, tags, "
                "template, created_at, updated_at, words, speaking_seconds, score, "
                "analyzer_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row)
            ids.append(int(cursor.lastrowid or 0))
    for story, new_id, (created, updated) in zip(stories, ids, stamps, strict=True):
        story.id, story.created_at, story.updated_at = new_id, created, updated
    return ids


def update_story(store: Store, story: Story, cache: Cache) -> None:
    """Save every field of an existing story; raises NotFoundError for an unknown id."""
    if story.id is None:
        raise NotFoundError("This story has no id yet.", "Add it with `netprep star add`.")
    normalize_story(story)
    stamp = now_iso()
    with store.write() as db:
        cursor = db.execute(
            "UPDATE stories SET title = ?, situation = ?, task = ?, action = ?, result = ?, "
            "learned = ?, tags = ?, template = ?, updated_at = ?, words = ?, "
            "speaking_seconds = ?, score = ?, analyzer_version = ? WHERE id = ?",
            (
                *(story.part(c) for c in _COLUMNS),
                json.dumps(list(story.tags)),
                story.template,
                stamp,
                *cache,
                story.id,
            ),
        )
        if cursor.rowcount == 0:
            raise NotFoundError(
                f"No story with id {story.id}.", "Run `netprep star list` to see the ids."
            )
    story.updated_at = stamp


def remove_story(store: Store, story_id: int) -> Story:
    """Delete a story and return it; its id is never given out again (AUTOINCREMENT)."""
    story = get_story(store, story_id)
    with store.write() as db:
        db.execute("DELETE FROM stories WHERE id = ?", (int(story_id),))
    return story


def find_same(store: Store, story: Story) -> Story | None:
    """A stored story with the same title and text, if any."""
    rows = store.query("SELECT * FROM stories WHERE title = ?", (story.title,))
    candidates = [_story(r) for r in rows] or [
        s for s in list_stories(store) if " ".join(s.title.split()) == " ".join(story.title.split())
    ]
    return next((s for s in candidates if s.same_as(story)), None)


def list_summaries(store: Store, fresh: dict[int, Cache]) -> list[Summary]:
    """Every story's id, title, tags and cached analysis (`fresh` overrides stale rows)."""
    rows = store.query(
        "SELECT id, title, tags, words, speaking_seconds, score, "
        "created_at, updated_at FROM stories ORDER BY id"
    )
    summaries = []
    for r in rows:
        sid = int(r["id"])
        words, seconds, score = (
            fresh[sid][:3] if sid in fresh else (r["words"], r["speaking_seconds"], r["score"])
        )
        summaries.append(
            Summary(
                sid,
                r["title"],
                parse_tags(r["tags"]),
                int(words or 0),
                int(seconds or 0),
                int(score or 0),
                r["created_at"],
                r["updated_at"],
            )
        )
    return summaries


def stale_stories(store: Store, version: int) -> list[Story]:
    """The stories whose cache was written by another analyzer version."""
    rows = store.query(
        "SELECT * FROM stories WHERE analyzer_version IS NULL OR analyzer_version != ?",
        (version,),
    )
    return [_story(r) for r in rows]


def write_caches(store: Store, fresh: dict[int, Cache]) -> None:
    """Write re-computed caches back; a read-only database keeps its old ones (no error):
    listing never fails for the sake of a cache."""
    try:
        with store.write() as db:
            db.executemany(
                "UPDATE stories SET words = ?, speaking_seconds = ?, score = ?, "
                "analyzer_version = ? WHERE id = ?",
                [(*cache, sid) for sid, cache in fresh.items()],
            )
    except StoreError:
        pass
