"""Culture quiz logic: rating, picking, and fsrs scheduling with a fixed clock, fuzz off."""

from __future__ import annotations

import random
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from netprep.content import load_library
from netprep.content.models import Library, QuizItem
from netprep.culture import quiz as q
from netprep.store import culture as cs
from netprep.store import open_store

DATA = Path(__file__).parent / "data" / "culture"
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def library() -> Library:
    return load_library([(DATA / "base", "builtin"), (DATA / "mini", "user")])


@pytest.fixture
def store():
    with open_store() as s:
        yield s


def item(question: str = "Q?", choices=("a", "b", "c"), answer: int = 1, theme: str = "t",
         pack: str = "p", id_: str = "i") -> QuizItem:
    return QuizItem(id_, "definition", question, tuple(choices), answer, "why", theme, pack)


def answer(store, library_items, asked: q.Asked, right: bool, now: datetime,
           elapsed: float | None = None) -> q.Graded:
    """Answer like the CLI does: grade at `now` (fuzz off) and commit the review."""
    chosen = asked.answer if right else (asked.answer % len(asked.choices)) + 1
    g = q.grade(asked, chosen, elapsed, cs.card_state(store, asked.item.key), now,
                q.make_scheduler(fuzz=False))
    cs.record_review(store, item_key=asked.item.key, pack_id=asked.item.pack,
                     theme_id=asked.item.theme, card_id=g.card_id, state=g.state, due=g.due,
                     correct=g.correct, rating=g.rating, elapsed_seconds=g.elapsed,
                     reviewed_at=g.reviewed_at, log=g.log)
    return g


def session(store, items, now: datetime, count: int = 10, seed: int = 1) -> list[q.Asked]:
    return q.pick(items, cs.snapshot(store, q.cutoff(now)), count, random.Random(seed))


# --- rating ------------------------------------------------------------------------------


def test_reading_time_grows_with_the_words_of_question_and_choices() -> None:
    short = item("Why?", ("yes", "no", "maybe"))
    long = item("Why " * 40, ("a long choice " * 5,) * 3)
    assert q.reading_seconds(short) == pytest.approx(3 + 4 / 4)
    assert q.reading_seconds(long) > q.reading_seconds(short) + 10


def test_rating_follows_correctness_and_time() -> None:
    it = item("one two three four", ("five six", "seven eight", "nine ten"))  # 10 words
    reading = q.reading_seconds(it)  # 3 + 2.5
    assert q.rate(it, False, 1.0) == q.AGAIN
    assert q.rate(it, False, None) == q.AGAIN
    assert q.rate(it, True, reading - 0.1) == q.EASY
    assert q.rate(it, True, reading + 0.1) == q.GOOD
    assert q.rate(it, True, 2 * reading) == q.GOOD
    assert q.rate(it, True, 2 * reading + 0.1) == q.HARD
    assert q.rate(it, True, None) == q.GOOD  # scripted answers: time unknown


@pytest.mark.parametrize(("line", "expected"), [
    ("2\n", 2), (" 3 ", 3), ("1.", 1), ("4", None), ("0", None), ("", None), ("abc", None),
    ("-1", None), ("1 2", None), ("²", None),
])
def test_parse_answer(line: str, expected: int | None) -> None:
    assert q.parse_answer(line, 3) == expected


def test_card_ids_are_stable_and_distinct() -> None:
    assert q.card_id_for("mini:open-1") == q.card_id_for("mini:open-1")
    ids = {q.card_id_for(f"pack:item-{n}") for n in range(2000)}
    assert len(ids) == 2000
    assert all(0 < i < 2**48 for i in ids)


def test_shuffled_choices_keep_the_right_answer(library: Library) -> None:
    for seed in range(20):
        for asked in q.pick(library.quiz_items(), cs.Snapshot(), 10, random.Random(seed)):
            assert asked.choices[asked.answer - 1] == asked.item.correct_choice
            assert sorted(asked.choices) == sorted(asked.item.choices)


# --- scheduling --------------------------------------------------------------------------


def test_wrong_comes_back_soon_right_later(store, library: Library) -> None:
    items = library.quiz_items()
    first = session(store, items, T0, count=2)
    wrong = answer(store, items, first[0], right=False, now=T0)
    right = answer(store, items, first[1], right=True, now=T0)
    assert wrong.rating == q.AGAIN and right.rating == q.GOOD
    assert wrong.due == T0 + timedelta(minutes=10)
    assert right.due >= T0 + timedelta(days=1)
    # The next session, two minutes later: the missed item opens it, before any new one.
    later = session(store, items, T0 + timedelta(minutes=2), count=10)
    assert later[0].item.key == first[0].item.key and later[0].why == "due"
    assert all(a.why == "new" for a in later[1:])
    assert first[1].item.key not in {a.item.key for a in later}


def test_state_survives_between_runs(library: Library) -> None:
    items = library.quiz_items()
    with open_store() as store:
        first = session(store, items, T0, count=1)[0]
        answer(store, items, first, right=True, now=T0, elapsed=2.0)  # fast: Easy
    with open_store() as store:  # a new process, as it were
        state = cs.card_state(store, first.item.key)
        assert state is not None and '"state": 2' in state  # fsrs Review state
        rows = store.query("SELECT card_id, due FROM cards WHERE item_id = ?", (first.item.key,))
        assert rows[0]["card_id"] == q.card_id_for(first.item.key)
        assert first.item.key not in cs.snapshot(store, q.cutoff(T0 + timedelta(days=1))).due
        snap = cs.snapshot(store, q.cutoff(T0 + timedelta(days=30)))
        assert first.item.key in snap.due
        # Reviewing it again builds on the stored card: the interval grows.
        again = q.pick(items, snap, 20, random.Random(0))
        asked = next(a for a in again if a.item.key == first.item.key)
        g = answer(store, items, asked, right=True, now=T0 + timedelta(days=30), elapsed=2.0)
        assert g.due - (T0 + timedelta(days=30)) > timedelta(days=20)
        review = store.query("SELECT count(*), sum(correct) FROM reviews")[0]
        assert tuple(review) == (2, 2)


def test_a_relapse_returns_in_minutes_then_graduates_again(store, library: Library) -> None:
    items = library.quiz_items()
    asked = session(store, items, T0, count=1)[0]
    answer(store, items, asked, right=True, now=T0)
    t1 = T0 + timedelta(days=5)
    g = answer(store, items, asked, right=False, now=t1)
    assert g.due == t1 + timedelta(minutes=10)
    g = answer(store, items, asked, right=True, now=t1 + timedelta(minutes=10))
    assert g.due >= t1 + timedelta(days=1)


def test_due_items_first_then_new_and_weaker_themes_first(store, library: Library) -> None:
    items = library.quiz_items()
    own = [i for i in items if i.theme == "ownership"]
    opn = [i for i in items if i.theme == "openness"]
    # Openness: one right (strong). Ownership: one wrong (weak). Both due again later.
    first = q.pick(opn[:1] + own[:1], cs.Snapshot(), 2, random.Random(0))
    for asked in first:
        answer(store, items, asked, right=asked.item.theme == "openness", now=T0)
    later = session(store, items, T0 + timedelta(days=30), count=10)
    assert [a.why for a in later] == ["due", "due", "new", "new", "new"]
    assert later[0].item.theme == "ownership"  # weaker theme first among the due
    assert later[2].item.theme == "ownership"  # and among the new
    assert [a.item.theme for a in later[3:]] == ["openness", "openness"]


def test_new_items_take_turns_between_equal_themes(library: Library) -> None:
    picked = q.pick(library.quiz_items(), cs.Snapshot(), 4, random.Random(3))
    assert {a.item.theme for a in picked[:2]} == {"openness", "ownership"}
    assert all(a.why == "new" for a in picked)


def test_count_and_practice_all(store, library: Library) -> None:
    items = library.quiz_items()
    assert len(session(store, items, T0, count=3)) == 3
    for asked in session(store, items, T0, count=10):
        answer(store, items, asked, right=True, now=T0)
    assert session(store, items, T0 + timedelta(hours=1)) == []
    practice = q.pick(items, cs.snapshot(store, q.cutoff(T0)), 4, random.Random(0), True)
    assert len(practice) == 4 and all(a.why == "practice" for a in practice)


def test_an_unreadable_stored_card_starts_over(store, library: Library) -> None:
    items = library.quiz_items()
    asked = session(store, items, T0, count=1)[0]
    answer(store, items, asked, right=True, now=T0)
    with store.write() as db:
        db.execute("UPDATE cards SET state = 'not json'")
    g = answer(store, items, asked, right=False, now=T0 + timedelta(days=3))
    assert g.due == T0 + timedelta(days=3, minutes=10)


def test_summary_counts_and_groups(store, library: Library) -> None:
    items = library.quiz_items()
    graded = [answer(store, items, a, right=n % 2 == 0, now=T0)
              for n, a in enumerate(session(store, items, T0, count=4))]
    data = q.summarize(graded, library, T0)
    assert data["answered"] == 4 and data["correct"] == 2
    assert sum(t["answered"] for t in data["themes"]) == 4
    assert {t["title"] for t in data["themes"]} <= {"Openness", "Ownership"}
    assert data["due_again"][0] == {"when": "in 10 minutes", "items": 2}


def test_until_phrases() -> None:
    assert q.until(T0, T0) == "now"
    assert q.until(T0 + timedelta(minutes=10), T0) == "in 10 minutes"
    assert q.until(T0 + timedelta(hours=3), T0) == "in 3 hours"
    assert q.until(T0 + timedelta(hours=23), T0) == "in 1 day"
    assert q.until(T0 + timedelta(days=8), T0) == "in 8 days"


def test_theme_lookup_and_scope(library: Library) -> None:
    assert q.find_theme(library, "openness").title == "Openness"
    assert q.find_theme(library, "mini:openness").pack == "mini"
    with pytest.raises(Exception, match="Valid theme ids: openness, ownership"):
        q.find_theme(library, "nope")
    assert len(q.select_items(library, None, "mini")) == 5
    assert len(q.select_items(library, "ownership", None)) == 2
    with pytest.raises(Exception, match="No content pack 'zzz'"):
        q.select_items(library, None, "zzz")


# --- scale -------------------------------------------------------------------------------


def test_picking_stays_instant_with_5000_reviews(store, library: Library) -> None:
    inserted = cs.generate_history(store, 5000, item_count=400, now=T0)
    assert inserted == 5000
    assert store.query("SELECT count(*) FROM reviews")[0][0] == 5000
    bench_items = [item(f"Q{n}", id_=f"item-{n}", pack="bench", theme=f"bench-theme-{n % 8}")
                   for n in range(450)]
    started = time.perf_counter()
    picked = session(store, bench_items, T0, count=10)
    elapsed = time.perf_counter() - started
    assert len(picked) == 10 and picked[0].why == "due"
    assert elapsed < 0.25, f"picking took {elapsed:.3f}s"
    plan = store.query("EXPLAIN QUERY PLAN SELECT item_id, due FROM cards WHERE due <= ? "
                       "ORDER BY due", ("x",))
    assert any("cards_by_due" in str(tuple(row)) for row in plan)
