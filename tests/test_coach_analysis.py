"""The STAR analyzer: every finding, the score, answers split by cue phrases, the bank report."""

from __future__ import annotations

import subprocess
import sys

import pytest

from netprep.coach.analysis import (
    PARTS,
    TARGET_SECONDS,
    WORDS_PER_MINUTE,
    analyze_answer,
    analyze_story,
    count_fillers,
    count_words,
    has_metric,
    split_answer,
)
from netprep.star.bank import QuestionRef, bank_report
from netprep.star.model import Story

SITUATION = ("During my internship at a small logistics startup, the nightly import job "
             "failed about twice a week and the support team lost a morning each time.")
TASK = "I was responsible for making the import reliable before the busy holiday season began."
ACTION_STEP = ("I read the logs of the last twenty failures, I grouped them by cause, and I "
               "wrote a retry with backoff for the flaky supplier feed. ")
RESULT = ("Failures dropped from eight a month to one, and support got back about 6 hours "
          "every week.")
LEARNED = "I learned to group failures by cause before writing any fix."


def good(**changes: str) -> Story:
    """A story with nothing to fix: every part, a metric, first person, about two minutes."""
    fields = {"title": "Reliable imports", "situation": SITUATION, "task": TASK,
              "action": ACTION_STEP * 8, "result": RESULT, "learned": LEARNED}
    fields.update(changes)
    return Story(None, **fields)


def codes(story: Story) -> list[str]:
    return analyze_story(story).codes


def test_a_complete_story_has_no_findings_and_scores_100() -> None:
    analysis = analyze_story(good())
    assert analysis.findings == []
    assert analysis.score == 100
    assert analysis.has_metric
    low, high = TARGET_SECONDS
    assert low <= analysis.speaking_seconds <= high
    assert analysis.words == sum(analysis.parts.values())
    assert analysis.speaking_seconds == round(analysis.words * 60 / WORDS_PER_MINUTE)
    assert set(analysis.parts) == set(PARTS)


@pytest.mark.parametrize("part", ["situation", "task", "action", "result"])
def test_missing_part(part: str) -> None:
    analysis = analyze_story(good(**{part: ""}))
    finding = next(f for f in analysis.findings if f.code == f"missing-{part}")
    assert finding.part == part
    assert finding.suggestion
    assert analysis.score < 100


@pytest.mark.parametrize("part", ["situation", "task", "result"])
def test_trivially_short_part(part: str) -> None:
    short = {"situation": "At a startup.", "task": "I owned it.", "action": "I fixed it.",
             "result": "It worked."}[part]
    found = codes(good(**{part: short}))
    assert f"short-{part}" in found
    assert f"missing-{part}" not in found


@pytest.mark.parametrize("result", [
    "It went well and everyone was happy with how it turned out in the end.",
    "The team liked it a lot and kept using the new version after I left.",
])
def test_a_result_without_a_number_is_flagged(result: str) -> None:
    analysis = analyze_story(good(result=result))
    assert "no-metric" in analysis.codes
    assert not analysis.has_metric
    finding = next(f for f in analysis.findings if f.code == "no-metric")
    assert "percentage" in finding.suggestion


@pytest.mark.parametrize("text", [
    "Latency fell by 40%.", "We saved $2,000.", "It took two weeks less.", "Now 3 teams use it.",
    "It halved the time.", "It ships a week earlier.", "Costs fell by half.", "it cut 12 minutes",
])
def test_metrics_in_many_shapes(text: str) -> None:
    assert has_metric(text)


@pytest.mark.parametrize("text", ["No one complained.", "It went well.", "People liked it."])
def test_no_metric(text: str) -> None:
    assert not has_metric(text)


def test_we_outweighing_i_in_the_action_is_flagged() -> None:
    action = ("We met every day, we split the work between us, we wrote the code and we tested "
              "it with our users until we were happy. ") * 3
    analysis = analyze_story(good(action=action))
    assert "we-heavy" in analysis.codes
    assert analysis.we_count > analysis.i_count
    # "we" in the situation does not count: only the action is held to "I".
    assert "we-heavy" not in codes(good(situation="We were a team of five and we shared a "
                                                  "single test server in our lab."))


def test_setup_heavy_when_situation_and_task_take_most_of_the_story() -> None:
    long_setup = SITUATION + " " + SITUATION + " " + SITUATION
    analysis = analyze_story(good(situation=long_setup, action=ACTION_STEP))
    assert "setup-heavy" in analysis.codes
    finding = next(f for f in analysis.findings if f.code == "setup-heavy")
    assert "%" in finding.message
    assert "setup-heavy" not in codes(good())


def test_too_long_and_too_short() -> None:
    assert "too-long" in codes(good(action=ACTION_STEP * 20))
    assert "too-short" in codes(good(action=ACTION_STEP))
    assert not {"too-long", "too-short"} & set(codes(good()))


def test_fillers_and_hedges_are_counted_and_flagged() -> None:
    action = ACTION_STEP * 7 + "I just basically kind of fixed it, and I think maybe it worked."
    analysis = analyze_story(good(action=action))
    assert "fillers" in analysis.codes
    assert analysis.fillers == {"just": 1, "basically": 1, "kind of": 1, "i think": 1, "maybe": 1}
    # A single filler is not worth a finding.
    assert "fillers" not in codes(good(learned="I learned to just measure first."))


def test_count_fillers_ignores_word_parts() -> None:
    assert count_fillers("justice, sorting, Maybelline, unjust") == {}
    assert count_fillers("Sort  of\nkind of") == {"sort of": 1, "kind of": 1}


def test_no_learning() -> None:
    analysis = analyze_story(good(learned=""))
    assert analysis.codes == ["no-learning"]
    assert analysis.findings[0].part == "learned"


def test_score_falls_with_each_problem_and_stays_in_range() -> None:
    empty = analyze_story(Story(None, "", "", "", "", ""))
    assert empty.score == 0
    assert empty.words == 0
    one = analyze_story(good(learned="")).score
    two = analyze_story(good(learned="", result="It went well for all of the people there.")).score
    assert 100 > one > two >= 0


def test_count_words_handles_unicode_numbers_and_contractions() -> None:
    assert count_words("I didn't cut 1,200 ms — it’s 3.5× faster, café") == 9
    assert count_words("") == 0


def test_every_finding_has_a_message_and_a_suggestion() -> None:
    bad = Story(None, "t", "We were.", "", "We just maybe did it we think we us.", "Good.")
    for finding in analyze_story(bad).findings:
        assert finding.message.strip() and finding.suggestion.strip()


# --- answers ---------------------------------------------------------------------------

ANSWER = (
    "During my internship last summer, our nightly build took forty minutes. "
    "My task was to get it under fifteen. "
    "So I profiled each stage and found the tests ran one by one. "
    "I split them into four shards and I cached the dependencies. "
    "As a result the build went from 40 to 12 minutes. "
    "I learned to measure before changing anything."
)


def test_answer_parts_follow_cue_phrases() -> None:
    parts = split_answer(ANSWER)
    assert parts["situation"].startswith("During my internship")
    assert parts["task"] == "My task was to get it under fifteen."
    assert "profiled" in parts["action"] and "shards" in parts["action"]
    assert parts["result"].startswith("As a result")
    assert parts["learned"].startswith("I learned")


def test_a_one_sentence_answer_is_split_at_its_clauses() -> None:
    text = ("In my internship I owned the flaky deploy; I traced a race and I added a lock, "
            "so failures fell from 7 a week to 0.")
    parts = split_answer(text)
    assert "I owned the flaky deploy" in parts["situation"] + parts["task"]
    assert parts["action"] == "I traced a race and I added a lock"
    assert parts["result"] == "so failures fell from 7 a week to 0."
    codes = analyze_answer(text).codes
    assert "missing-action" not in codes and "missing-result" not in codes
    dashed = split_answer("At my job the page was slow. I cached the query - it fell by 80%.")
    assert dashed["result"] == "it fell by 80%." and dashed["action"] == "I cached the query"


def test_analyze_answer_uses_the_same_vocabulary() -> None:
    analysis = analyze_answer(ANSWER)
    assert analysis.has_metric
    assert {"missing-situation", "missing-task", "missing-action", "missing-result",
            "no-learning", "no-metric", "too-short"}.isdisjoint(analysis.codes)
    assert 0 <= analysis.score <= 100 and analysis.ready


def test_answer_without_structure_reports_missing_parts_and_we() -> None:
    analysis = analyze_answer("We worked on it together. We did a lot of things as a team and "
                              "we were happy with it.")
    assert "missing-result" in analysis.codes
    assert "we-heavy" in analysis.codes  # every step is "we": whose work was it?
    assert analysis.we_count == 3 and analysis.i_count == 0
    assert "no-learning" in analysis.codes
    assert not analysis.ready and analysis.score < 70


def test_answer_we_heavy_counts_the_whole_answer() -> None:
    text = ("At my internship the app was slow. So we profiled it, then we rewrote the cache "
            "and we tested it. As a result latency fell by 30%.")
    assert "we-heavy" in analyze_answer(text).codes


def test_a_typed_answer_is_an_outline_not_a_speech() -> None:
    outline = ("At my internship the deploy failed weekly. I was asked to fix it. I traced a "
               "race, added a lock and wrote a test. Failures fell from 7 a week to 0.")
    analysis = analyze_answer(outline)
    assert not {"too-short", "too-long"} & set(analysis.codes)  # 30 words typed is fine
    # One speaking-time estimate from the words, typed or spoken.
    assert analysis.extra["estimated_seconds"] == analysis.speaking_seconds
    assert "too-short" in analyze_answer(outline, typed=False).codes  # spoken, it is short
    assert "too-short" in analyze_answer("I fixed it.").codes  # too skeletal to follow
    assert "too-long" not in analyze_answer("So I fixed it. " * 130).codes  # never typed
    assert "too-long" in analyze_answer("So I fixed it. " * 130, typed=False).codes


def test_empty_answer() -> None:
    analysis = analyze_answer("")
    assert analysis.words == 0 and analysis.score == 0
    assert "missing-action" in analysis.codes


# --- the bank --------------------------------------------------------------------------


def test_bank_report_coverage_weak_questions_and_only_answers() -> None:
    stories = [
        Story(1, "A", "s", "t", "a", "r", tags=("teamwork", "grit")),
        Story(2, "B", "s", "t", "a", "r", tags=("teamwork", "old-tag")),
    ]
    questions = [
        QuestionRef("p:q1", "Team?", "behavioral", ("teamwork",)),
        QuestionRef("p:q2", "Grit?", "behavioral", ("grit",)),
        QuestionRef("p:q3", "Lead?", "role", ("leadership",)),
    ]
    report = bank_report(stories, {1: 40, 2: 90}, ["teamwork", "grit", "leadership"], questions)
    assert report.count == 2 and report.target == (4, 5)
    assert report.competencies == ["teamwork", "grit", "leadership", "old-tag"]
    assert report.matrix == {1: ["teamwork", "grit"], 2: ["teamwork", "old-tag"]}
    assert report.uncovered == ["leadership"]
    # Grit is covered only by a weak story, leadership by none.
    assert [q.key for q in report.weak_questions] == ["p:q2", "p:q3"]
    assert report.only_answer == {1: ["grit"], 2: ["old-tag"]}
    assert report.ready == 1
    assert "write 2 more" in report.status


def test_bank_status_on_and_over_target() -> None:
    many = [Story(i, str(i), "s", "t", "a", "r") for i in range(1, 7)]
    assert "on target" in bank_report(many[:4], {}, [], []).status
    assert "plenty" in bank_report(many, {}, [], []).status


def test_the_analyzer_module_is_plain_logic() -> None:
    code = ("import sys, netprep.coach.analysis as s; "
            "s.analyze_answer('So I did it. It saved 3 hours.');"
            "print(sorted(m for m in ('yaml', 'rich', 'sqlite3', 'questionary', 'typer') "
            "if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stderr
