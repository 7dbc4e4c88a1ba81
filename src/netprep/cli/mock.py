"""`netprep mock`: a timed mock interview in the terminal.

Only typer is imported here; the engine, content, Rich and prompt_toolkit are
imported inside the command, so `netprep --help` stays fast.
"""

from __future__ import annotations

import typer

from netprep.cli.completion import pack_ids, round_names, track_ids
from netprep.cli.ids import ID, SEED

app = typer.Typer(add_completion=False)

ROUND_HELP = ("behavioral, culture, role, technical, mixed (one of each, like the real loop), "
              "resume (deep-dives about your resume entries), pitch (tell me about yourself), "
              "screen (hiring-manager and team-matching questions, 30-60 s answers), "
              "design (one 45-minute design round in five timed phases), estimate "
              "(back-of-envelope estimation practice); "
              "takehome (with --attempt) asks about a submitted take-home.")


@app.command()
def mock(
    timed: bool = typer.Option(
        True, "--timed/--untimed",
        help="Show a live countdown per question (default), or practise without one. "
        "Time taken is recorded either way."),
    round_: str = typer.Option("mixed", "--round", metavar="ROUND", help=ROUND_HELP,
                               autocompletion=round_names),
    questions: int = typer.Option(5, "--questions", "-n", metavar="N",
                                  help="How many questions to ask (1-20)."),
    minutes: float = typer.Option(None, "--minutes", metavar="M",
                                  help="Target minutes for every question, overriding each "
                                  "question's own (for example 1.5)."),
    pack: str = typer.Option(None, "--pack", metavar="ID",
                             help="Ask only questions from this content pack.",
                             autocompletion=pack_ids),
    seed: int = typer.Option(None, "--seed", metavar="N", click_type=SEED,
                             help="Make the choice of questions reproducible."),
    no_hints: bool = typer.Option(False, "--no-hints",
                                  help="Do not suggest your matching STAR story or a template."),
    follow_ups: bool = typer.Option(False, "--follow-ups",
                                    help="After each answer, ask one of the interviewer's "
                                    "follow-up probes as a short timed question: for the "
                                    "gap the coach found, or, after a complete answer to "
                                    "a problem, a challenge to reply to."),
    track: list[str] = typer.Option(
        None, "--track", metavar="ID", autocompletion=track_ids,
        help="Role and technical questions of this track (repeatable: --track backend "
        "--track security); untagged ones still come up. See `netprep content list`."),
    coding: bool = typer.Option(False, "--coding",
                                help="With --round technical: end with one timed coding "
                                "exercise sized to the minutes left of a 45-minute round, no "
                                "harder than its questions, run against hidden tests (see "
                                "`netprep code`)."),
    lang: str = typer.Option("python", "--lang",
                             help="With --coding: the coding exercise's language (python, "
                             "javascript or java)."),
    design: str = typer.Option(None, "--design", metavar="ID",
                               help="With --round design: which design round to run (such "
                               "as dr-watch-party; a wrong id lists them all); default: the "
                               "one practised least, of your --track tracks."),
    attempt: int = typer.Option(None, "--attempt", metavar="ID", click_type=ID,
                                help="With --round takehome: the submitted take-home attempt "
                                "to be asked about (see `netprep takehome review`)."),
    voice: bool = typer.Option(False, "--voice",
                               help="Answer aloud: each answer is recorded from the "
                               "microphone, transcribed on this machine and measured (pace, "
                               "pauses, fillers). Needs the voice extra: "
                               "`pip install -e '.[voice]'` in a clone."),
    audio: list[str] = typer.Option(None, "--audio", metavar="FILE",
                                    help="Take the next spoken reply from this WAV file "
                                    "(16-bit PCM, any rate) instead of the microphone; repeat "
                                    "it, in order: each answer, then its follow-up reply, and "
                                    "last up to three questions for the interviewer. Needs no "
                                    "terminal."),
    partner: bool = typer.Option(False, "--partner",
                                 help="A friend interviews you: the screen becomes their "
                                 "interviewer's sheet (question, what to listen for, "
                                 "follow-ups, clock) and they score a 1-4 rubric after each "
                                 "answer. Scripted: a line of scores follows each answer."),
    partner_name: str = typer.Option(None, "--partner-name", metavar="NAME",
                                     help="With --partner: the partner's name, kept with "
                                     "their scores (asked at a terminal when not given)."),
    speak: bool = typer.Option(False, "--speak",
                               help="The interviewer speaks: every question, follow-up, "
                               "clarification and the end of the round is said aloud by an "
                               "offline voice (and shown); Enter cuts it short. The "
                               "countdown sounds soft tones at 30 s left and at time. With "
                               "--voice the round is hands-free: say ready to start, no "
                               "self-review, your questions for the interviewer asked aloud. "
                               "NETPREP_TTS_VOICE names another Piper voice file. "
                               "Needs the voice extra (see --voice)."),
    speak_to: str = typer.Option(None, "--speak-to", metavar="DIR",
                                 help="Like --speak, but write what the interviewer says "
                                 "as numbered WAV files in DIR instead of playing it "
                                 "(no speaker needed)."),
    end_silence: str = typer.Option(None, "--end-silence", metavar="SECONDS",
                                    help="With --voice/--audio: a spoken reply ends after "
                                    "this many seconds of silence once you have started "
                                    "speaking (default 5, from 1 to 60; Enter still ends "
                                    "it at once). An --audio file is cut at that point too."),
    no_tones: bool = typer.Option(False, "--no-tones",
                                  help="With --speak/--speak-to: no soft tone at 30 s left "
                                  "and at time."),
    keep_audio: bool = typer.Option(False, "--keep-audio",
                                    help="With --voice/--audio: keep each answer's audio "
                                    "(private, in the data dir; `netprep info` lists it)."),
) -> None:
    """Run a mock interview: a briefing, then each question with a live countdown.

    After the briefing, press Enter when ready: question 1 and its clock start then.
    Type your answer at the prompt: Enter submits, Esc then Enter adds a new line,
    and an empty answer means you answered aloud. After each answer you tick a short
    checklist and rate yourself 1-5 (Enter accepts the suggestion). Overtime is
    allowed and recorded. Ctrl-C stops and saves the answers given so far (exit 130).

    Without a terminal on stdin (scripts, CI) each question reads one line of stdin
    as the answer, nothing else is asked, and the summary is printed.

    With --partner a friend runs the round from the interviewer's sheet and scores
    each answer (structure, specifics, result, communication; technical: approach,
    correctness, complexity, communication; 1-4 each), then you rate the same rubric.
    Without a terminal, a line such as `structure=3 specifics=2 result=4
    communication=3 | a note` follows each answer line.

    With --voice each answer is spoken: a level meter shows the microphone is live,
    Enter or a silence of --end-silence seconds ends the answer, and the transcript
    gets the same feedback as a typed answer plus words per minute, long pauses and
    fillers. Nothing leaves the machine. With --voice --speak the round is hands-free:
    say "ready" (or yes, go) to start, no self-review between answers, and the
    questions for the interviewer are asked aloud.
    """
    from netprep.cli.mock_run import run_mock
    from netprep.mock.model import round_name

    round_ = round_name(round_)
    if round_ == "takehome" or attempt is not None:
        from netprep.cli.mock_run import run_takehome_round

        if (voice or audio or keep_audio or partner or speak or speak_to is not None
                or end_silence is not None or no_tones):
            from netprep.errors import UsageError

            raise UsageError("--voice, --audio, --keep-audio, --end-silence, --speak, "
                             "--speak-to, --no-tones and --partner are for question rounds.",
                             "Answer the take-home follow-up round typed.")

        run_takehome_round(round_, attempt, timed=timed, minutes=minutes,
                           questions=questions if questions != 5 else None)
        return
    run_mock(timed=timed, round_=round_, questions=questions, minutes=minutes, pack=pack,
             seed=seed, hints=not no_hints, follow_ups=follow_ups, coding=coding,
             voice=voice, audio=list(audio) if audio else None, keep_audio=keep_audio,
             end_silence=end_silence, speak=speak or speak_to is not None, speak_to=speak_to,
             tones=not no_tones,
             tracks=tuple(track or ()), partner=partner, partner_name=partner_name,
             design=design, lang=lang)
