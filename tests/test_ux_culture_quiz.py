"""The culture quiz's feedback at 60 columns: a long right answer after "Not quite. The
answer:" wrapped back to column 0 ("advisories in many languages" under "Not quite."),
and a long theme title ran past the window in the question's header."""

from __future__ import annotations

import pytest

from .test_culture_cli import expected, wrong


@pytest.mark.parametrize("width", [60, 120])
def test_a_wrapped_answer_continues_indented(cli, monkeypatch, width: int) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    plan = expected(seed=1, count=10)
    script = "".join(f"{wrong(asked)}\n" for asked in plan)
    result = cli("culture", "quiz", "--seed", "1", "--count", "10", input=script)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    heads = [n for n, line in enumerate(lines) if line.startswith("Not quite. The answer:")]
    assert len(heads) == 10
    wrapped = 0
    for n in heads:
        answer = plan[heads.index(n)].item.correct_choice
        said = lines[n]
        while answer not in " ".join(said.split()):  # the answer's wrapped lines
            n += 1
            assert lines[n].startswith("  "), lines[n - 3:n + 1]
            said += " " + lines[n].strip()
            wrapped += 1
        assert all(len(line) <= width for line in lines)
    assert wrapped or width > 100  # at 60 columns some answers do wrap
