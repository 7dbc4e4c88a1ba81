"""Resume entries as files: the strict YAML/JSON reader, the writers, the editor document.

YAML is read with the project's strict reader (`content.yamlio`) and schema
combinators, so every problem names file:line: field.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from netprep.content.schema import INVALID, Ctx, F, describe, enum, record
from netprep.content.schema import list_of as many
from netprep.content.userfiles import Block, UserFileError, dump_yaml, read_tree
from netprep.content.yamlio import Node, YamlProblem
from netprep.resume.model import KINDS, MAX_CHARS, MAX_TECH, MAX_TITLE, TEXT_FIELDS, Entry

EXPORT_VERSION = 1


class EntryFileError(UserFileError):
    """An entry file (from --file, import or the editor) is invalid; `problems` lists all."""

    noun = "entry file"


def _text(required: bool, max_chars: int = MAX_CHARS) -> Any:
    def check(ctx: Ctx, node: Node, path: str) -> Any:
        if isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
            value = str(node.value)  # `dates: 2024` is text here
        elif not isinstance(node.value, str) or node.tag != "str":
            return ctx.error(node.line, path, f"expected text, got {describe(node)}")
        else:
            value = " ".join(node.value.split()) if max_chars <= MAX_TITLE else node.value.strip()
        if required and not value:
            return ctx.error(node.line, path, "required, but empty")
        if len(value) > max_chars:
            return ctx.error(node.line, path,
                             f"too long ({len(value)} characters, at most {max_chars})")
        return value

    return check


def _tech() -> Any:
    """A list of skills, or one comma-separated line of them."""
    item = _text(True, 80)

    def check(ctx: Ctx, node: Node, path: str) -> Any:
        if node.kind == "seq":
            return many(item, high=MAX_TECH)(ctx, node, path)
        value = item(ctx, node, path)
        return value if value is INVALID else [v.strip() for v in value.split(",") if v.strip()]

    return check


def _story_id() -> Any:
    def check(ctx: Ctx, node: Node, path: str) -> Any:
        if isinstance(node.value, bool) or not isinstance(node.value, int) or node.value < 1:
            return ctx.error(node.line, path, f"expected a story id (a number from "
                             f"`netprep star list`), got {describe(node)}")
        return node.value

    return check


ENTRY = record({
    "id": F(_story_id(), required=False),
    "kind": F(enum(*KINDS)),
    "title": F(_text(True, MAX_TITLE)),
    **{name: F(_text(False, MAX_TITLE if name in ("organisation", "dates", "role")
                     else MAX_CHARS), required=False, default="")
       for name in TEXT_FIELDS if name != "title"},
    "tech": F(_tech(), required=False, default=[]),
    "stories": F(many(_story_id(), high=50), required=False, default=[]),
    "created_at": F(_text(False, 64), required=False, default=""),
    "updated_at": F(_text(False, 64), required=False, default=""),
})
BANK = record({
    "version": F(_story_id(), required=False),
    "exported_at": F(_text(False, 64), required=False),
    "entries": F(many(ENTRY)),
})


def parse_entries(text: str, source: str) -> list[Entry]:
    """Entries from YAML or JSON text: one entry, or a list under `entries:`."""
    try:
        root = read_tree(text)
    except YamlProblem as exc:
        where = f"{source}:{exc.line}" if exc.line else source
        raise EntryFileError([f"{where}: {exc.message}"]) from None
    if root is None:
        raise EntryFileError([f"{source}: the file is empty; write one entry or `entries:`."])
    ctx = Ctx(source)
    if root.kind == "map" and "entries" in root.value:
        data = BANK(ctx, root, "")
        items = [] if data is INVALID else data["entries"]
    else:
        data = ENTRY(ctx, root, "")
        items = [] if data is INVALID else [data]
    if ctx.errors:
        raise EntryFileError(ctx.errors)
    return [_to_entry(item) for item in items]


def one_entry(text: str, source: str) -> Entry:
    entries = parse_entries(text, source)
    if len(entries) != 1:
        raise EntryFileError([f"{source}: expected one entry, found {len(entries)}."])
    return entries[0]


def _to_entry(item: Mapping[str, Any]) -> Entry:
    return Entry(
        id=item.get("id"), kind=item["kind"], title=item["title"],
        **{name: item[name] or "" for name in TEXT_FIELDS if name != "title"},
        tech=tuple(dict.fromkeys(item["tech"] or ())),
        stories=tuple(dict.fromkeys(item["stories"] or ())),
        created_at=item["created_at"] or "", updated_at=item["updated_at"] or "",
    )


# --- writing -------------------------------------------------------------------------


def export_yaml(entries: Sequence[Entry], exported_at: str) -> str:
    body = {"version": EXPORT_VERSION, "exported_at": exported_at,
            "entries": [e.to_dict() for e in entries]}
    return "# netprep resume entries; read back with `netprep resume add --file FILE`.\n" + \
        dump_yaml(body)


def export_json(entries: Sequence[Entry], exported_at: str) -> str:
    body = {"version": EXPORT_VERSION, "exported_at": exported_at,
            "entries": [e.to_dict() for e in entries]}
    return json.dumps(body, indent=2, ensure_ascii=False) + "\n"


EDIT_HEADER = """\
# {what}. Edit, then save and close the editor. Lines starting with # are ignored.
# kind: {kinds}. Required: kind, title. The rest is optional
# but the deep-dive questions lean on what, part and outcome (with a number).
# tech: a list or one comma-separated line; stories: ids from `netprep star list`.
"""

_LONG = ("what", "scale", "part", "outcome")


def edit_document(entries: Sequence[Entry], what: str = "") -> str:
    """The YAML the editor opens: one entry, or several under `entries:`."""
    if not what:
        what = (f"Resume entry {entries[0].id}" if len(entries) == 1 and entries[0].id
                else f"{len(entries)} resume entr{'y' if len(entries) == 1 else 'ies'}")
    header = EDIT_HEADER.format(what=what, kinds=", ".join(KINDS))
    docs = []
    for entry in entries:
        data = entry.to_dict(meta=False)
        for name in _LONG:
            data[name] = Block(data[name] or "")
        docs.append(data)
    body = docs[0] if len(docs) == 1 else {"entries": docs}
    return header + dump_yaml(body)


# --- the cheat sheet -----------------------------------------------------------------


def markdown_section(entries: Sequence[Entry], pitch: str | None,
                     questions: Sequence[str]) -> str:
    """The resume part of the cheat sheet: the pitch, one line per entry, saved questions."""
    import re

    from netprep.text import clean

    special = re.compile(r"([\\`*_\[\]<>#|])")

    def md(text: str) -> str:
        return special.sub(r"\\\1", " ".join(clean(text).split()))

    lines: list[str] = []
    if pitch:
        lines += ["## Tell me about yourself", ""]
        lines += [f"- {md(line.lstrip('-* '))}" for line in pitch.splitlines()
                  if line.strip() and not line.lstrip().startswith("#")]
        lines.append("")
    if entries:
        lines += ["## Resume: be ready to go deep", ""]
        for entry in entries:
            bits = [b for b in (entry.role, entry.dates) if b]
            head = f"- **{md(entry.label())}**" + (f" ({md(', '.join(bits))})" if bits else "")
            if entry.outcome:
                head += f": {md(entry.outcome.splitlines()[0])}"
            lines.append(head)
        lines.append("")
    if questions:
        lines += ["## My questions for the interviewer", ""]
        lines += [f"- {md(q)}" for q in questions]
        lines.append("")
    return "\n".join(lines)
