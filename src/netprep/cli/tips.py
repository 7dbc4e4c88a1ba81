"""`netprep tips`: interview tips, the loop, preparation and the recruiting calendar."""

from __future__ import annotations

import typer

app = typer.Typer(add_completion=False)


@app.command()
def tips(
    section: str = typer.Argument(
        None, help="Only this section: interview, loop, preparation, calendar or after; "
        "`questions` lists good questions to ask the interviewer, `rubrics` what the "
        "coding, design and behavioral rounds score."
    ),
    json: bool = typer.Option(False, "--json", help="Print machine-readable JSON on stdout."),
    theme: str = typer.Option(None, "--theme", help="With `questions`: only this theme "
                              "(team, culture, growth, work; memo: questions that show you "
                              "read the culture memo)."),
    save: list[str] = typer.Option(None, "--save", metavar="ID", help="With `questions`: save "
                                   "this question for your cheat sheet (repeatable)."),
    unsave: list[str] = typer.Option(None, "--unsave", metavar="ID",
                                     help="With `questions`: forget a saved question."),
    saved: bool = typer.Option(False, "--saved", help="With `questions`: only the saved ones."),
) -> None:
    """Show the interview tips, how the loop works, how to prepare, and the calendar.

    `netprep tips questions` lists questions worth asking at the end of an interview,
    by theme; `--save ID` keeps favourites for `star export --format markdown`.
    `netprep tips rubrics` shows what each round scores, area by area, and the habits
    that earn the marks (the same rubric the mock briefing names).
    """
    from netprep.errors import UsageError

    if section == "questions":
        _questions(theme, save or [], unsave or [], saved, json)
        return
    if section == "rubrics" and not (theme or save or unsave or saved):
        _rubrics(json)
        return
    if theme or save or unsave or saved:
        raise UsageError("--theme, --save, --unsave and --saved go with `netprep tips questions`.")
    from netprep.content import load_library

    library = load_library()
    sections = [s for s in library.tips if section is None or s.id == section]
    if section is not None and not sections:
        from netprep.text import did_you_mean

        raise UsageError(f"No tips section '{section}'.",
                         did_you_mean(section, [s.id for s in library.tips], "Sections"))
    data = [
        {
            "id": s.id,
            "title": s.title,
            "pack": s.pack,
            "items": [{"title": t.title, "text": t.text, "practice": t.practice}
                      for t in s.items],
        }
        for s in sections
    ]
    if json:
        from netprep.ui.console import print_json

        print_json({"sections": data})
    else:
        from netprep.ui.render import render_tips

        render_tips(data)


def _questions(theme: str | None, save: list[str], unsave: list[str], only_saved: bool,
               json: bool) -> None:
    from netprep.errors import UsageError
    from netprep.resume.actions import bank_questions
    from netprep.store import open_store
    from netprep.store.resume import save_question, saved_questions, unsave_question
    from netprep.ui.console import message

    bank = bank_questions(theme if not (save or unsave) else None)
    by_id = {q.id: q for q in bank}
    for wanted in [*save, *unsave]:
        if wanted not in by_id:
            raise UsageError(f"No question '{wanted}' in the bank.",
                             "See the ids with `netprep tips questions`.")
    with open_store() as store:
        for qid in save:
            q = by_id[qid]
            fresh = save_question(store, f"{q.pack}:{q.id}", q.theme, q.text)
            message(f"Saved {qid}." if fresh else f"{qid} was saved already.")
        for qid in unsave:
            q = by_id[qid]
            gone = unsave_question(store, f"{q.pack}:{q.id}")
            message(f"Forgot {qid}." if gone else f"{qid} was not saved.")
        kept = {q["key"] for q in saved_questions(store)}
    if (save or unsave) and theme:
        bank = [q for q in bank if q.theme == theme]
    rows = [{"id": q.id, "theme": q.theme, "text": q.text, "why": q.why, "pack": q.pack,
             "saved": f"{q.pack}:{q.id}" in kept, "key": f"{q.pack}:{q.id}"} for q in bank]
    if only_saved:
        rows = [r for r in rows if r["saved"]]
    if json:
        from netprep.ui.console import print_json

        print_json({"questions": [{k: v for k, v in r.items() if k != "key"} for r in rows]})
        return
    if save or unsave:
        return
    from netprep.ui.render_resume import render_bank

    render_bank(rows, kept)


def _rubrics(json: bool) -> None:
    from netprep.content import load_library

    library = load_library()
    data = [{"round": r.round, "title": r.title, "summary": r.summary, "pack": r.pack,
             "areas": [{"id": a.id, "name": a.name, "strong": a.strong, "weak": a.weak}
                       for a in r.areas],
             "habits": list(r.habits)} for r in library.rubrics.values()]
    if json:
        from netprep.ui.console import print_json

        print_json({"rubrics": data})
        return
    from netprep.ui.render import render_rubrics

    render_rubrics(data)
