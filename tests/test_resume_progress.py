"""The resume in stats, plan and the STAR cheat sheet."""

from __future__ import annotations

import json


def stats(cli) -> dict:
    result = cli("stats", "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)["resume"]


def plan(cli) -> list[dict]:
    result = cli("plan", "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)["today"]


def test_counts_follow_entries_stories_deep_dives_and_the_pitch(cli) -> None:
    empty = stats(cli)
    assert empty["entries"] == 0 and empty["pitch"] == "none"
    assert not [s for s in plan(cli) if "resume" in s["command"]]
    cli("star", "add", "--title", "Search", "--situation", "At my internship search was slow "
        "for everyone.", "--task", "I had to make search fast.", "--action", "I profiled the "
        "queries, I added an index and I tested it with users.", "--result", "2 s to 200 ms.")
    cli("resume", "add", "--kind", "project", "--title", "Navigator")
    cli("resume", "add", "--kind", "internship", "--title", "Acme", "--story", "1")
    data = stats(cli)
    assert (data["entries"], data["without_story"], data["without_deep_dive"]) == (2, 1, 2)
    assert data["without_story_ids"] == [1]
    commands = [s["command"] for s in plan(cli)]
    assert "netprep mock --timed --round resume" in commands
    assert "netprep resume pitch" in commands
    cli("mock", "--round", "resume", "--questions", "1", "--seed", "1",
        input="I built it.\nHow does the team review a change?\n")
    data = stats(cli)
    assert data["without_deep_dive"] == 1 and data["deep_dive_answers"] == 1
    assert data["questions_asked"] == 1
    cli("resume", "pitch", "--yes")
    assert stats(cli)["pitch"] == "saved"
    assert "netprep mock --round pitch" in [s["command"] for s in plan(cli)]
    cli("mock", "--round", "pitch", input="I study CS and built a navigator.\n")
    assert stats(cli)["pitch"] == "practised"
    human = cli("stats")
    assert "Resume" in human.out and "without a linked STAR story" in human.out


def test_star_cheat_sheet_holds_the_pitch_entries_and_saved_questions(cli, tmp_path) -> None:
    plain = cli("star", "export").out
    assert "Tell me about yourself" not in plain  # nothing to add yet
    cli("resume", "add", "--kind", "project", "--title", "Navigator", "--outcome",
        "2,000 students used it.")
    pitch = tmp_path / "pitch.txt"
    pitch.write_text("- present: I study CS.\n- why: I like *payments*.\n")
    cli("resume", "pitch", "--file", str(pitch))
    cli("tips", "questions", "--save", "team-week")
    sheet = cli("star", "export", "--format", "markdown").out
    assert sheet.startswith("# STAR cheat sheet")
    assert "## Tell me about yourself" in sheet and "- present: I study CS." in sheet
    assert "I like \\*payments\\*" in sheet  # user text is escaped for Markdown
    assert "**Navigator**: 2,000 students used it." in sheet
    assert "## My questions for the interviewer" in sheet and "ship last month" in sheet
    yaml_export = cli("star", "export", "--format", "yaml").out
    assert "Tell me about yourself" not in yaml_export  # backups stay stories only
