"""Views for `netprep assess`: the briefing, a problem, example runs and the report.

Pack text, paths and whatever the candidate's code printed go through `safe()`; lines
are plain text so they wrap by words at any width.
"""

from __future__ import annotations

from typing import Any

from netprep.ui.console import err, out
from netprep.ui.text import bullet, hanging, safe
from netprep.ui.timer import clock

RULES = (
    "One clock for every problem. No hints and no interviewer: read each problem, then "
    "start with the one you can finish.",
    "Run a problem's examples with Enter (or `netprep assess run N`); the hidden tests run "
    "once, when you submit, and each one passed earns its share of the points.",
    "A partial solution scores: submit what passes rather than nothing.",
)
AI_RULES = (
    "An AI assistant is allowed. What is judged is your own reasoning: read what it writes, "
    "test it on the cases the examples leave out, and fill in each file's \"How I checked "
    "it:\" line.",
)


def render_briefing(row: Any, problems: list[Any]) -> None:
    console = err()
    kind = "AI-assisted online assessment" if row.mode == "ai" else "Online assessment"
    total = sum(p.points for p in problems)
    console.print(safe(f"{kind} {row.id}: {len(problems)} problems, "
                       f"{clock(row.seconds_limit)} on the clock, {total} points.", "bold"))
    for problem in problems:
        e = problem.exercise
        hanging(console, f"  {problem.position}. ", f"{e.title} ({e.difficulty}, "
                f"{problem.points} points)")
    for rule in RULES + (AI_RULES if row.mode == "ai" else ()):
        bullet(console, rule, indent=0, marker="-")
    console.print(safe("Files:"))
    console.print(safe(row.folder), soft_wrap=True)  # one line, so it can be copied


def render_problem(problem: Any, path: Any, lang: str | None = None) -> None:
    """A problem as the assessment shows it: the statement, the function to write (in
    the assessment's language) and the examples, then its file (the screen showed the
    statement only: the examples were in the file alone)."""
    from rich.text import Text

    from netprep.ui.render_code import call_text, short

    e = problem.exercise
    console = err()
    console.print(safe(f"{problem.position}. {e.title} ({e.difficulty}, {problem.points} "
                       "points)", "bold"))
    for paragraph in e.statement.strip().split("\n\n"):  # wrapped by words at any width
        if paragraph.startswith("    "):  # a sample kept as it is
            console.print(safe(paragraph), soft_wrap=True)
        else:
            console.print(safe(" ".join(paragraph.split())))
    signature = (e.signature or {}).get(lang or "")
    if signature:
        hanging(console, Text("Write: ", style="bold"),
                signature.rstrip().removesuffix("{").rstrip())
    if e.examples:
        console.print(safe("Examples", "bold"))
        for example in e.examples:
            call = f"{e.function}({call_text(example['args'], 400)}) -> "
            hanging(console, "  ", call + short(example["expected"], 400), hang=4)
    console.print(safe("File:"))
    console.print(safe(str(path)), soft_wrap=True)


def render_examples(rows: list[dict[str, Any]]) -> None:
    console = err()
    for row in rows:
        head = f"{row['position']}. "
        if not row["attempted"]:
            said = f"{row['title']}: not started (the file is its starter)."
        elif row["error"]:
            said = f"{row['title']}: did not load: {row['error']}"
        else:
            said = (f"{row['title']}: {row['examples_passed']} of {row['examples_total']} "
                    "examples pass.")
        hanging(console, head, said)


def render_report(data: dict[str, Any]) -> None:
    console = out()
    kind = "AI-assisted online assessment" if data["mode"] == "ai" else "Online assessment"
    if data["submitted_at"] is None:
        console.print(safe(f"{kind} {data['id']}: not submitted, "
                           f"{clock(data['seconds_used'])} of {clock(data['seconds_limit'])} "
                           f"used. Submit with `netprep assess submit {data['id']}`."))
        return
    late = " (over time)" if data["late"] else ""
    console.print(safe(f"{kind} {data['id']}: {data['score']} of {data['max_score']} points "
                       f"({data['percent']}%), {clock(data['seconds_used'])} of "
                       f"{clock(data['seconds_limit'])} used{late}.", "bold"))
    for p in data["problems"]:
        state = ("not attempted" if not p["attempted"] else "did not load" if p["error"]
                 else f"{p['passed']} of {p['total']} hidden tests")
        hanging(console, f"  {p['position']}. ", f"{p['title']} ({p['difficulty']}): "
                f"{p['points']}/{p['max_points']} points, {state}")
        if data["mode"] == "ai" and p["attempted"]:
            hanging(console, "     How you checked it: ", p.get("note") or "(none)")
    for tip in data["advice"]:
        bullet(console, tip, indent=0, marker="-")


def render_list(rows: list[dict[str, Any]]) -> None:
    console = out()
    if not rows:
        console.print("No assessment yet. Start one with `netprep assess start`.")
        return
    for r in rows:
        when = r["started_at"][:16].replace("T", " ")
        score = (f"{r['score']}/{r['max_score']} ({r['percent']}%)" if r["submitted_at"]
                 else "not submitted")
        mode = ", AI-assisted" if r["mode"] == "ai" else ""
        hanging(console, f"{r['id']}. ", f"{when}: {len(r['problems'])} problems{mode}, "
                f"{score}")
