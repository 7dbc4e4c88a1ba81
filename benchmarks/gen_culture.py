"""Fill a NETPREP_HOME with culture quiz history and time picking the next quiz.

    python benchmarks/gen_culture.py HOME --reviews 5000

inserts the reviews (and one card per reviewed item) over the built-in quiz items,
via `netprep.store.culture.generate_history`, then times what `netprep culture quiz`
does before its first question: snapshot of due cards (index on cards.due) and pick.
`time_pick(home)` is importable for benchmarks/run.py.
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import datetime, timezone
from pathlib import Path


def fill(home: Path, reviews: int, seed: int = 0) -> int:
    """Insert `reviews` answers over the loaded quiz items into the database in `home`."""
    from netprep.content import load_library
    from netprep.paths import DB_NAME, ensure_private_dir
    from netprep.store import open_store
    from netprep.store.culture import generate_history

    items = [(i.key, i.pack, i.theme) for i in load_library().quiz_items()]
    with open_store(ensure_private_dir(Path(home)) / DB_NAME) as store:
        return generate_history(store, reviews, items=items or None, seed=seed)


def time_pick(home: Path, repeat: int = 20) -> float:
    """Median seconds to snapshot the schedule and pick a ten-question quiz."""
    from netprep.content import load_library
    from netprep.culture import quiz as q
    from netprep.paths import DB_NAME
    from netprep.store import open_store
    from netprep.store.culture import snapshot

    items = load_library().quiz_items()
    times = []
    with open_store(Path(home) / DB_NAME) as store:
        for n in range(repeat):
            started = time.perf_counter()
            now = datetime.now(timezone.utc)
            q.pick(items, snapshot(store, q.cutoff(now)), 10, random.Random(n))
            times.append(time.perf_counter() - started)
    return sorted(times)[len(times) // 2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("home", type=Path)
    parser.add_argument("--reviews", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    count = fill(args.home, args.reviews, args.seed)
    print(f"inserted {count} reviews into {args.home}")
    print(f"pick: {time_pick(args.home) * 1000:.2f} ms (median)")


if __name__ == "__main__":
    main()
