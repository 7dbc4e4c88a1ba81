"""Turn one checked YAML file into models added to a `Library`.

The schema (`specs`) has already checked types and keys; these builders add the
cross-file rules: unique ids, references to competencies and themes that exist,
exactly one right answer, and so on, reported through the file's `Ctx`.
"""

from __future__ import annotations

from typing import Any

from netprep.content.briefs import add_brief
from netprep.content.models import (
    AskQuestion,
    Competency,
    Exercise,
    Language,
    Library,
    Pack,
    Probe,
    Question,
    QuizItem,
    Reflection,
    Template,
    Theme,
    Tip,
    TipSection,
)
from netprep.content.schema import Ctx, line_of


def _add_competencies(library: Library, pack: Pack, data: dict[str, Any], ctx: Ctx) -> None:
    for i, item in enumerate(data["competencies"]):
        if item["id"] in library.competencies:
            other = library.competencies[item["id"]].pack
            if other == pack.id:
                ctx.error(
                    line_of(item, "id"), f"competencies[{i}].id", f"'{item['id']}' appears twice"
                )
            continue  # a user pack may restate a built-in competency
        library.competencies[item["id"]] = Competency(
            item["id"], item["name"], item["description"], pack.id
        )


def _add_theme(library: Library, pack: Pack, data: dict[str, Any], ctx: Ctx) -> None:
    if any(t.id == data["id"] and t.pack == pack.id for t in library.themes):
        ctx.error(
            line_of(data, "id"),
            "id",
            f"the theme id '{data['id']}' is used by another file of this pack",
        )
        return
    seen_items = {i.id for t in library.themes if t.pack == pack.id for i in t.quiz}
    quiz = []
    for i, item in enumerate(data["quiz"]):
        where = f"quiz[{i}]"
        if item["answer"] > len(item["choices"]):
            ctx.error(
                line_of(item, "answer"),
                f"{where}.answer",
                f"is {item['answer']} but there are only {len(item['choices'])} choices",
            )
            continue
        if item["id"] in seen_items:
            ctx.error(
                line_of(item, "id"),
                f"{where}.id",
                f"the quiz item id '{item['id']}' is used twice in this pack",
            )
            continue
        seen_items.add(item["id"])
        quiz.append(
            QuizItem(
                item["id"],
                item["kind"],
                item["question"],
                tuple(item["choices"]),
                item["answer"],
                item["explanation"],
                data["id"],
                pack.id,
            )
        )
    reflections = tuple(
        Reflection(r["id"], r["prompt"], data["id"], pack.id) for r in data["reflections"]
    )
    library.themes.append(
        Theme(
            data["id"],
            data["title"],
            data["summary"],
            tuple(data["key_ideas"]),
            tuple(quiz),
            reflections,
            pack.id,
        )
    )


def _add_questions(library: Library, pack: Pack, data: dict[str, Any], ctx: Ctx) -> None:
    round_ = data["round"]
    taken = {q.id for q in library.questions if q.pack == pack.id}
    themes = {t.id for t in library.themes}
    for i, item in enumerate(data["questions"]):
        where = f"questions[{i}]"
        problems_before = len(ctx.errors)
        if item["id"] in taken:
            ctx.error(
                line_of(item, "id"),
                f"{where}.id",
                f"the question id '{item['id']}' is used twice in this pack",
            )
        for c in item["competencies"]:
            if c not in library.competencies:
                ctx.error(
                    line_of(item, "competencies"),
                    f"{where}.competencies",
                    f"unknown competency '{c}' (define it in competencies.yaml)",
                )
        for t in item["themes"]:
            if t not in themes:
                ctx.error(line_of(item, "themes"), f"{where}.themes", f"unknown theme '{t}'")
        if round_ in ("behavioral", "role") and not item["competencies"]:
            ctx.error(line_of(item), f"{where}.competencies", f"required for {round_} questions")
        if round_ == "technical":
            if not item["topic"]:
                ctx.error(line_of(item), f"{where}.topic", "required for technical questions")
            if not item["key_points"]:
                ctx.error(
                    line_of(item),
                    f"{where}.key_points",
                    "required for technical questions (3-6 points)",
                )
        elif item["key_points"] or item["topic"]:
            ctx.error(
                line_of(item), where, "topic and key_points belong to technical questions only"
            )
        if round_ != "culture" and item["themes"]:
            ctx.error(
                line_of(item, "themes"),
                f"{where}.themes",
                "themes belong to culture questions only",
            )
        if len(ctx.errors) > problems_before:
            continue
        taken.add(item["id"])
        library.questions.append(
            Question(
                id=item["id"],
                round=round_,
                text=item["text"],
                seconds=item["seconds"],
                pack=pack.id,
                competencies=tuple(item["competencies"]),
                themes=tuple(item["themes"]),
                topic=item["topic"],
                follow_ups=tuple(item["follow_ups"]),
                key_points=tuple(item["key_points"]),
                clarifications=tuple(_plain(c) for c in item["clarifications"]),
            )
        )


def _add_templates(library: Library, pack: Pack, data: dict[str, Any], ctx: Ctx) -> None:
    for i, item in enumerate(data["templates"]):
        competency = item["competency"]
        if competency not in library.competencies:
            ctx.error(
                line_of(item, "competency"),
                f"templates[{i}].competency",
                f"unknown competency '{competency}'",
            )
            continue
        existing = library.templates.get(competency)
        if existing is not None and existing.pack == pack.id:
            ctx.error(
                line_of(item, "competency"),
                f"templates[{i}].competency",
                f"a second template for '{competency}'; keep one per competency",
            )
            continue
        guides = {
            part: tuple(item[part])
            for part in ("situation", "task", "action", "result", "learned", "pitfalls")
        }
        library.templates[competency] = Template(
            competency=competency,
            title=item["title"],
            example=_plain(item["example"]),
            pack=pack.id,
            **guides,
        )


def _add_tips(library: Library, pack: Pack, data: dict[str, Any], ctx: Ctx) -> None:
    for section in data["sections"]:
        items = tuple(Tip(t["title"], t["text"]) for t in section["items"])
        library.tips.append(TipSection(section["id"], section["title"], items, pack.id))


def _code_map(ctx: Ctx, data: dict[str, Any], field: str) -> dict[str, str] | None:
    value = data[field]
    if (
        not isinstance(value, dict)
        or "python" not in value
        or not all(isinstance(v, str) and v.strip() for v in value.values())
    ):
        ctx.error(
            line_of(data, field),
            field,
            "expected a mapping of language id to code, with at least python",
        )
        return None
    return dict(value)


def _add_exercise(library: Library, pack: Pack, data: dict[str, Any], ctx: Ctx) -> None:
    signature = _code_map(ctx, data, "signature")
    solution = _code_map(ctx, data, "solution")
    if signature is None or solution is None:
        return
    if any(e.id == data["id"] for e in library.exercises):
        ctx.error(line_of(data, "id"), "id", f"the exercise id '{data['id']}' is already used")
        return
    library.exercises.append(
        Exercise(
            id=data["id"],
            title=data["title"],
            difficulty=data["difficulty"],
            topics=tuple(data["topics"]),
            minutes=data["minutes"],
            statement=data["statement"],
            function=data["function"],
            signature=signature,
            examples=tuple(_plain(c) for c in data["examples"]),
            tests=tuple(_plain(c) for c in data["tests"]),
            compare=data["compare"],
            hints=tuple(data["hints"]),
            solution=solution,
            pack=pack.id,
            adapter=data["adapter"],
            clarifications=tuple(_plain(c) for c in data["clarifications"]),
        )
    )


def _add_languages(library: Library, pack: Pack, data: dict[str, Any], ctx: Ctx) -> None:
    for item in data["languages"]:
        known = library.languages.get(item["id"])
        if known is not None:  # a pack never replaces code another pack (or netprep) runs
            ctx.error(
                line_of(item, "id"),
                "id",
                f"the language '{item['id']}' is already defined by the pack '{known.pack}'; "
                "a pack cannot redefine a language, give yours a new id",
            )
            continue
        library.languages[item["id"]] = Language(
            item["id"],
            item["name"],
            tuple(item["command"]),
            item["suffix"],
            item["starter"],
            item["harness"],
            pack.id,
        )


def _add_probes(library: Library, pack: Pack, data: dict[str, Any], ctx: Ctx) -> None:
    for item in data["probes"]:
        if "{title}" not in item["text"]:
            ctx.error(line_of(item, "text"), "text",
                      "must contain {title}, so the question names the entry it is about")
            continue
        if any(p.id == item["id"] for p in library.probes):
            ctx.error(line_of(item, "id"), "id", f"the probe id '{item['id']}' is already used")
            continue
        library.probes.append(Probe(item["id"], item["angle"], item["text"], item["follow_up"],
                                    tuple(item["kinds"]), item["seconds"], pack.id))


def _add_asking(library: Library, pack: Pack, data: dict[str, Any], ctx: Ctx) -> None:
    for item in data["questions"]:
        if any(q.id == item["id"] for q in library.asking):
            ctx.error(line_of(item, "id"), "id",
                      f"the question id '{item['id']}' is already used")
            continue
        library.asking.append(AskQuestion(item["id"], item["theme"], item["text"], item["why"],
                                          pack.id))


def _plain(case: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in case.items() if not k.startswith("_")}


ADD = {
    "competencies": _add_competencies,
    "themes": _add_theme,
    "questions": _add_questions,
    "templates": _add_templates,
    "tips": _add_tips,
    "exercises": _add_exercise,
    "languages": _add_languages,
    "takehome": add_brief,
    "probes": _add_probes,
    "interviewer_questions": _add_asking,
}
