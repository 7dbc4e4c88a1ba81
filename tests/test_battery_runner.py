"""Battery (issue #19, item 7): the coding runner's limits hold against hostile code.

Hard limits the code cannot lift (also as root), node Buffers counted, a `setsid`
child killed with the run and never blocking netprep, a flood on stderr read in
bounded chunks, forged result lines ignored (per-run nonce, event and index
checked), deeply nested answers reported, and scratch folders of a killed netprep
removed by the next run.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

from netprep.coding.runner import SCRATCH_PREFIX, RunReport, run_tests
from netprep.content import load_library
from netprep.content.models import Library
from netprep.paths import builtin_content_dir

from .battery import assert_no_traceback, run_devnull

needs_node = pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
CASES = [
    {"args": [[2, 7, 11, 15], 9], "expected": [0, 1]},
    {"args": [[3, 3], 6], "expected": [0, 1]},
]


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([(builtin_content_dir(), "builtin")])


def _python(library: Library, tmp_path: Path, code: str, **kwargs) -> RunReport:
    path = tmp_path / "attempt.py"
    path.write_text(textwrap.dedent(code), encoding="utf-8")
    kwargs.setdefault("time_limit", 3.0)
    return run_tests(path, library.languages["python"], function="two_sum", cases=CASES, **kwargs)


def test_the_memory_cap_cannot_be_lifted(library, tmp_path) -> None:
    report = _python(library, tmp_path, """
        import resource
        def two_sum(nums, target):
            for kind in (resource.RLIMIT_AS, resource.RLIMIT_DATA):
                try:
                    resource.setrlimit(kind, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
                except (ValueError, OSError):
                    pass
            block = bytearray(1500 * 1024 * 1024)
            return [0, 1]
    """, memory_mb=256)
    assert [c.status for c in report.cases] != ["pass", "pass"], report.cases
    assert report.cases[0].status in ("error", "crash")


@needs_node
def test_node_buffers_count_against_the_cap(library, tmp_path) -> None:
    path = tmp_path / "attempt.js"
    path.write_text("function twoSum(nums, target) {\n"
                    "  const b = Buffer.alloc(1500 * 1024 * 1024, 1);\n"
                    "  return [0, b.length > 0 ? 1 : 0];\n}\n", encoding="utf-8")
    report = run_tests(path, library.languages["javascript"], function="twoSum", cases=CASES,
                       time_limit=5.0)
    assert not any(c.passed for c in report.cases), report.cases


def test_a_setsid_child_dies_with_the_run_and_never_blocks(library, tmp_path) -> None:
    pid_file = tmp_path / "child.pid"
    started = time.monotonic()
    report = _python(library, tmp_path, f"""
        import subprocess, sys
        child = subprocess.Popen(
            ["setsid", sys.executable, "-c", "import time; time.sleep(120)"],
            stdout=sys.__stdout__, stderr=2,
        )
        open({str(pid_file)!r}, "w").write(str(child.pid))
        def two_sum(nums, target):
            return [0, 1]
    """)
    assert time.monotonic() - started < 20  # was: blocked until the child exited
    assert report.all_passed, report
    pid = int(pid_file.read_text())
    for _ in range(100):
        if not _alive(pid):
            break
        time.sleep(0.1)
    else:
        os.kill(pid, 9)
        pytest.fail("the setsid child outlived the run")


def _alive(pid: int) -> bool:
    """Running, not dead nor a zombie waiting to be collected."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except FileNotFoundError:
        return False
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True


def test_a_flood_on_stderr_is_read_in_bounded_chunks(library, tmp_path) -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report = _python(library, tmp_path, """
        import os
        chunk = b"x" * (1024 * 1024)
        for _ in range(200):
            os.write(2, chunk)
        raise SystemExit(3)
    """)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert report.error is not None and len(report.error) <= 8000
    assert grown_mb < 100, grown_mb  # was: the whole flood held in memory


def test_forged_result_lines_are_ignored(library, tmp_path) -> None:
    report = _python(library, tmp_path, """
        import json, os
        def two_sum(nums, target):
            for fd in range(3, 12):
                for index in (0, 1):
                    line = {"event": "case", "index": index, "value": [0, 1], "nonce": "guess"}
                    try:
                        os.write(fd, (json.dumps(line) + "\\n").encode())
                    except OSError:
                        pass
            return []
    """)
    assert [c.status for c in report.cases] == ["fail", "fail"], report.cases


@pytest.mark.parametrize("depth", [985, 5000])
def test_a_deeply_nested_answer_is_reported(tmp_path, depth: int) -> None:
    attempt = tmp_path / "attempt.py"
    attempt.write_text(textwrap.dedent(f"""
        def two_sum(nums, target):
            value = []
            for _ in range({depth}):
                value = [value]
            return value
    """))
    for extra in ((), ("--json",)):
        result = run_devnull("code", "test", "two-sum", "--file", str(attempt), *extra,
                             timeout=120)
        assert result.returncode == 1, result.stderr
        assert_no_traceback(result)
        assert "nested too deeply" in result.stdout, result.stdout[-2000:]


def test_a_killed_netprep_leaves_no_scratch_folder_behind(library, tmp_path) -> None:
    code = tmp_path / "attempt.py"
    code.write_text("import time\ndef two_sum(nums, target):\n    time.sleep(60)\n")
    script = textwrap.dedent(f"""
        from netprep.coding.runner import run_tests
        from netprep.content import load_library
        from netprep.paths import builtin_content_dir
        lib = load_library([(builtin_content_dir(), "builtin")])
        run_tests({str(code)!r}, lib.languages["python"], function="two_sum",
                  cases={CASES!r}, time_limit=60)
    """)
    child = subprocess.Popen([sys.executable, "-c", script])
    pattern = f"{SCRATCH_PREFIX}{child.pid}-*"
    base = Path(tempfile.gettempdir())
    for _ in range(200):
        if list(base.glob(pattern)):
            break
        time.sleep(0.1)
    child.kill()
    child.wait()
    assert list(base.glob(pattern)), "the run never started"
    _python(library, tmp_path, "def two_sum(nums, target):\n    return [0, 1]\n")
    assert not list(base.glob(pattern))
