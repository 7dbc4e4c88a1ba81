"""WRONG: levels are printed alphabetically, where the brief asks for ERROR, WARNING, INFO,
DEBUG.

Log summary with getopt and a generator pipeline; fileinput reads FILE or -.

Timestamps are compared as text (ISO strings sort in time order) after checking
they are real dates; top errors print count first, after the level lines.
"""

import fileinput
import getopt
import json
import sys
from datetime import datetime
from heapq import nsmallest

SEVERITY = ("ERROR", "WARNING", "INFO", "DEBUG")


def entries(lines):
    """(timestamp, level, message), or None for a line that cannot be parsed."""
    for raw in lines:
        text = raw.rstrip("\r\n")
        if not text.strip():
            continue
        stamp, _, rest = text.partition(" ")
        level, _, message = rest.partition(" ")
        try:
            datetime.fromisoformat(stamp)
            valid = level in SEVERITY and "T" in stamp
        except ValueError:
            valid = False
        yield (stamp, level, message.strip()) if valid else None


def summarise(lines, since=None, top=0):
    counts = {}
    errors = {}
    malformed = 0
    for entry in entries(lines):
        if entry is None:
            malformed += 1
            continue
        stamp, level, message = entry
        if since and stamp < since:
            continue
        counts[level] = counts.get(level, 0) + 1
        if level == "ERROR":
            errors[message] = errors.get(message, 0) + 1
    best = nsmallest(top, errors.items(), key=lambda kv: (-kv[1], kv[0])) if top > 0 else []
    return {
        "levels": dict(sorted(counts.items())),
        "total": sum(counts.values()),
        "malformed": malformed,
        "top_errors": [{"message": m, "count": c} for m, c in best],
    }


def main(argv):
    try:
        options, rest = getopt.gnu_getopt(argv, "", ["since=", "top=", "json"])
    except getopt.GetoptError as exc:
        print(f"logtool: {exc}", file=sys.stderr)
        return 2
    if len(rest) != 1:
        print("usage: logtool FILE [--since TIMESTAMP] [--top N] [--json]", file=sys.stderr)
        return 2
    opts = dict(options)
    since = opts.get("--since")
    top = int(opts.get("--top", "0"))
    try:
        with fileinput.input(files=rest, encoding="utf-8", errors="replace") as lines:
            summary = summarise(lines, since, top)
    except FileNotFoundError:
        print(f"logtool: {rest[0]} does not exist.", file=sys.stderr)
        return 2
    if "--json" in opts:
        print(json.dumps(summary, indent=2))
    else:
        for level, count in summary["levels"].items():
            print(level, count)
        for item in summary["top_errors"]:
            print(f"{item['count']:>5}  {item['message']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
