"""Events step with its state in SQLite; rejects grouped by reason.

The seen ids live in a SQLite table at state_path; the new ids are inserted in
one transaction after the output files are in place. Sorting uses parsed
timestamps (the same order as the text for these ISO strings).
"""

import json
import os
import sqlite3
import sys
import tempfile
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

REQUIRED = ("id", "ts", "user", "amount")


def check(line):
    """(event, None) for a usable line, (None, reason) otherwise."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError:
        return None, "invalid JSON"
    if not isinstance(data, dict):
        return None, "not an object"
    absent = [f for f in REQUIRED if f not in data]
    if absent:
        return None, "missing field(s): " + ", ".join(absent)
    if type(data["amount"]) not in (int, float):
        return None, "amount must be a number"
    return data, None


def cents(amount):
    return int(Decimal(repr(amount)).scaleb(2).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def when(ts):
    try:
        return datetime.fromisoformat(ts.replace("Z", "+00:00")).timestamp(), ts
    except ValueError:
        return float("inf"), ts


def replace_file(path, lines):
    folder = os.path.dirname(os.path.abspath(path))
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=".part-")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        for line in lines:
            handle.write(line + "\n")
    os.replace(temporary, path)


def run(input_path, output_path, state_path):
    db = sqlite3.connect(state_path)
    try:
        db.execute("CREATE TABLE IF NOT EXISTS seen (id TEXT PRIMARY KEY)")
        known = {row[0] for row in db.execute("SELECT id FROM seen")}
        kept, rejected, read, duplicates = {}, {}, 0, 0
        with open(input_path, encoding="utf-8") as handle:
            for raw in handle:
                line = raw.rstrip("\r\n")
                if not line.strip():
                    continue
                read += 1
                data, reason = check(line)
                if reason:
                    rejected.setdefault(reason, []).append(line)
                    continue
                key = str(data["id"])
                if key in known or key in kept:
                    duplicates += 1
                    continue
                kept[key] = {"id": key, "ts": data["ts"], "user": str(data["user"]).strip().lower(),
                             "amount_cents": cents(data["amount"])}
        ordered = sorted(kept.values(), key=lambda e: (when(e["ts"]), e["id"]))
        replace_file(output_path, (json.dumps(e) for e in ordered))
        replace_file(output_path + ".rejects",
                     (json.dumps({"line": line, "reason": reason})
                      for reason in sorted(rejected) for line in rejected[reason]))
        with db:
            db.executemany("INSERT OR IGNORE INTO seen VALUES (?)", ((k,) for k in kept))
    finally:
        db.close()
    return {"read": read, "written": len(ordered), "duplicates": duplicates,
            "rejected": sum(len(v) for v in rejected.values())}


if __name__ == "__main__":
    print(json.dumps(run(*sys.argv[1:4])))
