"""`netprep star suggest QUESTION`: which of your stories answers this question.

Registered on the `star` sub-app by `netprep.cli.star`. The matching is
`netprep.star.matching.suggest`, the same function the mock interview uses.
"""

from __future__ import annotations

import typer

MAX_QUESTION = 1000


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
    from netprep.content import collect
    from netprep.errors import UsageError
    from netprep.star.match_cache import suggest_for
    from netprep.store import open_store
    from netprep.text import clean

    text = " ".join(clean(question).split())
    if not text:
        raise UsageError("QUESTION is empty.",
                         'Give the question in quotes: netprep star suggest "Tell me about ..."')
    if len(text) > MAX_QUESTION:
        raise UsageError(f"QUESTION is {len(text)} characters; at most {MAX_QUESTION}.",
                         "Give the question itself, not a whole document.")
    library, _ = collect()  # with a broken pack, whatever did load
    with open_store() as store:
        found = suggest_for(store, text, library)
    if json:
        from netprep.ui.console import print_json

        print_json(found.to_dict())
        return
    from netprep.ui.render_star import render_suggestion

    render_suggestion(found, {cid: c.name for cid, c in library.competencies.items()})
