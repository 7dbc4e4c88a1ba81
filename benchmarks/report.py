"""Time `netprep report` on 1,000 mock answers and 50,000 culture quiz reviews.

    python benchmarks/report.py [--runs 5] [--keep HOME]

Builds a history (benchmarks/gen_history.py for the mock sessions, with coach scores,
competencies and spoken measures that improve over the weeks; benchmarks/gen_culture.py
for the reviews and their FSRS cards over the built-in quiz items; an interview date
12 days ahead), then prints the median time of the whole command as a user runs it
(`python -m netprep report --output FILE`, start-up included) and of the in-process
build + render. Budget: under 1 s for the command. `--keep HOME` builds into HOME and
leaves it (the README's screenshot is taken from such a home).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

BUDGET = 1.0
WEAK_STORIES = (("Late database migration", "I did the migration.", "It worked."),
                ("Group project conflict", "We talked and I helped.", "It was fine."))


def build(home: Path, answers: int = 1000, reviews: int = 50_000, days: int = 56,
          seed: int = 3) -> None:
    import gen_culture
    import gen_history

    from netprep.paths import DB_NAME
    from netprep.progress.plan import SETTING
    from netprep.store import open_store

    now = datetime.now(timezone.utc)
    gen_history.generate(home, answers=answers, reviews=0, days=days, end=now, seed=seed)
    rng = random.Random(seed)
    with open_store(home / DB_NAME) as store:
        conn = store.conn
        start = now - timedelta(days=days)
        rows = conn.execute("SELECT id, answered_at FROM answers").fetchall()
        updates = []
        for answer_id, at in rows:
            progress = (datetime.fromisoformat(at) - start).total_seconds() / (days * 86400)
            score = max(20, min(98, round(rng.gauss(52 + 30 * progress, 7))))
            tags = rng.sample(gen_history.COMPETENCIES[:4], rng.choice((1, 2)))
            voice = None
            if rng.random() < 0.25:
                voice = json.dumps({"wpm": round(rng.gauss(112 + 30 * progress, 6)),
                                    "fillers_per_min": round(max(0.5, rng.gauss(
                                        9 - 6 * progress, 0.8)), 1)})
            updates.append((score, json.dumps(tags), voice, answer_id))
        conn.executemany("UPDATE answers SET score = ?, competencies = ?, voice = ? "
                         "WHERE id = ?", updates)
        conn.execute("UPDATE code_attempts SET elapsed_seconds = 1500 - 12 * "
                     "(julianday(started_at) - julianday(?)) WHERE solved", (start.isoformat(),))
        for title, action, result in WEAK_STORIES:
            gen_history.add_story(conn, now - timedelta(days=3), title, ["conflict"],
                                  action=action, result=result, learned="")
        conn.commit()
        store.set_setting(SETTING, (now.date() + timedelta(days=12)).isoformat())
    if reviews:
        gen_culture.fill(home, reviews, seed=seed)


def time_command(home: Path, runs: int) -> list[float]:
    env = {**os.environ, "NETPREP_HOME": str(home), "NO_COLOR": "1"}
    out = home / "bench-report.html"
    times = []
    for _ in range(runs + 1):  # the first run warms the content cache and is dropped
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "netprep", "report", "--output", str(out)],
                       check=True, env=env, capture_output=True)
        times.append(time.perf_counter() - started)
    return times[1:]


def time_in_process(home: Path, runs: int) -> list[float]:
    os.environ["NETPREP_HOME"] = str(home)
    from netprep.progress.report import collect_report, write_report
    from netprep.ui.render_report import render_report_html

    times = []
    for _ in range(runs):
        started = time.perf_counter()
        write_report(home / "bench-inproc.html", render_report_html(collect_report()))
        times.append(time.perf_counter() - started)
    return times


def median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="build into this home and keep it")
    opts = parser.parse_args()
    home = opts.keep or Path(tempfile.mkdtemp(prefix="netprep-report-"))
    try:
        started = time.perf_counter()
        build(home)
        print(f"built 1,000 answers and 50,000 reviews in {time.perf_counter() - started:.1f} s")
        command = median(time_command(home, opts.runs))
        inproc = median(time_in_process(home, opts.runs))
        ok = command < BUDGET
        print(f"netprep report (command, start-up included): {command * 1000:.0f} ms median "
              f"of {opts.runs} (budget < {BUDGET * 1000:.0f} ms: {'yes' if ok else 'NO'})")
        print(f"collect + render + write (in-process): {inproc * 1000:.0f} ms median")
        return 0 if ok else 1
    finally:
        if opts.keep is None:
            shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
