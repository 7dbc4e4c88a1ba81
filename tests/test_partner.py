"""`mock --partner` and `partner kit`: a friend interviews from a sheet and scores a rubric."""

from __future__ import annotations

import io
import json
import sys

import pytest

from netprep.cli import run

from .conftest import terminal
from .test_report import chromium, console_messages, needs_chromium, png_size

ENTER = "\r"
STAR_SCORES = "structure=3 specifics=2 result=4 communication=3 | say more about your part"
ANSWER = ("At my internship the nightly build failed twice a week. I traced it to a flaky "
          "test, rewrote it with a fixed clock and added a retry; failures fell to zero.")


def keys(scores: str) -> str:
    return "".join(digit + ENTER for digit in scores)


def _history(cli, session: int = 1) -> dict:
    shown = cli("history", "show", str(session), "--json")
    assert shown.code == 0, shown.err
    return json.loads(shown.out)


def test_scripted_partner_scores_are_kept_beside_each_answer(cli, home) -> None:
    lines = f"{ANSWER}\n{STAR_SCORES}\n\nstructure=2 specifics=2 result=1 communication=2\n"
    done = cli("mock", "--round", "behavioral", "-n", "2", "--seed", "3", "--partner",
               "--partner-name", "Sam", input=lines)
    assert done.code == 0, done.err
    # The screen is the interviewer's sheet: what to read, listen for, ask next, score.
    assert "Read aloud:" in done.err and "Listen for:" in done.err
    assert "Follow-ups to choose from" in done.err and "Your story:" not in done.err
    first, second = _history(cli)["questions"]
    assert first["partner"] == {"name": "Sam", "note": "say more about your part",
                                "ratings": {"structure": 3, "specifics": 2, "result": 4,
                                            "communication": 3}}
    assert second["partner"]["ratings"]["result"] == 1 and second["partner"]["note"] is None
    text = cli("history", "show", "1")
    assert "Partner (Sam): Structure 3/4" in text.out and "say more about your part" in text.out


@pytest.mark.parametrize("line, named", [
    ("structure=3 specifics=2 result=4", "communication is missing"),
    ("structure=3 specifics=2 result=7 communication=3", "result is '7'; scores go from 1 to 4"),
    ("structure=3 specifics=2 result=4 communication=3 speed=2", "'speed' is not a dimension"),
    ("great answer", "cannot read 'great' as a score"),
])
def test_a_bad_score_line_is_one_sentence_and_the_answers_are_kept(cli, home, line,
                                                                  named) -> None:
    done = cli("mock", "--round", "behavioral", "-n", "2", "--seed", "3", "--partner",
               input=f"{ANSWER}\n{line}\nsecond answer\n")
    assert done.code == 1
    assert named in done.err and "question 1" in done.err
    assert "answers so far are saved" in done.err and "Traceback" not in done.err
    assert [q["answer"] for q in _history(cli)["questions"]] == [ANSWER]


def test_technical_questions_are_scored_on_their_own_rubric(cli, home) -> None:
    done = cli("mock", "--round", "technical", "-n", "1", "--seed", "2", "--partner",
               input="a hash map of counts\napproach=3 correctness=2 complexity=1 "
                     "communication=4\n")
    assert done.code == 0, done.err
    assert "Key point:" in done.err  # the partner listens for the question's key points
    ratings = _history(cli)["questions"][0]["partner"]["ratings"]
    assert ratings == {"approach": 3, "correctness": 2, "complexity": 1, "communication": 4}
    wrong = cli("mock", "--round", "technical", "-n", "1", "--seed", "2", "--partner",
                input="x\n" + STAR_SCORES + "\n")
    assert wrong.code == 1 and "'structure' is not a dimension" in wrong.err


def test_partner_name_without_partner_is_a_usage_error(cli, home) -> None:
    done = cli("mock", "--partner-name", "Sam", input="")
    assert done.code == 2 and "--partner" in done.err


def test_at_a_terminal_the_partner_scores_first_then_the_candidate(monkeypatch, capsys,
                                                                   home) -> None:
    # stdin (line mode): the partner's name, Enter at "Ready?", then the partner's note.
    monkeypatch.setattr(sys, "stdin", io.StringIO("Ana\n\nclear, but no number\n"))
    partner = keys("3243")  # a number key picks a score (1-4) per dimension, Enter takes it
    candidate = keys("4444")
    with terminal(ANSWER + ENTER + partner + candidate):
        code = run(["mock", "--round", "behavioral", "-n", "1", "--seed", "3", "--partner"])
    err = capsys.readouterr().err
    assert code == 0, err
    # The partner's keys went to the partner's rubric, the candidate's to their own.
    assert "before you see your partner's scores" in err
    assert err.index("Interviewer: Ana") < err.index("before you see your partner's")
    assert run(["history", "show", "1", "--json"]) == 0
    q = json.loads(capsys.readouterr().out)["questions"][0]
    assert q["partner"]["name"] == "Ana" and q["partner"]["note"] == "clear, but no number"
    assert q["partner"]["ratings"] == {"structure": 3, "specifics": 2, "result": 4,
                                       "communication": 3}
    assert q["partner"]["self_ratings"] == {"structure": 4, "specifics": 4, "result": 4,
                                            "communication": 4}
    assert q["rating"] == 5  # the candidate's own rubric, on the 1-5 scale


def test_stats_compare_partner_and_self_and_name_the_largest_gap(monkeypatch, capsys,
                                                                 home) -> None:
    for n, (partner, own) in enumerate((("3243", "4443"), ("2233", "3343"))):
        monkeypatch.setattr(sys, "stdin", io.StringIO("Ana\n\n\n"))
        with terminal(ANSWER + ENTER + keys(partner) + keys(own)):
            assert run(["mock", "--round", "behavioral", "-n", "1", "--seed", str(n),
                        "--partner"]) == 0
    capsys.readouterr()
    assert run(["stats", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    p = data["partner"]
    assert p["answers"] == 2 and p["partners"] == ["Ana"]
    assert p["by_dimension"]["specifics"] == {"name": "Specifics and own role", "partner": 2.0,
                                              "self": 3.5, "gap": 1.5, "answers": 2}
    assert p["largest_gap"] == {"dimension": "specifics", "gap": 1.5}
    assert p["message"] == ("You rate your specifics and own role 1.5 points higher than "
                            "your partner does.")
    assert [x["value"] for x in data["trends"]["partner_rating"]] == [2.75]  # one day: mean
    assert run(["stats"]) == 0
    assert "higher than your partner does" in capsys.readouterr().out


def test_the_kit_holds_the_plan_mock_partner_asks(cli, home, tmp_path) -> None:
    page = tmp_path / "kit.html"
    made = cli("partner", "kit", "--round", "behavioral", "-n", "3", "--seed", "4",
               "--output", str(page))
    assert made.code == 0, made.err
    html = page.read_text()
    assert (page.stat().st_mode & 0o777) == 0o600
    for banned in ("<script", "<link", "<img", "http://", "https://", "url("):
        assert banned not in html
    assert "netprep mock --partner --round behavioral -n 3 --seed 4" in html
    assert html.count('class="sheet"') == 3 and "page-break-before: always" in html
    asked = cli("mock", "--partner", "--round", "behavioral", "-n", "3", "--seed", "4",
                input="\n\n\n\n\n\n")
    assert asked.code == 0, asked.err
    for q in _history(cli)["questions"]:
        assert f'class="read">{q["text"]}' in html.replace("&#x27;", "'")


def test_the_kit_to_a_folder_that_does_not_exist_is_one_sentence(cli, home, tmp_path) -> None:
    done = cli("partner", "kit", "--output", str(tmp_path / "no" / "such" / "kit.html"))
    assert done.code == 1 and "Cannot write the partner kit" in done.err


def test_the_report_charts_partner_against_self(monkeypatch, capsys, home, tmp_path) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("Ana\n\n\n"))
    with terminal(ANSWER + ENTER + keys("2222") + keys("4444")):
        assert run(["mock", "--round", "behavioral", "-n", "1", "--seed", "1",
                    "--partner"]) == 0
    page = tmp_path / "report.html"
    assert run(["report", "--output", str(page)]) == 0
    html = page.read_text()
    assert 'data-series="partner_rating"' in html and 'data-series="partner_self_rating"' in html
    assert "1 answer scored by a partner" in html
    assert "higher than your partner does" in html and "No partner ratings yet" not in html


@pytest.mark.slow
@needs_chromium
def test_the_kit_in_headless_chromium_on_screen_and_printed(cli, home, tmp_path) -> None:
    from pypdf import PdfReader

    page = tmp_path / "kit.html"
    assert cli("partner", "kit", "--round", "technical", "-n", "2", "--seed", "5",
               "--output", str(page)).code == 0
    loaded = chromium(tmp_path / "p0", "--enable-logging=stderr", "--v=0", "--dump-dom",
                      page.as_uri())
    assert loaded.returncode == 0 and console_messages(loaded.stderr) == []
    assert loaded.stdout.count('class="sheet"') == 2 and "Correctness" in loaded.stdout
    shot = tmp_path / "kit.png"
    done = chromium(tmp_path / "p1", "--window-size=390,1400", f"--screenshot={shot}",
                    page.as_uri())
    assert done.returncode == 0 and png_size(shot) == (390, 1400)
    assert shot.stat().st_size > 20_000  # drawn, not blank
    pdf = tmp_path / "kit.pdf"
    printed = chromium(tmp_path / "p2", "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
                       page.as_uri())
    assert printed.returncode == 0, printed.stderr[-1000:]
    pages = [p.extract_text() or "" for p in PdfReader(pdf).pages]
    # The guide, then each question starting a page of its own.
    assert "Interviewer's kit" in pages[0]
    starts = [i for i, text in enumerate(pages) if "of 2" in text and "Question" in text]
    assert len(starts) == 2 and starts[0] >= 1 and "Question 1 of 2" not in pages[0]


def test_with_follow_ups_the_scores_line_follows_the_follow_up_reply(cli, home) -> None:
    lines = ("We fixed it.\nI wrote the retry myself and cut failures to zero.\n"
             "structure=2 specifics=1 result=2 communication=3\n")
    done = cli("mock", "--round", "behavioral", "-n", "1", "--seed", "3", "--partner",
               "--follow-ups", input=lines)
    assert done.code == 0, done.err
    q = _history(cli)["questions"][0]
    assert q["follow_up_answer"] == "I wrote the retry myself and cut failures to zero."
    assert q["partner"]["ratings"]["specifics"] == 1
