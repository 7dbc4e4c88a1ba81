"""Rich views for `netprep code`: exercise list and statement, test reports, summaries.

Pack text and everything the user's code printed or raised goes through `safe()`,
so it is never read as markup or terminal control sequences.
"""

from __future__ import annotations

from typing import Any

from netprep.text import literal
from netprep.ui.console import out
from netprep.ui.text import bullet, copyable, hanging, safe

STATUS_STYLE = {
    "pass": "green",
    "fail": "red",
    "error": "red",
    "timeout": "yellow",
    "crash": "red",
    "skipped": "dim",
}
CELL = 48  # characters of a value shown in the table
DETAIL = 600  # characters of a value shown under a failure


def short(value: Any, limit: int = CELL, lang: str = "") -> str:
    text = literal(value, lang)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def call_text(args: list[Any], limit: int = CELL, lang: str = "") -> str:
    text = ", ".join(literal(arg, lang) for arg in args)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _function_name(data: dict[str, Any], lang: str) -> str:
    """The function to write in `lang` (`isAnagram` in JavaScript), from its signature."""
    import re

    if lang == "python":
        return str(data["function"])
    found = re.search(r"(\w+)\s*\(", data["signature"].get(lang, ""))
    return found.group(1) if found else str(data["function"])


def render_list(rows: list[dict[str, Any]]) -> None:
    from rich.table import Table

    table = Table(title="Coding exercises", title_justify="left")
    table.add_column("id", no_wrap=True)
    table.add_column("title", overflow="fold")
    table.add_column("level", no_wrap=True)
    table.add_column("min", justify="right", no_wrap=True)
    table.add_column("topics", overflow="fold")
    for row in rows:
        table.add_row(
            safe(row["id"]),
            safe(row["title"]),
            safe(row["difficulty"]),
            str(row["minutes"]),
            safe(", ".join(row["topics"])),
        )
    out().print(table)
    hint = "Start one with `netprep code start ID`; `netprep code show ID` shows it first."
    out().print(safe(hint, "dim"))


def render_exercise(data: dict[str, Any], in_drill: bool = False, lang: str = "python") -> None:
    """The statement, each language's signature and the examples, written in `lang` (the
    drill's language; `code show` shows Python's, whose function name it gives)."""
    from rich.text import Text

    console = out()
    console.print(safe(data["title"], "bold"))
    meta = f"{data['id']} · {data['difficulty']} · about {data['minutes']} min · " + ", ".join(
        data["topics"]
    )
    console.print(safe(meta, "dim"))
    console.print()
    # The pack's lines are wrapped for the YAML file, not the window: a paragraph is
    # rewrapped by words at any width, a sample indented by four spaces kept as it is.
    for number, paragraph in enumerate(data["statement"].strip().split("\n\n")):
        if number:
            console.print()
        if paragraph.startswith("    "):
            console.print(safe(paragraph), soft_wrap=True)
        else:
            console.print(safe(" ".join(paragraph.split())))
    console.print()
    for each in data["languages"]:
        # The signature without the body's opening brace (`function f(a) {` reads unfinished),
        # a wrapped one continuing under itself, not at column 0.
        hanging(console, Text(f"{each}: ", style="bold"),
                data["signature"][each].rstrip().removesuffix("{").rstrip())
    console.print()
    console.print(safe("Examples", "bold"))
    for example in data["examples"]:
        line = Text("  ")
        call = call_text(example["args"], 400, lang)
        line.append(safe(f"{_function_name(data, lang)}({call})"))
        line.append(" -> ")
        line.append(safe(short(example["expected"], 400, lang), "green"))
        console.print(line)
        if example.get("explain"):
            console.print(safe(f"    {example['explain']}", "dim"))
    console.print()
    start = "" if in_drill else f" Start it: netprep code start {data['id']}"
    console.print(safe(f"{data['tests']} hidden tests, {data['hints']} hints.{start}", "dim"))


def fair_widths(wanted: list[int], least: list[int], room: int) -> list[int]:
    """Column widths that fit `room`: each column its `wanted` width while they all fit,
    else the widest is cut first, never below its `least` (its header's width)."""
    widths = list(wanted)
    while sum(widths) > room:
        cuttable = [i for i, w in enumerate(widths) if w > least[i]]
        if not cuttable:
            break
        widest = max(cuttable, key=lambda i: widths[i])
        widths[widest] -= 1
    return widths


def render_report(report: dict[str, Any], details: int = 3) -> None:
    """The per-case table, then input/expected/actual for the first failures."""
    from rich.table import Table
    from rich.text import Text

    console = out()
    if report["error"]:
        console.print(safe("Your code did not load:", "bold red"))
        console.print(safe(report["error"]))
        if report.get("output"):
            console.print(safe("It printed:", "dim"))
            console.print(safe(report["output"].rstrip(), "dim"))
        console.print(safe(f"0/{report['total']} cases pass.", "red"))
        return
    lang = str(report.get("language") or "")  # Python's True and None in a Python drill
    rows = []
    for case in report["cases"]:
        status = case["status"]
        got = short(case["actual"], CELL // 2, lang) if status in ("pass", "fail") else status
        rows.append((case, call_text(case["args"], CELL, lang),
                     short(case["expected"], CELL // 2, lang), got))
    # Sized here: left to itself, Rich drops whole columns on a narrow terminal. Each value
    # column gets what its values need, headers always whole; the widest gives way first.
    room = max(3 * 8, console.width - 12 - 3 - 7 - 9 - 1)
    heads = ("input", "expected", "got")
    widths = fair_widths([max([len(h), *(len(r[i + 1]) for r in rows)])
                          for i, h in enumerate(heads)], [len(h) for h in heads], room)
    table = Table(box=None, padding=(0, 1), show_edge=False)
    table.add_column("#", justify="right", no_wrap=True, width=3)
    table.add_column("result", no_wrap=True, width=7)
    for head, width in zip(heads, widths, strict=True):
        table.add_column(head, overflow="ellipsis", no_wrap=True, width=width)
    table.add_column("time", justify="right", no_wrap=True, width=9)
    for case, call, expected, got in rows:
        status = case["status"]
        seconds = case["seconds"]
        table.add_row(
            str(case["index"] + 1),
            Text(status.upper() if status != "pass" else "pass", style=STATUS_STYLE[status]),
            safe(call),
            safe(expected),
            safe(got),
            "" if seconds is None else _duration(seconds),
        )
    console.print(table)
    failures = [case for case in report["cases"] if case["status"] != "pass"]
    shown: dict[str, int] = {}  # error text -> the case it was shown under
    for case in failures[:details]:
        console.print()
        console.print(safe(f"Case {case['index'] + 1}: {case['status']}", "bold"))
        console.print(safe(f"  input:    {call_text(case['args'], DETAIL, lang)}"))
        console.print(safe(f"  expected: {short(case['expected'], DETAIL, lang)}"))
        if case["status"] == "fail":
            console.print(safe(f"  got:      {short(case['actual'], DETAIL, lang)}"))
        if case["error"] and case["error"] in shown:
            console.print(safe(f"  (the same error as case {shown[case['error']]})", "dim"))
        elif case["error"]:
            shown[case["error"]] = case["index"] + 1
            _indented(console, case["error"].rstrip(), 2)
        if case["output"]:
            console.print(safe("  printed:", "dim"))
            _indented(console, case["output"].rstrip(), 4, "dim")
    if len(failures) > details:
        more = len(failures) - details
        console.print(safe(f"\n… and {more} more failing case{'s' if more != 1 else ''}.", "dim"))
    style = "bold green" if report["all_passed"] else "bold red"
    console.print()
    console.print(safe(f"{report['passed']}/{report['total']} cases pass.", style))


def _indented(console: Any, text: str, indent: int, style: str = "") -> None:
    """Text the code printed or raised, every line (and its wrapped rest) under `indent`."""
    from rich.padding import Padding

    console.print(Padding(safe(text, style), (0, 0, 0, indent)))


def _duration(seconds: float) -> str:
    if seconds < 0.001:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds:.2f} s"


def render_summary(summary: dict[str, Any]) -> None:
    from netprep.ui.timer import clock

    console = out()
    took = clock(summary["elapsed_seconds"])
    target = summary["target_seconds"]
    line = f"{summary['title']}: {summary['passed']}/{summary['total']} cases in {took}"
    if target:
        line += f" (target {clock(target)})"
    result = summary.get("result") or ("Solved." if summary["solved"] else "Not solved yet.")
    if summary["solved"]:
        verdict = result.rstrip(".") + (" within the target time." if summary["within_target"]
                                        else ".")
        if summary["timed"] and not summary["within_target"]:
            verdict = result.rstrip(".") + ", over the target time."
        console.print(safe(f"{verdict} {line}", "bold green"))
    else:
        console.print(safe(f"{result} {line}", "bold yellow"))
    from netprep.coding.nudges import nudge_note

    note = nudge_note(summary.get("nudges") or [], summary.get("nudges_available") or 0)
    if note:
        console.print(safe(note))
    clar = summary.get("clarifications")
    if clar:  # each by its question ("Can I use the same element twice?"), not its id
        said = clar.get("key_questions") or {}
        early = clar["key_asked_before_first_run"]
        console.print(safe("Key clarifications asked before the first run: "
                           + ("none." if not early else f"{len(early)}:")))
        for key in early:
            bullet(console, str(said.get(key, key)), marker="-")
        if clar["key_missed"]:
            console.print(safe("Worth asking next time:"))
            for key in clar["key_missed"]:
                bullet(console, str(said.get(key, key)), marker="-")
    if summary.get("think_aloud"):
        render_think_aloud(summary["think_aloud"])
    copyable(console, f"Your file stays at {summary['file']}.", "dim")


def render_nudge(level: int, available: int, text: str) -> None:
    out().print(safe(f"Interviewer (nudge {level}/{available}):", "bold"), safe(text, "cyan"))


def render_feedback(feedback: dict[str, Any]) -> None:
    out().print(safe("Interviewer's feedback:", "bold"), safe(feedback["text"], "cyan"))


def render_reply(reading: dict[str, Any]) -> None:
    console = out()
    if not reading["findings"]:
        console.print(safe("Your reply: answered well (you took the point, gave a reason "
                           "and said what you would do).", "green"))
        return
    console.print(safe("Your reply:", "bold"))
    for finding in reading["findings"]:  # wrapped under its own text, never at column 0
        bullet(console, f"{finding['message']} {finding['suggestion']}", marker="-")


def render_think_aloud(record: dict[str, Any]) -> None:
    """The think-aloud review: the timeline, then each habit with a suggestion."""
    from rich.text import Text

    from netprep.coding.thinkaloud import clock, silence_text

    console = out()
    console.print()
    console.print(safe("How you thought aloud", "bold"))
    timeline: list[tuple[float, str, str]] = []
    for piece in record["transcript"]:
        timeline.append((piece["start"], "said", piece["text"]))
    for run in record.get("runs", []):
        state = ("all pass" if run["all_passed"] else
                 "did not load" if run.get("error") else f"{run['passed']}/{run['total']} pass")
        timeline.append((run["at"], "run", state))
    for silence in record["silences"]:
        timeline.append((silence["start"], "quiet", silence_text(silence)))
    for at, kind, text in sorted(timeline, key=lambda t: t[0]):
        line = Text(f"  {clock(at):>6} {kind:<5} ", style="dim")
        line.append(safe(text, "yellow" if kind == "quiet" else ""))
        console.print(line)
    yes = {True: "yes", False: "no"}
    console.print(safe(
        f"Talking {record['talk_share']:.0%} of the drill · approach before the first run: "
        f"{yes[record['approach_before_first_run']]} · complexity said: "
        f"{yes[record['complexity_said']]} · tests said: {yes[record['tests_said']]} · "
        f"{record['fillers_per_min']} fillers/min"))
    for finding in record.get("findings", []):
        console.print(safe(f"  - {finding['message']} {finding['suggestion']}"))
    if not record.get("findings"):
        console.print(safe("  You talked it through the way interviewers hope: keep it up.",
                           "green"))


def render_answer(data: dict[str, Any]) -> None:
    """The interviewer's answer to a clarifying question."""
    style = "cyan" if data.get("matched") else "yellow"
    out().print(safe("Interviewer:", "bold"), safe(data["answer"], style))


def render_drill(attempt: dict[str, Any]) -> None:
    """`history show ID --drill`: one saved drill, its nudges, review and feedback."""
    from netprep.coding.thinkaloud import clock

    console = out()
    console.print(safe(f"Drill {attempt['id']} · {attempt['started_at'][:16].replace('T', ' ')}"
                       f" · {attempt['exercise_id']} ({attempt['lang']})", "bold"))
    console.print(safe(f"{attempt['result']} {attempt['passed']}/{attempt['total']} cases in "
                       f"{clock(attempt['elapsed_seconds'])}."))
    for nudge in attempt["nudges"]:
        how = "offered by the interviewer" if nudge["offered"] else "asked for"
        console.print(safe(f"  nudge {nudge['level']} at {clock(nudge['at'])}, {how}"))
    if attempt.get("think_aloud"):
        render_think_aloud(attempt["think_aloud"])
    feedback = attempt.get("feedback")
    if feedback:
        render_feedback(feedback)
        if feedback.get("reply"):
            console.print(safe(f"You said: {feedback['reply']['text']}", "dim"))
            render_reply(feedback["reply"])
