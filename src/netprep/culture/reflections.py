"""Reflections as an editable document: what `culture reflections edit` opens and reads back.

Pure: text in, values out. The document is YAML with two keys, `resonates` (true, false
or null) and `text` (a `|` block); comment lines name the theme and the prompt.
"""

from __future__ import annotations

from typing import Any

from netprep.errors import NetprepError

MAX_CHARS = 20_000
HEADER = """\
# Reflection {id} on {theme}. Edit it, then save and close the editor.
# Lines starting with # are ignored. The prompt was:
{prompt}
# resonates: true, false, or null (partly, or not sure yet).
"""


class ReflectionFileError(NetprepError):
    """An edited reflection is invalid; `problems` lists every problem."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(problems[0], "Fix it and save again.")


def edit_document(entry: dict[str, Any], theme_title: str) -> str:
    prompt = "\n".join(f"#   {line}" for line in str(entry["prompt"]).splitlines() or [""])
    value = entry.get("resonates")
    resonates = "null" if value is None else ("true" if value else "false")
    body = "\n".join(f"  {line}" if line else "" for line in str(entry["text"]).splitlines())
    return (HEADER.format(id=entry["id"], theme=theme_title, prompt=prompt)
            + f"resonates: {resonates}\ntext: |\n{body or '  '}\n")


def parse_document(text: str, source: str) -> tuple[str, bool | None]:
    """(text, resonates) from an edited document; ReflectionFileError names each problem."""
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{source}:{mark.line + 1}" if mark is not None else source
        raise ReflectionFileError([f"{where}: YAML syntax: {getattr(exc, 'problem', exc)}"]
                                  ) from None
    if not isinstance(data, dict):
        raise ReflectionFileError([f"{source}: expected the keys `resonates` and `text`."])
    problems = [f"{source}: {key}: unknown key (only `resonates` and `text`)."
                for key in data if key not in ("resonates", "text")]
    body = data.get("text")
    if not isinstance(body, str) or not body.strip():
        problems.append(f"{source}: text: write your reflection (it cannot be empty).")
    elif len(body) > MAX_CHARS:
        problems.append(f"{source}: text: at most {MAX_CHARS:,} characters.")
    resonates = data.get("resonates")
    if resonates is not None and not isinstance(resonates, bool):
        problems.append(f"{source}: resonates: true, false or null, not {resonates!r}.")
    if problems:
        raise ReflectionFileError(problems)
    return str(body).strip(), resonates
