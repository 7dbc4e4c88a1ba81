"""The coach's patterns cost nothing until an analysis needs them (import checks, no timings)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from netprep.coach import lazyre

COACH = Path(lazyre.__file__).parent
# The engine's modules that declare patterns (every one imports lazyre as re).
PATTERN_MODULES = sorted(f"netprep.coach.{p.stem}" for p in COACH.glob("*.py")
                         if "lazyre as re" in p.read_text(encoding="utf-8"))

# Counts the real compiles made from the coach's own files, then runs CODE.
PROBE = """
import json, re, sys
real, made = re.compile, []
def counting(pattern, flags=0):
    if "/netprep/coach/" in sys._getframe(1).f_code.co_filename.replace("\\\\", "/"):
        made.append(pattern)
    return real(pattern, flags)
re.compile = counting
{code}
print(json.dumps({{"modules": sorted(m for m in sys.modules if m.startswith("netprep.coach")),
                  "compiled": len(made)}}), file=sys.stderr)
"""


def _probe(code: str, home: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE.format(code=code)], capture_output=True,
                          text=True, env={**os.environ, "NETPREP_HOME": str(home)})
    return json.loads(done.stderr.strip().splitlines()[-1])


def test_every_engine_module_declares_its_patterns_lazily() -> None:
    assert "netprep.coach.parts" in PATTERN_MODULES and len(PATTERN_MODULES) >= 10
    for path in COACH.glob("*.py"):
        assert "\nimport re\n" not in path.read_text(encoding="utf-8"), path.name


def test_star_list_and_help_neither_import_nor_compile_the_patterns(cli, home) -> None:
    assert cli("star", "add", "--title", "T", "--situation", "At my internship.", "--task",
               "Fix it.", "--action", "I fixed it.", "--result", "It took 2 days.").code == 0
    run = ("from netprep.cli import run\nimport contextlib, io\n"
           "with contextlib.redirect_stdout(io.StringIO()): run({args!r})")
    for args in (["star", "list"], ["--help"]):
        seen = _probe(run.format(args=args), home)
        assert not set(seen["modules"]) & set(PATTERN_MODULES), (args, seen)
        assert seen["compiled"] == 0


def test_importing_the_engine_compiles_nothing_and_an_analysis_compiles_what_it_needs(
        home) -> None:
    imported = _probe("import netprep.coach.analysis, netprep.coach.probes", home)
    assert "netprep.coach.parts" in imported["modules"] and imported["compiled"] == 0
    analysed = _probe("from netprep.coach.analysis import analyze_answer\n"
                      "analyze_answer('I fixed the build. It dropped from 25 to 7 minutes.')",
                      home)
    assert analysed["compiled"] > 0


def test_a_lazy_pattern_answers_as_the_compiled_one() -> None:
    lazy = lazyre.compile(r"\b(\d+) (min)utes?\b", lazyre.I)
    assert lazy.pattern == r"\b(\d+) (min)utes?\b"
    text = "From 25 Minutes to 7 minutes."
    assert lazy.findall(text) == [("25", "Min"), ("7", "min")]
    assert lazy.sub(r"\1m", text) == "From 25m to 7m."
    assert [m.span() for m in lazy.finditer(text)] == [(5, 15), (19, 28)]
    assert lazy.search("no time") is None and lazy.groups == 2


def test_the_mocks_judgement_compiles_nothing_until_it_judges(home) -> None:
    """The walk-through and pitch patterns of the mock (mock/judge.py, mock/walkthrough.py)
    are lazy too: importing them compiles nothing, judging a walk-through compiles them."""
    probe = ("import json, re, sys\nreal, made = re.compile, []\n"
             "def counting(pattern, flags=0):\n"
             "    where = sys._getframe(1).f_code.co_filename.replace('\\\\', '/')\n"
             "    if '/netprep/mock/' in where:\n"
             "        made.append(pattern)\n"
             "    return real(pattern, flags)\n"
             "re.compile = counting\n"
             "import netprep.mock.judge, netprep.mock.walkthrough as w\n"
             "at_import = len(made)\n"
             "judged = bool(w._WALK.search('Walk me through logtool.py: how is it organised?'))\n"
             "print(json.dumps([at_import, judged]), file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          env={**os.environ, "NETPREP_HOME": str(home)})
    at_import, judged = json.loads(done.stderr.strip().splitlines()[-1])
    assert at_import == 0 and judged is True
    for name in ("judge.py", "walkthrough.py"):
        assert "\nimport re\n" not in (COACH.parent / "mock" / name).read_text(encoding="utf-8")
