"""`netprep code show` / `code start`: the statement reads well at 60 and 120 columns. The
pack's hard line breaks (made for the YAML file) are not kept, so no line stops short in
mid-sentence, and a wrapped signature continues under itself, not at column 0."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("width", [60, 120])
def test_the_statement_is_rewrapped_to_the_window(cli, monkeypatch, width: int) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    result = cli("code", "show", "two-sum")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert all(len(line) <= width for line in lines), result.out
    # The YAML breaks after "return the indices" and "the same element": the window must not.
    assert not any(line.rstrip().endswith(("return the indices", "the same element"))
                   for line in lines), result.out
    said = " ".join(" ".join(lines).split())
    assert ("return the indices of the two numbers that add up to `target`, smaller index "
            "first.") in said
    start = next(n for n, line in enumerate(lines) if line.startswith("python: "))
    assert "-> list[int]:" in " ".join(" ".join(lines[start:start + 2]).split())
    if "-> list[int]:" not in lines[start]:
        assert lines[start + 1].startswith(" " * len("python: ")), result.out
