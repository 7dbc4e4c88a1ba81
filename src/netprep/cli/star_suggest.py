"""`netprep star suggest QUESTION`: which of your stories answers this question.

Registered on the `star` sub-app by `netprep.cli.star`; the work is
`netprep.cli.fast.star_suggest`, which `netprep.cli.run` also calls without Typer for
`star suggest QUESTION [--json]`. The matching is `netprep.star.matching.suggest`, the
same function the mock interview uses.
"""

from __future__ import annotations

import typer


def suggest(
    question: str = typer.Argument(..., metavar="QUESTION",
                                   help="The interview question, in quotes."),
    json: bool = typer.Option(False, "--json", help="Print machine-readable JSON on stdout."),
) -> None:
    """Suggest your best story for a question: why it fits, and up to two alternatives.

    The question is read for the competencies it asks about and its angle (a failure,
    being wrong, persuading, feedback you received...). A story that shows the opposite
    (an argument you won, for "when you were wrong") is never suggested. When nothing
    fits well it says so and shows the template's guiding questions; motivation
    questions (tell me about yourself, why this company) get no story.
    """
    from netprep.cli.fast import star_suggest

    star_suggest(question, json)
