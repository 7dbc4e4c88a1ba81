"""`netprep takehome list` shows every brief's title at 60 and 120 columns (at 60 the
title column was squeezed to nothing: an empty column between the id and the track)."""

from __future__ import annotations

import json

import pytest


@pytest.mark.parametrize("width", [60, 120])
def test_every_title_track_and_language_is_shown(cli, monkeypatch, width: int) -> None:
    briefs = json.loads(cli("takehome", "list", "--json").out)["briefs"]
    monkeypatch.setenv("COLUMNS", str(width))
    result = cli("takehome", "list")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert all(len(line) <= width for line in lines), result.out
    rows = [line.split("│") for line in lines if line.startswith("│")]
    said = " ".join(" ".join(row[1].strip() for row in rows).split())  # the id column
    said = " ".join([said, *(" ".join(row[2].strip() for row in rows).split())])  # the title
    said += " " + " ".join(" ".join(cell.strip() for cell in row[3:]) for row in rows)
    for brief in briefs:
        assert brief["id"] in said
        assert " ".join(brief["title"].split()) in said, (brief["title"], result.out)
        assert brief["track"] in said and all(lang in said for lang in brief["languages"])
