"""`resume import` lists what it found before saving; at 60 and 120 columns a long entry
wraps under its own text, never back at column 0."""

from __future__ import annotations

from dataclasses import dataclass

import pytest


@dataclass
class Found:
    kind: str
    title: str
    organisation: str
    role: str
    dates: str
    missing: tuple[str, ...] = ()

    def gaps(self) -> list[str]:
        return list(self.missing)


ENTRIES = [
    Found("internship", "PayFlow internship", "PayFlow",
          "Software Engineering Intern on the reporting and payments platform team",
          "Summer 2026"),
    Found("community", "Intro to Programming", "", "Teaching assistant", "2025",
          ("what", "part", "outcome", "technologies", "scale", "linked stories")),
]


@pytest.mark.parametrize("width", [60, 120])
def test_found_entries_wrap_under_their_text(monkeypatch, width: int) -> None:
    from rich.console import Console

    from netprep.ui.render_resume import render_proposals

    console = Console(width=width, record=True, color_system=None)
    monkeypatch.setattr("netprep.ui.render_resume.err", lambda: console)
    render_proposals(ENTRIES)
    lines = console.export_text().splitlines()
    assert all(len(line) <= width for line in lines), lines
    assert lines[0] == "Found 2 entries:"
    assert lines[1].startswith("  1. [internship] PayFlow internship")
    assert all(line.startswith("     ") for line in lines[2:] if not line.startswith("  2. "))
    said = " ".join(" ".join(lines).split())
    assert "(PayFlow, Software Engineering Intern on the reporting and payments platform " \
           "team, Summer 2026)" in said
    assert "to fill in later: what, part, outcome, technologies, scale, linked stories" in said
