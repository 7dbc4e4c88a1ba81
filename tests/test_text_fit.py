"""Messages wrapped for the terminal keep what the user copies whole (netprep.text.fit)."""

from __future__ import annotations

import pytest

from netprep.text import fit

PATH = "/home/ana/.local/share/netprep/workspace/star-draft-20261207-123519-070873.yaml"


@pytest.mark.parametrize("width", [60, 120])
def test_a_path_and_a_long_command_go_on_lines_of_their_own(width: int) -> None:
    shown = fit(f"Your draft is kept in {PATH}; finish it there and run "
                f"`netprep star add --file {PATH}`.", width, "  ").splitlines()
    assert shown == ["Your draft is kept in:", f"  {PATH}", "Finish it there and run:",
                     f"  netprep star add --file {PATH}"]


def test_a_short_command_in_backticks_is_never_split_across_lines() -> None:
    text = "Nothing is saved yet; write one first with `netprep star add --title`, then come back."
    shown = fit(text, 60, "  ")
    assert "`netprep star add --title`" in shown.splitlines()[1]
    assert shown.replace("\n  ", " ") == text
    assert all(len(line) <= 60 for line in shown.splitlines())


def test_a_line_that_fits_is_left_alone() -> None:
    assert fit(f"Kept in {PATH}.", 120) == f"Kept in {PATH}."


def test_a_path_the_sentence_runs_on_from_stays_in_it() -> None:
    shown = fit(f"The database {PATH} is busy: another netprep is writing to it.", 60, "  ")
    assert shown.replace("\n  ", " ") == f"The database {PATH} is busy: another netprep is " \
        "writing to it."
    assert "The database:" not in shown and "Is busy" not in shown
    assert f"  {PATH}" in shown.splitlines()  # whole, on the line it wrapped to


@pytest.mark.parametrize("width", [60, 120])
def test_a_bullet_never_splits_a_command_in_backticks(width: int) -> None:
    """`assess start` at 60 columns printed "(or `netprep assess" / "run N`)"."""
    from rich.console import Console

    from netprep.ui.text import bullet

    console = Console(width=width, record=True, color_system=None)
    rule = ("Run a problem's examples with Enter (or `netprep assess run N`); the hidden "
            "tests run once, when you submit, and each one passed earns its share of the "
            "points. " * 2).strip()
    bullet(console, rule, indent=0, marker="-")
    lines = console.export_text().splitlines()
    assert all(len(line) <= width for line in lines)
    assert sum("`netprep assess run N`" in line for line in lines) == 2, lines
    assert " ".join(" ".join(lines).split()) == "- " + rule
    assert all(line.startswith("  ") for line in lines[1:])
