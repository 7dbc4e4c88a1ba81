"""Automated rubric checks on a submitted folder: README, own tests, lint, time.

Each check returns a `Finding`-like dict: `{"check", "passed", "message", ...}`.
The candidate's tests run through `HarnessProcess` (the coding runner's process:
own session, file-size cap, killed with its children on timeout).
"""

from __future__ import annotations

import ast
import queue
import re
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from netprep.coding.process import HarnessProcess
from netprep.content.models import Brief
from netprep.takehome.workspace import source_files

TESTS_TIMEOUT = 60.0
PLACEHOLDER = re.compile(r"\bTODO\b")
RUN_HEADING = re.compile(r"^#+\s*(how to run|running|usage|getting started|run it)\b", re.I | re.M)
LEFT_OUT_HEADING = re.compile(
    r"^#+\s*(what i left out|left out|not done|out of scope|limitations|known gaps|"
    r"trade-?offs|what i would do next|next steps)\b",
    re.I | re.M,
)
LEFT_OUT_MIN_WORDS = 15
LONG_LINE = 120


def _section(text: str, heading: re.Pattern[str]) -> str | None:
    match = heading.search(text)
    if match is None:
        return None
    rest = text[match.end():]
    following = re.search(r"^#+\s", rest, re.M)
    body = rest[: following.start()] if following else rest
    return body.split("\n", 1)[1] if "\n" in body else ""


def readme_check(folder: Path, brief: Brief) -> dict[str, Any]:
    """A README that says how to run it and what was left out, and why."""
    path = folder / "README.md"
    if not path.is_file():
        return {"check": "readme", "passed": False, "message": "There is no README.md.",
                "problems": ["no README.md"]}
    text = path.read_text(encoding="utf-8", errors="replace")
    problems = []
    run = _section(text, RUN_HEADING)
    tool = brief.run.split()[0]
    if run is None:
        problems.append("no 'How to run' section")
    elif PLACEHOLDER.search(run) or tool not in run:
        problems.append(f"the 'How to run' section gives no command (such as `{brief.run}`)")
    left = _section(text, LEFT_OUT_HEADING)
    if left is None:
        problems.append("no section on what was left out and why")
    elif PLACEHOLDER.search(left) or len(left.split()) < LEFT_OUT_MIN_WORDS:
        problems.append("the 'What I left out' section is a placeholder or too short to say why")
    elif not re.search(r"\b(because|since|so|as|why|instead|would|rather|out of)\b", left, re.I):
        problems.append("the 'What I left out' section does not say why")
    if PLACEHOLDER.search(text) and not problems:
        problems.append("a TODO placeholder is still in the README")
    message = ("The README says how to run it and what was left out, and why."
               if not problems else "README: " + "; ".join(problems) + ".")
    return {"check": "readme", "passed": not problems, "message": message, "problems": problems}


def _own_tests_command(folder: Path, brief: Brief) -> tuple[list[str], str] | None:
    if brief.acceptance["language"] == "javascript":
        files = [p for p in source_files(folder) if re.search(r"\.test\.[cm]?js$", p.name)]
        node = shutil.which("node")
        if not files or node is None:
            return None
        return [node, "--test", *[str(p.relative_to(folder)) for p in files]], "node --test"
    files = [p for p in source_files(folder) if re.match(r"test.*\.py$", p.name)]
    if not files:
        return None
    start = "tests" if (folder / "tests").is_dir() else "."
    argv = [sys.executable, "-m", "unittest", "discover", "-s", start]
    return argv, f"python -m unittest discover -s {start}"


def own_tests_check(folder: Path, brief: Brief, timeout: float = TESTS_TIMEOUT) -> dict[str, Any]:
    """The candidate's own tests exist and pass."""
    command = _own_tests_command(folder, brief)
    if command is None:
        if brief.acceptance["language"] == "javascript" and shutil.which("node") is None:
            return {"check": "own-tests", "passed": False, "skipped": True,
                    "message": "Your tests were not run: node is not on PATH."}
        return {"check": "own-tests", "passed": False,
                "message": "No tests of your own were found (test_*.py or *.test.js)."}
    argv, shown = command
    process = HarnessProcess(argv, folder)
    output: list[str] = []
    try:
        process.send("")
        deadline = time.monotonic() + timeout
        timed_out = False
        while True:
            try:
                line = process.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                timed_out = True
                break
            if line is None:
                break
            output.append(line)
        if timed_out:
            return {"check": "own-tests", "passed": False, "command": shown,
                    "message": f"Your tests did not finish within {timeout:g} s."}
        code = process.proc.wait(timeout=5.0)
        detail = process.stderr() + "".join(output)
    finally:
        process.kill()
    ran = re.search(r"Ran (\d+) tests?", detail) or re.search(r"# tests (\d+)", detail)
    count = int(ran.group(1)) if ran else None
    passed = code == 0 and count != 0
    what = f"{count} test{'s' if count != 1 else ''}" if count is not None else "your tests"
    message = (f"Your tests pass ({what}, `{shown}`)." if passed
               else f"Your tests fail ({what}, `{shown}` exited {code}).")
    return {"check": "own-tests", "passed": passed, "command": shown, "tests": count,
            "message": message}


def _python_findings(path: Path, rel: str) -> list[dict[str, Any]]:
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        tree = ast.parse(text, filename=rel)
    except SyntaxError as exc:
        return [{"file": rel, "line": exc.lineno or 0, "message": f"SyntaxError: {exc.msg}"}]
    findings = []
    lines = text.splitlines()
    imported: dict[str, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            if isinstance(node, ast.ImportFrom) and node.module == "__future__":
                continue
            source_line = lines[node.lineno - 1] if node.lineno - 1 < len(lines) else ""
            if "noqa" in source_line:
                continue
            for alias in node.names:
                name = (alias.asname or alias.name).split(".")[0]
                if name != "*":
                    imported[name] = node.lineno
        elif isinstance(node, ast.ExceptHandler) and node.type is None:
            findings.append({"file": rel, "line": node.lineno,
                             "message": "bare `except:` also catches KeyboardInterrupt"})
    used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    used |= {n.value.id for n in ast.walk(tree)
             if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name)}
    exported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            exported.add(node.value)
    for name, line in sorted(imported.items(), key=lambda item: item[1]):
        if name not in used and name not in exported:
            findings.append({"file": rel, "line": line,
                             "message": f"`{name}` is imported but unused"})
    for number, line_text in enumerate(lines, 1):
        if len(line_text) > LONG_LINE:
            findings.append({"file": rel, "line": number,
                             "message": f"line longer than {LONG_LINE} characters"})
    return findings


def _javascript_findings(path: Path, rel: str) -> list[dict[str, Any]]:
    node = shutil.which("node")
    findings: list[dict[str, Any]] = []
    if node is not None:
        import subprocess

        done = subprocess.run([node, "--check", str(path)], capture_output=True, text=True,
                              timeout=30, check=False)
        if done.returncode != 0:
            match = re.search(r":(\d+)\n", done.stderr)
            findings.append({"file": rel, "line": int(match.group(1)) if match else 0,
                             "message": "SyntaxError: " + done.stderr.strip().splitlines()[-1][:120]
                             if done.stderr.strip() else "SyntaxError"})
    for number, line_text in enumerate(path.read_text(encoding="utf-8", errors="replace")
                                       .splitlines(), 1):
        if re.search(r"(^|[^.\w])var\s", line_text):
            findings.append({"file": rel, "line": number, "message": "`var`: prefer const or let"})
        if re.search(r"[^=!]==[^=]", line_text):
            findings.append({"file": rel, "line": number, "message": "`==`: prefer `===`"})
        if len(line_text) > LONG_LINE:
            findings.append({"file": rel, "line": number,
                             "message": f"line longer than {LONG_LINE} characters"})
    return findings


def lint_check(folder: Path) -> dict[str, Any]:
    """Stdlib-only lint: syntax, unused imports, bare except, long lines (Python);
    syntax (node --check), var and == (JavaScript)."""
    findings: list[dict[str, Any]] = []
    for path in source_files(folder):
        rel = path.relative_to(folder).as_posix()
        if path.suffix == ".py":
            findings.extend(_python_findings(path, rel))
        elif path.suffix in (".js", ".cjs", ".mjs"):
            findings.extend(_javascript_findings(path, rel))
    count = len(findings)
    message = ("No lint findings." if not count
               else f"{count} lint finding{'s' if count != 1 else ''}.")
    return {"check": "lint", "passed": not count, "message": message, "findings": findings[:50]}


def time_check(seconds_used: float, seconds_limit: int) -> dict[str, Any]:
    over = seconds_used - seconds_limit
    minutes = round(seconds_used / 60)
    if over > 0:
        message = (f"{minutes} min used, {round(over / 60)} min over the "
                   f"{seconds_limit // 3600} h time box.")
    else:
        message = f"{minutes} min used of the {seconds_limit // 3600} h time box."
    return {"check": "time", "passed": over <= 0, "message": message,
            "seconds_used": round(seconds_used, 1), "seconds_limit": seconds_limit,
            "overtime_seconds": round(max(0.0, over), 1)}


def rubric_checks(folder: Path, brief: Brief, seconds_used: float,
                  seconds_limit: int) -> list[dict[str, Any]]:
    return [
        readme_check(folder, brief),
        own_tests_check(folder, brief),
        lint_check(folder),
        time_check(seconds_used, seconds_limit),
    ]


def parse_ratings(values: list[str], areas: list[str]) -> dict[str, int]:
    """`area=N` pairs (or bare numbers, in rubric order) -> ratings 1-5; ValueError if bad."""
    ratings: dict[str, int] = {}
    position = 0
    for raw in values:
        for item in (part.strip() for part in raw.replace(",", " ").split()):
            if not item:
                continue
            area, sep, number = item.partition("=")
            if not sep:
                if position >= len(areas):
                    raise ValueError(f"more ratings than rubric areas ({', '.join(areas)})")
                area, number = areas[position], item
            area = area.strip().lower()
            if area not in areas:
                raise ValueError(f"unknown rubric area '{area}' (use {', '.join(areas)})")
            if not number.strip().isdigit() or not 1 <= int(number) <= 5:
                raise ValueError(f"the rating of {area} must be a whole number from 1 to 5")
            ratings[area] = int(number)
            position = areas.index(area) + 1
    return ratings
