"""Ordered, named schema migrations (append only: never edit a released one).

Each runs in its own transaction and is recorded in `_migrations`; the number
applied is also kept in `PRAGMA user_version`, so a database written by a newer
netprep (a higher number than this list knows) is recognised and refused.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]


def m001_stories(db: sqlite3.Connection) -> None:
    db.execute(
        """
        CREATE TABLE stories (
            id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused after a removal
            title TEXT NOT NULL,
            situation TEXT NOT NULL DEFAULT '',
            task TEXT NOT NULL DEFAULT '',
            action TEXT NOT NULL DEFAULT '',
            result TEXT NOT NULL DEFAULT '',
            learned TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '[]',       -- JSON list of competency ids
            template TEXT,                         -- competency template it was written from
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


def m002_mock_sessions(db: sqlite3.Connection) -> None:
    db.execute(
        """
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            round TEXT NOT NULL,
            timed INTEGER NOT NULL,
            complete INTEGER NOT NULL DEFAULT 0,
            total INTEGER NOT NULL,
            seed INTEGER,
            settings TEXT NOT NULL DEFAULT '{}'
        )
        """
    )
    db.execute(
        """
        CREATE TABLE answers (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            question_id TEXT NOT NULL,
            pack_id TEXT NOT NULL,
            round TEXT NOT NULL,
            text TEXT NOT NULL,
            competencies TEXT NOT NULL DEFAULT '[]',
            target_seconds INTEGER NOT NULL,
            elapsed_seconds REAL NOT NULL,
            answer TEXT NOT NULL DEFAULT '',
            rating INTEGER,
            checklist TEXT NOT NULL DEFAULT '{}',
            findings TEXT NOT NULL DEFAULT '[]',
            story_id INTEGER,
            follow_up TEXT,
            follow_up_answer TEXT,
            follow_up_seconds REAL,
            answered_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX answers_by_session ON answers(session_id, position)")
    db.execute("CREATE INDEX answers_by_question ON answers(question_id, answered_at)")
    db.execute("CREATE INDEX sessions_by_start ON sessions(started_at)")


def m003_culture(db: sqlite3.Connection) -> None:
    db.execute(
        """
        CREATE TABLE cards (
            item_id TEXT PRIMARY KEY,      -- "<pack>:<quiz item id>"
            pack_id TEXT NOT NULL,
            theme_id TEXT NOT NULL,
            card_id INTEGER NOT NULL,      -- explicit fsrs Card id
            state TEXT NOT NULL,           -- fsrs Card.to_dict() as JSON
            due TEXT NOT NULL,             -- aware UTC ISO 8601, copied out for indexing
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX cards_by_due ON cards(due)")
    db.execute(
        """
        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            item_id TEXT NOT NULL,
            pack_id TEXT NOT NULL,
            theme_id TEXT NOT NULL,
            correct INTEGER NOT NULL,
            rating INTEGER NOT NULL,
            elapsed_seconds REAL,
            reviewed_at TEXT NOT NULL,
            log TEXT                       -- fsrs ReviewLog.to_dict() as JSON
        )
        """
    )
    db.execute("CREATE INDEX reviews_by_theme ON reviews(theme_id)")
    db.execute("CREATE INDEX reviews_by_time ON reviews(reviewed_at)")
    db.execute(
        """
        CREATE TABLE reflections (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            pack_id TEXT NOT NULL,
            theme_id TEXT NOT NULL,
            prompt TEXT NOT NULL,
            resonates INTEGER,             -- 1 resonates, 0 does not, NULL unsaid
            text TEXT NOT NULL,
            created_at TEXT NOT NULL
        )
        """
    )


def m004_code_attempts(db: sqlite3.Connection) -> None:
    db.execute(
        """
        CREATE TABLE code_attempts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            exercise_id TEXT NOT NULL,
            lang TEXT NOT NULL,
            started_at TEXT NOT NULL,
            elapsed_seconds REAL NOT NULL,
            passed INTEGER NOT NULL,
            total INTEGER NOT NULL,
            solved INTEGER NOT NULL,
            timed INTEGER NOT NULL,
            target_seconds INTEGER,
            session_id INTEGER
        )
        """
    )
    db.execute("CREATE INDEX code_attempts_by_start ON code_attempts(started_at)")


def m005_story_analysis(db: sqlite3.Connection) -> None:
    # The analysis of each story, cached at write time so `star list` need not redo it;
    # rows whose analyzer_version is not the current one are recomputed lazily.
    for column in ("words", "speaking_seconds", "score", "analyzer_version"):
        db.execute(f"ALTER TABLE stories ADD COLUMN {column} INTEGER")


MIGRATIONS: list[tuple[str, Migration]] = [
    ("001_stories", m001_stories),
    ("002_mock_sessions", m002_mock_sessions),
    ("003_culture", m003_culture),
    ("004_code_attempts", m004_code_attempts),
    ("005_story_analysis", m005_story_analysis),
]
