"""Fuzz the content loader: whatever the bytes, a list of problems, never a crash."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netprep.content import collect

from .conftest import DATA

YAMLISH = st.lists(
    st.sampled_from(
        [
            "id: ",
            "name: ",
            "- ",
            "  ",
            "\n",
            ":",
            "[",
            "]",
            "{",
            "}",
            "&a ",
            "*a",
            "!!python/name:os.system ",
            "'",
            '"',
            "no",
            "012",
            "0x1F",
            "~",
            "#",
            "---\n",
            "...",
            "|\n",
            ">-\n",
            "\t",
            "\x00",
            "é",
            "quiz:\n",
            "choices: ",
            "answer: ",
            "questions:\n",
            "round: behavioral\n",
            "? ",
            "<<: ",
        ]
    )
    | st.text(max_size=8),
    max_size=40,
).map("".join)

FILES = [
    "pack.yaml",
    "competencies.yaml",
    "themes/openness.yaml",
    "questions/behavioral.yaml",
    "templates/star.yaml",
    "tips.yaml",
    "exercises/x.yaml",
    "languages.yaml",
]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=YAMLISH | st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
    target=st.sampled_from(FILES),
)
def test_loader_never_crashes(tmp_path: Path, text: str, target: str) -> None:
    pack = tmp_path / "fuzz"
    if pack.exists():
        shutil.rmtree(pack)
    shutil.copytree(DATA / "packs" / "good", pack)
    file = pack / target
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8", errors="surrogatepass")
    _, problems = collect([(pack, "user")])
    for problem in problems:
        assert problem.count("\n") == 0
        assert "fuzz" in problem  # every problem names its file
