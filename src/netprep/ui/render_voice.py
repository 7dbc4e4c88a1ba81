"""How a spoken answer sounded: pace, pauses, fillers and the transcript (stderr chrome)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from netprep.ui.text import safe
from netprep.ui.timer import clock

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

PACE = (110, 170)  # words per minute: below reads as hesitant, above as rushed
FILLERS_PER_MIN = 3.0  # more than this is noticeable to a listener
METER_CELLS = 12


def meter(level: float, cells: int = METER_CELLS) -> str:
    """A level meter as text: "▮▮▮▮▯▯▯▯▯▯▯▯" for a level of 0..1."""
    lit = max(0, min(cells, round(level * cells)))
    return "▮" * lit + "▯" * (cells - lit)


def pace_style(wpm: float) -> str:
    return "green" if PACE[0] <= wpm <= PACE[1] else "yellow"


def voice_line(voice: dict[str, Any]) -> Text:
    """"Spoken 1:52 · 142 wpm · 2 pauses of 2 s+ · fillers um ×3, uh ×1 (2.1/min)"."""
    from rich.text import Text

    line = Text(f"Spoken {clock(voice.get('talk_seconds', voice['audio_seconds']))}")
    wpm = voice.get("wpm") or 0
    line.append(" · ")
    line.append(f"{wpm} wpm", style=pace_style(wpm) if wpm else "dim")
    pauses = voice.get("pauses") or []
    if pauses:
        where = ", ".join(clock(p["at"]) for p in pauses[:4])
        line.append(f" · {len(pauses)} pause{'s' if len(pauses) != 1 else ''} of 2 s+ "
                    f"(at {where})")
    fillers = voice.get("fillers") or {}
    if fillers:
        listed = ", ".join(f"{k} ×{v}" for k, v in fillers.items())
        style = "yellow" if voice.get("fillers_per_min", 0) > FILLERS_PER_MIN else ""
        line.append(f" · fillers {listed} ({voice.get('fillers_per_min', 0)}/min)", style=style)
    else:
        line.append(" · no um or uh")
    return line


def tips(voice: dict[str, Any]) -> list[str]:
    wpm = voice.get("wpm") or 0
    out = []
    if wpm and wpm < PACE[0]:
        out.append(f"At {wpm} words a minute you sound unsure: aim for {PACE[0]}-{PACE[1]}.")
    elif wpm > PACE[1]:
        out.append(f"At {wpm} words a minute you are rushing: slow to {PACE[0]}-{PACE[1]} "
                   "and let the result land.")
    if voice.get("fillers_per_min", 0) > FILLERS_PER_MIN:
        out.append("Swap um and uh for a short silent pause: it reads as thinking, not doubt.")
    return out


def render_voice(voice: dict[str, Any] | None, console: Console) -> None:
    """After a spoken answer: what was heard, then the speaking measures."""
    if not voice:
        return
    from rich.text import Text

    said = voice.get("transcript") or ""
    heard = Text("Heard: ", style="bold")
    heard.append_text(safe(said, "italic") if said else Text("(nothing recognisable)", "dim"))
    console.print(heard)
    console.print(voice_line(voice))
    for tip in tips(voice):
        console.print(Text("  • ").append_text(safe(tip, "yellow")))


def render_voice_summary(records: list[Any], console: Console) -> None:
    """Under the summary table: pace and fillers of each spoken answer."""
    spoken = [r for r in records if getattr(r, "voice", None)]
    if not spoken:
        return
    from rich import box
    from rich.table import Table

    table = Table(title="Speaking", title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    for name, justify in (("#", "right"), ("spoken", "right"), ("wpm", "right"),
                          ("pauses", "right"), ("fillers", "right"), ("per min", "right")):
        table.add_column(name, justify=justify, no_wrap=True)  # type: ignore[arg-type]
    for record in spoken:
        v = record.voice
        wpm = v.get("wpm") or 0
        table.add_row(str(record.position), clock(v.get("talk_seconds", v["audio_seconds"])),
                      safe(str(wpm), pace_style(wpm)), str(len(v.get("pauses") or [])),
                      str(sum((v.get("fillers") or {}).values())), str(v.get("fillers_per_min")))
    console.print(table)
