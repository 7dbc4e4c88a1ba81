"""A long path netprep prints (the data dir and database in `info`, a pack's folder, a
drill's file, a take-home folder) is never broken inside by Rich at the window's edge
nor cut with an ellipsis: at 60 and 120 columns it is on one line, whole, to copy."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from netprep.ui import render, render_code
from netprep.ui import text as ui_text

LONG = ("/home/student/a-very-long-directory-name-for-testing/with-several-nested-"
        "levels/netprep-home-dir")


def console(width: int, terminal: bool = True) -> Console:
    return Console(file=io.StringIO(), width=width, force_terminal=terminal,
                   color_system=None, highlight=False)


def lines(c: Console) -> list[str]:
    file = c.file
    assert isinstance(file, io.StringIO)
    return [line.rstrip() for line in file.getvalue().splitlines()]


def info(home: str) -> dict:
    return {"version": "0.1.0", "data_dir": home, "database": f"{home}/netprep.db",
            "schema_version": 17, "content": {"builtin": "/opt/netprep/content",
                                              "user_packs": [],
                                              "user_packs_dir": f"{home}/packs"},
            "counts": {"stories": 0}}



@pytest.fixture(autouse=True)
def _a_real_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")  # TERM=dumb pins Rich at 80 columns


@pytest.mark.parametrize("width", [60, 120])
def test_info_prints_every_path_whole(monkeypatch, width: int) -> None:
    c = console(width)
    monkeypatch.setattr(render, "out", lambda: c)
    render.render_info(info(LONG))
    shown = lines(c)
    for path in (LONG, f"{LONG}/netprep.db", f"{LONG}/packs"):
        assert any(line.strip() == path or line.endswith(" " + path) for line in shown), shown
    assert not any("…" in line for line in shown), shown
    assert "schema version" in "\n".join(shown)


def test_a_short_path_stays_beside_its_label() -> None:
    c = console(120)
    ui_text.copyable(c, "/home/me/.local/share/netprep", label="data dir          ")
    assert lines(c) == ["data dir          /home/me/.local/share/netprep"]


def test_piped_a_path_line_is_left_as_it_is() -> None:
    c = console(60, terminal=False)
    ui_text.copyable(c, f"{LONG}/netprep.db", label="database  ")
    assert lines(c) == [f"database  {LONG}/netprep.db"]


@pytest.mark.parametrize("width", [60, 120])
def test_a_pack_path_is_not_folded_into_a_table_cell(monkeypatch, width: int) -> None:
    c = console(width)
    monkeypatch.setattr(render, "out", lambda: c)
    counts = {"themes": 1, "quiz_items": 2, "behavioral_questions": 3, "culture_questions": 0,
              "role_questions": 0, "technical_questions": 0, "star_templates": 1}
    render.render_packs([{"id": "mine", "source": "user", "counts": counts,
                          "path": f"{LONG}/packs/mine", "memo": None}])
    assert any(line.endswith(f"{LONG}/packs/mine") for line in lines(c)), lines(c)


@pytest.mark.parametrize("width", [60, 120])
def test_a_drill_file_path_is_whole(monkeypatch, width: int) -> None:
    c = console(width)
    ui_text.copyable(c, f"Your file stays at {LONG}/workspace/two-sum.py.", "dim")
    assert any(line.strip() == f"{LONG}/workspace/two-sum.py" for line in lines(c)) or \
        any(line.endswith(f"{LONG}/workspace/two-sum.py.") for line in lines(c)), lines(c)
    assert render_code.copyable is ui_text.copyable
