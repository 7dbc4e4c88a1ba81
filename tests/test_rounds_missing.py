"""The rounds still missing (issue 23, section 5): hiring-manager screens, what each round
scores, product sense on every track, the phased design round, after the interview and the
interviewer questions that show memo homework. Counts are the issue's bars."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from netprep.content import collect, load_library
from netprep.paths import builtin_content_dir

from .conftest import DATA


@pytest.fixture(scope="module")
def library():
    return load_library([(builtin_content_dir(), "builtin")])


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    target = tmp_path / "pack"
    shutil.copytree(DATA / "packs" / "good", target)
    return target


def problems(pack: Path) -> str:
    return "\n".join(collect([(pack, "user")])[1])


# --- hiring-manager screens ---------------------------------------------------------------

def test_fifteen_hiring_manager_questions_want_short_reasons_not_stories(library) -> None:
    screen = [q for q in library.questions if q.screen == "hiring-manager"]
    assert len(screen) >= 15
    for q in screen:
        assert q.round == "behavioral" and q.kind == "motivation", q.id
        assert q.talking_points and q.seconds <= 60, q.id


def test_a_screen_tag_outside_a_behavioral_file_is_refused(pack: Path) -> None:
    (pack / "questions" / "role.yaml").write_text(
        "round: role\nscreen: hiring-manager\nquestions:\n  - id: r1\n"
        "    text: Which team would you join?\n    competencies: [teamwork]\n"
        "    screen: recruiter\n")
    (pack / "questions" / "screen.yaml").write_text(
        "round: behavioral\nquestions:\n  - id: s1\n    text: Why this team?\n"
        "    competencies: [teamwork]\n    screen: manager\n")
    found = problems(pack)
    assert "role.yaml:2: screen: screen questions are asked in a behavioral round file" in found
    assert "role.yaml:7: questions[0].screen: screen questions are asked in a behavioral" in found
    assert ("screen.yaml:6: questions[0].screen: expected one of recruiter, hiring-manager, "
            'got "manager"') in found


def test_mock_round_screen_asks_only_screen_questions_with_their_talking_points(cli) -> None:
    result = cli("mock", "--round", "screen", "-n", "3", "--seed", "4",
                 input="I would pick the pipelines work, as in my ETL project.\n\n\n")
    assert result.code == 0, result.err
    assert "recruiter and hiring-manager screen" in result.err
    assert "Answer with your own reasons: no story for this one." in result.err
    assert "<" in result.err  # the question's own fill-in talking points are shown
    session = json.loads(cli("history", "show", "1", "--json").out)
    assert session["round"] == "screen" and session["answered"] == 3
    library = load_library([(builtin_content_dir(), "builtin")])
    screen = {q.key for q in library.questions if q.screen}
    assert set(session["settings"]["planned"]) <= screen


# --- what each round scores -----------------------------------------------------------------

def test_the_coding_design_and_behavioral_rubrics_are_content(library) -> None:
    assert set(library.rubrics) == {"coding", "design", "behavioral"}
    coding = library.rubrics["coding"]
    assert [a.id for a in coding.areas] == ["communication", "problem-solving", "code",
                                            "verification"]
    assert coding.habits[0].startswith("Dry-run and test your code")
    assert "dry-run" in next(a for a in coding.areas if a.id == "verification").strong
    assert [a.id for a in library.rubrics["design"].areas][:2] == ["requirements",
                                                                   "estimation"]


def test_a_rubric_file_is_validated(pack: Path) -> None:
    (pack / "rubrics.yaml").write_text(
        "rubrics:\n"
        "  - round: coding\n    title: T\n    summary: S\n    habits: [h]\n    areas:\n"
        "      - {id: a, name: A, strong: s, weak: w}\n"
        "      - {id: a, name: B, strong: s, weak: w}\n"
        "      - {id: c, name: C, strong: s, weak: w}\n"
        "  - round: coding\n    title: T\n    summary: S\n    habits: [h]\n    areas:\n"
        "      - {id: a, name: A, strong: s, weak: w}\n"
        "      - {id: b, name: B, strong: s, weak: w}\n"
        "      - {id: c, name: C, strong: s}\n"
        "  - round: lunch\n    title: T\n    summary: S\n    habits: []\n    areas: []\n")
    found = problems(pack)
    assert "rubrics.yaml:7: rubrics[0].areas: the area id 'a' appears twice" in found
    assert "rubrics.yaml:17: rubrics[1].areas[2].weak: required, but missing" in found
    assert ("rubrics.yaml:18: rubrics[2].round: expected one of coding, design, behavioral, "
            'got "lunch"') in found
    assert "rubrics[2].areas: expected 3 to 6 items, got 0" in found


def test_the_briefing_says_what_the_round_scores(cli) -> None:
    result = cli("mock", "--round", "behavioral", "-n", "1", "--seed", "2", input="\n")
    assert result.code == 0, result.err
    assert "Scored on" in result.err and "Your own part" in result.err
    assert "Pick the story before you start talking" in result.err
    technical = cli("mock", "--round", "technical", "-n", "1", "--seed", "2", input="\n")
    assert "Scored on" not in technical.err  # concept questions: no coding rubric


def test_tips_rubrics_lists_every_area_and_the_habits(cli) -> None:
    shown = cli("tips", "rubrics")
    assert shown.code == 0, shown.err
    for words in ("What the coding round scores", "What the design round scores",
                  "What the behavioral round scores", "Verification", "Dry-run and test "
                  "your code"):
        assert words in " ".join(shown.out.split())
    data = json.loads(cli("tips", "rubrics", "--json").out)["rubrics"]
    assert [r["round"] for r in data] == ["coding", "design", "behavioral"]
    assert {"id", "name", "strong", "weak"} == set(data[0]["areas"][0])


# --- product sense on every track -------------------------------------------------------------

def test_every_track_has_a_what_would_you_improve_question_with_key_points(library) -> None:
    assert len(library.tracks) == 9  # data-science: "show whether it worked"
    for track in library.tracks:
        asked = [q for q in library.questions if q.topic == "product-sense"
                 and track in q.tracks and "improve" in q.text
                 and ("know" in q.text or "show" in q.text)
                 and any(w in q.text for w in ("worked", "helped", "better"))]
        assert asked, track
        assert all(len(q.key_points) >= 3 and q.follow_ups for q in asked), track


# --- the full design round and estimation practice ------------------------------------------

def test_eight_design_rounds_of_45_minutes_in_five_phases(library) -> None:
    from netprep.content.models import DESIGN_PHASES

    assert len(library.designs) >= 8
    for design in library.designs:
        assert tuple(p.phase for p in design.phases) == DESIGN_PHASES, design.id
        assert sum(p.minutes for p in design.phases) == 45, design.id
        deep = next(p for p in design.phases if p.phase == "deep-dive")
        assert deep.follow_ups, design.id
        assert design.estimates and all(e["low"] <= e["answer"] <= e["high"]
                                        for e in design.estimates), design.id
    assert {t for d in library.designs for t in d.tracks} >= {"backend", "frontend",
                                                              "security"}


def test_a_design_file_is_validated(pack: Path) -> None:
    (pack / "design").mkdir()
    phase = ("  - phase: {0}\n    minutes: {1}\n    ask: Go on.\n"
             "    key_points:\n      - a\n      - b\n      - c\n")
    phases = "".join(phase.format(p, m) for p, m in (
        ("requirements", 5), ("high-level", 5), ("estimates", 15), ("deep-dive", 12),
        ("trade-offs", 5)))
    (pack / "design" / "bad.yaml").write_text(
        "id: dr-bad\ntitle: Bad\nprompt: Design it.\ntracks:\n  - bakend\nlevel: easy\n"
        f"phases:\n{phases}estimates:\n  - id: e\n    question: How many?\n    answer: 50\n"
        "    low: 100\n    high: 200\n    unit: things\n    method: Count them.\n")
    found = problems(pack)
    assert "bad.yaml:5: tracks: unknown track 'bakend'" in found
    assert ("phases: the phases run in this order, each once: requirements, estimates, "
            "high-level, deep-dive, trade-offs") in found
    assert "phases: the phases' minutes add up to 42; a design round takes 45" in found
    assert "phases[3].follow_ups: required for the deep-dive phase" in found
    assert "estimates[0].answer: 50 is outside its own range 100-200" in found


def test_mock_round_design_times_each_phase_and_asks_the_deep_dive_follow_up(cli) -> None:
    lines = ["How many people per party, and how close must sync be?",
             "2 million watching, 1% in parties, a heartbeat every 5 s: 4,000 a second.",
             "A party service holds state; clients keep a WebSocket to a gateway.",
             "Party state is the source of truth; a joiner seeks to the position.",
             "The sequence number orders them, so the last one wins for everyone.",
             "One owner per party is simple but a single point of failure."]
    result = cli("mock", "--round", "design", "--design", "dr-watch-party",
                 input="\n".join(lines) + "\n")
    assert result.code == 0, result.err
    screen = " ".join(result.err.split())
    assert "system design, 45 minutes in five phases" in screen
    assert "Scored on Requirements and scope · Estimates" in screen
    assert "Watch together: 45 minutes in five timed phases" in screen
    for phase in ("Requirements and clarifications (5 min)", "Back-of-envelope estimates "
                  "(5 min)", "High-level design (15 min)", "Deep dive (12 min)",
                  "Trade-offs (8 min)"):
        assert phase in screen
    session = json.loads(cli("history", "show", "1", "--json").out)
    assert session["round"] == "design" and session["target_seconds"] == 45 * 60
    targets = [q["target_seconds"] for q in session["questions"]]
    assert targets == [300, 300, 900, 720, 480]  # the countdown of each phase
    deep = session["questions"][3]
    assert deep["follow_up"] and deep["follow_up_answer"] == lines[4]
    assert all(q["follow_up"] is None for i, q in enumerate(session["questions"]) if i != 3)


def test_design_flags_are_checked(cli) -> None:
    unknown = cli("mock", "--round", "design", "--design", "dr-watch-partyy", input="\n")
    assert unknown.code == 2 and "dr-watch-party" in unknown.err  # did you mean
    stray = cli("mock", "--round", "behavioral", "--design", "dr-watch-party", input="\n")
    assert stray.code == 2 and "--round design" in stray.err


def test_estimation_practice_reads_the_final_number_against_its_range(cli) -> None:
    from netprep.mock.design import check_estimate, final_number

    assert final_number("2 million, 1% of it is 20,000, so about 4k a second") == 4000
    assert final_number("roughly 1.5 million a day") == 1_500_000
    assert final_number("no idea") is None
    # said in words (QA, issue 30: "I guess around a thousand." got "No final number")
    assert final_number("I guess around a thousand.") == 1000
    assert final_number("twelve hundred, maybe ten thousand five hundred at peak") == 10_500
    assert final_number("half a million a day") == 500_000
    assert final_number("between eight and twelve thousand") == 12_000
    assert final_number("the one that expires first") is None
    est = {"low": 2000, "high": 10000, "unit": "messages a second", "method": "m"}
    assert check_estimate("so about 4,000 a second", est)["in_range"]
    assert not check_estimate("maybe 50", est)["in_range"]
    from netprep.mock.design import estimate_finding

    off = estimate_finding(check_estimate("I guess around a thousand.", est))
    assert off is not None and off[0] == "estimate-out-of-range" and "1,000" in off[1]
    result = cli("mock", "--round", "estimate", "-n", "1", "--design", "x", input="\n")
    assert result.code == 2  # --design belongs to the design round
    result = cli("mock", "--round", "estimate", "-n", "2", "--seed", "1",
                 input="I think 3 a second.\nNo idea at all.\n")
    assert result.code == 0, result.err
    screen = " ".join(result.err.split())
    assert "estimation practice" in screen
    assert "is outside the sound range" in screen and "Worked:" in screen
    assert "No final number" in screen
    # the key points' advice says what to do, never a topic's id
    assert "Redo the estimate step by step, then say" in screen
    assert "Review system-design" not in screen


# --- after the interview, and questions that show memo homework -----------------------------

def test_after_the_interview_tips_each_come_with_a_practice_prompt(cli) -> None:
    shown = cli("tips", "after")
    assert shown.code == 0, shown.err
    screen = " ".join(shown.out.split())
    assert "thank-you note" in screen and "return offer" in screen and "Practise:" in screen
    data = json.loads(cli("tips", "after", "--json").out)["sections"][0]
    titles = " ".join(i["title"] for i in data["items"]).lower()
    assert "thank-you" in titles and "follow up" in titles and "return offer" in titles
    assert all(i["practice"] for i in data["items"])


def test_a_tip_s_practice_prompt_is_validated(pack: Path) -> None:
    (pack / "tips.yaml").write_text("sections:\n  - id: after\n    title: After\n    items:\n"
                                    "      - title: Thank them\n        text: Write a note.\n"
                                    "        practice: 3\n")
    assert "items[0].practice: expected text, got the number 3" in problems(pack)


def test_eight_interviewer_questions_show_memo_homework(cli, library) -> None:
    memo = [q for q in library.asking if q.theme == "memo"]
    assert len(memo) >= 8
    joined = " ".join(q.text for q in memo).lower()
    assert "dissent" in joined and "informed captain" in joined
    listed = json.loads(cli("tips", "questions", "--theme", "memo", "--json").out)
    assert {q["id"] for q in listed["questions"]} == {q.id for q in memo}
