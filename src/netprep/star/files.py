"""Stories as files: the strict YAML/JSON reader, the YAML/JSON writers and the cheat sheet.

Plain logic over text (the callers read and write the files). YAML is read with
the project's strict reader (`content.yamlio`) and schema combinators, so every
problem names file:line: field.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from netprep.coach.terms import PARTS, STAR
from netprep.content.schema import INVALID, Ctx, F, describe, ident, record
from netprep.content.schema import list_of as many
from netprep.content.userfiles import Block, UserFileError, dump_yaml, read_tree
from netprep.content.yamlio import Node, YamlProblem
from netprep.star.model import Story
from netprep.text import clean, clock

TYPE_CHECKING = False
if TYPE_CHECKING:
    from netprep.coach.result import Analysis

EXPORT_VERSION = 1
MAX_CHARS = 20_000
MAX_TITLE = 200


class StoryFileError(UserFileError):
    """A story file (from --file, import or the editor) is invalid; `problems` lists all."""

    noun = "story file"


def _part_text(required: bool, max_chars: int = MAX_CHARS) -> Any:
    def check(ctx: Ctx, node: Node, path: str) -> Any:
        if not isinstance(node.value, str) or node.tag != "str":
            return ctx.error(node.line, path, f"expected text, got {describe(node)}")
        value = node.value.strip()
        if required and not value:
            return ctx.error(node.line, path, "required, but empty")
        if len(value) > max_chars:
            return ctx.error(node.line, path,
                             f"too long ({len(value)} characters, at most {max_chars})")
        return value

    return check


def _stamp() -> Any:
    return _part_text(False, 64)


def _optional_id() -> Any:
    def check(ctx: Ctx, node: Node, path: str) -> Any:
        if isinstance(node.value, bool) or not isinstance(node.value, int):
            return ctx.error(node.line, path, f"expected a number, got {describe(node)}")
        return node.value

    return check


STORY = record({
    "id": F(_optional_id(), required=False),
    "title": F(_part_text(True, MAX_TITLE)),
    "situation": F(_part_text(True)),
    "task": F(_part_text(True)),
    "action": F(_part_text(True)),
    "result": F(_part_text(True)),
    "learned": F(_part_text(False), required=False, default=""),
    "tags": F(many(ident(what="a competency id"), high=20, unique=True), required=False,
              default=[]),
    "template": F(ident(what="a competency id"), required=False),
    "created_at": F(_stamp(), required=False, default=""),
    "updated_at": F(_stamp(), required=False, default=""),
})
BANK = record({
    "version": F(_optional_id(), required=False),
    "exported_at": F(_stamp(), required=False),
    "stories": F(many(STORY)),
})


def parse_stories(text: str, source: str) -> list[Story]:
    """Stories from YAML or JSON text: one story, or a list under `stories:`.

    Raises StoryFileError naming file:line: field for every problem.
    """
    try:
        root = read_tree(text)
    except YamlProblem as exc:
        where = f"{source}:{exc.line}" if exc.line else source
        raise StoryFileError([f"{where}: {exc.message}"]) from None
    if root is None:
        raise StoryFileError([f"{source}: the file is empty; write one story or `stories:`."])
    ctx = Ctx(source)
    if root.kind == "map" and "stories" in root.value:
        data = BANK(ctx, root, "")
        items = [] if data is INVALID else data["stories"]
    else:
        data = STORY(ctx, root, "")
        items = [] if data is INVALID else [data]
    if ctx.errors:
        raise StoryFileError(ctx.errors)
    return [_to_story(item) for item in items]


def _to_story(item: Mapping[str, Any]) -> Story:
    return Story(
        id=item.get("id"), title=item["title"], situation=item["situation"], task=item["task"],
        action=item["action"], result=item["result"], learned=item["learned"] or "",
        tags=tuple(item["tags"] or ()), template=item.get("template"),
        created_at=item["created_at"] or "", updated_at=item["updated_at"] or "",
    )


# --- writing -------------------------------------------------------------------------


def story_dict(story: Story, meta: bool = True) -> dict[str, Any]:
    data: dict[str, Any] = {"id": story.id} if meta and story.id is not None else {}
    data["title"] = story.title
    for part in PARTS:
        data[part] = story.part(part)
    data["tags"] = list(story.tags)
    if meta:
        data["template"] = story.template
        data["created_at"] = story.created_at
        data["updated_at"] = story.updated_at
    return data


def export_yaml(stories: Sequence[Story], exported_at: str) -> str:
    body = {"version": EXPORT_VERSION, "exported_at": exported_at,
            "stories": [_drop_none(story_dict(s)) for s in stories]}
    return "# netprep STAR stories; read back with `netprep star import FILE`.\n" + dump_yaml(body)


def export_json(stories: Sequence[Story], exported_at: str) -> str:
    body = {"version": EXPORT_VERSION, "exported_at": exported_at,
            "stories": [_drop_none(story_dict(s)) for s in stories]}
    return json.dumps(body, indent=2, ensure_ascii=False) + "\n"


def _drop_none(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None}


EDIT_HEADER = """\
# Story {id}. Edit it, then save and close the editor. Lines starting with # are ignored.
# Required: title, situation, task, action, result. Optional: learned, tags.
# Each part goes on the lines after `|`, indented by two spaces.
"""


def edit_document(story: Story, known_tags: Sequence[str] = ()) -> str:
    """The YAML the editor opens for one story."""
    import textwrap

    header = EDIT_HEADER.format(id=story.id if story.id is not None else "(new)")
    if known_tags:
        header += "\n".join(textwrap.wrap("tags: competency ids: " + ", ".join(known_tags) + ".",
                                          width=86, initial_indent="# ",
                                          subsequent_indent="#   ")) + "\n"
    data = story_dict(story, meta=False)
    for part in PARTS:
        data[part] = Block(data[part] or "")
    return header + dump_yaml(data)


# --- the cheat sheet -----------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?])\s")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def hook(text: str, max_words: int = 22) -> str:
    """The first sentence of a part, shortened to one line."""
    flat = " ".join(text.split())
    first = _SENTENCE_END.split(flat, maxsplit=1)[0] if flat else ""
    words = first.split()
    return " ".join(words[:max_words]) + ("…" if len(words) > max_words else "")


def metric_line(result: str) -> str | None:
    """The sentence of the result that carries its number, if any."""
    from netprep.coach.metrics import has_metric

    for sentence in _SENTENCE_END.split(" ".join(result.split())):
        if has_metric(sentence):
            return sentence
    return None


def _md(text: str) -> str:

    return _MD_SPECIAL.sub(r"\\\1", " ".join(clean(text).split()))



def markdown_sheet(stories: Sequence[Story], analyses: Mapping[int, Analysis],
                   names: Mapping[str, str], generated: str) -> str:
    """One page to read before the interview: per story a hook per part, the metric, the tags."""
    count = f"{len(stories)} {'story' if len(stories) == 1 else 'stories'}"
    lines = ["# STAR cheat sheet", "", f"{count}, generated {generated[:10]}.", ""]
    for story in stories:
        analysis = analyses[int(story.id or 0)]
        lines.append(f"## {story.id}. {_md(story.title)}")
        tags = ", ".join(_md(names.get(t, t)) for t in story.tags) or "none yet"
        lines.append(f"*{tags}* · about {clock(analysis.speaking_seconds)} · "
                     f"score {analysis.score}/100")
        lines.append("")
        for part in (*STAR, "learned"):
            if story.part(part).strip():
                lines.append(f"- **{part[0].upper()}** {_md(hook(story.part(part)))}")
        metric = metric_line(story.result)
        lines.append(f"- **Metric:** {_md(metric)}" if metric else
                     "- **Metric:** none yet; add a number to the result")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
