"""`netprep resume` scripted: add, list, show, edit --file, remove, export, pitch; bad input."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

ENTRY_YAML = """\
kind: project
title: Trailmix
organisation: Hack Week
dates: 2024
what: A route planner for hikers.
tech: Go, PostgreSQL
part: I wrote the graph search.
outcome: 300 hikers planned 1,100 routes in the first month.
"""
BANK_YAML = """\
entries:
  - kind: internship
    title: Orbit Logistics internship
    role: Backend Intern
  - kind: community
    title: Robotics Club
    tech: [Budgeting, Fundraising]
"""


def add(cli, *args: str) -> int:
    result = cli("resume", "add", "--json", *args)
    assert result.code == 0, result.err
    return int(json.loads(result.out)["id"])


def entries(cli) -> list[dict]:
    result = cli("resume", "list", "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)["entries"]


def show(cli, entry_id: int) -> dict:
    result = cli("resume", "show", str(entry_id), "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_add_with_flags_then_list_and_show(cli) -> None:
    first = add(cli, "--kind", "project", "--title", "Campus Navigator", "--org", "Hack Club",
                "--role", "Lead developer", "--dates", "2023", "--what", "A campus map app.",
                "--tech", "React, Firebase", "--tech", "react", "--scale", "2,000 users",
                "--part", "I built the routing.", "--outcome", "Used by 2,000 students.")
    second = add(cli, "--kind", "internship", "--title", "Acme internship")
    assert (first, second) == (1, 2)
    assert entries(cli) == [
        {"id": 1, "kind": "project", "title": "Campus Navigator", "organisation": "Hack Club",
         "dates": "2023", "role": "Lead developer", "stories": []},
        {"id": 2, "kind": "internship", "title": "Acme internship", "organisation": "",
         "dates": "", "role": "", "stories": []},
    ]
    data = show(cli, 1)
    assert data["tech"] == ["React", "Firebase"]  # repeats dropped, case-insensitively
    assert data["scale"] == "2,000 users" and data["part"] == "I built the routing."
    assert data["deep_dive"] and all("Campus Navigator" in q["text"] for q in data["deep_dive"])
    assert data["gaps"] == [] and show(cli, 2)["gaps"] == ["what", "part", "outcome"]


def test_add_links_existing_stories_and_refuses_unknown_ones(cli) -> None:
    story = cli("star", "add", "--title", "Search", "--situation", "At my internship search "
                "was slow for everyone.", "--task", "I had to make search fast.", "--action",
                "I profiled the queries, I added an index and I tested it with users.",
                "--result", "Search went from 2 s to 200 ms.")
    assert story.code == 0, story.err
    assert add(cli, "--kind", "internship", "--title", "Acme", "--story", "1") == 1
    assert entries(cli)[0]["stories"] == [1]
    bad = cli("resume", "add", "--kind", "project", "--title", "X", "--story", "1,7")
    assert bad.code == 1 and "No STAR story with id 7" in bad.err
    assert "Traceback" not in bad.err and len(entries(cli)) == 1  # nothing saved
    word = cli("resume", "add", "--kind", "project", "--title", "X", "--story", "seven")
    assert word.code == 2 and "story ids" in word.err


@pytest.mark.parametrize(("args", "code", "text"), [
    (("--kind", "job", "--title", "X"), 2, "Unknown kind 'job'"),
    (("--title", "X"), 2, "--kind is required"),
    (("--kind", "project"), 1, "Missing required field: --title"),
    (("--kind", "project", "--title", "   "), 1, "Missing required field: --title"),
    (("--kind", "project", "--title", "x" * 201), 1, "at most 200"),
])
def test_add_refuses_bad_flags(cli, args, code, text) -> None:
    result = cli("resume", "add", *args)
    assert result.code == code and text in result.err
    assert entries(cli) == []


def test_add_without_flags_and_without_terminal_says_what_to_pass(cli) -> None:
    result = cli("resume", "add")
    assert result.code == 1
    assert "not a terminal" in result.err and "--kind and --title" in result.err


def test_add_from_files(cli, tmp_path: Path) -> None:
    one = tmp_path / "one.yaml"
    one.write_text(ENTRY_YAML)
    assert add(cli, "--file", str(one)) == 1
    result = cli("resume", "add", "--file", "-", "--json", input=BANK_YAML)
    assert result.code == 0, result.err
    assert json.loads(result.out)["ids"] == [2, 3]
    assert [e["title"] for e in entries(cli)] == ["Trailmix", "Orbit Logistics internship",
                                                   "Robotics Club"]
    assert show(cli, 1)["tech"] == ["Go", "PostgreSQL"] and show(cli, 1)["dates"] == "2024"
    assert show(cli, 3)["tech"] == ["Budgeting", "Fundraising"]


def test_invalid_file_lists_every_problem_and_saves_nothing(cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: job\ntitle: X\ncolour: blue\nstories: [one]\n")
    result = cli("resume", "add", "--file", str(bad))
    assert result.code == 1
    assert "bad.yaml:1: kind: expected one of project" in result.err
    assert "bad.yaml:3: colour: unknown key" in result.err
    assert "bad.yaml:4: stories[0]: expected a story id" in result.err
    assert entries(cli) == []
    empty = tmp_path / "empty.yaml"
    empty.write_text("")
    result = cli("resume", "add", "--file", str(empty))
    assert result.code == 1 and "empty" in result.err
    both = cli("resume", "add", "--file", str(bad), "--title", "X")
    assert both.code == 2


def test_unknown_and_malformed_ids(cli) -> None:
    for command in (("show", "9"), ("remove", "9", "--yes"), ("edit", "9", "--file", "x")):
        result = cli("resume", *command)
        assert result.code == 1, command
        assert "No resume entry with id 9" in result.err and "resume list" in result.err
    assert cli("resume", "show", "nine").code == 2
    assert cli("resume", "show", "0").code == 2


def test_remove(cli) -> None:
    add(cli, "--kind", "project", "--title", "A")
    refused = cli("resume", "remove", "1")
    assert refused.code == 1 and "--yes" in refused.err
    assert cli("resume", "remove", "1", "--yes").code == 0
    assert entries(cli) == []
    assert add(cli, "--kind", "project", "--title", "B") == 2  # ids are never reused


def test_edit_from_a_file_and_without_a_terminal(cli, tmp_path: Path) -> None:
    add(cli, "--kind", "project", "--title", "Old title")
    new = tmp_path / "new.yaml"
    new.write_text(ENTRY_YAML)
    result = cli("resume", "edit", "1", "--file", str(new))
    assert result.code == 0, result.err
    data = show(cli, 1)
    assert data["title"] == "Trailmix" and data["id"] == 1
    assert data["outcome"].startswith("300 hikers")
    bare = cli("resume", "edit", "1")
    assert bare.code == 1 and "--file" in bare.err


def test_export_round_trip_and_privacy(cli, tmp_path: Path) -> None:
    add(cli, "--kind", "project", "--title", "Trailmix", "--tech", "Go", "--outcome",
        "300 hikers used it.", "--what", "Line one.\nLine two.")
    out = tmp_path / "resume.yaml"
    result = cli("resume", "export", "--format", "yaml", "--output", str(out))
    assert result.code == 0, result.err
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    as_json = json.loads(cli("resume", "export", "--format", "json").out)
    assert as_json["entries"][0]["what"] == "Line one.\nLine two."
    cli("resume", "remove", "1", "--yes")
    assert add(cli, "--file", str(out)) == 2
    again = show(cli, 2)
    assert again["what"] == "Line one.\nLine two." and again["tech"] == ["Go"]
    sheet = cli("resume", "export").out
    assert "# Resume cheat sheet" in sheet and "**Trailmix**: 300 hikers used it." in sheet


def test_pitch_built_saved_and_shown(cli, tmp_path: Path) -> None:
    assert json.loads(cli("resume", "pitch", "--show", "--json").out) == {"pitch": None}
    add(cli, "--kind", "education", "--title", "BSc Computer Science", "--org",
        "State University", "--dates", "2022 - 2026")
    add(cli, "--kind", "internship", "--title", "Acme internship", "--org", "Acme",
        "--dates", "Summer 2024", "--part", "I built the refund dashboard.",
        "--outcome", "Support answered refunds 3x faster.")
    need = cli("resume", "pitch")
    assert need.code == 1 and "--yes" in need.err  # the editor needs a terminal
    result = cli("resume", "pitch", "--yes", "--role", "backend intern", "--json")
    assert result.code == 0, result.err
    pitch = json.loads(result.out)["pitch"]
    beats = [b["beat"] for b in pitch["beats"]]
    assert beats[0] == "present" and "past" in beats and beats[-1] == "why"
    assert "State University" in pitch["text"] and "Acme" in pitch["text"]
    assert "backend intern" in pitch["text"]
    mine = tmp_path / "pitch.txt"
    mine.write_text("# my notes\n- present: I study CS.\n- past: I built a dashboard.\n"
                    "- why: I want to work on payments.\n")
    cli("resume", "pitch", "--file", str(mine))
    saved = json.loads(cli("resume", "pitch", "--show", "--json").out)["pitch"]
    assert saved["text"].startswith("- present: I study CS.") and "# my notes" not in saved["text"]
    assert cli("resume", "pitch", "--clear").code == 0
    assert json.loads(cli("resume", "pitch", "--show", "--json").out) == {"pitch": None}


def test_human_views_escape_user_text(cli) -> None:
    add(cli, "--kind", "project", "--title", "[bold]Nav[/bold] \x1b[31mred")
    listing = cli("resume", "list")
    assert "[bold]Nav[/bold]" in listing.out and "\x1b[31m" not in listing.out
    shown = cli("resume", "show", "1")
    assert "[bold]Nav[/bold]" in shown.out and "What an interviewer could ask" in shown.out


def test_info_counts_entries(cli) -> None:
    add(cli, "--kind", "project", "--title", "A")
    info = json.loads(cli("info", "--json").out)
    assert info["counts"]["resume_entries"] == 1
