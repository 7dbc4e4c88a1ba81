"""Take-home briefs (`takehome/<id>.yaml`): their schema and their builder.

A brief is the assignment, its time box, the files the candidate starts from
(`scaffold`), the hidden acceptance checks (`acceptance`, run only by
`netprep takehome check`/`submit`) and a reference solution (`reference`).
"""

from __future__ import annotations

from typing import Any

from netprep.content.models import Brief, Library, Pack
from netprep.content.schema import (
    INVALID,
    Check,
    Ctx,
    F,
    code_text,
    enum,
    ident,
    integer,
    line_of,
    record,
    text,
)
from netprep.content.schema import list_of as many
from netprep.content.yamlio import Node

TRACKS = ("backend", "data", "frontend", "tooling", "data-engineering", "ml")
RUBRIC_AREAS = ("design", "correctness", "code-quality", "docs", "trade-offs")
FILE_RE_MAX = 120


def _files() -> Check:
    """A mapping of relative file path to its text (scaffold and reference files)."""
    body = code_text()

    def check(ctx: Ctx, node: Node, path: str) -> Any:
        if node.kind != "map" or not node.value:
            return ctx.error(node.line, path, "expected a mapping of file path to its text")
        out: dict[str, str] = {}
        for name, child in node.value.items():
            where = f"{path}.{name}"
            parts = str(name).split("/")
            if (
                not isinstance(name, str)
                or len(name) > FILE_RE_MAX
                or name.startswith("/")
                or any(p in ("", ".", "..") for p in parts)
                or "\\" in name
            ):
                ctx.error(node.keys[name].line, where, "expected a relative path inside the folder")
                continue
            value = body(ctx, child, where)
            if value is not INVALID:
                out[name] = value
        return out if len(out) == len(node.value) else INVALID

    return check


_ITEM = record({"id": F(ident()), "title": F(text(max_chars=200))})

BRIEF = record(
    {
        "id": F(ident()),
        "title": F(text(max_chars=120)),
        "track": F(enum(*TRACKS)),
        "hours": F(integer(2, 4, "a number of hours")),
        "languages": F(many(enum("python", "javascript"), 1, 2, unique=True)),
        "summary": F(text(max_chars=300)),
        "brief": F(text(max_chars=6000)),
        "requirements": F(many(_ITEM, 3, 12)),
        "constraints": F(many(text(max_chars=300), 1, 8)),
        "reviewers_look_for": F(many(text(max_chars=300), 2, 8)),
        "rubric": F(
            many(record({"area": F(enum(*RUBRIC_AREAS)), "look_for": F(text(max_chars=400))}),
                 5, 5)
        ),
        "follow_ups": F(many(text(max_chars=300), 2, 8)),
        "run": F(text(max_chars=200)),
        "scaffold": F(_files()),
        "acceptance": F(
            record({"language": F(enum("python", "javascript")), "code": F(code_text())})
        ),
        "reference": F(_files()),
    }
)


def add_brief(library: Library, pack: Pack, data: dict[str, Any], ctx: Ctx) -> None:
    if any(b.id == data["id"] for b in library.briefs):
        ctx.error(line_of(data, "id"), "id", f"the brief id '{data['id']}' is already used")
        return
    ids = [r["id"] for r in data["requirements"]]
    if len(set(ids)) != len(ids):
        ctx.error(line_of(data, "requirements"), "requirements", "two requirements share an id")
        return
    areas = [r["area"] for r in data["rubric"]]
    if sorted(areas) != sorted(RUBRIC_AREAS):
        ctx.error(
            line_of(data, "rubric"), "rubric", f"needs each area once: {', '.join(RUBRIC_AREAS)}"
        )
        return
    if data["acceptance"]["language"] not in data["languages"]:
        ctx.error(line_of(data, "acceptance"), "acceptance.language", "is not in languages")
        return
    library.briefs.append(
        Brief(
            id=data["id"],
            title=data["title"],
            track=data["track"],
            hours=data["hours"],
            languages=tuple(data["languages"]),
            summary=data["summary"],
            brief=data["brief"],
            requirements=tuple({"id": r["id"], "title": r["title"]} for r in data["requirements"]),
            constraints=tuple(data["constraints"]),
            reviewers_look_for=tuple(data["reviewers_look_for"]),
            rubric=tuple({"area": r["area"], "look_for": r["look_for"]} for r in data["rubric"]),
            follow_ups=tuple(data["follow_ups"]),
            run=data["run"],
            scaffold=dict(data["scaffold"]),
            acceptance={"language": data["acceptance"]["language"],
                        "code": data["acceptance"]["code"]},
            reference=dict(data["reference"]),
            pack=pack.id,
        )
    )
