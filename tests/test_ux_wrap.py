"""Wrapped, never cut, at 60 and 120 columns in a real terminal (issue 29, items 5 and 11).

tmux runs netprep in a pane of each width; the screen is read back. A menu's choices and a
checklist's items are put back together from their lines (a choice continues on lines
indented under its first word) and must equal the pack's text: nothing cut, nothing lost.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .test_e2e_terminal import Tmux, assert_fits, pytestmark  # noqa: F401 (the tmux skip marks)

PACK = Path(__file__).parent / "data" / "layout"
WIDTHS = [60, 120]
THEME = yaml.safe_load((PACK / "themes" / "patience.yaml").read_text())
CHOICES = THEME["quiz"][0]["choices"]
KEY_POINTS = yaml.safe_load((PACK / "questions" / "technical.yaml").read_text())[
    "questions"][0]["key_points"]
ANSWER = ("I would keep every edit on the device with a version number and replay the queue "
          "when the phone is online again, detect conflicting edits and let the server decide")


def _netprep(*args: str) -> list[str]:
    return [sys.executable, "-m", "netprep", *args]


def _session(width: int, command: list[str], name: str) -> Tmux:
    return Tmux.start(f"wrap-{name}", width, 100, command, PACK)


def _items(screen: str, first: str, indent: int) -> list[str]:
    """Menu entries: a line matching `first` starts one, lines indented `indent` continue it."""
    items: list[str] = []
    for line in screen.splitlines():
        start = re.match(first, line)
        if start:
            items.append(line[start.end():].strip())
        elif items and line.startswith(" " * indent) and line.strip():
            items[-1] += " " + line.strip()
        elif items and not line.strip():
            break
    return items


@pytest.mark.parametrize("width", WIDTHS)
def test_quiz_choices_wrap_under_their_first_word_and_are_whole(home: Path, width: int) -> None:
    tmux = _session(width, _netprep("culture", "quiz", "--pack", "layout", "-n", "1"), "quiz")
    try:
        tmux.wait_for(lambda s: "Ready?" in s)
        tmux.keys("Enter")
        menu = tmux.wait_for(lambda s: "Enter accepts" in s and " 4) " in s)
        assert_fits(menu, width)
        assert "↑↓ or a number picks · Enter accepts" in menu  # our own key line, whole
        shown = _items(menu[menu.index("Enter accepts"):], r"^ [» ] \d\) ", 6)
        assert sorted(shown) == sorted(CHOICES), menu
        assert any(re.match(r"^ {6}\S", line) for line in menu.splitlines()), menu  # wrapped
        tmux.keys("Enter")
        done = tmux.wait_for(lambda s: "EXIT=" in s)
        assert_fits(done, width)
        assert "EXIT=0" in done and "? Your answer" in done  # the choice is echoed, wrapped
    finally:
        tmux.run("kill-server")


@pytest.mark.parametrize("width", WIDTHS)
def test_mock_answer_checklist_summary_and_history_never_cut_a_word(home: Path,
                                                                     width: int) -> None:
    command = _netprep("mock", "--pack", "layout", "--round", "technical", "-n", "1",
                       "--minutes", "3", "--seed", "1")
    tmux = _session(width, command, "mock")
    try:
        tmux.wait_for(lambda s: "Ready?" in s)
        tmux.keys("Enter")
        tmux.wait_for(lambda s: "Question 1 of 1" in s and "left" in s)
        tmux.keys(ANSWER, literal=True)
        typed = tmux.wait_for(lambda s: "server decide" in s)
        rows = typed[typed.index("> "):].splitlines()
        rows = rows[: next(i for i, r in enumerate(rows) if "server decide" in r) + 1]
        assert " ".join(r[2:] for r in rows).split() == ANSWER.split(), typed  # no word split
        assert all(r.startswith("  ") for r in rows[1:]), typed  # under the prompt
        tmux.keys("Enter")
        checklist = tmux.wait_for(lambda s: "Key points you covered" in s and "Enter accepts" in s)
        assert_fits(checklist, width)
        keys = checklist[checklist.index("Key points you covered"):]
        for key in ("↑↓ moves", "Space ticks", "a: all", "i: invert", "Enter accepts"):
            assert any(key in line for line in keys.splitlines()), keys  # never "inver" / "t)"
        shown = _items(keys[keys.index("Enter accepts"):], r"^ [» ] [○●] ", 5)
        assert sorted(shown) == sorted(KEY_POINTS), keys
        for step in ("What did you do?", "Rate this answer", "Your question 1"):
            tmux.keys("Enter")
            tmux.wait_for(lambda s, step=step: step in s)
        tmux.keys("Enter")
        done = tmux.wait_for(lambda s: "EXIT=" in s)
        assert_fits(done, width)
        summary = done[done.index("Mock interview: 1 of 1"):]
        assert "…" not in summary, summary  # no cell squeezed to a cut word
        if width < 80:  # a list, the question whole and wrapped under its number
            assert "  1. Design how a notes feature" in summary, summary
        else:
            assert "main finding" in summary, summary
    finally:
        tmux.run("kill-server")
    tmux = _session(width, _netprep("history", "show", "1"), "history")
    try:
        shown = tmux.wait_for(lambda s: "EXIT=" in s)
        assert_fits(shown, width)
        inside = [line.strip("│ ") for line in shown.splitlines()]
        assert not [line for line in inside if re.search(r"\[$|^\]|\[ $", line)], shown
        marks = [line for line in inside if line.startswith(("[x] ", "[ ] "))]
        assert len(marks) >= len(KEY_POINTS) + 1, shown  # checklist and key points, one a row
        body = "\n".join(line.replace("│", " ").rstrip() for line in shown.splitlines())
        points = _items(body[body.index("Key points:"):], r"^ +\[[x !]\] ", 7)
        assert sorted(points) == sorted(KEY_POINTS), shown
    finally:
        tmux.run("kill-server")


@pytest.mark.parametrize("width", WIDTHS)
def test_tips_questions_plan_and_pitch_wrap_under_their_text(home: Path, width: int) -> None:
    pitch = ("present: I am a third-year computer science student who builds small tools for "
             "study groups and teaches the intro course labs every week of the term\n"
             "past: Last summer I built a scheduling service used by four hundred students "
             "and cut its page load from four seconds to one, measured on the busiest day\n"
             "why: I want to work on this team because your product reaches people who study "
             "together, which is what I have built for since my first year\n")
    env = {**os.environ, "NETPREP_CONTENT": str(PACK)}
    subprocess.run([sys.executable, "-m", "netprep", "resume", "pitch", "--file", "-"],
                   input=pitch, text=True, env=env, check=True, capture_output=True, timeout=60)
    for name, args, indent in (("tips", ("tips", "questions"), 4),
                               ("pitch", ("resume", "pitch", "--show"), 11)):
        tmux = _session(width, _netprep(*args), name)
        try:
            screen = tmux.wait_for(lambda s: "EXIT=" in s)
            assert_fits(screen, width)
            lines = [line for line in screen.splitlines() if line.strip()]
            if name == "tips":  # "  id: question" then "    more of it", "      why"
                body = [line for line in lines if line.startswith(" ")]
                assert body and all(line.startswith("    ") or re.match(r"^[ ★] [a-z0-9-]+: ",
                                                                       line) for line in body)
            else:
                beats = lines[1:lines.index("EXIT=0")]
                assert all(re.match(r"^  (present|past|why) +\S", line)
                           or line.startswith(" " * indent) for line in beats), screen
                assert len(beats) > 3, screen  # at least one beat did wrap
        finally:
            tmux.run("kill-server")
    tmux = _session(width, _netprep("plan"), "plan")
    try:
        screen = tmux.wait_for(lambda s: "EXIT=" in s)
        assert_fits(screen, width)
        today = screen[screen.index("Today"):screen.index("Outline")].splitlines()[1:]
        steps = [line for line in today if line.strip()]
        assert all(re.match(r"^  \d+\. ", line) or line.startswith("     ") for line in steps)
        outline = screen[screen.index("Outline"):screen.index("Recruiting")]
        commands = [line for line in outline.splitlines() if "netprep" in line]
        assert commands and all(line.startswith("    netprep ") for line in commands), outline
        assert all(not line.rstrip().endswith(("netprep", "·")) for line in commands), outline
    finally:
        tmux.run("kill-server")
