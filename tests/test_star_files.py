"""Story files: whatever text is stored comes back exactly from YAML, JSON and the editor."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from netprep.coach.analysis import normalize_text
from netprep.star.files import edit_document, export_json, export_yaml, parse_stories
from netprep.star.model import Story

# Any text but lone surrogates, as the store keeps it: one kind of line break, stripped.
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80).map(
    lambda s: normalize_text(s).strip())
FIELDS = ("title", "situation", "task", "action", "result", "learned")


def _fields(story: Story) -> tuple[str, ...]:
    return tuple(story.part(f) for f in FIELDS)


@settings(max_examples=150, deadline=None)
@given(TEXT.filter(bool), TEXT.filter(bool), TEXT)
def test_any_text_round_trips(a: str, b: str, c: str) -> None:
    story = Story(None, a, b, f"{a}\n{b}", b + "\n\n" + a, a, c, tags=("zz-grit",))
    for dump in (export_yaml, export_json):
        [back] = parse_stories(dump([story], "2026-11-22T00:00:00+00:00"), "export")
        assert _fields(back) == _fields(story) and back.tags == story.tags
    [back] = parse_stories(edit_document(story, ["zz-grit"]), "edit")
    assert _fields(back) == _fields(story)


def test_line_breaks_are_normalized() -> None:
    assert normalize_text("a\r\nb\rc\x85d\u2028e\u2029f") == "a\nb\nc\nd\ne\nf"
