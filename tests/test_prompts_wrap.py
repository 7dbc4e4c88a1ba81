"""Menus and the answer prompt still work with wrapped text (issue 29, items 5 and 11).

Driven with real key presses through prompt_toolkit's pipe input; how they look at 60 and
120 columns is checked in a real terminal by tests/test_ux_wrap.py.
"""

from __future__ import annotations

import pytest

from .conftest import terminal

ENTER, DOWN, LEFT = "\r", "\x1b[B", "\x1b[D"
LONG = [
    ("Wait for the final review at the very end of the internship, since asking early could "
     "signal insecurity to everyone on the team", "wait"),
    ("Ask your manager directly how strongly they would want to keep you on the team, and "
     "what would make the answer stronger, then act on it", "ask"),
    ("Send your manager a weekly list of everything you have finished", "list"),
]


@pytest.fixture(autouse=True)
def real_terminal_type(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")


def test_a_long_choice_is_picked_by_arrow_or_number() -> None:
    from netprep.ui import prompts

    with terminal(DOWN + ENTER):
        assert prompts.select("Your answer", LONG) == "ask"
    with terminal("3" + ENTER):
        assert prompts.select("Your answer", LONG) == "list"
    with terminal(ENTER):
        assert prompts.select("Your answer", LONG, default="list") == "list"


def test_a_checklist_of_long_items_ticks_all_inverts_and_keeps_what_was_checked() -> None:
    from netprep.ui import prompts

    with terminal("a" + ENTER):
        assert prompts.checkbox("Key points you covered:", LONG) == ["wait", "ask", "list"]
    with terminal("i" + ENTER):
        assert prompts.checkbox("Key points you covered:", LONG, checked=["ask"]) == [
            "wait", "list"]
    with terminal(" " + ENTER):  # Space unticks the first, the one already checked
        assert prompts.checkbox("Key points you covered:", LONG, checked=["wait"]) == []


def test_the_answer_wraps_by_words_on_screen_only_and_edits_land_where_the_cursor_is() -> None:
    from netprep.ui import prompts

    words = " ".join(["interval", "tree", "keyed", "by", "start"] * 12)  # wraps several rows
    with terminal(words + LEFT * 5 + "every " + ENTER):
        typed = prompts.multiline("> ")
    assert typed == words[:-5] + "every " + words[-5:]
