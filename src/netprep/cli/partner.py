"""`netprep partner kit`: a printable interviewer's kit for a friend away from the keyboard."""

from __future__ import annotations

from typing import Any

import typer

from netprep.cli.completion import round_names
from netprep.cli.ids import SEED

app = typer.Typer(add_completion=False)


@app.callback()
def partner() -> None:
    """Practise with a friend. At the keyboard: `netprep mock --partner`; away from it:
    `netprep partner kit --output kit.html`, printed or sent to your partner."""


@app.command()
def kit(
    output: str = typer.Option(..., "--output", "-o", metavar="FILE.html",
                               help="Where to write the kit (an HTML page to print or open)."),
    round_: str = typer.Option("mixed", "--round", metavar="ROUND", autocompletion=round_names,
                               help="The round, as in `netprep mock --round`."),
    questions: int = typer.Option(5, "--questions", "-n", metavar="N",
                                  help="How many questions (1-20)."),
    seed: int = typer.Option(None, "--seed", metavar="N", click_type=SEED,
                             help="The plan's seed; `netprep mock --partner --seed N` "
                             "then asks the same questions. Chosen for you when not given."),
) -> None:
    """Write a printable kit: a short guide for the interviewer, then each question
    with what to listen for, follow-ups, the 1-4 rubric with its anchors and room for
    notes (one question per page when printed). It uses the same plan as
    `netprep mock --partner --seed N`, whose command it prints, so the scores on paper
    can be typed in afterwards. The page loads nothing from the network.
    """
    import random
    from pathlib import Path

    from netprep.content import load_library
    from netprep.mock.model import MockConfig
    from netprep.partner.kit import build_kit
    from netprep.progress.report import write_report
    from netprep.store import open_store
    from netprep.ui.console import message
    from netprep.ui.render_kit import render_kit_html

    if seed is None:
        seed = random.SystemRandom().randrange(1, 10_000)
    from netprep.mock.model import round_name

    round_ = round_name(round_)
    config = MockConfig(round=round_, questions=1 if round_ == "pitch" else questions,
                        seed=seed, hints=False)
    config.validate()
    library = load_library()
    with open_store() as store:
        plan = _partner_plan(store, library, config)
    data = build_kit(plan)
    target = Path(output).expanduser()
    written = write_report(target, render_kit_html(data), what="the partner kit")
    typer.echo(str(written))
    message(f"Print it or send it to your partner; afterwards run `{data['command']}` "
            "and type their scores in.")


def _partner_plan(store: Any, library: Any, config: Any) -> Any:
    """The round `mock --partner` plans with these options (no story hints, as on screen)."""
    from netprep.cli.mock_own import own_questions
    from netprep.mock.plan import build_plan
    from netprep.store.sessions import practice_by_question

    practice = practice_by_question(store)
    extra, extra_hints = own_questions(store, library, config, practice)
    return build_plan(library, config, [], practice, scores={}, talking_points=(),
                      extra=extra, extra_hints=extra_hints)
