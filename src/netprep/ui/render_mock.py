"""Rich views for the mock interview and its history.

Interview chrome (briefing, question panels, feedback) goes to the stderr console;
the end-of-round summary and history views are data, on stdout. User and pack text
always goes through `safe()`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from netprep.coach.terms import speaking_seconds
from netprep.mock.scoring import main_finding
from netprep.text import bare_point, plural
from netprep.ui.text import bullet, hanging, print_measures, safe
from netprep.ui.timer import clock, over, signed

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from netprep.mock.model import AnswerRecord, Plan, Planned, SessionResult, Turn

ROUND_NAMES = {
    "mixed": "mixed (behavioral, culture fit, role-specific, technical fundamentals)",
    "behavioral": "behavioral",
    "culture": "culture fit",
    "role": "role-specific",
    "technical": "technical fundamentals",
    "resume": "resume deep-dive",
    "pitch": "tell me about yourself",
    "screen": "recruiter and hiring-manager screen (short answers: 30-60 s each)",
    "design": "system design, 45 minutes in five phases",
    "estimate": "estimation practice (back-of-envelope numbers)",
}
KEYS_HINT = ("Enter submits · Alt+Enter (or Esc then Enter) adds a new line · an empty "
             "answer means you answered aloud · Ctrl-D ends the round · Ctrl-C stops and saves")
OVER_TOLERANCE = 10
NARROW = 100  # below this many columns the summary is a list, not a table (at 80 the
# question column was squeezed to 14 characters, a word or two a line)


def _over_style(seconds: float) -> str:
    return "red" if seconds > OVER_TOLERANCE else ("yellow" if seconds > 0 else "green")


def _versus(elapsed: float, target: float, words: bool = True) -> Text:
    """"0:07 over" / "0:40 under" / "on time", coloured, from the shown (whole) seconds.

    With words the direction says it all, so no sign; the bare form is "+0:07" / "-0:40".
    """
    from rich.text import Text

    diff = over(elapsed, target)
    if not words:
        return Text(signed(diff), style=_over_style(diff))
    label = "on time" if diff == 0 else f"{clock(diff)} {'over' if diff > 0 else 'under'}"
    return Text(label, style=_over_style(diff))


def render_briefing(plan: Plan, console: Console, interactive: bool,
                    keys: str | None = None) -> None:
    """The round at a glance; `keys` replaces the input line (spoken answers)."""
    from rich.panel import Panel
    from rich.table import Table

    targets = sorted({item.target_seconds for item in plan.items})
    if len(targets) == 1:
        per = f"{clock(targets[0])} per question"
    else:
        per = f"{clock(targets[0])} to {clock(targets[-1])} per question (shown with each)"
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    grid.add_row("Round", ROUND_NAMES.get(plan.round, plan.round))
    grid.add_row("Questions", str(plan.total))
    timing = f"{per}, about {clock(plan.target_seconds)} in all"
    doing = "speak" if keys else "type"
    grid.add_row("Time", timing + (f"; the countdown runs while you {doing}, overtime is allowed"
                                   if plan.timed else "; untimed (the time taken is recorded)"))
    grid.add_row("Tip 1", safe(plan.tips[0]))
    grid.add_row("Tip 2", safe(plan.tips[1]))
    if keys:
        grid.add_row("Keys" if interactive else "Input", keys)
    elif interactive:
        grid.add_row("Keys", KEYS_HINT)
    else:
        grid.add_row("Input", "one line of stdin per answer (an empty line: answered aloud)")
    if plan.rubric is not None:
        grid.add_row("Scored on", safe(" · ".join(a.name for a in plan.rubric.areas)))
        grid.add_row("Habit", safe(plan.rubric.habits[0]))
    if plan.note:
        grid.add_row("Note", safe(plan.note, "yellow"))
    console.print(Panel(grid, title="Mock interview", title_align="left", border_style="cyan"))


def render_question(turn: Turn, console: Console, library_names: dict[str, str]) -> None:
    from rich.console import Group
    from rich.padding import Padding
    from rich.panel import Panel
    from rich.text import Text

    item = turn.item
    question = item.question
    if turn.follow_up is not None:
        body = Text()
        body.append_text(safe(turn.follow_up, "bold"))
        target = f"target {clock(turn.target_seconds)}" if turn.timed else "untimed"
        console.print(Panel(body, title="Follow-up", title_align="left", subtitle=target,
                            subtitle_align="right", border_style="magenta"))
        return
    title = f"Question {item.position} of {turn.total}"
    subtitle = _subtitle(item, library_names, turn.timed, console.width - len(title) - 10)
    body = Text()
    body.append_text(safe(question.text, "bold"))
    hint = item.hint
    if hint is not None:
        body.append("\n\n")
        if hint.kind == "story":
            body.append("Your story: ", style="green")
            body.append_text(safe(f"#{hint.story_id} {hint.title}", "green bold"))
        elif hint.kind == "entry":
            body.append("Your entry: ", style="green")
            body.append_text(safe(hint.title, "green bold"))
        elif hint.kind == "close":
            body.append_text(safe(hint.title, "yellow"))
        elif hint.kind == "template":
            body.append("Guide: ", style="cyan")
            body.append_text(safe(hint.title, "cyan"))
        else:
            body.append_text(safe(hint.title, "dim"))
    lines = [] if hint is None else [Padding(safe(line, "dim"), (0, 0, 0, 2))
                                       for line in hint.lines]  # wrapped lines stay indented
    console.print(Panel(Group(body, *lines), title=title,
                        title_align="left", subtitle=subtitle, subtitle_align="right",
                        border_style="blue"))


def _subtitle(item: Planned, names: dict[str, str], timed: bool, room: int = 200) -> Any:
    """"behavioral · Ownership · target 2:30", shortened to fit `room` columns: the
    competency goes first, then the round; the target always stays."""
    question = item.question
    kind = (ROUND_NAMES.get(question.round, question.round)
            if question.round not in ("technical", "design", "estimate") else question.round)
    if question.screen:  # asked only in a screen: "hiring-manager screen"
        kind = f"{question.screen} screen"
    detail = (", ".join(names.get(c, c) for c in question.competencies)
              if question.competencies else question.topic or "")
    target = f"target {clock(item.target_seconds)}" if timed else "untimed"
    for words in ([kind, detail, target], [kind, target], [target]):
        text = " · ".join(w for w in words if w)
        if len(text) <= room:
            break
    return safe(text)


def _drill_line(drill: dict[str, Any]) -> Text:
    """"Coding drill: Two Sum, 8 of 8 tests, solved in 12:40 of 15:00 (2:20 under)"."""
    from rich.text import Text

    line = Text("Coding drill: ", style="bold")
    line.append_text(safe(str(drill.get("title") or drill.get("exercise_id") or "")))
    if drill.get("lang"):
        line.append(f" ({drill['lang']})")
    line.append(f", {drill.get('passed', 0)} of {drill.get('total', 0)} tests")
    line.append(", solved" if drill.get("solved") else ", not solved")
    elapsed = float(drill.get("elapsed_seconds") or 0)
    target = drill.get("target_seconds")
    line.append(f" in {clock(elapsed)}")
    if target:
        line.append(f" of {clock(target)} (")
        line.append_text(_versus(elapsed, float(target)))
        line.append(")")
    return line.append(".")


def _short_finding(record: AnswerRecord) -> str:
    """The summary table's cell: missed key points show the first and count the rest."""
    missed = record.checklist.get("key_points_missed") or []
    wrong = record.checklist.get("key_points_wrong") or []
    if record.findings and record.findings[0].get("code") == "key-point-wrong" and wrong:
        more = f" (and {len(wrong) - 1} more)" if len(wrong) > 1 else ""
        return f"Stated wrongly — correct: {bare_point(wrong[0])}{more}"
    if record.findings and record.findings[0].get("code") == "key-points-missed" and missed:
        more = f" (and {len(missed) - 1} more)" if len(missed) > 1 else ""
        total = len(record.question.key_points) or len(missed)
        return f"Missed {len(missed)} of {total} key points: {bare_point(missed[0])}{more}"
    if record.follow_up_closed and not record.findings:
        from netprep.mock.judge import GAP_ASKED

        asked = GAP_ASKED.get(record.follow_up_gap or "", "what it asked for")
        return f"No issues left: your follow-up gave {asked}."
    return main_finding(record)


def render_feedback(record: AnswerRecord, console: Console, key_points: bool = False) -> None:
    """What the answer shows, right after it is given (and the key points, when asked)."""
    from rich.text import Text

    line = Text()
    line.append(f"Time: {clock(record.elapsed_seconds)} of {clock(record.target_seconds)} (")
    line.append_text(_versus(record.elapsed_seconds, record.target_seconds))
    line.append(")")
    if record.follow_up_seconds is not None:
        line.append(f" · follow-up {clock(record.follow_up_seconds)}")
    analysis = record.analysis
    points = record.question.key_points if key_points else ()
    if analysis is None:
        line.append(" · answered aloud", style="dim")
        print_measures(console, line)
        _clarifications(record, console)
        _key_points(points, record.checklist, console)
        return
    extra = getattr(analysis, "extra", {}) or {}
    said = speaking_seconds(analysis.words)  # the one estimate, as `star check` and the pitch
    merged = record.follow_up_gap not in (None, "challenge")  # a challenge is read apart
    joined = " with the follow-up" if merged and record.follow_up_answer else ""
    line.append(f" · {plural(analysis.words, 'word')}{joined} (~{clock(said)} to say)")
    score = getattr(analysis, "score", None)
    if score is not None:
        line.append(f" · score {score}/100 ")
        line.append("ready" if analysis.ready else "not ready yet",
                    style="green" if analysis.ready else "yellow")
    kind = getattr(analysis, "kind", "")
    if kind in ("behavioral", "culture", "story"):
        parts = analysis.parts
        star = " ".join(p[0].upper() if parts.get(p) else "_"
                        for p in ("situation", "task", "action", "result"))
        line.append(f" · STAR {star}")
        line.append(f" · metric {'yes' if analysis.has_metric else 'no'}")
        line.append(f" · I {analysis.i_count} / we {analysis.we_count}")
    elif kind == "technical" and record.question.key_points:
        covered = len(extra.get("key_points_covered", ()))
        line.append(f" · key points {covered}/{len(record.question.key_points)}")
        wrong = len(extra.get("key_points_wrong", ()))
        if wrong:
            line.append(f" · {wrong} stated wrongly", style="red")
    elif kind == "walkthrough":
        from netprep.mock.walkthrough import PARTS

        shown = extra.get("walkthrough", {})
        line.append(" · " + ", ".join(("✓ " if shown.get(k) else "✗ ") + name
                                      for k, name, _ in PARTS))
    elif kind == "motivation":
        talking = extra.get("talking_points", {})
        marks = {"specific": "specific", "own_experience": "your experience",
                 "forward_looking": "forward-looking"}
        line.append(" · " + ", ".join(("✓ " if talking.get(k) else "✗ ") + v
                                      for k, v in marks.items()))
    fillers = sum(analysis.fillers.values()) if analysis.fillers else 0
    if fillers:
        line.append(f" · {fillers} filler{'s' if fillers != 1 else ''}")
    print_measures(console, line)
    for finding in record.findings[:3]:
        text = safe(finding["message"], "yellow")
        if finding.get("suggestion"):
            text.append(" ")
            text.append_text(safe(finding["suggestion"], "dim"))
        bullet(console, text)
    closed = _closed_line(record.follow_up_gap, record.follow_up_closed,
                          record.follow_up_reading)
    if closed is not None:
        bullet(console, closed, marker="✓" if record.follow_up_closed else "•")
    _clarifications(record, console)
    _key_points(points, record.checklist, console)


def _closed_line(gap: str | None, closed: bool | None,
                 reading: dict[str, Any] | None = None) -> Text | None:
    """Whether the follow-up reply closed the gap it was asked about (None: no probe); for
    a challenge, how the reply was read (heard, reasoned, acted on)."""
    from rich.text import Text

    from netprep.mock.judge import GAP_ASKED

    if gap is None or closed is None:
        return None
    if gap == "challenge":
        found = (reading or {}).get("findings") or []
        if closed or not found:
            return Text("Your reply to the challenge engaged with it, gave a reason and said "
                        "what you would change or check.", style="green")
        first = found[0]
        return Text(f"Your reply to the challenge: {first.get('message', '')} "
                    f"{first.get('suggestion', '')}".rstrip(), style="yellow")
    asked = GAP_ASKED.get(gap, "what it asked for")
    if closed:
        return Text(f"Closed by your follow-up: it gave {asked}, counted in the score.",
                    style="green")
    return Text(f"Your follow-up did not give {asked}.", style="yellow")


def _clarifications(record: AnswerRecord, console: Console) -> None:
    missed = record.checklist.get("clarifications_missed")
    if missed is None:
        return
    asked = record.checklist.get("clarifications_asked") or []
    said = {c["id"]: c["question"] for c in record.question.clarifications or ()}
    style = "dim" if not missed else "yellow"  # each by its question, not its id
    hanging(console, "  Clarifications asked: ",
            " ".join(str(said.get(k, k)) for k in asked) or "none", style)
    if missed:
        hanging(console, "  Worth asking first: ",
                " ".join(str(said.get(k, k)) for k in missed), style)


def _key_points(points: tuple[str, ...], checklist: dict[str, Any], console: Console) -> None:
    """The question's key points, each once: covered [x], missed [ ], stated wrongly [!]."""
    from rich.text import Text

    covered = checklist.get("key_points", [])
    wrong = checklist.get("key_points_wrong", [])
    if points:
        console.print(Text("  Key points a good answer covers:", style="bold"))
    for point in points:  # a long point wraps under its own text, the mark kept whole
        if point in wrong:
            said = Text("stated wrongly — correct: ", style="red").append_text(safe(point))
            hanging(console, Text("    [!] ", style="red"), said)
            continue
        hanging(console, f"    {'[x]' if point in covered else '[ ]'} ", point)


def _marked(label: str, rows: list[tuple[str, Text]]) -> Any:
    """`label` then one row per item, its mark in a column of its own: a mark is never split
    across lines and a long item wraps under its text (`history show`)."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for mark, item in rows:
        grid.add_row(Text("  " + mark, style="red" if mark == "[!]" else ""), item)
    return Group(Text(label, style="bold"), grid)


def render_summary(result: SessionResult, console: Console,
                   drill: dict[str, Any] | None = None) -> None:
    """The round's table and totals; `drill` is the coding drill that ended it, if any."""
    plan = result.plan
    answered = len(result.answers)
    if not answered:
        ended = "Input ended before the first answer" if result.stopped_early else "No answers"
        console.print(f"{ended}: nothing was saved.")
        return
    title = f"Mock interview: {answered} of {plan.total} answered"
    if result.session_id is not None:
        title += f" (session {result.session_id})"
    if console.width < NARROW:
        _summary_list(result, title, console)
    else:
        _summary_table(result, title, console)
    _summary_totals(result, console, drill)


def _summary_list(result: SessionResult, title: str, console: Console) -> None:
    """Below NARROW columns the table would squeeze a word per line: one entry per answer."""
    from rich.text import Text

    console.print(Text(title, style="bold"))
    for record in result.answers:
        lead = f"  {record.position}. "
        hanging(console, lead, record.question.text)
        line = Text(f"{clock(record.elapsed_seconds)} of {clock(record.target_seconds)} (")
        line.append_text(_versus(record.elapsed_seconds, record.target_seconds, words=False))
        line.append(")")
        if record.score is not None:
            line.append(" · score ")
            line.append(str(record.score), style="green" if record.ready else "yellow")
        if record.rating is not None:
            line.append(f" · rating {record.rating}/5")
        hanging(console, " " * len(lead), line)
        hanging(console, " " * len(lead), _short_finding(record))


def _summary_table(result: SessionResult, title: str, console: Console) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("#", justify="right")
    table.add_column("question", ratio=1, max_width=40)
    table.add_column("target", justify="right", no_wrap=True)
    table.add_column("used", justify="right", no_wrap=True)
    table.add_column("+/-", justify="right", no_wrap=True)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("rating", justify="right", no_wrap=True)
    table.add_column("main finding", ratio=1)
    for record in result.answers:
        score = record.score
        table.add_row(
            str(record.position), safe(record.question.text), clock(record.target_seconds),
            clock(record.elapsed_seconds),
            _versus(record.elapsed_seconds, record.target_seconds, words=False),
            Text(str(score), style="green" if record.ready else "yellow")
            if score is not None else "-",
            f"{record.rating}/5" if record.rating is not None else "-",
            safe(_short_finding(record)),
        )
    console.print(table)


def _summary_totals(result: SessionResult, console: Console,
                    drill: dict[str, Any] | None) -> None:
    from rich.text import Text

    plan = result.plan
    answered = len(result.answers)
    from netprep.ui.render_voice import render_voice_summary

    render_voice_summary(result.answers, console)
    used = sum(r.elapsed_seconds for r in result.answers)
    target = sum(r.target_seconds for r in result.answers)
    if result.answers:
        total = Text(f"Total: {clock(used)} of {clock(target)} (")
        total.append_text(_versus(used, target))
        console.print(total.append(")."))
    if drill:
        console.print(_drill_line(drill))
        if drill.get("nudges"):
            console.print(safe(str(drill.get("result") or "")))
        if drill.get("think_aloud"):
            from netprep.ui.render_code import render_think_aloud

            render_think_aloud(drill["think_aloud"])
    if result.stopped_early:
        console.print(Text(f"Input ended after {answered} of {plan.total} questions; "
                           "the answers given were saved.", style="yellow"))
    _rubric_lines(result, console)
    if result.suggestions:
        console.print(Text("What to work on:", style="bold"))
        for i, tip in enumerate(result.suggestions, start=1):
            bullet(console, tip, marker=f"{i}.")  # wrapped lines stay under the text
    if result.session_id is not None:
        console.print(f"Saved as session {result.session_id}: "
                      f"`netprep history show {result.session_id}` shows every answer.")


def _rubric_lines(result: SessionResult, console: Console) -> None:
    """The coach's findings by the round's rubric areas, weakest named first."""
    from rich.text import Text

    from netprep.mock.rubric_read import SAID, read

    rows = read(result.plan.rubric, result.answers)
    if not rows:
        return
    console.print(Text("By the round's rubric (`netprep tips rubrics`):", style="bold"))
    for row in rows:
        said = f"{row['met']} of {row['of']} {'answer' if row['of'] == 1 else 'answers'}"
        if row["missing"]:
            said += " (" + ", ".join(SAID.get(c, c) for c in row["missing"]) + ")"
        bullet(console, f"{row['name']}: {said}")


# --- history -----------------------------------------------------------------------------


def render_sessions(sessions: list[dict[str, Any]], console: Console) -> None:
    from rich import box
    from rich.table import Table

    if not sessions:
        console.print("No mock interviews yet. Start one with `netprep mock --timed`.")
        return
    if console.width < SESSIONS_TABLE_WIDTH:
        _session_list(sessions, console)
        return
    table = Table(title="Mock interviews", title_justify="left", box=box.SIMPLE_HEAD,
                  pad_edge=False)
    for name, justify in (("id", "right"), ("started", "left"), ("round", "left"),
                          ("timed", "left"), ("answered", "right"), ("time", "right"),
                          ("+/-", "right"), ("rating", "right"), ("complete", "left")):
        table.add_column(name, justify=justify,  # type: ignore[arg-type]
                         no_wrap=name not in ("round", "started"))
    for s in sessions:
        table.add_row(
            str(s["id"]), s["started_at"][:16].replace("T", " "), safe(s["round"]),
            "yes" if s["timed"] else "no", f"{s['answered']}/{s['total']}",
            clock(s["total_seconds"]),
            _versus(s["total_seconds"], s["target_seconds"], False) if s["answered"] else "-",
            f"{s['avg_rating']:.1f}" if s["avg_rating"] is not None else "-",
            "yes" if s["complete"] else "no",
        )
    console.print(table)
    console.print("Every answer of one session: `netprep history show ID`.")


SESSIONS_TABLE_WIDTH = 92  # the table's width with a full date and "behavioral"


def _session_list(sessions: list[dict[str, Any]], console: Console) -> None:
    """The sessions as a list, one entry per session, for a window too narrow for the
    table (which would squeeze the date and the round into "2026-12…" / "behavi…")."""
    from rich.text import Text

    console.print("Mock interviews")
    for s in sessions:
        line = Text(f"#{s['id']} ", style="bold")
        line.append_text(safe(s["round"]))
        line.append(f" · {s['started_at'][:16].replace('T', ' ')}")
        line.append(f" · {s['answered']}/{s['total']} answered · {clock(s['total_seconds'])}")
        if s["answered"]:
            line.append(" (")
            line.append_text(_versus(s["total_seconds"], s["target_seconds"]))
            line.append(")")
        if s["avg_rating"] is not None:
            line.append(f" · rating {s['avg_rating']:.1f}")
        line.append(" · timed" if s["timed"] else " · untimed")
        line.append(" · complete" if s["complete"] else " · incomplete")
        print_measures(console, line)
    console.print("Every answer of one session: `netprep history show ID`.")


def render_attempts(attempts: list[dict[str, Any]], console: Console) -> None:
    """Coding drill attempts (`netprep code start`, `mock --coding`), newest first."""
    from rich import box
    from rich.table import Table

    if not attempts:
        return
    table = Table(title="Coding drills", title_justify="left", box=box.SIMPLE_HEAD,
                  pad_edge=False)
    for name in ("id", "started", "exercise", "language", "cases", "time", "solved"):
        table.add_column(name, justify="right" if name in ("id", "cases", "time") else "left")
    for a in attempts:
        target = f" of {clock(a['target_seconds'])}" if a["target_seconds"] else ""
        table.add_row(
            str(a["id"]), a["started_at"][:16].replace("T", " "), safe(a["exercise_id"]),
            safe(a["lang"]), f"{a['passed']}/{a['total']}",
            f"{clock(a['elapsed_seconds'])}{target}", "yes" if a["solved"] else "no",
        )
    console.print(table)


def render_session(session: dict[str, Any], console: Console) -> None:
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    status = "complete" if session["complete"] else "incomplete"
    head = Text()
    head.append(f"Session {session['id']}", style="bold")
    head.append(f" · {session['started_at'][:16].replace('T', ' ')} · ")
    head.append_text(safe(session["round"]))
    head.append(f" · {'timed' if session['timed'] else 'untimed'} · "
                f"{session['answered']} of {session['total']} answered · {status}")
    print_measures(console, head)  # wrapped between its parts ("1 of 1" / "answered")
    total = session["total_seconds"]
    target = session["target_seconds"]
    if session["answered"]:
        line = Text(f"Time {clock(total)} against {clock(target)} (")
        line.append_text(_versus(total, target))
        rating = session["avg_rating"]
        line.append("); not rated." if rating is None else f"); average rating {rating:g}/5.")
        console.print(line)
    for q in session["questions"]:
        body = Text()
        body.append_text(safe(q["text"], "bold"))
        body.append(f"\nTime: {clock(q['elapsed_seconds'])} of {clock(q['target_seconds'])} (")
        body.append_text(_versus(q["elapsed_seconds"], q["target_seconds"]))
        body.append(")")
        body.append(f" · rating {q['rating']}/5" if q["rating"] is not None else " · unrated")
        voice = q.get("voice")
        body.append("\nSaid: " if voice else "\nAnswer: ", style="bold")
        body.append_text(safe(q["answer"]) if q["answer"].strip()
                         else Text("(answered aloud)", style="dim"))
        if voice:
            from netprep.ui.render_voice import voice_line

            body.append("\n")
            body.append_text(voice_line(voice))
        if q["follow_up"]:
            body.append("\nFollow-up: ", style="bold")
            body.append_text(safe(q["follow_up"]))
            seconds = q["follow_up_seconds"]
            if seconds is not None:
                body.append(f" ({clock(seconds)})")
            body.append("\n  ")
            answer = q["follow_up_answer"] or ""
            body.append_text(safe(answer) if answer.strip()
                             else Text("(answered aloud)", style="dim"))
            closed = _closed_line(q.get("follow_up_gap"), q.get("follow_up_closed"),
                                  q.get("follow_up_reading"))
            if closed is not None:
                body.append("\n  ")
                body.append_text(closed)
        if q.get("partner"):
            body.append_text(_partner_line(q["partner"]))
        if q.get("score") is not None:
            body.append("\nScore: ", style="bold")
            body.append(f"{q['score']}/100 ")
            body.append("ready" if q["ready"] else "not ready yet",
                        style="green" if q["ready"] else "yellow")
        from netprep.mock.scoring import CHECKLIST

        order = {key: i for i, key in enumerate(CHECKLIST)}
        checks = dict(sorted(((k, v) for k, v in q["checklist"].items() if isinstance(v, bool)),
                             key=lambda kv: order.get(kv[0], len(order))))
        parts: list[Any] = [body]
        if checks:
            parts.append(_marked("Checklist:", [("[x]" if v else "[ ]", safe(CHECKLIST.get(k, k)))
                                                for k, v in checks.items()]))
        covered = q["checklist"].get("key_points")
        missed = q["checklist"].get("key_points_missed")
        wrong = q["checklist"].get("key_points_wrong") or []
        if isinstance(covered, list) and isinstance(missed, list) and (covered or missed or wrong):
            parts.append(_marked("Key points:", [("[x]", safe(p)) for p in covered]
                                 + [("[ ]", safe(p)) for p in missed]
                                 + [("[!]", Text("stated wrongly — correct: ", style="red")
                                     .append_text(safe(p))) for p in wrong]))
        findings = Table.grid(padding=(0, 1))
        findings.add_column(no_wrap=True)
        findings.add_column(ratio=1)
        for finding in q["findings"]:
            said = safe(finding.get("message", ""), "yellow")
            if finding.get("suggestion"):
                said.append(" ")
                said.append_text(safe(finding["suggestion"], "dim"))
            findings.add_row("•", said)
        if q["findings"]:
            parts.append(findings)
        # A screen's questions live in the behavioral bank; the round they were asked in
        # is the screen.
        title = f"Q{q['position']} · {'screen' if session['round'] == 'screen' else q['round']}"
        console.print(Panel(Group(*parts), title=safe(title), title_align="left"))
    planned = session.get("settings", {}).get("planned") or []
    if len(planned) > session["answered"] and not session["complete"]:
        missed = len(planned) - session["answered"]
        console.print(Text(f"{plural(missed, 'planned question')} "
                           f"{'was' if missed == 1 else 'were'} not answered.", style="dim"))
    for attempt in session.get("code_attempts") or []:
        console.print(_drill_line(attempt))


def _partner_line(partner: dict[str, Any]) -> Any:
    """`history show`: the partner's rubric scores, the candidate's own beside them."""
    from rich.text import Text

    from netprep.partner.rubric import PITCH, STORY, TECHNICAL

    names = {d.id: d.name for d in (*PITCH, *TECHNICAL, *STORY)}
    own = partner.get("self_ratings") or {}
    line = Text("\nPartner", style="bold")
    if partner.get("name"):
        line.append(" (")
        line.append_text(safe(str(partner["name"])))
        line.append(")")
    line.append(": ", style="bold")
    cells = [f"{names.get(k, k)} {v}/4" + (f" (you {own[k]})" if k in own else "")
             for k, v in (partner.get("ratings") or {}).items()]
    line.append_text(safe(" · ".join(cells)))
    if partner.get("note"):
        line.append("\n  ")
        line.append_text(safe(f"\u201c{partner['note']}\u201d", "italic"))
    return line
