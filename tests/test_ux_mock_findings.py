"""What a mock says about missed key points, as a student reads it: the point is named
once (the finding repeated it in its suggestion) and no topic by its id ("Review
system-design and cover: ..."), qa2 finding 7."""

from __future__ import annotations

import io
import json
import sys

import pytest

from netprep.cli import run

from .conftest import terminal
from .test_mock_interactive import DATA, ENTER

REQUIREMENTS = ("I would ask about allowed file types and sizes, who may see a picture in "
                "the household and whether it is moderated, and how soon a new picture "
                "must show on other devices.")
MISSED = "What to show while it uploads or if it fails"


def _said_once(finding: dict, point: str) -> None:
    both = f"{finding['message']} {finding['suggestion']}"
    assert both.count(point) == 1, both
    assert "system-design" not in both and "cover:" not in both, both


def test_a_design_phase_names_the_missed_point_once(cli) -> None:
    phases = [REQUIREMENTS, "", "", "", ""]  # the other phases answered aloud
    result = cli("mock", "--round", "design", "--design", "dr-profile-pictures",
                 input="\n".join(phases) + "\n")
    assert result.code == 0, result.err
    said = " ".join(result.out.split())
    assert f"Missed 1 of 4 key points: {MISSED} (came up once)." in said, said
    shown = json.loads(cli("history", "show", "1", "--json").out)
    [finding] = shown["questions"][0]["findings"]
    assert finding["code"] == "key-points-missed"
    _said_once(finding, MISSED)
    page = " ".join(cli("history", "show", "1").out.split())
    assert page.count(MISSED) == 2, page  # the key points ticked, then the finding


def test_after_the_self_review_the_points_are_not_repeated(monkeypatch, capsys) -> None:
    monkeypatch.setattr("netprep.paths.builtin_content_dir", lambda: DATA / "base")
    monkeypatch.setenv("NETPREP_CONTENT", str(DATA / "main"))
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n"))  # Enter at the ready prompt
    # An empty answer; tick the first key point only, accept the checklist and the rating.
    with terminal(ENTER + " " + ENTER + ENTER + ENTER):
        code = run(["mock", "--round", "technical", "--questions", "1", "--seed", "1"])
    assert code == 0, capsys.readouterr().err
    capsys.readouterr()
    assert run(["history", "show", "1", "--json"]) == 0
    q = json.loads(capsys.readouterr().out)["questions"][0]
    [finding] = [f for f in q["findings"] if f["code"] == "key-points-missed"]
    for point in q["checklist"]["key_points_missed"]:
        _said_once(finding, point.rstrip("."))


@pytest.mark.parametrize("count", [1, 3])
def test_the_advice_fits_how_many_were_missed(count: int) -> None:
    from netprep.mock.scoring import cover_missed

    said = cover_missed(count, "Review hash tables")
    assert said.startswith("Review hash tables, then say ")
    assert ("say it in" in said) == (count == 1) and ("say each" in said) == (count > 1)


HIGH_LEVEL = ("The client asks the API for an upload link and sends the file straight to "
              "object storage. A job checks the image, strips its metadata and makes the "
              "sizes each device needs. The profile record stores a picture version and the "
              "URL includes it, so caches never serve an old one. Devices load the picture "
              "through the CDN.")


def test_a_one_paragraph_answer_to_a_15_minute_phase_is_no_full_score(cli) -> None:
    """qa2 finding 4: a 68-word answer to a 10:00 design question scored 100/100 ready."""
    phases = [REQUIREMENTS, "", HIGH_LEVEL, "", ""]
    result = cli("mock", "--round", "design", "--design", "dr-profile-pictures",
                 input="\n".join(phases) + "\n")
    assert result.code == 0, result.err
    said = " ".join(result.err.split())
    assert "About 0:23 to say for a 15:00 question: an outline, not yet the discussion." \
        in said
    questions = json.loads(cli("history", "show", "1", "--json").out)["questions"]
    high = questions[2]
    assert high["score"] == 90 and high["ready"] is True  # every key point: still ready
    assert [f["code"] for f in high["findings"]] == ["thin-for-time"]
    # The requirements phase is questions to ask: short by nature, never "thin".
    assert "thin-for-time" not in [f["code"] for f in questions[0]["findings"]]


def test_a_follow_up_asks_for_a_missed_point_as_not_covered_yet(cli, home) -> None:
    """qa2 finding 2: 'Can you say more about this: Authentication per partner and
    scanning before files are processed.?' (doubled punctuation, and "say more" about
    something the answer never mentioned)."""
    pack = home / "packs" / "mine"
    (pack / "questions").mkdir(parents=True)
    (pack / "pack.yaml").write_text("id: mine\nname: Mine\ndescription: Mine.\nversion: '1'\n")
    (pack / "questions" / "technical.yaml").write_text(
        "round: technical\nkind: system-design\nquestions:\n  - id: uploads\n"
        "    text: Design a service where studio partners upload large video files.\n"
        "    topic: system-design\n    seconds: 600\n"
        "    key_points:\n"
        "      - Resumable uploads in chunks, so a dropped connection loses little.\n"
        "      - Authentication per partner and scanning before files are processed.\n"
        "      - Object storage holds the files, with a record of each upload's state.\n")
    result = cli("mock", "--pack", "mine", "--round", "technical", "--questions", "1",
                 "--follow-ups", input="I would upload in resumable chunks so a dropped "
                 "connection loses little.\nEach partner gets its own key.\n")
    assert result.code == 0, result.err
    said = " ".join(result.err.replace("│", " ").split())  # the panel's text, unboxed
    assert ("One thing you have not covered yet: Authentication per partner and scanning "
            "before files are processed. How would you handle it?") in said, said
    assert ".?" not in said and "say more about this" not in said


@pytest.mark.parametrize("width", [80, 120])
def test_the_round_summary_is_a_list_until_the_table_fits(cli, monkeypatch,
                                                          width: int) -> None:
    """At 80 columns the summary table squeezed a design phase's question to 14
    characters, a word or two a line."""
    monkeypatch.setenv("COLUMNS", str(width))
    result = cli("mock", "--round", "design", "--design", "dr-profile-pictures",
                 input=REQUIREMENTS + "\n\n\n\n\n")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert all(len(line) <= width for line in lines)
    listed = any(line.startswith("  1. Custom profile pictures. Design a feature") for line
                 in lines)
    assert listed == (width < 100), result.out
