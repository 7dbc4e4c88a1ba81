"""A motivation answer that is no answer (keyboard runs, placeholder text, "I don't know",
something off the subject) is told so plainly and scores low; a weak or terse real answer
keeps its talking-point findings (`coach.nonanswer`)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from netprep.coach.answers import analyze
from netprep.coach.nonanswer import is_junk, non_answer

WHY = "Why do you want to work here?"
DEV = Path(__file__).parent / "data" / "coach" / "items.yaml"


@pytest.mark.parametrize("text, said", [
    ("asdf qwer zxcv lorem blah blah", "\u201casdf\u201d, \u201cqwer\u201d"),
    ("jfkdlsa fjdksla", "are not words"),
    ("aaaaaaa", "is not a word"),
    ("I don't know.", "only that you do not know"),
    ("idk", "only that you do not know"),
    ("pass", "only that you do not know"),
    ("Um, okay.", "says only"),
    ("...", "no words"),
    ("I like pizza and the weather is nice today.", "about the question or the role"),
])
def test_a_non_answer_is_told_so_and_scores_low(text: str, said: str) -> None:
    a = analyze(text, kind="motivation", question=WHY)
    assert a.codes == ["not-an-answer"], a.codes
    assert a.findings[0].message.startswith("This does not answer the question: ")
    assert said in a.findings[0].message, a.findings[0].message
    assert a.score <= 10 and not a.ready
    assert a.extra["not_an_answer"]


@pytest.mark.parametrize("text", [
    "It is a great company with a good reputation.",  # weak, but an answer
    "Debugging.", "Alone mostly, with check-ins.", "Honest, direct, quick to respond.",
    "Python, SQL, Docker", "Because it pays well.", "My mom told me to.",
    "Setup, then a starter bug, then shadow reviews.",
])
def test_a_weak_or_terse_answer_is_still_an_answer(text: str) -> None:
    a = analyze(text, kind="motivation", question=WHY)
    assert "not-an-answer" not in a.codes, a.codes
    assert a.score == 60


def test_no_labelled_dev_motivation_answer_is_called_a_non_answer() -> None:
    items = yaml.safe_load(DEV.read_text())["items"]
    motivation = [i for i in items if i.get("kind") == "motivation"]
    assert len(motivation) >= 16
    for item in motivation:
        a = analyze(item["answer"], kind="motivation", question=item.get("question", ""))
        assert "not-an-answer" not in a.codes, item["id"]


def test_junk_words() -> None:
    assert all(is_junk(w) for w in ("asdf", "qwer", "zxcv", "lorem", "blah", "hjkl", "zzzz"))
    assert not any(is_junk(w) for w in ("SQL", "HTML", "strengths", "rhythm", "team", "as"))
    assert non_answer("I built a tracker for the buses in my city.", WHY) is None


@pytest.mark.parametrize("kind", ["behavioral", "culture"])
@pytest.mark.parametrize("text", ["asdf qwer zxcv lorem blah blah", "I don't know", "um yeah"])
def test_a_story_question_gets_the_same_plain_word(kind: str, text: str) -> None:
    """Gibberish typed to a "tell me about a time" question was read as a situation and a
    result (STAR S _ _ R) with three STAR findings; it is no answer, and no part is found."""
    a = analyze(text, kind=kind)
    assert a.codes == ["not-an-answer"] and a.score == 0 and not a.ready
    assert not any(a.parts.values()), a.parts
    assert "real example" in a.findings[0].suggestion


def test_a_thin_story_keeps_its_star_findings() -> None:
    a = analyze("I fixed the build and it went fine.", kind="behavioral")
    assert "not-an-answer" not in a.codes and "missing-situation" in a.codes
    off = analyze("I like pizza and the weather is nice today.", kind="behavioral")
    assert "not-an-answer" not in off.codes  # off the subject is for motivation answers only
