"""netprep start-up benchmarks: medians and ratios, from one run on one machine.

    python benchmarks/run.py [--runs 7] [--no-jrnl] [--write]

Every case is a whole process, started the way a user starts it, timed
`--runs` times; the median is compared with the bare interpreter start
(`python -c pass`) and with a peer personal-data CLI, `jrnl --version`, which is
installed into a separate virtual environment under benchmarks/.work/ (never a
dependency of netprep). `--write` records the table in benchmarks/RESULTS.md.

Budgets (issue "Hardening and speed"):
  star list --json, 1,000 stories     <= 7x python -c pass, and faster than jrnl --version
  stats --json, 100k answers/50k rev  <= 10x python -c pass
  netprep --help                      <= 1.2x jrnl --version
  first prompt of mock / culture quiz <= 1.2x python -c "import questionary"
    (both open with a briefing and a "Ready?" prompt; prompt_toolkit and questionary
    load in the background while it is read. Question 1's prompt is timed from the
    Enter, after 1 s of reading (budget: instant, < 150 ms) and at once, for the record)
  content validate (built-in pack)    for the record
  star suggest QUESTION, 8 stories    <= 1.5x star list on the same bank (issue 14); and
                                      --json against star list --json, for the record
  star check, 5 stories; plan         faster than jrnl --version (issue 30): star check
                                      reads the cached analyses of an unchanged bank
  coach: analyse a 300-word answer    < 20 ms CPU in-process, after the first (issue 30)
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
CPR_REQUEST = r"\x1b\[6n"
WORK = HERE / ".work"
sys.path.insert(0, str(HERE))


@dataclass
class Case:
    name: str
    seconds: float
    budget: str = ""
    ok: bool | None = None


def run_once(argv: list[str], env: dict[str, str]) -> float:
    """Wall time of `argv` run to completion, output discarded."""
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {done.stderr.decode()[-500:]}")
    return time.perf_counter() - start


def until_prompt(argv: list[str], marker: str, env: dict[str, str],
                 after_ready: float | None = None) -> float:
    """Time until `marker` appears on a real terminal (pexpect): from the start, or with
    `after_ready`, from Enter at the Ready? prompt pressed after that many seconds of
    reading the briefing (0: at once)."""
    import pexpect

    start = time.perf_counter()
    child = pexpect.spawn(argv[0], argv[1:], env=env, dimensions=(40, 120), timeout=30)
    child.delaybeforesend = None  # pexpect waits 50 ms before each send by default
    if after_ready is not None:
        child.expect(READY)
        time.sleep(after_ready)
        start = time.perf_counter()
        child.send("\r")
    # Answer cursor-position requests as a real terminal does (prompt_toolkit asks).
    while child.expect([marker, CPR_REQUEST]) == 1:
        child.send("\x1b[20;1R")
    seconds = time.perf_counter() - start
    child.terminate(force=True)
    child.close()
    return seconds


def medians(probes: dict[str, Callable[[], float]], runs: int) -> dict[str, float]:
    """Run every probe once per round, `runs` rounds after one warm-up round, and
    return each probe's median. Interleaving spreads any drift of the machine's
    speed over all cases alike instead of favouring whichever ran first."""
    samples: dict[str, list[float]] = {name: [] for name in probes}
    for round_ in range(runs + 1):
        for name, probe in probes.items():
            seconds = probe()
            if round_:
                samples[name].append(seconds)
    return {name: statistics.median(values) for name, values in samples.items()}


def jrnl_command() -> list[str] | None:
    """jrnl in its own venv under benchmarks/.work (created on first use)."""
    venv = WORK / "jrnl-venv"
    exe = venv / "bin" / "jrnl"
    if not exe.exists():
        print("installing jrnl into benchmarks/.work/jrnl-venv (once) ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        done = subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "jrnl"])
        if done.returncode != 0 or not exe.exists():
            print("jrnl could not be installed; its comparisons are skipped", file=sys.stderr)
            return None
    return [str(exe)]


def netprep_command() -> list[str]:
    script = Path(sys.executable).parent / "netprep"
    return [str(script)] if script.exists() else [sys.executable, "-m", "netprep"]


def seed_stories(home: Path, count: int) -> None:
    os.environ["NETPREP_HOME"] = str(home)
    from netprep.star.cache import add_story
    from netprep.star.model import Story
    from netprep.store import open_store

    with open_store() as store:
        have = store.query("SELECT count(*) FROM stories")[0][0]
        for n in range(have, count):
            add_story(store, Story(
                id=None, title=f"Story {n}: the flaky deploy",
                situation="During my internship our deploys failed about once a day.",
                task="I was asked to find out why and to make them reliable.",
                action="I read the logs of 40 failures, found a race in the migration step, "
                       "and I wrote a lock around it, then I added a test that reproduced it.",
                result="Failed deploys fell from 7 a week to 0 over the next month.",
                learned="I learned to measure the failure before guessing at a fix.",
                tags=("ownership", "impact"),
            ))


SUGGEST = "Tell me about a disagreement where it turned out you were the one who was wrong."


def seed_five(home: Path) -> None:
    """Five of the matcher's labelled stories, checked once (their analyses cached)."""
    os.environ["NETPREP_HOME"] = str(home)
    import matching_accuracy

    from netprep.star.cache import add_stories
    from netprep.store import open_store

    with open_store() as store:
        if not store.query("SELECT count(*) FROM stories")[0][0]:
            stories = matching_accuracy.load_stories()[:5]
            for story in stories:
                story.id = None
            add_stories(store, stories)
    subprocess.run([*netprep_command(), "star", "check"], stdout=subprocess.DEVNULL,
                   env={**os.environ, "NETPREP_HOME": str(home)}, check=True)


ANSWER_300 = (
    "In my second year I worked part-time on the help desk of the university library, where "
    "students booked group study rooms through an old form that sent an email to whoever was "
    "on shift. Bookings were lost every week, two groups often turned up for the same room, "
    "and the head of the desk asked me to find a fix before the exam period. I first counted "
    "the problems: over three weeks I logged every double booking and every lost request in "
    "a spreadsheet, and found that almost all of them happened when two people on shift "
    "answered the same email. I built a shared calendar with one calendar per room that "
    "refused overlapping events, moved the form to write straight into it, and wrote a "
    "one-page guide for the staff. I tested it with two colleagues for a week, fixed a time "
    "zone bug they found, and then ran a ten-minute session for the whole desk team so "
    "everyone knew how to move or cancel a booking. During the exam period there were no "
    "double bookings at all, against eleven in the same weeks the year before, and the "
    "library kept the calendar for the next year and added it to the staff handbook. The "
    "desk also stopped getting the angry emails that used to arrive every Monday. I learned "
    "to measure a problem before changing anything, because the count showed me that the "
    "form was not the problem at all: the shared inbox was. Since then I always start by "
    "writing down what actually goes wrong and how often, and I ask the people who do the "
    "work every day what they would change first, which saved me from building the wrong "
    "thing more than once in my internship, where the same habit found a slow query in a day.")


def time_answer() -> float:
    """Median CPU seconds to analyse ANSWER_300 in-process, after a first (warm-up) call.

    CPU time, so other work on a shared machine does not count (the first call also
    compiles the patterns the answer reaches)."""
    sys.path.insert(0, str(HERE.parent / "src"))
    from netprep.coach.analysis import analyze_answer

    analyze_answer(ANSWER_300)
    samples = []
    for _ in range(15):
        start = time.process_time()
        analyze_answer(ANSWER_300)
        samples.append(time.process_time() - start)
    return statistics.median(samples)


def seed_match_bank(home: Path) -> None:
    """The matcher's eight labelled test stories, and its index cached (as after a first run)."""
    os.environ["NETPREP_HOME"] = str(home)
    import matching_accuracy

    from netprep.star.cache import add_stories
    from netprep.store import open_store

    with open_store() as store:
        if not store.query("SELECT count(*) FROM stories")[0][0]:
            stories = matching_accuracy.load_stories()
            for story in stories:
                story.id = None
            add_stories(store, stories)
    subprocess.run([*netprep_command(), "star", "suggest", SUGGEST], stdout=subprocess.DEVNULL,
                   env={**os.environ, "NETPREP_HOME": str(home)}, check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per case (median)")
    parser.add_argument("--no-jrnl", action="store_true", help="skip the jrnl comparison")
    parser.add_argument("--write", action="store_true", help="record results in RESULTS.md")
    opts = parser.parse_args()
    runs = max(7, opts.runs)

    WORK.mkdir(exist_ok=True)
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    env.pop("NETPREP_CONTENT", None)
    # Time what users get: bytecode caching on (pip writes .pyc files at install).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    np = netprep_command()
    py = sys.executable

    homes = {name: WORK / f"home-{name}"
             for name in ("stories", "history", "quiz", "empty", "match", "five")}
    seed_stories(homes["stories"], 1000)
    seed_five(homes["five"])
    seed_match_bank(homes["match"])
    import gen_history

    if not (homes["history"] / "netprep.db").exists():
        gen_history.generate(homes["history"], answers=100_000, reviews=50_000)
    shutil.rmtree(homes["empty"], ignore_errors=True)

    def at(home: str) -> dict[str, str]:
        return {**env, "NETPREP_HOME": str(homes[home])}

    jrnl_cmd = None if opts.no_jrnl else jrnl_command()
    probes: dict[str, Callable[[], float]] = {
        "pass": lambda: run_once([py, "-c", "pass"], env),
        "questionary": lambda: run_once([py, "-c", "import questionary"], env),
        "star": lambda: run_once([*np, "star", "list", "--json"], at("stories")),
        "bank-list": lambda: run_once([*np, "star", "list"], at("match")),
        "bank-list-json": lambda: run_once([*np, "star", "list", "--json"], at("match")),
        "suggest": lambda: run_once([*np, "star", "suggest", SUGGEST], at("match")),
        "suggest-json": lambda: run_once([*np, "star", "suggest", SUGGEST, "--json"],
                                         at("match")),
        "stats": lambda: run_once([*np, "stats", "--json"], at("history")),
        "check": lambda: run_once([*np, "star", "check"], at("five")),
        "plan": lambda: run_once([*np, "plan"], at("five")),
        "help": lambda: run_once([*np, "--help"], at("empty")),
        "floor": lambda: until_prompt([py, "-c", BARE_PROMPT], "Your answer", env),
    }
    if jrnl_cmd:
        probes["jrnl"] = lambda: run_once([*jrnl_cmd, "--version"], env)
    for name, argv, marker in PROMPTS:
        probes[name] = lambda argv=argv, marker=marker: until_prompt(
            [*np, *argv], marker, at("empty"))
    for name, argv, marker in QUESTION_ONE:
        for reading in READING:
            probes[f"{name}-{reading}"] = lambda argv=argv, marker=marker, reading=reading: (
                until_prompt([*np, *argv], marker, at("empty"), after_ready=reading))
    m = medians(probes, runs)
    base, questionary, jrnl = m["pass"], m["questionary"], m.get("jrnl")

    cases = [
        Case("python -c pass", base),
        Case('python -c "import questionary"', questionary),
    ]
    if jrnl is not None:
        cases.append(Case("jrnl --version", jrnl))
    cases.append(Case("netprep star list --json (1,000 stories)", m["star"],
                      "<= 7x pass, < jrnl",
                      m["star"] <= 7 * base and (jrnl is None or m["star"] < jrnl)))
    cases.append(Case("netprep star list (8 stories)", m["bank-list"], "for the record"))
    cases.append(Case("netprep star suggest QUESTION (8 stories)", m["suggest"],
                      "<= 1.5x star list", m["suggest"] <= 1.5 * m["bank-list"]))
    cases.append(Case("netprep star list --json (8 stories)", m["bank-list-json"],
                      "for the record"))
    cases.append(Case("netprep star suggest QUESTION --json (8 stories)", m["suggest-json"],
                      "for the record"))
    cases.append(Case("netprep stats --json (100k answers, 50k reviews)", m["stats"],
                      "<= 10x pass", m["stats"] <= 10 * base))
    for key, label in (("check", "netprep star check (5 stories)"), ("plan", "netprep plan")):
        cases.append(Case(label, m[key], "< jrnl --version",
                          None if jrnl is None else m[key] < jrnl))
    answer = time_answer()
    cases.append(Case("coach: analyse a 300-word answer (in-process, CPU)", answer,
                      "< 20 ms", answer < 0.020))
    cases.append(Case("netprep --help", m["help"], "<= 1.2x jrnl",
                      None if jrnl is None else m["help"] <= 1.2 * jrnl))
    cases.append(Case("reference: a bare questionary select prompt shown", m["floor"],
                      "the floor for any prompt"))
    for name, _, _ in PROMPTS:
        cases.append(Case(f"first prompt: netprep {name}", m[name],
                          "<= 1.2x import questionary", m[name] <= 1.2 * questionary))
    for name, _, _ in QUESTION_ONE:
        for reading in READING:
            took = m[f"{name}-{reading}"]
            cases.append(Case(
                f"{name}: question 1 on screen after Enter, {reading:g} s spent reading", took,
                f"instant (< {INSTANT * 1000:.0f} ms)" if reading else "for the record",
                took < INSTANT if reading else None))
    import gen_culture

    if not (homes["quiz"] / "netprep.db").exists():
        gen_culture.fill(homes["quiz"], 5000)
    pick = gen_culture.time_pick(homes["quiz"])
    cases.append(Case("culture quiz: pick due items (5,000 reviews, in-process)", pick,
                      "instant (< 50 ms)", pick < 0.05))
    validate = statistics.median(
        run_once([*np, "content", "validate"], at("empty")) for _ in range(runs))
    cases.append(Case("netprep content validate (built-in)", validate, "for the record"))

    table = render(cases, base, jrnl, questionary, runs)
    print(table)
    if opts.write:
        write_results(table)
    return 0 if all(c.ok is not False for c in cases) else 1


BARE_PROMPT = (
    "import questionary; questionary.select('Your answer', choices=['a', 'b', 'c']).unsafe_ask()"
)
# Both commands open with a briefing and this prompt; the prompt libraries load
# while it is read.
READY = "Ready\\?"
READING = (1.0, 0.0)  # seconds on the briefing before Enter
INSTANT = 0.15
# (label, argv, text that shows the first prompt is on screen)
PROMPTS: list[tuple[str, list[str], str]] = [
    ("mock --timed", ["mock", "--timed"], READY),
    ("culture quiz", ["culture", "quiz"], READY),
]
# (label, argv, text that shows question 1's prompt: the countdown toolbar, the menu)
QUESTION_ONE: list[tuple[str, list[str], str]] = [
    ("mock --timed", ["mock", "--timed"], "Enter: submit"),
    ("culture quiz", ["culture", "quiz", "--all"], "Your answer"),
]


def render(cases: list[Case], base: float, jrnl: float | None, questionary: float,
           runs: int) -> str:
    lines = [
        "| case | median ms | x python -c pass | x jrnl --version | x import questionary "
        "| budget | within |",
        "|---|---:|---:|---:|---:|---|---|",
    ]
    for c in cases:
        vs_jrnl = f"{c.seconds / jrnl:.2f}" if jrnl else "-"
        mark = {True: "yes", False: "NO", None: ""}[c.ok]
        lines.append(f"| {c.name} | {c.seconds * 1000:.0f} | {c.seconds / base:.2f} | "
                     f"{vs_jrnl} | {c.seconds / questionary:.2f} | {c.budget} | {mark} |")
    lines.append("")
    lines.append(f"Median of {runs} runs each, all cases interleaved round by round "
                 "(one warm-up round dropped).")
    return "\n".join(lines)


def write_results(table: str) -> None:
    machine = (
        f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}"
    )
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    text = (
        "# Benchmark results\n\n"
        f"Measured {stamp} on {machine} with `python benchmarks/run.py --write`.\n\n"
        f"{table}\n"
    )
    path = HERE / "RESULTS.md"
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    notes = old.find("\n## ")  # the hand-written sections after the table are kept
    if notes != -1:
        text += old[notes:]
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
