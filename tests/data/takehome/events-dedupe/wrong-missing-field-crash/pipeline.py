"""WRONG: a line without one of the four fields stops the step with KeyError instead of going
to the rejects.

Events step with exact Fraction rounding and a JSON state file.

Each stage is a function: parse -> validate -> normalise -> dedupe -> write.
"""

import json
import math
import os
import sys
from fractions import Fraction


class BadLine(Exception):
    pass


def parse(line):
    try:
        return json.loads(line)
    except ValueError:
        raise BadLine("line is not JSON") from None


def validate(obj):
    if not isinstance(obj, dict):
        raise BadLine("line is not a JSON object")
    if isinstance(obj["amount"], bool) or not isinstance(obj["amount"], (int, float)):
        raise BadLine("amount is not numeric")
    if isinstance(obj["amount"], float) and not math.isfinite(obj["amount"]):
        raise BadLine("amount is not finite")
    return obj


def to_cents(amount):
    exact = Fraction(str(amount)) * 100  # the decimal as written, not the float's binary value
    return math.floor(exact + Fraction(1, 2))


def normalise(obj):
    return {"id": obj["id"], "ts": obj["ts"], "user": obj["user"].strip().lower(),
            "amount_cents": to_cents(obj["amount"])}


def read_state(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def atomic_write(path, text):
    temporary = f"{path}.{os.getpid()}.tmp"
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def run(input_path, output_path, state_path):
    seen = set(read_state(state_path))
    new, rejects = [], []
    stats = dict(read=0, written=0, duplicates=0, rejected=0)
    batch = set()
    with open(input_path, encoding="utf-8") as handle:
        for line in (raw.rstrip("\n") for raw in handle):
            if line.strip() == "":
                continue
            stats["read"] += 1
            try:
                event = normalise(validate(parse(line)))
            except BadLine as problem:
                stats["rejected"] += 1
                rejects.append({"line": line, "reason": str(problem)})
                continue
            if event["id"] in seen or event["id"] in batch:
                stats["duplicates"] += 1
            else:
                batch.add(event["id"])
                new.append(event)
    new.sort(key=lambda e: (e["ts"], e["id"]))
    atomic_write(output_path, "".join(json.dumps(e, sort_keys=True) + "\n" for e in new))
    atomic_write(output_path + ".rejects", "".join(json.dumps(r) + "\n" for r in rejects))
    atomic_write(state_path, json.dumps(sorted(seen | batch)))
    stats["written"] = len(new)
    return stats


if __name__ == "__main__":
    print(run(sys.argv[1], sys.argv[2], sys.argv[3]))
