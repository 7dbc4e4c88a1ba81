"""The mock summary reads the coach's findings against the round's rubric (issue 23,
section 5: "what each round scores ... used by the coach"): a behavioral answer's STAR
findings under its areas, a design round's phases under theirs."""

from __future__ import annotations

import pytest

WE_STORY = ("Last year our team's deploys failed twice a week because staging drifted. We "
            "wrote a script and we fixed it. It went well.")
GOOD_STORY = ("Our robotics club's website host was shutting down in two weeks, and I was "
              "asked to move the site before it closed. I listed every page, I moved them "
              "to a static site, and I set up redirects for the old links. Visits held at "
              "900 a week and no link broke. I learned to write the checklist before moving "
              "anything, and I now do that first on every migration.")


def _rubric_block(out: str) -> list[str]:
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("By the round's rubric"))
    block = []
    for line in lines[start + 1:]:
        if not line.startswith("  "):
            break
        block.append(" ".join(line.split()))
    return block


def test_a_behavioral_round_is_summed_up_by_its_rubric_areas(cli) -> None:
    import json

    from netprep.coach.answers import question_kind
    from netprep.content import load_library

    questions = {q.id: q for q in load_library().questions}
    for seed in range(1, 40):  # a seeded round of two story questions (not motivation)
        result = cli("mock", "--round", "behavioral", "-n", "2", "--no-hints", "--seed",
                     str(seed), input=f"{WE_STORY}\n{GOOD_STORY}\n\n")
        assert result.code == 0, result.err
        asked = json.loads(cli("history", "show", str(seed), "--json").out)["questions"]
        if all(question_kind(questions[q["id"]]) in ("behavioral", "culture") for q in asked):
            break
    else:
        pytest.fail("no seed gave two story questions")
    block = " ".join(_rubric_block(result.out))
    read = [line.strip() for line in block.split("• ") if line.strip()]
    names = [line.split(":")[0] for line in read]
    assert names == ["Structure", "Your own part", "Result", "Reflection and values"]
    own = next(line for line in read if line.startswith("Your own part"))
    assert own.startswith("Your own part: 1 of 2 answers") and 'only "we"' in own
    reflection = next(line for line in read if line.startswith("Reflection"))
    assert reflection == "Reflection and values: 1 of 2 answers (no lesson)"


def test_a_design_round_is_summed_up_by_its_phases(cli) -> None:
    lines = ["Who can join and how many per party? Which controls are shared: play, pause, "
             "seek, and who may use them? How close in sync is good enough, within a second "
             "or two? What happens when someone's connection is slow or they join late?",
             "No idea.", "No idea.", "No idea.", "No idea.", "No idea."]
    result = cli("mock", "--round", "design", "--design", "dr-watch-party",
                 input="\n".join(lines) + "\n\n")
    assert result.code == 0, result.err
    block = " ".join(_rubric_block(result.out))
    assert "Requirements and scope: 1 of 1 answer" in block
    assert "Estimates: 0 of 1 answer (key points missed)" in block
    assert "Trade-offs: 0 of 1 answer (key points missed)" in block


@pytest.mark.parametrize("round_", ["technical", "pitch"])
def test_a_round_without_a_rubric_shows_none(cli, round_) -> None:
    result = cli("mock", "--round", round_, "-n", "1", "--no-hints",
                 input="A hash map from value to index, in one pass.\n\n")
    assert result.code == 0, result.err
    assert "By the round's rubric" not in result.out
