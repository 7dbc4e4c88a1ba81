"""Turn one checked YAML file into models added to a `Library`.

The schema (`specs`) has already checked types and keys, and hands over records
even when a field is broken (see `schema.valid`). These builders add the
cross-file rules: unique ids, references to competencies, tracks, topics and
themes that exist, exactly one right answer, and so on, reported through the
file's `Ctx`. They check the references of a broken record too, so one pass
reports everything, but only whole records become models.
"""

from __future__ import annotations

from typing import Any

from netprep.content.briefs import add_brief
from netprep.content.models import (
    DESIGN_MINUTES,
    DESIGN_PHASES,
    KIND_ROUNDS,
    TOPICS,
    AskQuestion,
    Competency,
    DesignPhase,
    DesignRound,
    Exercise,
    Language,
    Library,
    Pack,
    Probe,
    Question,
    QuizItem,
    Reflection,
    Rubric,
    RubricArea,
    Template,
    Theme,
    Tip,
    TipSection,
    Topic,
    Track,
)
from netprep.content.schema import Ctx, did_you_mean, each, line_of, valid


def _add_competencies(library: Library, pack: Pack, data: dict[str, Any], ctx: Ctx) -> None:
    for i, item in enumerate(data["competencies"] if valid_list(data, "competencies") else []):
        if not isinstance(item, dict) or not valid(item.get("id")):
            continue
        if item["id"] in library.competencies:
            other = library.competencies[item["id"]].pack
            if other == pack.id:
                ctx.error(
                    line_of(item, "id"), f"competencies[{i}].id", f"'{item['id']}' appears twice"
                )
            continue  # a user pack may restate a built-in competency
        if valid(item):
            library.competencies[item["id"]] = Competency(
                item["id"], item["name"], item["description"], pack.id
            )
        else:
            library.broken_ids.setdefault("competencies", set()).add(item["id"])


def _add_tracks(library: Library, pack: Pack, data: dict[str, Any], ctx: Ctx) -> None:
    for i, item in enumerate(data["tracks"] if valid_list(data, "tracks") else []):
        if not isinstance(item, dict) or not valid(item.get("id")):
            continue
        existing = library.tracks.get(item["id"])
        if existing is not None:
            if existing.pack == pack.id:
                ctx.error(line_of(item, "id"), f"tracks[{i}].id", f"'{item['id']}' appears twice")
            continue  # a user pack may restate a built-in track
        if valid(item):
            library.tracks[item["id"]] = Track(
                item["id"], item["name"], item["description"], pack.id
            )
        else:
            library.broken_ids.setdefault("tracks", set()).add(item["id"])


def _add_topics(library: Library, pack: Pack, data: dict[str, Any], ctx: Ctx) -> None:
    for i, item in enumerate(data["topics"] if valid_list(data, "topics") else []):
        if not isinstance(item, dict) or not valid(item.get("id")):
            continue
        existing = library.topics.get(item["id"])
        if existing is not None:
            if existing.pack == pack.id:
                ctx.error(line_of(item, "id"), f"topics[{i}].id", f"'{item['id']}' appears twice")
            continue
        if valid(item):
            library.topics[item["id"]] = Topic(item["id"], item["name"], pack.id)
        else:
            library.broken_ids.setdefault("topics", set()).add(item["id"])


def valid_list(data: dict[str, Any], name: str) -> bool:
    return isinstance(data.get(name), list)


def _add_theme(library: Library, pack: Pack, data: dict[str, Any], ctx: Ctx) -> None:
    duplicate = valid(data["id"]) and any(
        t.id == data["id"] and t.pack == pack.id for t in library.themes
    )
    if duplicate:
        ctx.error(
            line_of(data, "id"),
            "id",
            f"the theme id '{data['id']}' is used by another file of this pack",
        )
    seen_items = {i.id for t in library.themes if t.pack == pack.id for i in t.quiz}
    quiz = []
    for i, item in enumerate(each(data["quiz"])):
        where = f"quiz[{i}]"
        choices = item["choices"] if isinstance(item["choices"], list) else None
        if valid(item["answer"]) and choices is not None and item["answer"] > len(choices):
            ctx.error(
                line_of(item, "answer"),
                f"{where}.answer",
                f"is {item['answer']} but there are only {len(choices)} choices",
            )
            continue
        if valid(item["id"]) and item["id"] in seen_items:
            ctx.error(
                line_of(item, "id"),
                f"{where}.id",
                f"the quiz item id '{item['id']}' is used twice in this pack",
            )
            continue
        if not valid(item):
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
    sections = _memo_sections(pack, data, ctx)
    if duplicate or sections is None or not valid(data):
        if valid(data["id"]):
            library.broken_ids.setdefault("themes", set()).add(data["id"])
        return
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
            data["order"],
            sections,
        )
    )
    packs = {p.id: i for i, p in enumerate(library.packs)}
    library.themes.sort(key=lambda t: (packs.get(t.pack, len(packs)), t.order))


def _memo_sections(
    pack: Pack, data: dict[str, Any], ctx: Ctx
) -> tuple[tuple[str, str], ...] | None:
    """The (id, title) of each memo section the theme names; None after reporting a bad one."""
    titles = dict(pack.memo_sections)
    found: list[tuple[str, str]] = []
    for i, section in enumerate(each(data["memo_sections"])):
        if not valid(section):
            continue
        if section in titles:
            found.append((section, titles[section]))
            continue
        if titles:
            why = (f"'{section}' is not a section of this pack's memo "
                   f"{did_you_mean(section, titles, 'sections')}; use an id from memo.sections "
                   "in pack.yaml")
        else:
            why = (f"names the memo section '{section}', but pack.yaml's memo lists no "
                   "sections; add memo.sections there or drop memo_sections")
        ctx.error(line_of(data, "memo_sections"), f"memo_sections[{i}]", why)
        return None
    return tuple(found)


_SINGULAR = {"competencies": "competency", "tracks": "track", "themes": "theme"}


def _check_refs(
    ctx: Ctx, item: dict[str, Any], field: str, where: str, known: dict[str, Any], what: str,
    define: str, broken: set[str] | None = None,
) -> None:
    """Report each id in item[field] that is neither known nor declared by a broken record."""
    for value in each(item[field]):
        if value not in known and value not in (broken or set()):
            hint = did_you_mean(value, known, what)
            path = f"{where}.{field}" if where else field
            ctx.error(
                line_of(item, field),
                path,
                f"unknown {_SINGULAR.get(what, what)} '{value}' {hint}; {define}",
            )


def _question_kind(ctx: Ctx, item: dict[str, Any], where: str, round_: str,
                   default: str | None) -> str:
    kind = item["kind"] if valid(item["kind"]) and item["kind"] else (default or round_)
    if round_ not in KIND_ROUNDS.get(kind, ()):
        rounds = " or ".join(KIND_ROUNDS.get(kind, ()))
        ctx.error(
            line_of(item, "kind") or line_of(item),
            f"{where}.kind",
            f"{kind} questions belong in a {rounds} round file, not a {round_} one",
        )
    return kind


def _add_questions(library: Library, pack: Pack, data: dict[str, Any], ctx: Ctx) -> None:
    round_ = data["round"] if valid(data["round"]) else None
    file_kind = data["kind"] if valid(data["kind"]) else None
    file_tracks = tuple(each(data["tracks"]))
    file_screen = data["screen"] if valid(data["screen"]) else None
    if file_screen and round_ not in ("behavioral", None):
        ctx.error(line_of(data, "screen"), "screen",
                  "screen questions are asked in a behavioral round file, not a "
                  f"{round_} one")
    taken = {q.id for q in library.questions if q.pack == pack.id}
    themes = {t.id: t for t in library.themes}
    broken = library.broken_ids
    if valid(data["tracks"]):
        _check_refs(ctx, data, "tracks", "", library.tracks, "tracks",
                    "declare it in tracks.yaml", broken.get("tracks"))
        if file_tracks and round_ not in ("role", "technical", None):
            ctx.error(line_of(data, "tracks"), "tracks",
                      "tracks belong to role and technical question files only")
    for i, item in enumerate(each(data["questions"])):
        where = f"questions[{i}]"
        problems_before = len(ctx.errors)
        if valid(item["id"]) and item["id"] in taken:
            ctx.error(
                line_of(item, "id"),
                f"{where}.id",
                f"the question id '{item['id']}' is used twice in this pack",
            )
        _check_refs(ctx, item, "competencies", where, library.competencies, "competencies",
                    "define it in competencies.yaml", broken.get("competencies"))
        _check_refs(ctx, item, "tracks", where, library.tracks, "tracks",
                    "declare it in tracks.yaml", broken.get("tracks"))
        _check_refs(ctx, item, "themes", where, themes, "themes",
                    "a culture question's themes are theme ids", broken.get("themes"))
        known_topics = set(library.topics) | set(TOPICS)
        known_topics |= library.broken_ids.get("topics", set())
        if valid(item["topic"]) and item["topic"] and item["topic"] not in known_topics:
            hint = did_you_mean(item["topic"], known_topics, "topics")
            ctx.error(line_of(item, "topic"), f"{where}.topic",
                      f"unknown topic '{item['topic']}' {hint}; declare it in topics.yaml")
        if round_ is None:
            continue
        kind = _question_kind(ctx, item, where, round_, file_kind)
        _check_round_rules(ctx, library, item, where, round_, kind)
        if len(ctx.errors) > problems_before or not valid(item):
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
                kind=kind,
                tracks=tuple(item["tracks"]) or file_tracks,
                level=item["level"],
                talking_points=tuple(item["talking_points"]),
                screen=item["screen"] or file_screen,
                problem=item["problem"],
                challenges=tuple(item["challenges"]),
            )
        )


def _check_round_rules(ctx: Ctx, library: Library, item: dict[str, Any], where: str,
                       round_: str, kind: str) -> None:
    """Which fields each round and kind needs, and which it may not have."""
    line = line_of(item)
    if round_ in ("behavioral", "role") and not item["competencies"]:
        known = ", ".join(sorted(library.competencies)) or "none"
        ctx.error(line, f"{where}.competencies",
                  f"required for {round_} questions: 1-3 of the known competencies ({known})")
    if round_ == "technical":
        if not item["topic"]:
            ctx.error(line, f"{where}.topic", "required for technical questions (a topic id)")
        if not item["key_points"]:
            ctx.error(line, f"{where}.key_points",
                      "required for technical questions (3-6 points)")
        if item["problem"] and len(item["challenges"]) < 2:
            ctx.error(line_of(item, "problem"), f"{where}.challenges",
                      "a problem needs 2-3 challenges the interviewer can put to the answer")
    elif item["topic"]:
        ctx.error(line_of(item, "topic"), f"{where}.topic",
                  "topic belongs to technical questions only")
    for field in ("problem", "challenges"):
        if item[field] and round_ != "technical":
            ctx.error(line_of(item, field), f"{where}.{field}",
                      f"{field} belongs to technical questions only")
    if kind == "system-design" and not item["key_points"]:
        ctx.error(line, f"{where}.key_points",
                  "required for system-design questions (3-6 points)")
    if item["key_points"] and round_ not in ("technical", "role"):
        ctx.error(line_of(item, "key_points"), f"{where}.key_points",
                  "key_points belong to technical and role questions only")
    if kind == "motivation" and not item["talking_points"]:
        ctx.error(line, f"{where}.talking_points",
                  "required for motivation questions (2-6 fill-in templates)")
    if item["talking_points"] and round_ not in ("behavioral", "culture"):
        ctx.error(line_of(item, "talking_points"), f"{where}.talking_points",
                  "talking_points belong to behavioral and culture questions only")
    if round_ != "culture" and item["themes"]:
        ctx.error(line_of(item, "themes"), f"{where}.themes",
                  "themes belong to culture questions only")
    if item["screen"] and round_ != "behavioral":
        ctx.error(line_of(item, "screen"), f"{where}.screen",
                  f"screen questions are asked in a behavioral round file, not a {round_} one")
    if item["tracks"] and round_ not in ("role", "technical"):
        ctx.error(line_of(item, "tracks"), f"{where}.tracks",
                  "tracks belong to role and technical questions only")


def _add_templates(library: Library, pack: Pack, data: dict[str, Any], ctx: Ctx) -> None:
    for i, item in enumerate(each(data["templates"])):
        competency = item["competency"]
        if not valid(competency):
            continue
        if competency not in library.competencies:
            hint = did_you_mean(competency, library.competencies, "competencies")
            ctx.error(
                line_of(item, "competency"),
                f"templates[{i}].competency",
                f"unknown competency '{competency}' {hint}",
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
        if not valid(item):
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
    if not valid(data):
        return
    for section in data["sections"]:
        items = tuple(Tip(t["title"], t["text"], t["practice"]) for t in section["items"])
        library.tips.append(TipSection(section["id"], section["title"], items, pack.id))


def _code_map(ctx: Ctx, data: dict[str, Any], field: str) -> dict[str, str] | None:
    value = data[field]
    if not valid(value):
        return None
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
    if valid(data["id"]) and any(e.id == data["id"] for e in library.exercises):
        ctx.error(line_of(data, "id"), "id", f"the exercise id '{data['id']}' is already used")
        return
    if signature is not None and solution is not None:
        missing = sorted(set(signature) - set(solution))
        if missing:
            ctx.error(line_of(data, "solution"), "solution",
                      f"no reference solution for {', '.join(missing)} "
                      "(every language in signature needs one)")
            return
    if signature is None or solution is None or not valid(data):
        return
    if "java" in signature:
        from netprep.content.javatypes import signature_problems

        function = data["function"]
        head, *rest = function.split("_")
        names = list(dict.fromkeys([function, head + "".join(p[:1].upper() + p[1:] for p in rest)]))
        cases = [*data["examples"], *data["tests"]]
        problems = signature_problems(signature["java"], names, cases)
        if problems:
            ctx.error(line_of(data, "signature"), "signature.java",
                      "; ".join(problems) + " (see docs/content-format.md, Java)")
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
            explanation=_plain(data["explanation"]) if data["explanation"] else None,
            nudges=tuple(data["nudges"]),
            feedback=tuple(data["feedback"]),
        )
    )


def _add_languages(library: Library, pack: Pack, data: dict[str, Any], ctx: Ctx) -> None:
    for item in each(data["languages"]):
        if not valid(item.get("id")):
            continue
        known = library.languages.get(item["id"])
        if known is not None:  # a pack never replaces code another pack (or netprep) runs
            ctx.error(
                line_of(item, "id"),
                "id",
                f"the language '{item['id']}' is already defined by the pack '{known.pack}'; "
                "a pack cannot redefine a language, give yours a new id",
            )
            continue
        if not valid(item):
            continue
        library.languages[item["id"]] = Language(
            item["id"],
            item["name"],
            tuple(item["command"]),
            item["suffix"],
            item["starter"],
            item["harness"],
            pack.id,
            tuple(item["build"]),
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


def _add_rubrics(library: Library, pack: Pack, data: dict[str, Any], ctx: Ctx) -> None:
    seen: set[str] = set()
    items = data["rubrics"] if isinstance(data.get("rubrics"), list) else []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            continue  # a broken item: its problem is reported already
        where = f"rubrics[{i}]"
        if valid(item["round"]) and item["round"] in seen:
            ctx.error(line_of(item, "round"), f"{where}.round",
                      f"a second rubric for the {item['round']} round; keep one per round")
            continue
        seen.add(item["round"])
        ids = [a["id"] for a in each(item["areas"]) if isinstance(a, dict) and valid(a["id"])]
        twice = next((a for a in ids if ids.count(a) > 1), None)
        if twice is not None:
            ctx.error(line_of(item, "areas"), f"{where}.areas",
                      f"the area id '{twice}' appears twice")
            continue
        if not valid(item) or item["round"] in library.rubrics:
            continue  # the first pack's rubric for a round is the one shown
        areas = tuple(RubricArea(a["id"], a["name"], a["strong"], a["weak"])
                      for a in item["areas"])
        library.rubrics[item["round"]] = Rubric(item["round"], item["title"], item["summary"],
                                                areas, tuple(item["habits"]), pack.id)


def _add_design(library: Library, pack: Pack, data: dict[str, Any], ctx: Ctx) -> None:
    problems = len(ctx.errors)
    if any(d.id == data["id"] for d in library.designs):
        ctx.error(line_of(data, "id"), "id", f"the design round id '{data['id']}' is already used")
    _check_refs(ctx, data, "tracks", "", library.tracks, "tracks", "declare it in tracks.yaml",
                library.broken_ids.get("tracks"))
    order = [p["phase"] for p in data["phases"]]
    if order != list(DESIGN_PHASES):
        ctx.error(line_of(data, "phases"), "phases",
                  f"the phases run in this order, each once: {', '.join(DESIGN_PHASES)} "
                  f"(got {', '.join(order)})")
    total = sum(p["minutes"] for p in data["phases"])
    if total != DESIGN_MINUTES:
        ctx.error(line_of(data, "phases"), "phases",
                  f"the phases' minutes add up to {total}; a design round takes "
                  f"{DESIGN_MINUTES}")
    for i, phase in enumerate(data["phases"]):
        if phase["phase"] == "deep-dive" and not phase["follow_ups"]:
            ctx.error(line_of(phase), f"phases[{i}].follow_ups",
                      "required for the deep-dive phase (1-3 follow-up questions)")
    for i, est in enumerate(data["estimates"]):
        if not est["low"] <= est["answer"] <= est["high"]:
            ctx.error(line_of(est, "answer"), f"estimates[{i}].answer",
                      f"{est['answer']} is outside its own range {est['low']}-{est['high']}")
    if len(ctx.errors) > problems:
        return
    phases = tuple(DesignPhase(p["phase"], p["minutes"], p["ask"], tuple(p["key_points"]),
                               tuple(p["follow_ups"]),
                               tuple(_plain(c) for c in p["clarifications"]))
                   for p in data["phases"])
    library.designs.append(DesignRound(data["id"], data["title"], data["prompt"],
                                       tuple(data["tracks"]), data["level"], phases,
                                       tuple(_plain(e) for e in data["estimates"]), pack.id))


def _plain(case: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in case.items() if not k.startswith("_")}


ADD = {
    "competencies": _add_competencies,
    "tracks": _add_tracks,
    "topics": _add_topics,
    "themes": _add_theme,
    "questions": _add_questions,
    "templates": _add_templates,
    "tips": _add_tips,
    "exercises": _add_exercise,
    "languages": _add_languages,
    "takehome": add_brief,
    "probes": _add_probes,
    "interviewer_questions": _add_asking,
    "rubrics": _add_rubrics,
    "design": _add_design,
}
