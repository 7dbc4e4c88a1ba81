"""Rich views for `netprep star`: the list, one story, the coach's check and the bank.

Every piece of user or pack text goes through `safe()`, so markup such as
`[bold]` and escape sequences show literally (or are stripped) and never
reach the terminal as commands.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from netprep.coach.result import Analysis
from netprep.coach.terms import PARTS, READY_SCORE, story_window
from netprep.star.bank import BankReport
from netprep.star.model import Story
from netprep.text import plural
from netprep.ui.console import out
from netprep.ui.text import bullet, print_measures, safe
from netprep.ui.timer import clock

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from netprep.star.matching import Suggestion
    from netprep.store.stories import Summary



def score_text(score: int) -> Text:
    from rich.text import Text

    style = "green" if score >= READY_SCORE else "yellow" if score >= 50 else "red"
    return Text(f"{score:>3}", style=style)


def _tags(tags: Sequence[str], names: Mapping[str, str]) -> Text:
    from rich.text import Text

    if not tags:
        return Text("none", style="dim")
    return safe(", ".join(tags))


def render_list(summaries: Sequence[Summary], footer: Sequence[str]) -> None:
    from rich.table import Table

    console = out()
    if not summaries:
        console.print("No stories yet. Write your first with `netprep star add`.")
    else:
        table = Table(title="Your STAR stories", title_justify="left")
        # Columns never narrower than their longest word (up to a bound), so a 60-column
        # pane wraps between words and ids instead of splitting "collaboration".
        longest_tag = max((len(t) for s in summaries for t in s.tags), default=4)
        longest_word = max((len(w) for s in summaries for w in s.title.split()), default=5)
        narrow = console.width < 80  # a split pane: the speaking time says the length
        table.add_column("id", justify="right")
        table.add_column("title", overflow="fold", ratio=3, min_width=min(longest_word, 13))
        table.add_column("competencies", overflow="fold", ratio=2,
                         min_width=min(longest_tag, 16 if narrow else 18))
        if not narrow:
            table.add_column("words", justify="right")
        table.add_column("time", justify="right")
        table.add_column("score", justify="right")
        for s in summaries:
            words = [] if narrow else [str(s.words)]
            table.add_row(str(s.id), safe(s.title), _tags(s.tags, {}), *words,
                          clock(s.speaking_seconds), score_text(s.score))
        console.print(table)
    for line in footer:
        console.print(safe(line))


def render_findings(analysis: Analysis, console: Console | None = None) -> None:
    from rich.table import Table
    from rich.text import Text

    console = console or out()
    head = Text("Score ")
    head.append(str(analysis.score), style=score_text(analysis.score).style)
    head.append(f"/100 · {plural(analysis.words, 'word')} · "
                f"about {clock(analysis.speaking_seconds)} to tell (target {story_window()})")
    print_measures(console, head)
    if not analysis.findings:
        console.print(Text("✓ Nothing to fix: this story is ready to tell.", style="green"))
        return
    if analysis.ready:
        console.print(Text("✓ Ready to tell; the points below are advice.", style="green"))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for finding in analysis.findings:
        cell = Text()
        cell.append(finding.code, style="bold")
        cell.append(f": {finding.message}")
        grid.add_row("•", cell)
        # The suggestion hangs under its own first word, not back under the arrow.
        advice = Table.grid(padding=(0, 1))
        advice.add_column(no_wrap=True, style="cyan")
        advice.add_column(overflow="fold")
        advice.add_row("→", Text(finding.suggestion, style="cyan"))
        grid.add_row("", advice)
    console.print(grid)


def render_story(story: Story, analysis: Analysis, names: Mapping[str, str]) -> None:
    from rich.panel import Panel
    from rich.text import Text

    console = out()
    body = Text()
    for part in PARTS:
        text = story.part(part)
        body.append(f"{part.capitalize()} ({plural(analysis.parts.get(part, 0), 'word')})\n",
                    style="bold")
        body.append_text(safe(text) if text.strip() else Text("(empty)", style="dim"))
        body.append("\n\n")
    tags = ", ".join(f"{names.get(t, t)} ({t})" if t in names else t for t in story.tags)
    body.append("Competencies: ", style="bold")
    body.append_text(safe(tags or "none"))
    title = Text(f"#{story.id} ")
    title.append_text(safe(story.title))
    console.print(Panel(body, title=title, title_align="left"))
    render_findings(analysis, console)


def render_check(items: Sequence[tuple[Story, Analysis]], bank: BankReport | None,
                 names: Mapping[str, str], all_gaps: bool = False) -> None:
    from rich.text import Text

    console = out()
    for story, analysis in items:
        title = Text(f"#{story.id} ", style="bold")
        title.append_text(safe(story.title, "bold"))
        console.print(title)
        render_findings(analysis, console)
        console.print()
    if bank is not None:
        render_bank(bank, items, names, console, all_gaps)


def render_bank(bank: BankReport, items: Sequence[tuple[Story, Analysis]],
                names: Mapping[str, str], console: Console, all_gaps: bool = False) -> None:
    from rich.table import Table
    from rich.text import Text

    console.print(Text("Your bank", style="bold underline"))
    console.print(f"{bank.status} {bank.ready} ready (no blocking finding).")
    if bank.competencies and items:
        table = Table(title="Coverage: stories by competency", title_justify="left")
        table.add_column("competency", overflow="fold")
        for story, analysis in items:  # the header shows each story's id and score
            table.add_column(f"#{story.id}\n{analysis.score}", justify="center")
        for comp in bank.competencies:
            cells = []
            for story, analysis in items:
                covered = comp in bank.matrix.get(int(story.id or 0), [])
                style = "green" if analysis.score >= READY_SCORE else "yellow"
                cells.append(Text("✓", style=style) if covered else Text("·", style="dim"))
            table.add_row(safe(names.get(comp, comp)), *cells)
        console.print(table)
    if bank.uncovered:
        console.print(safe("No story covers: " + ", ".join(names.get(c, c) for c in bank.uncovered)
                           + ". Write one with `netprep star add`."))
    for sid, comps in sorted(bank.only_answer.items()):
        only = ", ".join(names.get(c, c) for c in comps)
        console.print(safe(f"Story #{sid} is the only answer for: {only}."))
    if bank.gaps:
        _render_gaps(console, bank.gaps, names, all_gaps)


def _render_gaps(console: Any, gaps: Sequence[Any], names: Mapping[str, str],
                 all_gaps: bool) -> None:
    """One list: the questions no story fits, most asked first, with the closest story."""
    from rich.table import Table
    from rich.text import Text

    from netprep.star.gaps import SHOWN

    console.print(Text(f"Questions none of your stories fits ({len(gaps)}), most asked "
                       "first:", style="bold"))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    shown = gaps if all_gaps else gaps[:SHOWN]
    for gap in shown:
        cell = safe(gap.text)
        main = names.get(gap.competencies[0], gap.competencies[0]) if gap.competencies else ""
        if main:
            cell.append(f"  ({main}: {gap.asked} bank question"
                        f"{'s' if gap.asked != 1 else ''})", style="dim")
        cell.append("\n")
        if gap.closest_id is not None:
            lacks = ", ".join(names.get(c, c).lower() for c in gap.lacks)
            cell.append_text(safe(f"closest: #{gap.closest_id} {gap.closest_title} "
                                  f"(fit {gap.closest_fit:.2f} of 1)"
                                  + (f"; it does not show {lacks}" if lacks else
                                     "; it shows this too faintly: make it the point")))
        elif gap.asked or gap.competencies:
            cell.append("no story comes close: write one for it", style="dim")
        grid.add_row("•", cell)
    console.print(grid)
    if len(gaps) > len(shown):
        console.print(f"  … and {len(gaps) - len(shown)} more: `netprep star check --all`.")
    console.print('  What one needs: `netprep star suggest "QUESTION"`.')


def render_suggestion(found: Suggestion, names: Mapping[str, str]) -> None:
    """`star suggest`: the question's reading, the story (or why none) and alternatives."""
    from rich.text import Text

    console = out()
    reading = found.reading
    asks = ", ".join(names.get(c, c) for c in reading.competencies) or "no known competency"
    line = Text("Asks about: ", style="bold")
    line.append_text(safe(asks))
    if reading.polarity:
        line.append(f" · angle: {reading.polarity.replace('-', ' ')}")
    console.print(line)
    if found.story is not None:
        best = Text("Best story: ", style="bold")
        best.append_text(safe(f"#{found.story.id} {found.story.title}", "green"))
        best.append(f"  (fit {found.story.fit:.2f})")
        console.print(best)
    elif found.closest is not None:
        near = Text("Closest story: ", style="bold")
        near.append_text(safe(f"#{found.closest.id} {found.closest.title}", "yellow"))
        near.append(f"  (fit {found.closest.fit:.2f}, close in topic)")
        console.print(near)
    console.print(safe(found.reason))
    for alt in found.alternatives:
        console.print(safe(f"  or #{alt.id} {alt.title}  (fit {alt.fit:.2f})"))
    if found.guide:
        title = "Your talking points:" if reading.motivation else "Guiding questions:"
        console.print(Text(title, style="bold"))
        for item in found.guide:
            bullet(console, item)
    if found.story is None and found.closest is None and not reading.motivation:
        console.print("Write one with `netprep star add`.")
