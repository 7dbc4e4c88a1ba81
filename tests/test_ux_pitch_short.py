"""`resume pitch --short` as a student reads it: a pitch that already fits a screen was
cut (a long line shortened at a clause, 0:24) and then said to be told "as it is"
(qa2 finding 16). Now the whole pitch is the screen version."""

from __future__ import annotations

import json

import pytest

LONG_PRESENT = ("I am a third-year computer science student at the University of Somewhere, "
                "where I spend most of my free time building small tools for the coding club, "
                "and lately I have been learning how databases behave under load.")


@pytest.mark.parametrize("width", [60, 120])
def test_a_pitch_that_fits_a_screen_is_shown_whole(cli, tmp_path, monkeypatch,
                                                   width: int) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    mine = tmp_path / "pitch.txt"
    mine.write_text(f"- present: {LONG_PRESENT}\n"
                    "- past: At Peachline Freight I cut the dashboard's load time from 6 s to "
                    "1.5 s by caching API responses.\n"
                    "- why: I want to work on your logistics platform because I enjoy making "
                    "slow tools fast.\n")
    assert cli("resume", "pitch", "--file", str(mine)).code == 0
    shown = cli("resume", "pitch", "--short")
    assert shown.code == 0, shown.err
    said = " ".join(shown.out.split())
    assert LONG_PRESENT in said  # whole, not cut at "for the coding club."
    assert "This is the whole pitch, about 0:29" in said
    assert "it already fits a screen" not in said  # 0:29 is under a screen's 0:30
    assert all(len(line) <= width for line in shown.out.splitlines())
    data = json.loads(cli("resume", "pitch", "--short", "--json").out)["short"]
    assert data["speaking_seconds"] == data["full_seconds"] == 29
    assert data["lines"][0] == {"part": "present", "text": LONG_PRESENT}
