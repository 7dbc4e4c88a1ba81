"""`netprep takehome`: briefs, scaffold, clock across sittings, acceptance checks."""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from netprep.content import load_library
from netprep.store import open_store
from netprep.takehome import session
from netprep.takehome.acceptance import run_checks
from netprep.takehome.workspace import write_files

LIBRARY = load_library()
BRIEFS = [b.id for b in LIBRARY.briefs]
HAS_NODE = shutil.which("node") is not None


def _needs(brief_id: str) -> None:
    brief = LIBRARY.brief(brief_id)
    assert brief is not None
    if brief.acceptance["language"] == "javascript" and not HAS_NODE:
        pytest.skip("node is not on PATH: the JavaScript brief's checks cannot run")


def test_at_least_six_briefs_across_the_teams_interns_join() -> None:
    assert len(BRIEFS) >= 6
    tracks = {b.track for b in LIBRARY.briefs}
    assert {"backend", "data", "frontend", "tooling", "data-engineering", "ml"} <= tracks
    for brief in LIBRARY.briefs:
        assert 2 <= brief.hours <= 4
        assert "README.md" in brief.scaffold and "README.md" in brief.reference
        assert {r["area"] for r in brief.rubric} == {
            "design", "correctness", "code-quality", "docs", "trade-offs"}


@pytest.mark.parametrize("brief_id", BRIEFS)
def test_reference_passes_and_untouched_scaffold_fails(brief_id: str, tmp_path: Path) -> None:
    _needs(brief_id)
    brief = LIBRARY.brief(brief_id)
    assert brief is not None
    reference, scaffold = tmp_path / "reference", tmp_path / "scaffold"
    write_files(reference, brief.reference)
    write_files(scaffold, brief.scaffold)
    good = run_checks(LIBRARY, brief, reference)
    assert good.all_passed, [r for r in good.requirements if not r.passed]
    bad = run_checks(LIBRARY, brief, scaffold)
    assert bad.passed == 0 and bad.total == len(brief.requirements)


def test_list_json_contract(cli) -> None:
    result = cli("takehome", "list", "--json")
    assert result.code == 0, result.err
    rows = json.loads(result.out)["briefs"]
    assert {r["id"] for r in rows} == set(BRIEFS)
    for row in rows:
        assert set(row) == {"id", "title", "track", "hours", "languages"}


def test_show_never_reveals_checks_or_reference(cli) -> None:
    result = cli("takehome", "show", "notes-api", "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert [r["id"] for r in data["requirements"]][:2] == ["create", "fetch"]
    assert "req_create" not in result.out and "NoteStore" not in result.out
    text = cli("takehome", "show", "notes-api")
    assert "Requirements" in text.out and "req_" not in text.out


def test_unknown_brief_suggests_the_close_one(cli, home: Path) -> None:
    result = cli("takehome", "start", "notes-ap")
    assert result.code == 1 and "notes-api" in result.err and "Traceback" not in result.err
    assert not (home / "workspace" / "takehome" / "notes-ap").exists()


def test_start_writes_keeps_and_reports_the_folder(cli, home: Path) -> None:
    result = cli("takehome", "start", "sales-report")
    assert result.code == 0, result.err
    folder = Path(result.out.strip())
    assert folder == home / "workspace" / "takehome" / "sales-report"
    assert (folder / "report.py").is_file() and (folder / "README.md").is_file()
    (folder / "report.py").write_text("# my work\n")
    again = cli("takehome", "start", "sales-report")
    assert again.code == 0 and Path(again.out.strip()) == folder
    assert (folder / "report.py").read_text() == "# my work\n"
    status = json.loads(cli("takehome", "status", "--json").out)
    assert {"attempt", "brief", "path", "seconds_used", "seconds_limit", "state"} <= set(status)
    assert status["brief"] == "sales-report" and status["state"] == "running"
    assert status["seconds_limit"] == 2 * 3600 and status["path"] == str(folder)
    paused = cli("takehome", "pause")
    assert paused.code == 0
    assert json.loads(cli("takehome", "status", "--json").out)["state"] == "paused"


def test_clock_counts_only_the_sittings_and_records_overtime() -> None:
    t0 = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)
    moments = iter([t0, t0 + timedelta(minutes=30), t0 + timedelta(hours=5),
                    t0 + timedelta(hours=7, minutes=45)])
    with open_store() as store:
        first = session.start(store, LIBRARY, "log-summary", now=lambda: next(moments))
        attempt = session.pause(store, first.attempt, now=lambda: next(moments))
        assert attempt.state == "paused" and attempt.seconds_used == 1800
        resumed = session.start(store, LIBRARY, "log-summary", now=lambda: next(moments))
        assert resumed.resumed and resumed.attempt.id == first.attempt.id
        data = session.status(resumed.attempt, now=lambda: next(moments))
    assert data["seconds_used"] == 1800 + 2 * 3600 + 45 * 60
    assert data["seconds_left"] == 0 and data["overtime_seconds"] == 45 * 60 + 1800


def test_check_contract_and_exit_codes(cli, home: Path) -> None:
    _needs("model-eval")
    folder = Path(cli("takehome", "start", "model-eval").out.strip())
    failing = cli("takehome", "check", "--json")
    assert failing.code == 1
    data = json.loads(failing.out)
    assert {"passed", "total", "requirements"} <= set(data) and data["passed"] == 0
    for req in data["requirements"]:
        assert {"id", "title", "passed"} <= set(req)
    brief = LIBRARY.brief("model-eval")
    assert brief is not None
    for name, text in brief.reference.items():
        (folder / name).write_text(text)
    passing = cli("takehome", "check", "--json")
    assert passing.code == 0, passing.out
    assert json.loads(passing.out)["passed"] == len(brief.requirements)
    assert "def req_" not in passing.out


def test_syntax_error_and_endless_loop_are_named_not_fatal(tmp_path: Path) -> None:
    brief = LIBRARY.brief("notes-api")
    assert brief is not None
    write_files(tmp_path, brief.scaffold)
    (tmp_path / "app.py").write_text("def make_app(path)\n    return None\n")
    result = run_checks(LIBRARY, brief, tmp_path)
    assert result.passed == 0
    assert all("line 1" in r.note and "SyntaxError" in r.note for r in result.requirements)
    (tmp_path / "app.py").write_text("def make_app(path):\n    while True:\n        pass\n")
    result = run_checks(LIBRARY, brief, tmp_path, time_limit=0.5)
    notes = [r.note for r in result.requirements]
    assert "timed out" in notes[0] and all(not r.passed for r in result.requirements)
    assert (tmp_path / "app.py").read_text().startswith("def make_app")


def test_deleted_workspace_gets_a_clear_message_and_start_rewrites_it(cli, home: Path) -> None:
    folder = Path(cli("takehome", "start", "events-dedupe").out.strip())
    shutil.rmtree(folder)
    result = cli("takehome", "check")
    assert result.code == 1 and "no longer exists" in result.err
    assert "takehome start events-dedupe" in result.err and "Traceback" not in result.err
    again = cli("takehome", "start", "events-dedupe")
    assert again.code == 0 and (folder / "pipeline.py").is_file()
    assert json.loads(cli("takehome", "status", "--json").out)["attempt"] == 1


def test_no_attempt_yet_is_explained(cli) -> None:
    result = cli("takehome", "status")
    assert result.code == 1 and "takehome start" in result.err


def test_a_user_pack_brief_runs_its_checks_only_when_allowed(cli, home: Path) -> None:
    pack = home / "packs" / "mine"
    (pack / "takehome").mkdir(parents=True)
    (pack / "pack.yaml").write_text("id: mine\nname: Mine\ndescription: My briefs.\n"
                                    "version: '1'\n")
    source = (Path(__file__).parents[1] / "content" / "takehome" / "log-summary.yaml").read_text()
    (pack / "takehome" / "my-logs.yaml").write_text(source.replace("id: log-summary",
                                                                   "id: my-logs", 1))
    assert cli("takehome", "start", "my-logs").code == 0
    refused = cli("takehome", "check")
    assert refused.code == 1 and "--allow-pack-checks" in refused.err
    allowed = cli("takehome", "check", "--allow-pack-checks", "--json")
    assert allowed.code == 1 and json.loads(allowed.out)["total"] == 7


def test_interactive_sitting_checks_and_leaving_pauses_the_clock(cli) -> None:
    from .conftest import terminal

    with terminal("\rs\rq\r"):  # run the checks, show the status, leave
        result = cli("takehome", "start", "sales-report")
    assert result.code == 0, result.err
    assert "0/6 requirements met" in result.out and "Clock paused" in result.err
    assert json.loads(cli("takehome", "status", "--json").out)["state"] == "paused"
    with terminal("\x03"):  # Ctrl-C pauses too, and exits 130
        interrupted = cli("takehome", "start", "sales-report")
    assert interrupted.code == 130 and "Clock paused" in interrupted.err
    status = json.loads(cli("takehome", "status", "--json").out)
    assert status["state"] == "paused" and status["sittings"] == 2


def test_output_the_check_cannot_read_is_not_blamed_on_the_code(tmp_path: Path) -> None:
    """A --json that prints plain text: the note says what --json must print, not that
    the code raised (issue 29, item 15); an exception raised inside the code is named
    with its file and line, after the requirement it broke (issue 23, item 2)."""
    brief = LIBRARY.brief("log-summary")
    assert brief is not None
    write_files(tmp_path, brief.reference)
    tool = tmp_path / "logtool.py"
    tool.write_text(tool.read_text().replace("def main(", "def _real_main(", 1) + (
        "\n\ndef main(argv=None):\n"
        "    if argv and '--json' in argv:\n"
        "        print('levels: ERROR 6')\n"
        "        return 0\n"
        "    return _real_main(argv)\n"))
    notes = {r.id: r.note for r in run_checks(LIBRARY, brief, tmp_path).requirements}
    assert notes["json"].startswith("not met: --json prints one JSON object, got 'levels: ERROR"), (
        notes["json"])
    assert "raised" not in notes["json"]
    tool.write_text("def main(argv=None):\n    return {}['missing']\n")
    notes = {r.id: r.note for r in run_checks(LIBRARY, brief, tmp_path).requirements}
    assert notes["json"].startswith(
        "not met: --json prints levels, total, malformed and top_errors: your code raised "
        "KeyError"), notes["json"]
    assert "logtool.py line 2" in notes["json"]
    assert notes["counts"].startswith("not met: counts per level are printed"), notes["counts"]


def test_checking_while_the_clock_is_paused_says_the_time_is_not_counted(cli, home) -> None:
    _needs("model-eval")
    cli("takehome", "start", "model-eval")
    running = cli("takehome", "check")
    assert "clock is paused" not in running.err
    assert cli("takehome", "pause").code == 0
    paused = cli("takehome", "check")
    assert paused.code == 1  # the scaffold passes nothing; the reminder does not hide it
    assert "The clock is paused" in paused.err
    assert "netprep takehome start model-eval" in paused.err
