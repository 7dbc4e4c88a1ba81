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


def m006_progress_indexes(db: sqlite3.Connection) -> None:
    # Covering indexes for `netprep stats`: per-day windows are read from the index
    # alone, never from the wide answer rows.
    db.execute(
        "CREATE INDEX answers_by_time ON answers"
        "(answered_at, round, elapsed_seconds, target_seconds, rating)"
    )
    db.execute("CREATE INDEX reviews_by_time_correct ON reviews(reviewed_at, correct)")
    db.execute("CREATE INDEX reflections_by_time ON reflections(created_at)")


_ANSWER_PART = (
    "{row}.round, 1, {row}.elapsed_seconds, {row}.target_seconds, "
    "{row}.elapsed_seconds > {row}.target_seconds, {row}.rating IS NOT NULL, "
    "coalesce({row}.rating, 0)"
)
_ANSWER_ADD = (
    "INSERT INTO answer_totals(round, answers, elapsed, target, overtime, rated, rating_sum) "
    "VALUES (" + _ANSWER_PART.format(row="NEW") + ") ON CONFLICT(round) DO UPDATE SET "
    "answers = answers + 1, elapsed = elapsed + excluded.elapsed, "
    "target = target + excluded.target, overtime = overtime + excluded.overtime, "
    "rated = rated + excluded.rated, rating_sum = rating_sum + excluded.rating_sum;"
)
_ANSWER_SUB = (
    "UPDATE answer_totals SET answers = answers - 1, "
    "elapsed = elapsed - OLD.elapsed_seconds, target = target - OLD.target_seconds, "
    "overtime = overtime - (OLD.elapsed_seconds > OLD.target_seconds), "
    "rated = rated - (OLD.rating IS NOT NULL), rating_sum = rating_sum - coalesce(OLD.rating, 0) "
    "WHERE round = OLD.round;"
)
_REVIEW_ADD = (
    "INSERT INTO review_totals(theme_id, reviews, correct) VALUES (NEW.theme_id, 1, "
    "NEW.correct != 0) ON CONFLICT(theme_id) DO UPDATE SET reviews = reviews + 1, "
    "correct = correct + excluded.correct;"
)
_REVIEW_SUB = (
    "UPDATE review_totals SET reviews = reviews - 1, correct = correct - (OLD.correct != 0) "
    "WHERE theme_id = OLD.theme_id;"
)


def m007_progress_totals(db: sqlite3.Connection) -> None:
    # All-time totals per round and per theme for `netprep stats`, kept by triggers so
    # the dashboard reads 4 + N rows instead of scanning every answer and review.
    # Writers need do nothing: INSERT, UPDATE (a rating given later) and DELETE
    # (also by ON DELETE CASCADE) keep them exact. A migration that rebuilds the
    # answers or reviews table must recreate these triggers.
    db.execute(
        """
        CREATE TABLE answer_totals (
            round TEXT PRIMARY KEY,
            answers INTEGER NOT NULL,
            elapsed REAL NOT NULL,       -- sum of elapsed_seconds
            target REAL NOT NULL,        -- sum of target_seconds
            overtime INTEGER NOT NULL,   -- answers over their target
            rated INTEGER NOT NULL,      -- answers with a self-rating
            rating_sum REAL NOT NULL
        )
        """
    )
    db.execute(
        "INSERT INTO answer_totals SELECT round, count(*), total(elapsed_seconds), "
        "total(target_seconds), total(elapsed_seconds > target_seconds), count(rating), "
        "total(rating) FROM answers GROUP BY round"
    )
    db.execute(f"CREATE TRIGGER answer_totals_insert AFTER INSERT ON answers "
               f"BEGIN {_ANSWER_ADD} END")
    db.execute(f"CREATE TRIGGER answer_totals_delete AFTER DELETE ON answers "
               f"BEGIN {_ANSWER_SUB} END")
    db.execute(
        "CREATE TRIGGER answer_totals_update AFTER UPDATE OF round, elapsed_seconds, "
        f"target_seconds, rating ON answers BEGIN {_ANSWER_SUB} {_ANSWER_ADD} END"
    )
    db.execute(
        """
        CREATE TABLE review_totals (
            theme_id TEXT PRIMARY KEY,
            reviews INTEGER NOT NULL,
            correct INTEGER NOT NULL
        )
        """
    )
    db.execute(
        "INSERT INTO review_totals SELECT theme_id, count(*), total(correct != 0) "
        "FROM reviews GROUP BY theme_id"
    )
    db.execute(f"CREATE TRIGGER review_totals_insert AFTER INSERT ON reviews "
               f"BEGIN {_REVIEW_ADD} END")
    db.execute(f"CREATE TRIGGER review_totals_delete AFTER DELETE ON reviews "
               f"BEGIN {_REVIEW_SUB} END")
    db.execute(
        "CREATE TRIGGER review_totals_update AFTER UPDATE OF theme_id, correct ON reviews "
        f"BEGIN {_REVIEW_SUB} {_REVIEW_ADD} END"
    )


def m008_takehome(db: sqlite3.Connection) -> None:
    # Take-home attempts: the clock runs across sittings (wall-clock UTC, since a
    # sitting can span processes); `seconds_used` sums the closed sittings and
    # `sitting_started_at` is the open one (NULL when paused or submitted).
    db.execute(
        """
        CREATE TABLE takehome_attempts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            brief_id TEXT NOT NULL,
            path TEXT NOT NULL,
            started_at TEXT NOT NULL,
            seconds_limit INTEGER NOT NULL,
            state TEXT NOT NULL,            -- running, paused or submitted
            seconds_used REAL NOT NULL DEFAULT 0,
            sitting_started_at TEXT,
            sittings INTEGER NOT NULL DEFAULT 0,
            submitted_at TEXT,
            review TEXT                     -- JSON, written by submit
        )
        """
    )
    db.execute("CREATE INDEX takehome_attempts_by_start ON takehome_attempts(started_at)")
    # Clarifying questions asked in coding drills (`code ask`, `?` in `code start`).
    db.execute(
        """
        CREATE TABLE clarifications (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            exercise_id TEXT NOT NULL,
            question TEXT NOT NULL,
            matched TEXT,                   -- the clarification id, NULL when none matched
            asked_at TEXT NOT NULL,
            code_attempt_id INTEGER,
            before_first_run INTEGER
        )
        """
    )


def m009_resume(db: sqlite3.Connection) -> None:
    # The resume bank, the questions the user asked the interviewer at the end of a mock,
    # and the bank questions they saved as favourites. The pitch is a setting.
    db.execute(
        """
        CREATE TABLE resume_entries (
            id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused after a removal
            kind TEXT NOT NULL,
            title TEXT NOT NULL,
            organisation TEXT NOT NULL DEFAULT '',
            dates TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL DEFAULT '',
            what TEXT NOT NULL DEFAULT '',
            tech TEXT NOT NULL DEFAULT '[]',      -- JSON list of skills
            scale TEXT NOT NULL DEFAULT '',
            part TEXT NOT NULL DEFAULT '',
            outcome TEXT NOT NULL DEFAULT '',
            stories TEXT NOT NULL DEFAULT '[]',   -- JSON list of story ids
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE interviewer_questions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT NOT NULL,
            findings TEXT NOT NULL DEFAULT '[]',  -- JSON [{"code", "message"}]
            asked_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX interviewer_questions_by_session "
               "ON interviewer_questions(session_id, position)")
    db.execute(
        """
        CREATE TABLE saved_questions (
            question_id TEXT PRIMARY KEY,         -- "<pack>:<question id>"
            theme TEXT NOT NULL,
            text TEXT NOT NULL,
            saved_at TEXT NOT NULL
        )
        """
    )


def m010_answer_hints(db: sqlite3.Connection) -> None:
    # What the mock showed beside each question, as JSON: {"kind": "story" | "template" |
    # "none", "story_id", "template", "fit"}; NULL for answers saved before this.
    db.execute("ALTER TABLE answers ADD COLUMN hint TEXT")


def m011_answer_voice(db: sqlite3.Connection) -> None:
    # A spoken answer's speaking measures (transcript, wpm, pauses, fillers...) as JSON;
    # NULL for a typed answer. The transcript is also the answer's text.
    db.execute("ALTER TABLE answers ADD COLUMN voice TEXT")
    # `stats` reads only the spoken answers: a partial index keeps that off the full table.
    db.execute("CREATE INDEX answers_spoken ON answers(answered_at) WHERE voice IS NOT NULL")


def m012_answer_score(db: sqlite3.Connection) -> None:
    # The coach's score and ready verdict per typed answer, and the probe's gap: rows
    # written before this (score NULL) are analysed when `history show` reads them.
    for column, kind in (("score", "INTEGER"), ("ready", "INTEGER"),
                         ("analyzer_version", "INTEGER"), ("follow_up_gap", "TEXT"),
                         ("follow_up_closed", "INTEGER")):
        db.execute(f"ALTER TABLE answers ADD COLUMN {column} {kind}")


def m013_answer_partner(db: sqlite3.Connection) -> None:
    # `mock --partner`: the partner's rubric scores as JSON {"name", "ratings": {dim: 1-4},
    # "note", "self_ratings"}; NULL for an answer nobody else scored.
    db.execute("ALTER TABLE answers ADD COLUMN partner TEXT")
    db.execute("CREATE INDEX answers_partnered ON answers(answered_at) WHERE partner IS NOT NULL")


def m014_spoken_replies(db: sqlite3.Connection) -> None:
    # Issue 25: a spoken follow-up reply's and a spoken question-for-the-interviewer's
    # speaking measures (the keys of answers.voice) as JSON; NULL when typed.
    db.execute("ALTER TABLE answers ADD COLUMN follow_up_voice TEXT")
    db.execute("ALTER TABLE interviewer_questions ADD COLUMN voice TEXT")


def m015_assessments(db: sqlite3.Connection) -> None:
    # `netprep assess`: one row per online assessment; `problems` is JSON
    # [{"exercise", "points"}] in order, `report` the graded result once submitted.
    db.execute("""
        CREATE TABLE assessments (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            seconds_limit INTEGER NOT NULL,
            lang TEXT NOT NULL,
            mode TEXT NOT NULL,
            seed INTEGER,
            problems TEXT NOT NULL,
            folder TEXT NOT NULL,
            submitted_at TEXT,
            report TEXT
        )""")
    db.execute("CREATE INDEX assessments_by_start ON assessments(started_at)")


def m016_code_review(db: sqlite3.Connection) -> None:
    # Issue 24: a coding drill's review as JSON: {"nudges": [{"level", "at", "offered"}],
    # "offers", "step_backs", "runs_timeline", "think_aloud", "feedback"}; NULL before this.
    db.execute("ALTER TABLE code_attempts ADD COLUMN review TEXT")


def m017_follow_up_reading(db: sqlite3.Connection) -> None:
    # Issue 24: a technical mock's challenge ("why not sort first?") and how the reply was
    # read, as JSON {"answered_well", "findings": [{"code", "message", "suggestion"}]};
    # NULL for every other follow-up.
    db.execute("ALTER TABLE answers ADD COLUMN follow_up_reading TEXT")


MIGRATIONS: list[tuple[str, Migration]] = [
    ("001_stories", m001_stories),
    ("002_mock_sessions", m002_mock_sessions),
    ("003_culture", m003_culture),
    ("004_code_attempts", m004_code_attempts),
    ("005_story_analysis", m005_story_analysis),
    ("006_progress_indexes", m006_progress_indexes),
    ("007_progress_totals", m007_progress_totals),
    ("008_takehome", m008_takehome),
    ("009_resume", m009_resume),
    ("010_answer_hints", m010_answer_hints),
    ("011_answer_voice", m011_answer_voice),
    ("012_answer_score", m012_answer_score),
    ("013_answer_partner", m013_answer_partner),
    ("014_spoken_replies", m014_spoken_replies),
    ("015_assessments", m015_assessments),
    ("016_code_review", m016_code_review),
    ("017_follow_up_reading", m017_follow_up_reading),
]
