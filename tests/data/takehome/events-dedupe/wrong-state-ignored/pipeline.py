"""WRONG: the state file is written but never read, so ids from earlier runs come through
again.

Events step whose state is a text file of ids, one a line, rewritten atomically.

Counts are a collections.Counter; rounding uses Decimal with a half-up context.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections import Counter
from decimal import ROUND_HALF_UP, Context, Decimal

HALF_UP = Context(rounding=ROUND_HALF_UP)


def reason_for(record: object) -> str | None:
    if not isinstance(record, dict):
        return "not an object"
    for name in ("id", "ts", "user", "amount"):
        if name not in record:
            return f"missing {name}"
    amount = record["amount"]
    if isinstance(amount, bool) or not isinstance(amount, (int, float)):
        return f"amount {amount!r} is not a number"
    return None


def shape(record: dict) -> dict:
    cents = (Decimal(str(record["amount"])) * 100).to_integral_value(context=HALF_UP)
    return {"id": record["id"], "ts": record["ts"], "user": record["user"].strip().lower(),
            "amount_cents": int(cents)}


def remembered(path: str) -> set[str]:
    try:
        with open(path, encoding="utf-8") as handle:
            return {line.strip() for line in handle if line.strip()}
    except FileNotFoundError:
        return set()


def write_lines(path: str, lines: list[str]) -> None:
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", delete=False,
                                     dir=os.path.dirname(os.path.abspath(path))) as handle:
        handle.writelines(f"{line}\n" for line in lines)
    os.replace(handle.name, path)


def run(input_path: str, output_path: str, state_path: str) -> dict:
    seen: set[str] = set()
    tally: Counter[str] = Counter(read=0, written=0, duplicates=0, rejected=0)
    fresh: list[dict] = []
    rejects: list[str] = []
    with open(input_path, encoding="utf-8") as handle:
        for line in handle.read().splitlines():
            if not line.strip():
                continue
            tally["read"] += 1
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                why: str | None = f"invalid JSON ({exc.msg})"
            else:
                why = reason_for(record)
            if why:
                tally["rejected"] += 1
                rejects.append(json.dumps({"line": line, "reason": why}))
                continue
            if record["id"] in seen:
                tally["duplicates"] += 1
                continue
            seen.add(record["id"])
            fresh.append(shape(record))
    fresh.sort(key=lambda e: (e["ts"], e["id"]))
    write_lines(output_path, [json.dumps(e) for e in fresh])
    write_lines(output_path + ".rejects", rejects)
    write_lines(state_path, sorted(seen))  # last, so a crash before it only repeats work
    tally["written"] = len(fresh)
    return dict(tally)


if __name__ == "__main__":
    print(json.dumps(run(*sys.argv[1:4])))
