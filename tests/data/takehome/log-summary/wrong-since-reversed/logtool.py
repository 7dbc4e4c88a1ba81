"""WRONG: --since keeps the lines before the timestamp instead of those after it.

Log summary with a regular expression, section headers and a total of every line.

Another reading of the brief: the text output has a header line per section,
the JSON "total" counts every non-blank line read (malformed ones included),
"levels" lists all four levels (zeros too), and stdin is read as bytes.
"""

import argparse
import collections
import json
import re
import sys
from datetime import datetime

ORDER = ["ERROR", "WARNING", "INFO", "DEBUG"]
LINE = re.compile(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\s+(ERROR|WARNING|INFO|DEBUG)\b\s?(.*)")


def parse(text):
    match = LINE.fullmatch(text.strip())
    if not match:
        return None
    try:
        when = datetime.strptime(match.group(1), "%Y-%m-%dT%H:%M:%S")
    except ValueError:
        return None
    return when, match.group(2), match.group(3).strip()


def tally(lines, since):
    levels = dict.fromkeys(ORDER, 0)
    errors = collections.Counter()
    read = bad = 0
    for text in lines:
        if not text.strip():
            continue
        read += 1
        entry = parse(text)
        if entry is None:
            bad += 1
        elif since is None or entry[0] <= since:
            levels[entry[1]] += 1
            if entry[1] == "ERROR":
                errors[entry[2]] += 1
    return levels, errors, read, bad


def main(argv):
    parser = argparse.ArgumentParser(prog="logtool")
    parser.add_argument("file")
    parser.add_argument("--since")
    parser.add_argument("--top", type=int, default=0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    since = datetime.strptime(args.since, "%Y-%m-%dT%H:%M:%S") if args.since else None
    if args.file == "-":
        source = (raw.decode("utf-8", "replace") for raw in sys.stdin.buffer)
        levels, errors, read, bad = tally(source, since)
    else:
        try:
            with open(args.file, "rb") as handle:
                levels, errors, read, bad = tally(
                    (raw.decode("utf-8", "replace") for raw in handle), since)
        except OSError as exc:
            sys.stderr.write(f"logtool: cannot read {args.file}: {exc.strerror}\n")
            return 2
    top = sorted(errors.items(), key=lambda kv: (-kv[1], kv[0]))[: max(args.top, 0)]
    if args.json:
        json.dump({"levels": levels, "total": read, "malformed": bad,
                   "top_errors": [{"message": m, "count": n} for m, n in top]}, sys.stdout)
        sys.stdout.write("\n")
        return 0
    print("Lines by level:")
    for level in ORDER:
        if levels[level]:
            print(f"{level} {levels[level]}")
    if args.top:
        print(f"Top {args.top} errors:")
        for message, count in top:
            print(f"  {message}: {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
