"""The quiz knows the interview date (issue 20, item 7): cram mode caps FSRS intervals."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from netprep.culture import quiz as q

DATA = Path(__file__).parent / "data" / "culture"
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


def test_cram_due_caps_at_half_the_time_left() -> None:
    interview = NOW + timedelta(days=10)
    assert q.cram_due(NOW + timedelta(days=9), NOW, interview) == NOW + timedelta(days=5)
    assert q.cram_due(NOW + timedelta(days=2), NOW, interview) == NOW + timedelta(days=2)
    assert q.cram_due(NOW + timedelta(days=9), NOW, None) == NOW + timedelta(days=9)
    past = NOW - timedelta(days=1)
    assert q.cram_due(NOW + timedelta(days=9), NOW, past) == NOW + timedelta(days=9)
    soon = NOW + timedelta(minutes=4)
    assert q.cram_due(NOW + timedelta(days=3), NOW, soon) == NOW + q.LEARNING_STEP


def test_every_item_is_seen_twice_before_the_interview() -> None:
    """Answering right every time it comes due: at least two reviews before the date."""
    from netprep.content import load_library

    library = load_library([(DATA / "mini", "user")])
    item = library.themes[0].quiz[0]
    asked = q.Asked(item, tuple(range(len(item.choices))), "new")
    interview = NOW + timedelta(days=10)
    scheduler = q.make_scheduler(fuzz=False)
    state, when, seen = None, NOW, 0
    while when < interview and seen < 4:
        graded = q.grade(asked, asked.answer, 1.0, state, when, scheduler, interview)
        seen += 1
        if seen == 1:  # an easy first answer would otherwise wait past the date
            assert graded.due <= NOW + timedelta(days=5)
        state, when = graded.state, graded.due
    assert seen >= 2


@pytest.fixture
def culture_pack(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("netprep.paths.builtin_content_dir", lambda: DATA / "base")
    monkeypatch.setenv("NETPREP_CONTENT", str(DATA / "mini"))


def test_quiz_says_cram_mode_and_brings_items_back_before_the_date(cli, culture_pack) -> None:
    import json

    day = (datetime.now().date() + timedelta(days=10)).isoformat()
    assert cli("plan", "--interview", day).code == 0
    result = cli("culture", "quiz", "--count", "1", "--seed", "1", input="1\n")
    assert result.code == 0, result.err
    assert "Cram mode: 10 days to your interview" in result.err
    themes = json.loads(cli("culture", "themes", "--json").out)["themes"]
    upcoming = [t["next_due"] for t in themes if t["next_due"]] + [
        "due-now" for t in themes if t["due_now"]]
    assert upcoming
    for due in upcoming:
        if due != "due-now":
            assert datetime.fromisoformat(due).date().isoformat() < day


def test_items_due_after_the_interview_are_pulled_forward(cli, culture_pack) -> None:
    from netprep.store import culture as cs
    from netprep.store import open_store

    first = cli("culture", "quiz", "--all", "--count", "1", "--seed", "1", input="1\n")
    assert first.code == 0, first.err
    with open_store() as store:
        store_due = store.query("SELECT due FROM cards")[0][0]
        later = datetime.fromisoformat(store_due)
        with store.write() as db:  # as if FSRS had sent it 30 days out before a date was set
            db.execute("UPDATE cards SET due = ?", ((later + timedelta(days=30)).isoformat(),))
        interview = datetime.now(timezone.utc) + timedelta(days=5)
        assert not cs.snapshot(store, q.cutoff(datetime.now(timezone.utc))).due
        assert cs.snapshot(store, q.cutoff(datetime.now(timezone.utc)), interview).due


def _graded(correct: bool, elapsed: float | None, interview: datetime | None) -> q.Graded:
    from netprep.content import load_library

    item = load_library([(DATA / "mini", "user")]).themes[0].quiz[0]
    asked = q.Asked(item, tuple(range(len(item.choices))), "new")
    chosen = asked.answer if correct else (asked.answer + 1) % len(item.choices)
    return q.grade(asked, chosen, elapsed, None, NOW, q.make_scheduler(fuzz=False), interview)


@pytest.mark.parametrize("elapsed", [1.0, 5.0, 600.0, None])  # Easy, Good, Hard, a pipe
@pytest.mark.parametrize("hours_to_interview", [None, 0.7, 1.5, 14, 240])
def test_an_item_answered_right_is_not_asked_again_in_the_next_quiz(
        elapsed, hours_to_interview) -> None:
    """Issue 29, item 16: a slow right answer (Hard: fsrs's 15-minute learning step), or
    cram mode's cap late on the eve of the interview, made the item due within the next
    quiz's learn-ahead, so it came back three minutes later."""
    interview = None if hours_to_interview is None else NOW + timedelta(
        hours=hours_to_interview)
    graded = _graded(True, elapsed, interview)
    soon = NOW + timedelta(minutes=3)
    assert graded.due > q.cutoff(soon)  # not among the next quiz's due items
    if interview is not None:
        assert graded.due < interview  # still seen again before the interview


def test_a_missed_item_still_opens_the_next_quiz() -> None:
    graded = _graded(False, 4.0, NOW + timedelta(days=3))
    assert graded.due <= q.cutoff(NOW + timedelta(minutes=3))
