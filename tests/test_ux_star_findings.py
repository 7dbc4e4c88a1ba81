"""The coach's findings on a story, as `star add`, `star show` and `star check` print them,
read well at 60 and 120 columns: the score line breaks only between its measures, and a
suggestion that wraps continues under its own text, not back under its arrow."""

from __future__ import annotations

import pytest

from netprep.coach.analysis import analyze_story
from netprep.star.model import Story

STORY = Story(
    id=2, title="Group project",
    situation="We had a group project in our databases class and we needed to finish it.",
    task="We had to build a web app.",
    action="We split the work and we met every week. We used GitHub and we did code reviews.",
    result="We got a good grade and everyone was happy.",
)


def _shown(width: int) -> list[str]:
    from rich.console import Console

    from netprep.ui.render_star import render_findings

    console = Console(width=width, record=True, color_system=None)
    render_findings(analyze_story(STORY), console)
    return console.export_text().splitlines()


@pytest.mark.parametrize("width", [60, 120])
def test_the_score_line_breaks_only_between_its_measures(width: int) -> None:
    lines = _shown(width)
    assert all(len(line) <= width for line in lines)
    head = [lines[0]] + [line for line in lines[1:3] if line.startswith("  · ")]
    assert " ".join(" ".join(head).split()).startswith("Score ")
    assert "to tell (target 1:00-3:00)" in " ".join(head)  # never split inside a measure
    assert any("about 0:" in line and "to tell (target 1:00-3:00)" in line for line in head)


@pytest.mark.parametrize("width", [60, 120])
def test_a_wrapped_suggestion_continues_under_its_text(width: int) -> None:
    lines = _shown(width)
    arrows = [n for n, line in enumerate(lines) if line.startswith("  → ")]
    assert arrows, lines
    wrapped = 0
    for n in arrows:
        for line in lines[n + 1:]:
            if line.startswith(("• ", "  → ")) or not line.strip():
                break
            assert line.startswith("    ") and line[4] != " ", lines
            wrapped += 1
    if width == 60:
        assert wrapped, lines  # at 60 columns some suggestion does wrap


def test_one_word_is_one_word_not_one_words(monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.console import Console

    from netprep.ui.render_star import render_findings, render_story

    story = Story(id=9, title="Draft", situation="Hackathon.", task="", action="", result="")
    console = Console(width=60, record=True, color_system=None)
    render_findings(analyze_story(story), console)
    head = console.export_text().splitlines()[0]
    assert "· 1 word ·" in head and "1 words" not in head
    monkeypatch.setattr("netprep.ui.render_star.out", lambda: console)
    render_story(story, analyze_story(story), {})
    assert "Situation (1 word)" in console.export_text()
