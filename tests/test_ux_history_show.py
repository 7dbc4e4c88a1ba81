"""`history show ID` as a student reads it at 60 and 120 columns: the session's heading
broke inside "1 of 1 answered" ("1 of 1" / "answered · complete"), and a round without
self-ratings (a script) said "average rating -."."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("width", [60, 120])
def test_the_heading_wraps_between_its_parts(cli, monkeypatch, width: int) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    answer = "I would read the code first, then pair with someone on a small bug."
    assert cli("mock", "--round", "screen", "-n", "1", "--seed", "3",
               input=answer + "\n").code == 0
    lines = cli("history", "show", "1").out.splitlines()
    assert all(len(line) <= width for line in lines)
    heading = lines[:2] if width < 100 else lines[:1]
    said = " ".join(" ".join(heading).split())
    assert said.startswith("Session 1 · ") and said.endswith(
        "· screen · timed · 1 of 1 answered · complete")
    assert not any(line.lstrip().startswith("answered") for line in heading)
    if width < 100:
        assert heading[1].startswith("  · ")
    totals = next(line for line in lines if line.startswith("Time "))
    assert totals.endswith("; not rated.") and "rating -" not in totals
