"""The `netprep report` page: one self-contained HTML file, charts as inline SVG.

No scripts, fonts, images or links to load: a Content-Security-Policy forbids any
fetch, so the page works offline and nothing of it leaves the machine. Every text
that comes from the user or a pack (story titles, theme and competency names,
commands) is escaped with `html.escape`. Each chart's numbers are also written as
`data-*` attributes (`data-series`, `data-dates`, `data-values`), which the browser
test compares with `stats --json`.
"""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

W, H = 480, 230
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 30
COLOURS = ("#2563eb", "#db2777", "#059669", "#d97706", "#7c3aed", "#0891b2", "#dc2626")

CSS = """
:root { --bg: #f6f7f9; --card: #fff; --ink: #1f2933; --dim: #5f6b7a; --grid: #e3e7ec;
  --accent: #2563eb; --ok: #059669; --warn: #d97706; }
@media (prefers-color-scheme: dark) { :root { --bg: #111418; --card: #1b2027;
  --ink: #e6e9ee; --dim: #9aa5b1; --grid: #2c333d; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 16px; }
h1 { font-size: 1.5rem; margin: 0 0 4px; } h2 { font-size: 1.05rem; margin: 0 0 6px; }
.sub { color: var(--dim); margin: 0 0 16px; }
.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
  gap: 10px; margin-bottom: 16px; }
.fact, figure, section.plan { background: var(--card); border-radius: 10px;
  padding: 12px 14px; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
.fact .label { color: var(--dim); font-size: .8rem; text-transform: uppercase;
  letter-spacing: .04em; }
.fact .value { font-size: 1.35rem; font-weight: 650; }
.fact .note { color: var(--dim); font-size: .82rem; overflow-wrap: anywhere; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 520px), 1fr));
  gap: 14px; }
figure { margin: 0; min-width: 0; }
figure svg { width: 100%; height: auto; display: block; }
figcaption.reading { margin-top: 6px; }
.empty { color: var(--dim); font-style: italic; margin: 10px 0; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: .85rem; margin: 2px 0 4px;
  padding: 0; list-style: none; }
.legend i { display: inline-block; width: 10px; height: 10px; border-radius: 2px;
  margin-right: 5px; }
svg text { fill: var(--dim); font-size: 14px; }
svg .grid { stroke: var(--grid); stroke-width: 1; }
svg .bar-label { fill: var(--ink); }
section.plan { margin-top: 14px; }
section.plan ol { padding-left: 1.3em; } section.plan li { margin-bottom: 6px; }
code { background: var(--grid); border-radius: 4px; padding: 1px 5px; font-size: .88em;
  overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
td, th { text-align: left; padding: 5px 6px; border-top: 1px solid var(--grid);
  vertical-align: top; }
.why { color: var(--dim); display: block; font-size: .88rem; }
footer { color: var(--dim); font-size: .8rem; margin: 16px 0; }
"""


def _e(value: Any) -> str:
    return escape(str(value), quote=True)


def _prose(value: Any) -> str:
    """Escaped text whose `backquoted` commands are shown as code."""
    import re

    return re.sub(r"`([^`<>]+)`", r"<code>\1</code>", _e(value))


def _num(value: float) -> str:
    return f"{value:g}"


def _fmt(value: float, unit: str) -> str:
    if unit == "%":
        return f"{round(value * 100)}%"
    return f"{value:g}{unit}"


def _tick(value: float, unit: str) -> str:
    """An axis label: a bare number (the unit is in the title), or a percentage."""
    return f"{round(value * 100)}%" if unit == "%" else f"{round(value, 1):g}"


def _scale(series: list[dict[str, Any]]) -> tuple[float, float]:
    unit = series[0]["unit"]
    if unit == "%":
        return 0.0, 1.0
    if unit == "/100":
        return 0.0, 100.0
    if unit == "/5":
        return 0.0, 5.0
    top = max((p["value"] for s in series for p in s["points"]), default=1) or 1
    step = 10 ** max(0, len(str(int(top))) - 1)
    return 0.0, float(-(-top * 1.1 // step) * step)


def _line_svg(chart: dict[str, Any]) -> str:
    series = [s for s in chart["series"] if s["points"]]
    low, high = _scale(series)
    unit = series[0]["unit"]
    many = len(chart["series"]) > 1
    dates = sorted({p["date"] for s in series for p in s["points"]})
    slots = len(dates) if many else max(len(s["points"]) for s in series)
    inner_w, inner_h = W - LEFT - RIGHT, H - TOP - BOTTOM

    def x(i: int) -> float:
        return LEFT + (inner_w / 2 if slots == 1 else inner_w * i / (slots - 1))

    def y(v: float) -> float:
        return TOP + inner_h * (1 - (min(max(v, low), high) - low) / ((high - low) or 1))

    parts = [f'<svg viewBox="0 0 {W} {H}" role="img" aria-label="{_e(chart["title"])}">']
    steps = 5 if unit == "/5" else 4  # whole numbers on a 1-5 rating axis
    for k in range(steps + 1):
        value = low + (high - low) * k / steps
        yy = y(value)
        parts.append(f'<line class="grid" x1="{LEFT}" x2="{W - RIGHT}" y1="{yy:.1f}" '
                     f'y2="{yy:.1f}"/><text x="{LEFT - 6}" y="{yy + 4:.1f}" '
                     f'text-anchor="end">{_e(_tick(value, unit))}</text>')
    first, last = series[0]["points"][0]["date"], series[0]["points"][-1]["date"]
    if many:
        first, last = dates[0], dates[-1]
    parts.append(f'<text x="{LEFT}" y="{H - 10}">{_e(_short(first))}</text>')
    if last != first:
        parts.append(f'<text x="{W - RIGHT}" y="{H - 10}" text-anchor="end">'
                     f'{_e(_short(last))}</text>')
    for n, s in enumerate(chart["series"]):
        if not s["points"]:
            continue
        colour = COLOURS[n % len(COLOURS)]
        xs = [x(dates.index(p["date"])) if many else x(i) for i, p in enumerate(s["points"])]
        ys = [y(p["value"]) for p in s["points"]]
        values = ",".join(_num(p["value"]) for p in s["points"])
        stamps = ",".join(p["date"] for p in s["points"])
        parts.append(f'<g class="series" data-series="{_e(s["key"])}" '
                     f'data-label="{_e(s["label"])}" data-dates="{stamps}" '
                     f'data-values="{values}">')
        if len(xs) > 1:
            path = " ".join(f"{'M' if i == 0 else 'L'}{a:.1f},{b:.1f}"
                            for i, (a, b) in enumerate(zip(xs, ys, strict=True)))
            parts.append(f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="2.5" '
                         'stroke-linejoin="round" stroke-linecap="round"/>')
        radius = 3.5 if len(xs) <= 40 else 2
        for a, b, p in zip(xs, ys, s["points"], strict=True):
            parts.append(f'<circle cx="{a:.1f}" cy="{b:.1f}" r="{radius}" fill="{colour}">'
                         f'<title>{_e(s["label"])}, {_e(p["date"])}: '
                         f'{_e(_fmt(p["value"], unit))}</title></circle>')
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)


def _short(day: str) -> str:
    try:
        return f"{date.fromisoformat(day):%d %b}"
    except ValueError:
        return day


def _bars_svg(chart: dict[str, Any]) -> str:
    row, label_w = 30, 170
    bars = chart["bars"]
    height = row * len(bars) + 10
    top = chart["max"] or 1
    unit = chart["unit"]
    width = W - label_w - 56
    parts = [f'<svg viewBox="0 0 {W} {height}" role="img" aria-label="{_e(chart["title"])}">']
    threshold = chart.get("threshold")
    if threshold:
        tx = label_w + width * threshold / top
        parts.append(f'<line class="grid" x1="{tx:.1f}" x2="{tx:.1f}" y1="0" y2="{height}" '
                     'stroke-dasharray="4 3"/>')
    for i, bar in enumerate(bars):
        yy = 5 + i * row
        label = bar["label"] if len(bar["label"]) <= 20 else bar["label"][:19] + "…"
        length = max(2.0, width * min(bar["value"], top) / top)
        colour = "var(--ok)" if bar["ready"] else "var(--warn)"
        parts.append(
            f'<g class="bar" data-label="{_e(bar["label"])}" data-value="{_num(bar["value"])}">'
            f'<title>{_e(bar["label"])} ({_e(bar["note"])}): {_e(_fmt(bar["value"], unit))}'
            f'</title><text class="bar-label" x="0" y="{yy + 17}">{_e(label)}</text>'
            f'<rect x="{label_w}" y="{yy + 4}" width="{length:.1f}" height="{row - 10}" '
            f'rx="3" fill="{colour}"/><text x="{label_w + length + 6:.1f}" y="{yy + 17}">'
            f'{_e(_fmt(bar["value"], unit))}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


def _figure(chart: dict[str, Any]) -> str:
    body = ""
    if chart["kind"] == "line" and len(chart["series"]) > 1 and not chart["empty"]:
        items = "".join(f'<li><i style="background:{COLOURS[n % len(COLOURS)]}"></i>'
                        f'{_e(s["label"])}</li>' for n, s in enumerate(chart["series"]))
        body += f'<ul class="legend">{items}</ul>'
    if chart["empty"]:
        body += f'<p class="empty">{_prose(chart["empty"])}</p>'
    elif chart["kind"] == "line":
        body += _line_svg(chart)
    else:
        body += _bars_svg(chart)
    extra = ' data-partner="none"' if "partner" in chart and chart["partner"] is None else ""
    return (f'<figure id="{_e(chart["id"])}" data-chart="{_e(chart["id"])}"{extra}>'
            f'<h2>{_e(chart["title"])}</h2>{body}'
            f'<figcaption class="reading">{_e(chart["reading"])}</figcaption></figure>')


def _plan(plan: dict[str, Any]) -> str:
    left = plan["days_left"]
    if plan["interview_date"] and left is not None and left >= 0:
        head = (f"Interview {'today' if left == 0 else f'in {left} days'} "
                f"({date.fromisoformat(plan['interview_date']):%A %d %B %Y})")
    else:
        head = "No interview date set: a general plan (netprep plan --interview YYYY-MM-DD)"
    steps = "".join(f'<li><strong>{_e(s["step"])}</strong> <code>{_e(s["command"])}</code>'
                    f'<span class="why">{_prose(s["why"])}</span></li>' for s in plan["today"])
    rows = []
    for phase in plan["outline"]:
        when = (f'{_short(phase["from"])} – {_short(phase["to"])} ({phase["days"]} d)'
                if "from" in phase else phase["when"])
        commands = " ".join(f"<code>{_e(c)}</code>" for c in phase["commands"])
        rows.append(f"<tr><td>{_e(when)}</td><td>{_e(phase['focus'])}<br>{commands}</td></tr>")
    return (f'<section class="plan" id="plan" data-days-left="{"" if left is None else left}">'
            f'<h2>The plan</h2><p>{_e(head)}</p><h2>Today</h2><ol>{steps}</ol>'
            f'<h2>Outline</h2><table>{"".join(rows)}</table></section>')


def render_report_html(data: dict[str, Any]) -> str:
    facts = "".join(f'<div class="fact"><div class="label">{_e(f["label"])}</div>'
                    f'<div class="value">{_e(f["value"])}</div>'
                    f'<div class="note">{_e(f["note"])}</div></div>' for f in data["facts"])
    charts = "".join(_figure(c) for c in data["charts"])
    day = date.fromisoformat(data["today"])
    return (
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; img-src data:\">"
        "<meta name=\"referrer\" content=\"no-referrer\">"
        f"<title>netprep progress, {day:%d %B %Y}</title><style>{CSS}</style></head><body>"
        f"<main><h1>Your interview preparation</h1><p class=\"sub\">Progress on "
        f"{day:%A %d %B %Y} ({_e(data['timezone'])}) · trends cover the last 8 weeks · "
        f"this page is private and works offline</p>"
        f"<div class=\"facts\">{facts}</div><div class=\"charts\">{charts}</div>"
        f"{_plan(data['plan'])}<footer>Written by netprep at {_e(data['generated_at'])} "
        "(UTC). Nothing on this page is loaded from the network.</footer></main>"
        "</body></html>\n"
    )
