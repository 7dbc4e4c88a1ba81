"""The `netprep stats` screen: bars and arrows first, numbers beside them.

Pack and user text (story titles, theme titles, competency names) goes through
`safe()`; everything else is built here from numbers.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from netprep.ui.console import out
from netprep.ui.text import safe
from netprep.ui.timer import clock as timer_clock

if TYPE_CHECKING:
    from rich.text import Text

EIGHTHS = " ▏▎▍▌▋▊▉"
SPARK = "▁▂▃▄▅▆▇█"
ARROWS = {"better": ("▲", "green"), "worse": ("▼", "red"), "steady": ("=", "yellow")}


def bar(value: float, maximum: float, width: int = 20) -> str:
    """A horizontal bar `width` cells wide, to an eighth of a cell."""
    if maximum <= 0 or value <= 0:
        return "·".ljust(width)
    eighths = max(1, round(min(value / maximum, 1.0) * width * 8))
    full, part = divmod(eighths, 8)
    return ("█" * full + (EIGHTHS[part] if part else "")).ljust(width)


def spark(values: list[int]) -> str:
    top = max(values, default=0)
    if top <= 0:
        return "·" * len(values)
    return "".join("·" if v <= 0 else SPARK[min(7, int(v / top * 7.999))] for v in values)


def clock(seconds: float | None) -> str:
    """m:ss rounded to the second, or "-" when there is nothing to show."""
    return "-" if seconds is None else timer_clock(round(seconds))


def pct(value: float | None) -> str:
    return "-" if value is None else f"{round(value * 100)}%"


def _trend(text: Text, label: str, trend: dict[str, Any] | None, fmt: Any) -> None:
    if trend is None:
        return
    arrow, style = ARROWS[trend["direction"]]
    text.append(f" · {label} {fmt(trend['earlier'])} → {fmt(trend['recent'])} ")
    text.append(f"{arrow} {trend['direction']}", style=style)


def _when(value: str | None) -> str:
    if not value:
        return "-"
    moment = datetime.fromisoformat(value).astimezone()
    return moment.strftime("%a %d %b %H:%M")


def _names(items: list[dict[str, Any]], key: str, limit: int = 4) -> Text:
    from rich.text import Text

    text = Text()
    for i, item in enumerate(items[:limit]):
        if i:
            text.append(", ")
        text.append_text(safe(item[key]))
    if len(items) > limit:
        text.append(f" (+{len(items) - limit} more)")
    return text


def render_stats(data: dict[str, Any]) -> None:
    from rich.text import Text

    console = out()
    day = date.fromisoformat(data["today"])
    head = Text(f"Progress on {day:%A %d %B %Y}", style="bold")
    head.append(f" ({data['timezone']})", style="dim")
    console.print(head)
    streak = data["streak_days"]
    line = Text(f"Streak: {streak} practice day{'s' if streak != 1 else ''} in a row")
    if not data["practised_today"]:
        line.append(" (nothing recorded today yet)", style="dim")
    console.print(line)
    for title, rows in (
        ("What changed (last 8 weeks: earlier practice days → recent ones)", _changes(data)),
        ("Trends (last 8 weeks, oldest on the left)", _trends(data.get("trends"))),
        ("Stories", _stories(data["stories"])),
        ("Mock interviews", _mock({**data["mock"], "partner": data.get("partner")})),
        ("Culture quiz", _culture(data["culture"])),
        ("Reflections", _reflections(data["reflections"])),
        ("Coding drills", _coding(data["coding"])),
        ("Resume", _resume(data.get("resume"))),
        ("Practice days (last 8 weeks, one square a day, today last)", _activity(data)),
    ):
        if not rows:
            continue
        console.print()
        console.print(Text(title, style="bold underline"))
        for row in rows:
            indent, line = row if isinstance(row, tuple) else (2, row)
            _print(indent, line)


def _changes(data: dict[str, Any]) -> list[Text]:
    from rich.text import Text

    rows = []
    for label, trend, fmt in (
        ("mock self-rating", data["mock"]["rating_trend"], lambda v: f"{v:.1f}/5"),
        ("answers over time", data["mock"]["overtime_trend"], pct),
        ("culture accuracy", data["culture"]["accuracy_trend"], pct),
    ):
        if trend is None:
            continue
        arrow, style = ARROWS[trend["direction"]]
        line = Text(f"{arrow} ", style=style)
        line.append(f"{label:<18} {fmt(trend['earlier']):>5} → {fmt(trend['recent']):<5}  ")
        line.append(trend["direction"], style=style)
        rows.append(line)
    return rows


PLAIN_SPARK = "_.-=+*#"  # when the terminal cannot show block characters


def sparkline(values: list[float], width: int, plain: bool = False) -> str:
    """`values` scaled between their own minimum and maximum, at most `width` cells
    (neighbouring points averaged when there are more points than cells)."""
    if not values or width <= 0:
        return ""
    if len(values) > width:
        step = len(values) / width
        values = [sum(chunk) / len(chunk) for chunk in
                  (values[int(i * step):max(int(i * step) + 1, int((i + 1) * step))]
                   for i in range(width))]
    ramp = PLAIN_SPARK if plain else SPARK
    low, high = min(values), max(values)
    if high - low <= 1e-9:
        return ramp[len(ramp) // 2] * len(values)
    top = len(ramp) - 1
    return "".join(ramp[round((v - low) / (high - low) * top)] for v in values)


def _trends(trends: dict[str, list[dict[str, Any]]] | None) -> list[Any]:
    from rich.text import Text

    from netprep.progress.trends import MIN_POINTS, meta, reading, unit_of

    if not trends:
        return []
    console = out()
    plain = not (console.encoding or "").lower().replace("-", "").startswith("utf")
    label_width = 18
    rows: list[Any] = []
    for name, points in trends.items():
        if len(points) < MIN_POINTS:
            continue
        label = meta(name)[0]
        label = label if len(label) <= label_width else label[:label_width - 1] + (
            "~" if plain else "…")
        ends = reading(name, points, unit_of(name))
        room = max(8, console.width - 2 - label_width - 1)
        line = safe(label.ljust(label_width))
        line.append(" ")
        line.append(sparkline([float(p["value"]) for p in points], min(len(points), room, 28),
                              plain), style="cyan")
        rows.append(line)
        rows.append((4, Text(ends, style="dim")))
    return rows


def _print(indent: int, text: Text, hang: int = 0) -> None:
    """One line, indented; when it wraps, the continuation keeps the indent (and `hang` more:
    a numbered step or a bullet continues under its text)."""
    from rich.text import Text

    console = out()
    for number, line in enumerate(text.wrap(console, max(20, console.width - indent - hang))):
        line.rstrip()
        console.print(Text(" " * (indent + (hang if number else 0))) + line, soft_wrap=True)


def _commands(indent: int, commands: list[str]) -> None:
    """Commands joined by " · ", a line broken only between two commands, never inside one."""
    width = max(20, out().width - indent)
    lines: list[str] = []
    for command in commands:
        if lines and len(lines[-1]) + 3 + len(command) <= width:
            lines[-1] += " · " + command
        else:
            lines.append(command)
    for line in lines:
        _print(indent, safe(line, "cyan"))


def _then_command(lead: Any, command: str, indent: int = 2) -> list[Any]:
    """`lead` and a command the user may type, on one line when it fits; else the command
    goes on a line of its own under it, so it is never split inside."""
    from rich.text import Text

    head = lead if isinstance(lead, Text) else Text(lead)
    if indent + head.cell_len + 1 + len(command) <= out().width:
        return [head + Text(" " + command)]
    return [head, (indent + 2, Text(command))]


def _n(value: int) -> str:
    return f"{value:,}"


def _stories(s: dict[str, Any]) -> list[Any]:
    from rich.text import Text

    low, high = s["target"]
    line = Text(f"{s['count']} of {low}-{high} ")
    line.append(bar(s["count"], high, 10), style="cyan")
    if s["avg_score"] is not None:
        line.append(f"  average score {s['avg_score']:g}/100 · {s['ready']} ready")
    rows = [line]
    cov = s["coverage"]
    if cov["total"] is not None:
        covered = Text(f"competencies covered {cov['covered']} of {cov['total']} ")
        covered.append(bar(cov["covered"], cov["total"], 10).rstrip(), style="cyan")
        rows.append(covered)
        if cov["missing"]:
            missing = Text("no story yet for: ")
            missing.append_text(_names(cov["missing"], "name", 3))
            rows.append(missing)
    if s["weak"]:
        weakest = s["weak"][0]
        weak = Text("weakest: ")
        weak.append_text(safe(weakest["title"]))
        weak.append(f" {weakest['score']}/100:")
        rows.extend(_then_command(weak, f"netprep star check {weakest['id']}"))
    if not s["count"]:
        rows = _then_command("no stories yet: write your first with", "netprep star add")
    return rows


def _mock(m: dict[str, Any]) -> list[Any]:
    from rich.text import Text

    if not m["answers"] and not m["sessions"]:
        return _then_command("no mock interviews yet: start one with", "netprep mock --timed")
    rows = [Text("sessions per week, last 8 weeks:", style="dim")]
    top = max((w["sessions"] for w in m["weekly"]), default=0)
    for week in m["weekly"]:
        start = date.fromisoformat(week["week_start"])
        line = Text(f"w/c {start:%b %d}  ")
        line.append(bar(week["sessions"], top, 16), style="magenta")
        line.append(f" {week['sessions']:>3}")
        if week["answers"]:
            rating = "-" if week["avg_rating"] is None else f"{week['avg_rating']:.1f}"
            line.append(f"   rating {rating}/5 · {pct(week['overtime_rate'])} over time",
                        style="dim")
        rows.append(line)
    rows.append(Text(f"{_n(m['sessions'])} sessions · {_n(m['answers'])} answers"))
    rows.append(Text(f"average time {clock(m['avg_elapsed_seconds'])} against a "
                     f"{clock(m['avg_target_seconds'])} target · "
                     f"{pct(m['overtime_rate'])} of answers over time"))
    if m["avg_rating"] is not None:
        rows.append(Text(f"average self-rating {m['avg_rating']:.1f}/5"))
    voice = m.get("voice") or {}
    if voice.get("answers"):
        rows.append(Text(f"spoken answers {_n(voice['answers'])} · pace {voice['avg_wpm']} wpm "
                         f"· {voice['avg_fillers_per_min']} fillers/min"))
        for week in voice["weekly"]:
            start = date.fromisoformat(week["week_start"])
            rows.append(Text(f"  w/c {start:%b %d}  {week['answers']:>3} spoken · "
                             f"{week['avg_wpm']} wpm · {week['avg_fillers_per_min']} fillers/min",
                             style="dim"))
    rows += _partner(data_partner) if (data_partner := m.get("partner")) else []
    if m["weakest_round"]:
        r = m["rounds"][m["weakest_round"]]
        rating = "no rating" if r["avg_rating"] is None else f"{r['avg_rating']:.1f}/5"
        weakest = Text(f"weakest round: {m['weakest_round']} ({rating}, "
                       f"{pct(r['overtime_rate'])} over time)")
        if m["unpractised_rounds"]:
            weakest.append(f" · not practised yet: {', '.join(m['unpractised_rounds'])}")
        rows.append(weakest)
    return rows


def _partner(p: dict[str, Any]) -> list[Text]:
    """Partner rounds: their mean per rubric dimension beside yours, and the largest gap."""
    from rich.text import Text

    if not p.get("answers"):
        return []
    who = ", ".join(p["partners"]) or "a partner"
    rows = [Text(f"scored by {who}: {_n(p['answers'])} answers (rubric 1-4)")]
    for dim in p["by_dimension"].values():
        own = "" if dim["self"] is None else f" · you {dim['self']:.1f}"
        rows.append(Text(f"  {dim['name']}: partner {dim['partner']:.1f}{own}", style="dim"))
    if p.get("message"):
        rows.append(Text(p["message"]))
    return rows


def _culture(c: dict[str, Any]) -> list[Any]:
    from rich.text import Text

    line = Text(f"{_n(c['reviews'])} reviews · accuracy {pct(c['accuracy'])} · "
                f"{c['due_now']} due now")
    if c["new"]:
        line.append(f" · {c['new']} not seen yet")
    rows: list[Any] = [line]
    if c["next_due"]:
        rows.append(Text(f"next due {_when(c['next_due'])}"))
    # Titles in a column 30 wide; a longer one (at 60 columns "Informed captains, farming
    # for dissent" was cut to "farming fo…") goes whole on its own line, its bar under it.
    for theme in c["themes"]:
        measure = Text()
        if theme["reviews"]:
            measure.append(bar(theme["accuracy"] or 0, 1.0, 16), style="green")
            measure.append(f" {pct(theme['accuracy']):>4} of {_n(theme['reviews'])}")
        else:
            measure.append("not reviewed yet", style="dim")
        if len(theme["title"]) <= 30:
            rows.append(safe(theme["title"].ljust(30)) + Text(" ") + measure)
        else:
            rows.extend([safe(theme["title"]), (4, measure)])
    return rows


def _reflections(r: dict[str, Any]) -> list[Text]:
    from rich.text import Text

    return [_share(Text(f"{r['count']} written"), r["themes"], r["themes_total"], "themes")]


def _coding(c: dict[str, Any]) -> list[Text]:
    from rich.text import Text

    attempts = "attempt" if c["attempts"] == 1 else "attempts"
    line = Text(f"{_n(c['attempts'])} {attempts} · {_n(c['solved'])} solved")
    rows = [_share(line, c["exercises_solved"], c["exercises_total"], "exercises")]
    spoken = c.get("think_aloud") or {}
    if spoken.get("drills"):
        avg = spoken["average"]
        rows.append(Text(f"thinking aloud: {_n(spoken['drills'])} spoken drills · talking "
                         f"{avg['talk_share']:.0%} of the time · approach said first in "
                         f"{avg['approach_before_first_run']:.0%} · complexity in "
                         f"{avg['complexity_said']:.0%} · tests in {avg['tests_said']:.0%}"))
        trend = spoken.get("trend")
        if trend:
            talk = trend["talk_share"]
            rows.append(Text(f"  talk share {talk['earlier']:.0%} -> {talk['recent']:.0%} "
                             f"(earlier drills -> recent) · fillers/min "
                             f"{trend['fillers_per_min']['earlier']} -> "
                             f"{trend['fillers_per_min']['recent']}", style="dim"))
    return rows


def _resume(r: dict[str, Any] | None) -> list[Text]:
    from rich.text import Text

    if not r or not r["entries"]:
        return [Text("No resume entries yet: `netprep resume import FILE`.", style="dim")]
    line = Text(f"{_n(r['entries'])} entr{'y' if r['entries'] == 1 else 'ies'}")
    line = _share(line, r["entries"] - r["without_deep_dive"], r["entries"], "practised")
    rows = [line, Text(f"{r['without_story']} without a linked STAR story · pitch: "
                       f"{r['pitch']} · {r['questions_asked']} questions asked at the end of "
                       f"mocks")]
    return rows


def _share(line: Text, done: int, total: int, noun: str) -> Text:
    """Append "· 3 of 12 themes" and a small bar, when there is anything to count."""
    if total:
        line.append(f" · {done} of {total} {noun}")
        if done:  # an empty bar would read as a dangling separator
            line.append(" ")
            line.append(bar(done, total, 10).rstrip(), style="cyan")
    return line


def _activity(data: dict[str, Any]) -> list[Text]:
    from rich.text import Text

    days = data["activity"]
    line = Text()
    for entry in days:
        line.append("■" if entry["records"] else "□", style="green" if entry["records"] else "dim")
    active = sum(1 for entry in days if entry["records"])
    return [line, Text(f"{active} of the last {len(days)} days")]


# --- netprep plan -----------------------------------------------------------------------


def render_plan(data: dict[str, Any]) -> None:
    from rich.text import Text

    console = out()
    left = data["days_left"]
    if data["interview_date"] and left is not None and left >= 0:
        day = date.fromisoformat(data["interview_date"])
        when = "today" if left == 0 else "tomorrow" if left == 1 else f"in {left} days"
        console.print(Text(f"Interview {when} ({day:%A %d %B %Y})", style="bold"))
    else:
        head = Text("No interview date set: a general plan", style="bold")
        head.append(". Set the date with:", style="dim")
        console.print(head)
        # The command on a line of its own, as each step's, so it is never split.
        console.print(Text("  $ netprep plan --interview YYYY-MM-DD", style="dim"),
                      soft_wrap=True)

    console.print()
    console.print(Text("Today", style="bold underline"))
    for number, step in enumerate(data["today"], start=1):
        _print(2, Text(f"{number}. ") + safe(step["step"], "bold"), hang=3)
        _print(5, Text("$ ") + safe(step["command"], "cyan"))
        _print(5, safe(step["why"], "dim"))

    console.print()
    console.print(Text("Outline", style="bold underline"))
    for phase in data["outline"]:
        if "from" in phase:
            start, end = date.fromisoformat(phase["from"]), date.fromisoformat(phase["to"])
            span = f"{start:%b %d}" if start == end else f"{start:%b %d} – {end:%b %d}"
            label = f"{span} ({phase['days']} day{'s' if phase['days'] != 1 else ''})"
        else:
            label = phase["when"]
        _print(2, Text(label, style="bold"))
        _print(4, safe(phase["focus"]))
        _commands(4, phase["commands"])

    cal = data["calendar"]
    console.print()
    console.print(Text(f"Recruiting calendar: {cal['title']}", style="bold underline"))
    _print(2, safe(cal["text"]))
    nxt = cal["next"]
    _print(2, Text(f"Next: {nxt['event']} on {date.fromisoformat(nxt['date']):%d %B %Y} "
                   f"(in {nxt['days']} day{'s' if nxt['days'] != 1 else ''})."))
    for tip in cal["tips"]:
        line = Text("• ")
        line.append_text(safe(tip["title"], "bold"))
        line.append(": ")
        line.append_text(safe(tip["text"]))
        _print(2, line, hang=2)
