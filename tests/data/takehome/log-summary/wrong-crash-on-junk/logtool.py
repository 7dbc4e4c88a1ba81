"""WRONG: a line that is not a log line stops the tool with ValueError instead of being
counted.

Log summary as a small class; standard input is read from file descriptor 0.

Top errors are printed before the level counts, under their own heading
(the brief fixes neither the order of the two parts nor the top lines' format).
"""

import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class Summary:
    since: datetime | None = None
    levels: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)
    malformed: int = 0

    ORDER = ("ERROR", "WARNING", "INFO", "DEBUG")

    def feed(self, line):
        if not line.strip():
            return
        pieces = line.split(maxsplit=2)
        when = datetime.fromisoformat(pieces[0])
        level = pieces[1]
        if level not in self.ORDER:
            self.malformed += 1
            return
        if self.since and when < self.since:
            return
        self.levels[level] += 1
        if level == "ERROR":
            self.errors[pieces[2].strip() if len(pieces) > 2 else ""] += 1

    def top(self, n):
        return sorted(self.errors.items(), key=lambda item: (-item[1], item[0]))[:n]

    def as_dict(self, n):
        return {"levels": {k: self.levels[k] for k in self.ORDER if self.levels[k]},
                "total": sum(self.levels.values()), "malformed": self.malformed,
                "top_errors": [{"message": m, "count": c} for m, c in self.top(n)]}


def parse_args(argv):
    options = {"since": None, "top": 0, "json": False, "file": None}
    items = iter(argv)
    for arg in items:
        if arg == "--json":
            options["json"] = True
        elif arg in ("--since", "--top"):
            value = next(items, None)
            if value is None:
                raise ValueError(f"{arg} needs a value")
            options[arg[2:]] = datetime.fromisoformat(value) if arg == "--since" else int(value)
        elif options["file"] is None:
            options["file"] = arg
        else:
            raise ValueError(f"unexpected argument {arg}")
    if options["file"] is None:
        raise ValueError("give a log file, or - for standard input")
    return options


def main(argv):
    try:
        options = parse_args(argv)
    except ValueError as exc:
        print(f"logtool: {exc}", file=sys.stderr)
        return 2
    summary = Summary(since=options["since"])
    name = options["file"]
    try:
        handle = (open(0, encoding="utf-8", errors="replace", closefd=False) if name == "-"
                  else open(name, encoding="utf-8", errors="replace"))
    except FileNotFoundError:
        print(f"logtool: the file {name} was not found.", file=sys.stderr)
        return 2
    with handle:
        for line in handle:
            summary.feed(line)
    if options["json"]:
        print(json.dumps(summary.as_dict(options["top"])))
        return 0
    if options["top"]:
        print("Most common errors")
        for message, count in summary.top(options["top"]):
            print(f"({count}) {message}")
        print()
    for level in Summary.ORDER:
        if summary.levels[level]:
            print(f"{level} {summary.levels[level]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
