"""The partner kit page: a guide, then one sheet per question; printable, self-contained.

Like the report, the page loads nothing (a Content-Security-Policy forbids any fetch)
and every text from a pack is escaped. When printed, each question starts a new page.
"""

from __future__ import annotations

from html import escape
from typing import Any

CSS = """
* { box-sizing: border-box; }
body { margin: 0; color: #1f2933; background: #f6f7f9;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 820px; margin: 0 auto; padding: 16px; }
section { background: #fff; border-radius: 10px; padding: 14px 18px; margin-bottom: 14px;
  box-shadow: 0 1px 2px rgba(0,0,0,.08); }
h1 { font-size: 1.45rem; margin: 0 0 4px; } h2 { font-size: 1.1rem; margin: 0 0 8px; }
h3 { font-size: .95rem; margin: 12px 0 4px; color: #6b21a8; }
.sub, .time { color: #5f6b7a; }
.read { font-size: 1.08rem; font-weight: 600; border-left: 4px solid #7c3aed;
  padding: 4px 10px; margin: 6px 0 10px; }
code { background: #eef0f3; border-radius: 4px; padding: 1px 5px; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; font-size: .88rem; }
th, td { border: 1px solid #d5dae0; padding: 4px 6px; text-align: left; vertical-align: top; }
td.box { width: 2.2em; text-align: center; }
.notes { border: 1px dashed #b8c0ca; border-radius: 6px; min-height: 7em; margin-top: 6px; }
ul, ol { margin: 4px 0; padding-left: 1.3em; }
@media print {
  body { background: #fff; } main { max-width: none; padding: 0; }
  section { box-shadow: none; border-radius: 0; padding: 0; }
  section.sheet { break-before: page; page-break-before: always; }
  .notes { min-height: 12em; }
}
"""


def _e(value: Any) -> str:
    return escape(str(value), quote=True)


def _items(lines: list[str], tag: str = "ul") -> str:
    return f"<{tag}>" + "".join(f"<li>{_e(x)}</li>" for x in lines) + f"</{tag}>"


def _rubric(dims: list[dict[str, Any]]) -> str:
    head = "<tr><th>Dimension</th>" + "".join(f"<th>{n}</th>" for n in (1, 2, 3, 4)) + \
        "<th>Score</th></tr>"
    rows = "".join(
        f"<tr><th>{_e(d['name'])}</th>" + "".join(f"<td>{_e(a)}</td>" for a in d["anchors"])
        + '<td class="box"></td></tr>' for d in dims)
    return f"<table>{head}{rows}</table>"


def _sheet(s: dict[str, Any], total: int) -> str:
    minutes, seconds = divmod(int(s["target_seconds"]), 60)
    parts = [f'<section class="sheet" data-position="{s["position"]}">',
             f"<h2>Question {s['position']} of {total}</h2>",
             f'<p class="time">Time: {minutes}:{seconds:02d} target</p>',
             f'<p class="read">{_e(s["question"])}</p>',
             "<h3>Listen for</h3>", _items(s["listen_for"])]
    if s["clarify"]:
        parts += ["<h3>Clarifications a strong candidate asks</h3>", _items(s["clarify"])]
    if s["follow_ups"]:
        parts += ["<h3>Follow-ups (ask one)</h3>", _items(s["follow_ups"], "ol")]
    parts += ["<h3>Score 1-4 by the anchors</h3>", _rubric(s["rubric"]),
              "<h3>Notes: one thing that worked, one thing to change</h3>",
              '<div class="notes"></div>', "</section>"]
    return "".join(parts)


def render_kit_html(kit: dict[str, Any]) -> str:
    guide = _items(kit["guide"])
    sheets = "".join(_sheet(s, kit["total"]) for s in kit["sheets"])
    scores = " ".join(f"{d['id']}=3" for d in kit["sheets"][0]["rubric"]) if kit["sheets"] \
        else ""
    return (
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\">"
        "<meta name=\"referrer\" content=\"no-referrer\">"
        f"<title>netprep partner kit: {_e(kit['round'])} round</title>"
        f"<style>{CSS}</style></head><body><main>"
        "<section class=\"guide\"><h1>Interviewer's kit</h1>"
        f"<p class=\"sub\">A {_e(kit['round'])} round of {kit['total']} questions, about "
        f"{_e(kit['minutes'])} minutes of answers. You play the interviewer; no interview "
        "experience is needed.</p><h3>How to run it</h3>" + guide +
        "<h3>Afterwards</h3><p>The candidate runs <code>" + _e(kit["command"]) +
        "</code>, which asks these questions in this order, and types your scores in "
        f"(for example <code>{_e(scores)} | your note</code>).</p></section>"
        + sheets + "</main></body></html>\n")
