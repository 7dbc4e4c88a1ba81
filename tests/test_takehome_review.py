"""`netprep takehome submit` and `review`: freeze, rubric checks, self-review, history."""

from __future__ import annotations

import json
from pathlib import Path

from netprep.content import load_library
from netprep.takehome.review import lint_check, parse_ratings, readme_check

LIBRARY = load_library()


def _solve(folder: Path, brief_id: str) -> None:
    brief = LIBRARY.brief(brief_id)
    assert brief is not None
    for name, text in brief.reference.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def test_submit_freezes_reviews_and_shows_in_review_and_history(cli, home: Path) -> None:
    folder = Path(cli("takehome", "start", "log-summary").out.strip())
    _solve(folder, "log-summary")
    result = cli("takehome", "submit", "--json", "--rate",
                 "design=4,correctness=5,code-quality=3,docs=4,trade-offs=2")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["state"] == "submitted" and data["passed"] == data["total"] == 7
    review = data["review"]
    checks = {c["check"]: c for c in review["rubric_checks"]}
    assert checks["readme"]["passed"] and checks["own-tests"]["passed"]
    assert checks["own-tests"]["tests"] == 3 and checks["lint"]["passed"]
    assert checks["time"]["passed"]
    assert review["self_review"] == {"design": 4, "correctness": 5, "code-quality": 3,
                                     "docs": 4, "trade-offs": 2}
    frozen = Path(data["path"])
    assert not folder.exists() and frozen.name == "log-summary.attempt-1"
    assert (frozen / "logtool.py").is_file()
    listing = json.loads(cli("takehome", "review", "--json").out)["attempts"]
    assert [a["attempt"] for a in listing] == [1] and listing[0]["avg_self_rating"] == 3.6
    history = json.loads(cli("history", "--json").out)
    assert history["takehome_attempts"][0]["brief"] == "log-summary"
    stats = json.loads(cli("stats", "--json").out)["takehome"]
    assert stats["attempts"] == stats["submitted"] == stats["briefs_tried"] == 1
    again = cli("takehome", "submit", "--attempt", "1", "--rate", "1,1,1,1,1")
    assert again.code == 1 and "submitted already" in again.err
    fresh = cli("takehome", "start", "log-summary")
    assert Path(fresh.out.strip()) == folder and "NotImplementedError" in (
        folder / "logtool.py").read_text()


def test_untouched_scaffold_review_names_the_gaps_and_ratings_come_from_stdin(cli) -> None:
    cli("takehome", "start", "notes-api")
    result = cli("takehome", "submit", "--json", input="2\n3\n2\n1\n1\n")
    assert result.code == 0, result.err
    review = json.loads(result.out)["review"]
    assert review["acceptance"]["passed"] == 0
    checks = {c["check"]: c for c in review["rubric_checks"]}
    assert not checks["readme"]["passed"] and "How to run" in checks["readme"]["message"]
    assert not checks["own-tests"]["passed"]
    assert review["self_review"]["design"] == 2 and review["self_review"]["trade-offs"] == 1


def test_a_bad_rating_submits_nothing(cli) -> None:
    folder = Path(cli("takehome", "start", "model-eval").out.strip())
    result = cli("takehome", "submit", "--rate", "design=9")
    assert result.code == 2 and "1 to 5" in result.err and "Nothing was submitted" in result.err
    assert folder.is_dir()
    assert json.loads(cli("takehome", "status", "--json").out)["state"] == "running"


def test_readme_check_against_labelled_readmes(tmp_path: Path) -> None:
    brief = LIBRARY.brief("notes-api")
    assert brief is not None
    cases = {
        "# App\n\n## How to run\n\n    python app.py\n\n## What I left out and why\n\n"
        "Auth and paging, because the brief did not ask for them and both change the API; "
        "I would agree them with the team first.\n": True,
        "# App\n\n## How to run\n\nTODO\n\n## What I left out and why\n\nTODO\n": False,
        "# App\n\n## Usage\n\n`python app.py` then curl it.\n\n## Limitations\n\n"
        "No authentication or paging yet, since neither was in scope; with more time I "
        "would add both and a tags table.\n": True,
        "# App\n\n## How to run\n\nStart it and open the browser.\n\n## Left out\n\n"
        "Paging, because it changes the response shape and was not asked for at all.\n": False,
        "# App\n\n## How to run\n\n    python app.py\n": False,
        "# App\n\n## How to run\n\n    python app.py\n\n## Out of scope\n\nAuth.\n": False,
    }
    for text, expected in cases.items():
        (tmp_path / "README.md").write_text(text)
        assert readme_check(tmp_path, brief)["passed"] is expected, text


def test_lint_finds_syntax_errors_unused_imports_and_bare_except(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("import os\nimport sys\n\ntry:\n    sys.exit(0)\n"
                                   "except:\n    pass\n")
    (tmp_path / "b.py").write_text("def broken(:\n")
    messages = [(f["file"], f["line"], f["message"]) for f in lint_check(tmp_path)["findings"]]
    assert ("a.py", 1, "`os` is imported but unused") in messages
    assert any(m[0] == "a.py" and m[1] == 6 and "bare" in m[2] for m in messages)
    assert any(m[0] == "b.py" and "SyntaxError" in m[2] for m in messages)
    assert not any("sys" in m[2] for m in messages)


def test_parse_ratings_accepts_pairs_and_bare_numbers() -> None:
    areas = ["design", "correctness", "code-quality", "docs", "trade-offs"]
    assert parse_ratings(["3", "4", "docs=5", "2"], areas) == {
        "design": 3, "correctness": 4, "docs": 5, "trade-offs": 2}


def test_plan_suggests_a_takehome_while_there_is_time_and_none_is_done(cli) -> None:
    from datetime import date, timedelta

    def commands(days: int) -> list[str]:
        day = (date.today() + timedelta(days=days)).isoformat()
        result = cli("plan", "--interview", day, "--json")
        assert result.code == 0, result.err
        return [s["command"] for s in json.loads(result.out)["today"]]

    assert "netprep takehome list" in commands(10)
    assert not any("takehome" in c for c in commands(3))
    folder = Path(cli("takehome", "start", "model-eval").out.strip())
    assert "netprep takehome status" in commands(10)  # one in progress: finish it
    _solve(folder, "model-eval")
    assert cli("takehome", "submit", "--rate", "3,3,3,3,3").code == 0
    assert not any("takehome" in c for c in commands(10))


def test_follow_up_round_asks_about_the_submitted_files_and_readme(cli) -> None:
    folder = Path(cli("takehome", "start", "events-dedupe").out.strip())
    _solve(folder, "events-dedupe")
    (folder / "README.md").write_text(
        "# Step\n\n## How to run\n\n    python pipeline.py in out state\n\n## Design\n\n"
        "I keep the seen ids in a JSON state file that is replaced atomically after each run.\n\n"
        "## What I left out and why\n\nA time window for old ids, because the brief did not "
        "say how long duplicates can arrive late and I would ask first.\n")
    early = cli("mock", "--round", "takehome", "--attempt", "1", "--untimed")
    assert early.code == 1 and "takehome submit" in early.err  # not submitted yet
    assert cli("takehome", "submit", "--rate", "4,4,4,4,4").code == 0
    result = cli("mock", "--round", "takehome", "--attempt", "1", "--untimed",
                 input="I split parsing from I/O.\n\nIt keeps reruns safe.\n")
    assert result.code == 0, result.err
    asked = result.err
    assert "`pipeline.py`" in asked
    assert "JSON state file that is replaced atomically" in asked
    assert "A time window for old ids" in asked
    history = json.loads(cli("history", "--json").out)["sessions"]
    assert history[0]["round"] == "takehome" and history[0]["answered"] == 3
    assert cli("mock", "--attempt", "1").code == 2
    assert cli("mock", "--round", "takehome", "--attempt", "99").code == 1


def test_interactive_self_review_through_the_prompts(cli) -> None:
    from .conftest import terminal

    cli("takehome", "start", "todo-component")
    # five ratings (Enter accepts 3; "4" picks 4), then confirm the submission
    with terminal("\r4\r\r5\r2\r\r"):
        result = cli("takehome", "submit")
    assert result.code == 0, result.err
    review = json.loads(cli("takehome", "review", "1", "--json").out)["review"]
    assert review["self_review"] == {"design": 3, "correctness": 4, "code-quality": 3,
                                     "docs": 5, "trade-offs": 2}
