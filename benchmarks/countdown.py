"""The mock interview's countdown: drift, redraw rate and CPU while it ticks.

    python benchmarks/countdown.py [--seconds 120]

Runs the real answer prompt (`TerminalInterviewer._prompt`, a prompt_toolkit
session with the countdown in its bottom toolbar) against a pipe input and a real
VT100 output (written to /dev/null), lets it tick for `--seconds`, then presses
Enter. It reports:
- drift: the countdown's own elapsed time against an independent clock at the end
  (budget: under 50 ms over two minutes);
- redraws: toolbar renders per second, worst one-second window (budget: at most 4);
- CPU: process CPU time over wall time while ticking (budget: under 5 % of a core).
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from types import SimpleNamespace


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=120.0, help="how long to tick")
    opts = parser.parse_args()

    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.data_structures import Size
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output.vt100 import Vt100_Output

    from netprep.mock.session import Turn
    from netprep.ui import interview

    item = SimpleNamespace(position=1, target_seconds=120)
    turn = Turn(item, total=5, clock=time.monotonic, timed=True)  # type: ignore[arg-type]
    perf_start = time.perf_counter()
    renders: list[float] = []
    real_toolbar = interview.toolbar

    def counting_toolbar(t: Turn) -> list[tuple[str, str]]:
        renders.append(time.perf_counter() - perf_start)
        return real_toolbar(t)

    interview.toolbar = counting_toolbar  # type: ignore[assignment]
    sink = open(os.devnull, "w")
    cpu_before = os.times()
    wall_before = time.perf_counter()
    with create_pipe_input() as pipe:

        class Terminal(Vt100_Output):
            """Answers cursor-position requests as a real terminal does (the toolbar,
            and with it the countdown, is drawn only once the height is known)."""

            @property
            def responds_to_cpr(self) -> bool:
                return True

            def ask_for_cpr(self) -> None:
                super().ask_for_cpr()
                pipe.send_text("\x1b[20;1R")

        output = Terminal(sink, lambda: Size(rows=40, columns=120), term="xterm")
        threading.Timer(opts.seconds, lambda: pipe.send_text("done\r")).start()
        with create_app_session(input=pipe, output=output):
            answer = interview.TerminalInterviewer.__new__(interview.TerminalInterviewer)
            text = answer._prompt("> ", turn)
    wall = time.perf_counter() - wall_before
    cpu_after = os.times()
    drift = abs(turn.elapsed() - (time.perf_counter() - perf_start))
    cpu = (cpu_after.user - cpu_before.user + cpu_after.system - cpu_before.system) / wall
    worst = max((sum(1 for r in renders if s <= r < s + 1) for s in range(int(wall))), default=0)

    print(f"ticked {wall:.1f} s, answer {text!r}")
    print(f"drift     {drift * 1000:.2f} ms   (budget < 50 ms)")
    print(f"redraws   {len(renders) / wall:.2f}/s average, {worst}/s worst second (budget <= 4)")
    print(f"CPU       {cpu * 100:.2f} % of a core (budget < 5 %)")
    ok = drift < 0.05 and worst <= 4 and cpu < 0.05
    print("within budget" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
