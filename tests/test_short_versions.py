"""Short versions for recruiter and hiring-manager screens (issue 23, section 5):
`star show --short` and `resume pitch --short` cut a 30-60 s version from the saved text."""

from __future__ import annotations

import json

from netprep.coach.short import SHORT_SECONDS, short_pitch, short_story
from netprep.coach.terms import speaking_seconds

ROBOT = {
    "situation": "In my second year I ran the robotics club's build of a line-following robot "
                 "for the regional contest. We had six weeks and a team of five first-years.",
    "task": "I had to get a robot that finished the course reliably.",
    "action": "The club met on Tuesdays in the old physics lab. I wrote the PID controller "
              "myself and tuned it on a taped track every evening for two weeks. When the "
              "sensor board failed two weeks out, I rebuilt it from a spare array.",
    "result": "Everyone was tired but happy. The robot finished all three runs and we placed "
              "second of 24 teams.",
    "learned": "I learned to test on the real surface early.",
}


def test_a_story_keeps_its_situation_line_key_action_and_measured_result() -> None:
    short = short_story(ROBOT)
    parts = [(line.part, line.text) for line in short.lines]
    assert parts[0] == ("situation", "In my second year I ran the robotics club's build of a "
                        "line-following robot for the regional contest.")
    actions = [text for part, text in parts if part == "action"]
    assert actions[0].startswith("I wrote the PID controller")  # the student's own step
    assert not any("Tuesdays" in text for _, text in parts)  # scene-setting is left out
    results = [text for part, text in parts if part == "result"]
    assert results == ["The robot finished all three runs and we placed second of 24 teams."]
    low, high = SHORT_SECONDS
    assert low <= short.seconds <= high
    assert short.seconds == speaking_seconds(short.words)  # the one estimate
    assert short.full_seconds > short.seconds and short.notes == ()


def test_a_story_without_a_number_is_told_so() -> None:
    short = short_story({**ROBOT, "result": "It went well and people liked it."})
    assert any("No measured result" in note for note in short.notes)


def test_a_long_story_stays_under_a_minute() -> None:
    long_action = " ".join(f"Then I rewrote module {i} of the controller and tested it on "
                           "the track with the team watching closely." for i in range(30))
    short = short_story({**ROBOT, "action": long_action})
    assert short.seconds <= SHORT_SECONDS[1]


def test_a_pitch_keeps_now_the_measured_highlight_and_why() -> None:
    short = short_pitch([("present", "I'm in my third year of computer science at Leeds."),
                         ("past", "Chess club: I ran the weekly meet-ups."),
                         ("past", "Acme internship: I built the refund dashboard, and support "
                                  "answered refunds 3x faster."),
                         ("why", "Why this role: I want to work on payments at scale.")])
    assert [line.part for line in short.lines][0] == "present"
    assert short.lines[-1].part == "why"
    assert any("3x faster" in line.text for line in short.lines)


def _story(cli) -> None:
    args = ["star", "add"]
    for part in ("situation", "task", "action", "result", "learned"):
        args += [f"--{part}", ROBOT[part]]
    result = cli(*args, "--title", "Robot contest")
    assert result.code == 0, result.err


def test_star_show_short_prints_the_screen_version_and_its_time(cli) -> None:
    _story(cli)
    shown = cli("star", "show", "1", "--short")
    assert shown.code == 0, shown.err
    assert "the screen version" in shown.out and "aim for 0:30-1:00" in shown.out
    assert "I wrote the PID controller" in shown.out and "Tuesdays" not in shown.out
    data = json.loads(cli("star", "show", "1", "--short", "--json").out)
    assert data["id"] == 1 and data["title"] == "Robot contest"
    assert [line["part"] for line in data["short"]["lines"]][0] == "situation"
    assert data["short"]["speaking_seconds"] == speaking_seconds(data["short"]["words"])


def test_resume_pitch_short_needs_a_saved_pitch_then_shows_it(cli, tmp_path) -> None:
    none = cli("resume", "pitch", "--short")
    assert none.code == 1 and "No pitch saved yet" in none.err and "Traceback" not in none.err
    mine = tmp_path / "pitch.txt"
    mine.write_text("- present: I study computer science at Leeds.\n"
                    "- past: Chess club: I ran the weekly meet-ups.\n"
                    "- past: Acme internship: I built the refund dashboard; support answered "
                    "refunds 3x faster.\n- why: I want to work on payments.\n")
    assert cli("resume", "pitch", "--file", str(mine)).code == 0
    shown = cli("resume", "pitch", "--short")
    assert shown.code == 0 and "screen version" in shown.out and "3x faster" in shown.out
    # this pitch is short as it is: the whole of it is shown, the chess club too
    assert "This is the whole pitch" in " ".join(shown.out.split())
    assert "I ran the weekly meet-ups" in shown.out
    data = json.loads(cli("resume", "pitch", "--short", "--json").out)["short"]
    assert data["lines"][-1] == {"part": "why", "text": "I want to work on payments."}
