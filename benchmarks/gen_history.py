"""Fill a NETPREP_HOME with a practice history, for benchmarks and tests.

As a script:

    python benchmarks/gen_history.py HOME --answers 100000 --reviews 50000

writes ~answers/10 mock sessions of 10 answers, the reviews, a few stories,
reflections and coding attempts, spread over --days days ending now, in one
transaction (executemany), and prints what it wrote.

Imported (tests do), the `add_*` helpers insert single rows at chosen times, so a
test can build an exact history: `add_session(db, when, "behavioral", [(95, 120, 4)])`.
Every timestamp is stored as netprep stores it: aware UTC ISO 8601 with milliseconds.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import time
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROUNDS = ("behavioral", "culture", "role", "technical")
THEMES = (
    "candour", "context-not-control", "dream-team", "freedom-and-responsibility",
    "highly-aligned-loosely-coupled", "informed-captains", "keeper-test",
)
COMPETENCIES = ("conflict", "collaboration", "ownership", "failure", "leadership", "impact")
ANSWER_TEXT = (
    "When I was on my internship the build took twelve minutes. I decided to profile it, "
    "then I wrote a cache for the dependency step. As a result it dropped to four minutes "
    "and three teams adopted it. I learned to measure before optimising. "
)


def iso(when: datetime) -> str:
    """`when` (aware) as stored: UTC ISO 8601 with milliseconds, like `now_iso()`."""
    if when.tzinfo is None:
        raise ValueError("timestamps must be aware")
    return when.astimezone(timezone.utc).isoformat(timespec="milliseconds")


def open_home(home: Path | str) -> sqlite3.Connection:
    """Open (creating and migrating) the database in `home`; return its connection."""
    from netprep.paths import DB_NAME, ensure_private_dir
    from netprep.store import open_store

    home = ensure_private_dir(Path(home))
    return open_store(home / DB_NAME).conn


# --- single rows, for tests --------------------------------------------------------------


def add_session(db: sqlite3.Connection, when: datetime, round_: str,
                answers: Sequence[tuple[float, int, int | None]] = ((100.0, 120, 3),),
                *, complete: bool = True, timed: bool = True, step_seconds: float = 150) -> int:
    """A mock session started at `when`; each answer is (elapsed, target, rating)."""
    cur = db.execute(
        "INSERT INTO sessions(started_at, ended_at, round, timed, complete, total, seed) "
        "VALUES (?, ?, ?, ?, ?, ?, 0)",
        (iso(when), iso(when + timedelta(seconds=step_seconds * len(answers))), round_,
         int(timed), int(complete), len(answers)),
    )
    session_id = int(cur.lastrowid or 0)
    db.executemany(
        "INSERT INTO answers(session_id, position, question_id, pack_id, round, text, "
        "competencies, target_seconds, elapsed_seconds, answer, rating, answered_at) "
        "VALUES (?, ?, ?, 'builtin', ?, 'A question?', '[]', ?, ?, ?, ?, ?)",
        [
            (session_id, i + 1, f"{round_}-q{i}", round_, target, elapsed, ANSWER_TEXT, rating,
             iso(when + timedelta(seconds=step_seconds * (i + 1))))
            for i, (elapsed, target, rating) in enumerate(answers)
        ],
    )
    return session_id


def add_review(db: sqlite3.Connection, when: datetime, theme: str, correct: bool,
               item: str | None = None) -> None:
    item_id = item or f"builtin:{theme}-1"
    db.execute(
        "INSERT INTO reviews(item_id, pack_id, theme_id, correct, rating, elapsed_seconds, "
        "reviewed_at) VALUES (?, 'builtin', ?, ?, ?, 8.0, ?)",
        (item_id, theme, int(correct), 3 if correct else 1, iso(when)),
    )


def add_card(db: sqlite3.Connection, item_id: str, theme: str, due: datetime,
             updated: datetime | None = None) -> None:
    db.execute(
        "INSERT OR REPLACE INTO cards(item_id, pack_id, theme_id, card_id, state, due, updated_at) "
        "VALUES (?, 'builtin', ?, ?, '{}', ?, ?)",
        (item_id, theme, abs(hash(item_id)) % 10**9, iso(due), iso(updated or due)),
    )


def add_story(db: sqlite3.Connection, when: datetime, title: str, tags: Iterable[str] = (),
              *, situation: str = "At my internship the nightly build took twelve minutes "
              "and blocked every merge.",
              task: str = "I had to make it fast enough to run on every pull request.",
              action: str = "I profiled the build, then I wrote a cache for the dependency "
              "step and I set up a dashboard so the team could watch the times each day. "
              "The slowest step turned out to be the test database, which was rebuilt from "
              "scratch on every run, so I changed it to load a saved snapshot and reset only "
              "the tables a test had touched. I split the remaining tests into four groups "
              "that ran side by side, checked with two teammates that no test depended on "
              "another, and wrote a short page in the wiki on how to add a test to a group.",
              result: str = "It dropped from 12 to 4 minutes and three teams adopted it; "
              "merges waiting for the build went from about twenty a day to none, and the "
              "wiki page is still the one new starters read.",
              learned: str = "I learned to measure before optimising, and to make the fast "
              "path the default so nobody has to remember it.",
              analyse: bool = True) -> int:
    cur = db.execute(
        "INSERT INTO stories(title, situation, task, action, result, learned, tags, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (title, situation, task, action, result, learned, json.dumps(list(tags)),
         iso(when), iso(when)),
    )
    story_id = int(cur.lastrowid or 0)
    if analyse:  # as the story bank does on every write: cache the analysis
        from netprep.coach.analysis import ANALYZER_VERSION, analyze_story
        from netprep.star.model import Story

        found = analyze_story(Story(story_id, title, situation, task, action, result, learned))
        db.execute("UPDATE stories SET words = ?, speaking_seconds = ?, score = ?, "
                   "analyzer_version = ? WHERE id = ?",
                   (found.words, found.speaking_seconds, found.score, ANALYZER_VERSION, story_id))
    return story_id


def add_reflection(db: sqlite3.Connection, when: datetime, theme: str, text: str = "It resonates.",
                   resonates: bool | None = True) -> None:
    db.execute(
        "INSERT INTO reflections(pack_id, theme_id, prompt, resonates, text, created_at) "
        "VALUES ('builtin', ?, 'Which part resonates?', ?, ?, ?)",
        (theme, None if resonates is None else int(resonates), text, iso(when)),
    )


def add_attempt(db: sqlite3.Connection, when: datetime, exercise: str, solved: bool,
                passed: int | None = None, total: int = 8) -> None:
    db.execute(
        "INSERT INTO code_attempts(exercise_id, lang, started_at, elapsed_seconds, passed, "
        "total, solved, timed, target_seconds) VALUES (?, 'python', ?, 600, ?, ?, ?, 1, 900)",
        (exercise, iso(when), total if passed is None else passed, total, int(solved)),
    )


# --- bulk, for benchmarks ------------------------------------------------------------------


def generate(home: Path | str, *, answers: int = 100_000, reviews: int = 50_000,
             per_session: int = 10, stories: int = 4, days: int = 240,
             end: datetime | None = None, seed: int = 7) -> dict[str, int]:
    """Write a large history into `home`'s database in one transaction; return row counts."""
    rng = random.Random(seed)
    end = end or datetime.now(timezone.utc)
    start = end - timedelta(days=days)
    span = (end - start).total_seconds()
    conn = open_home(home)
    n_sessions = max(1, -(-answers // per_session)) if answers else 0
    session_times = sorted(start + timedelta(seconds=rng.random() * span)
                           for _ in range(n_sessions))
    try:
        conn.execute("BEGIN IMMEDIATE")
        first = int(conn.execute("SELECT coalesce(max(id), 0) FROM sessions").fetchone()[0]) + 1
        conn.executemany(
            "INSERT INTO sessions(id, started_at, ended_at, round, timed, complete, total, seed) "
            "VALUES (?, ?, ?, ?, 1, 1, ?, ?)",
            [(first + i, iso(t), iso(t + timedelta(minutes=25)), ROUNDS[i % 4], per_session, i)
             for i, t in enumerate(session_times)],
        )
        rows = []
        left = answers
        for i, t in enumerate(session_times):
            round_ = ROUNDS[i % 4]
            progress = (t - start).total_seconds() / span  # ratings improve over time
            for pos in range(min(per_session, left)):
                target = (90, 120, 150, 180)[pos % 4]
                elapsed = max(10.0, rng.gauss(target * (1.15 - 0.25 * progress), 30))
                rating = min(5, max(1, round(rng.gauss(2.5 + 1.5 * progress, 0.9))))
                rows.append((first + i, pos + 1, f"{round_}-q{pos}", round_,
                             f"Question {pos} of the {round_} bank?", '["conflict"]', target,
                             round(elapsed, 1), ANSWER_TEXT, rating,
                             iso(t + timedelta(seconds=150 * (pos + 1)))))
            left -= per_session
        conn.executemany(
            "INSERT INTO answers(session_id, position, question_id, pack_id, round, text, "
            "competencies, target_seconds, elapsed_seconds, answer, rating, answered_at) "
            "VALUES (?, ?, ?, 'builtin', ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        items = [(theme, f"builtin:{theme}-{k}") for theme in THEMES for k in range(1, 9)]
        review_rows = []
        for _ in range(reviews):
            theme, item = items[rng.randrange(len(items))]
            t = start + timedelta(seconds=rng.random() * span)
            hard = 0.55 + 0.05 * THEMES.index(theme)
            correct = rng.random() < hard + 0.2 * (t - start).total_seconds() / span
            review_rows.append((item, theme, int(correct), 3 if correct else 1, iso(t)))
        conn.executemany(
            "INSERT INTO reviews(item_id, pack_id, theme_id, correct, rating, elapsed_seconds, "
            "reviewed_at) VALUES (?, 'builtin', ?, ?, ?, 7.5, ?)",
            review_rows,
        )
        if reviews:
            for theme, item in items:
                add_card(conn, item, theme, end + timedelta(hours=rng.uniform(-72, 240)))
        for k in range(stories):
            add_story(conn, start + timedelta(days=k), f"Story {k + 1}",
                      [COMPETENCIES[k % len(COMPETENCIES)], COMPETENCIES[(k + 2) % 6]])
        for k in range(min(days, 40)):
            add_reflection(conn, start + timedelta(days=k * days / 40), THEMES[k % len(THEMES)])
            add_attempt(conn, start + timedelta(days=k * days / 40, hours=2), f"ex-{k % 9}",
                        solved=rng.random() < 0.6)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.execute("PRAGMA optimize")
        conn.close()
    return {"sessions": n_sessions, "answers": answers, "reviews": reviews, "stories": stories}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("home", type=Path, help="the NETPREP_HOME folder to fill")
    parser.add_argument("--answers", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=50_000)
    parser.add_argument("--per-session", type=int, default=10)
    parser.add_argument("--stories", type=int, default=4)
    parser.add_argument("--days", type=int, default=240)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    began = time.perf_counter()
    counts = generate(args.home, answers=args.answers, reviews=args.reviews,
                      per_session=args.per_session, stories=args.stories, days=args.days,
                      seed=args.seed)
    took = time.perf_counter() - began
    summary = ", ".join(f"{v} {k}" for k, v in counts.items())
    sys.stdout.write(f"wrote {summary} into {args.home} in {took:.1f}s\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
