"""The `netprep mock` session, free of Typer so it can also run as a fast path.

Loads only what the briefing needs: content, the story bank, past practice, and Rich.
At a terminal, prompt_toolkit (the answer prompt) and questionary (the self-review)
load in the background while the briefing is read, before Enter starts question 1.
"""

from __future__ import annotations

import sys
from typing import Any


def run_mock(timed: bool = True, round_: str = "mixed", questions: int = 5,
             minutes: float | None = None, pack: str | None = None, seed: int | None = None,
             hints: bool = True, follow_ups: bool = False, coding: bool = False,
             voice: bool = False, audio: list[str] | None = None, keep_audio: bool = False,
             end_silence: str | float | None = None, speak: bool = False,
             speak_to: str | None = None, tones: bool = True,
             tracks: tuple[str, ...] = (), partner: bool = False,
             partner_name: str | None = None, design: str | None = None,
             lang: str = "python") -> None:
    """Plan a round, run it through the terminal (or stdin lines), print the summary.

    With `coding` (technical rounds only) the round ends with one timed coding drill,
    saved with the session's id. With `voice` answers are recorded; with `audio` they
    are read from those WAV files (see netprep.voice). With `speak` the interviewer's
    lines are said aloud, or written as WAV files in `speak_to`.
    """
    from netprep.errors import UsageError
    from netprep.mock.model import MockConfig
    from netprep.mock.plan import build_plan
    from netprep.mock.session import AnswersNotSaved, run_session
    from netprep.ui import prompts

    if coding and round_ != "technical":
        raise UsageError("--coding ends a technical round with a coding exercise.",
                         "Use it with --round technical, e.g. `netprep mock --round "
                         "technical --coding`.")
    if lang != "python" and not coding:
        raise UsageError("--lang is the language of the coding exercise that --coding adds.",
                         "Use it with --round technical --coding.")
    if partner_name is not None and not partner:
        raise UsageError("--partner-name names the friend who interviews you.",
                         "Use it with --partner.")
    if partner and speak:
        raise UsageError("--speak makes netprep the interviewer; with --partner a friend is.",
                         "Use one of them.")
    if partner:
        hints = False  # the screen is the interviewer's: no story suggestion on it
    if design is not None and round_ != "design":
        raise UsageError("--design picks the round of `--round design`.",
                         f"Run `netprep mock --round design --design {design}`.")
    if round_ == "design":
        questions = 5  # the five phases, always
    if end_silence is not None and not voice and not audio:
        raise UsageError("--end-silence says when a spoken reply ends.",
                         "Use it with --voice or --audio FILE.")
    if not tones and not speak:
        raise UsageError("--no-tones silences the countdown's tones, which sound with "
                         "--speak or --speak-to DIR.", "Use it with one of them.")
    from netprep.voice.silence import DEFAULT_END_SILENCE, parse_end_silence

    silence = (parse_end_silence(end_silence) if end_silence is not None
               else DEFAULT_END_SILENCE)

    config = MockConfig(round=round_, questions=1 if round_ == "pitch" else questions,
                        minutes=minutes, pack=pack, seed=seed, hints=hints,
                        follow_ups=follow_ups, timed=timed,
                        tracks=tracks)
    config.validate()  # a bad option is a usage error before anything is loaded
    interactive = prompts.is_interactive()
    setup = _voice_setup(voice, audio or [], keep_audio, interactive, silence)
    speaker = None
    if speak:  # the extra, the voice file and the speaker (or DIR) are checked first
        from netprep.voice.speaker import make_speaker

        speaker = make_speaker(speak_to)

    from netprep.content import load_library
    from netprep.store import open_store
    from netprep.store.sessions import StoreRecorder, practice_by_question
    from netprep.ui.console import err, out

    library = load_library()
    if coding and interactive:  # a wrong or missing language is said before the questions
        from netprep.coding.exercises import get_language

        get_language(library, None, lang)
    with open_store() as store:
        stories: list[Any] = []
        scores: dict[int, int] = {}
        points: tuple[str, ...] = ()
        index = None
        if config.hints:
            from netprep.star.match_cache import talking_points
            from netprep.store.stories import list_stories

            stories = list_stories(store)
            points = talking_points(store)
            if stories:  # the story matcher's text model, from its cache when it is current
                from netprep.star import match_cache
                from netprep.star.cache import list_summaries

                scores = {s.id: s.score for s in list_summaries(store)}
                index = match_cache.load(library)
        from netprep.cli.mock_own import ask_back, check_pitch, own_questions

        practice = practice_by_question(store)
        extra, extra_hints = own_questions(store, library, config, practice)
        design_note = None
        if config.round in ("design", "estimate"):
            from datetime import datetime, timezone

            from netprep.mock.design import round_questions
            from netprep.mock.plan import priority

            now = datetime.now(timezone.utc)
            seen = {key: priority(p, now) for key, p in practice.items()}
            planned, design_note = round_questions(library, config.round, design, tracks,
                                                   config.questions, seen, seed)
            extra = {config.round: planned}
        plan = build_plan(library, config, stories, practice, scores=scores,
                          talking_points=points, extra=extra, extra_hints=extra_hints)
        if index is not None:
            match_cache.save(index)
        if design_note:
            import dataclasses

            plan = dataclasses.replace(
                plan, note=f"{plan.note} {design_note}" if plan.note else design_note)
        if coding and interactive:  # the briefing says the round ends with the drill
            import dataclasses

            from netprep.mock.plan import rubric_for

            ending = ("After the last question, one timed coding drill ends the round (your "
                      "editor opens on a starter file); the summary comes after it.")
            plan = dataclasses.replace(
                plan, note=f"{plan.note} {ending}" if plan.note else ending,
                rubric=rubric_for(library, round_, coding=True))
        interviewer: Any
        if setup is not None:
            from netprep.ui.voice_interview import AudioFileInterviewer, VoiceInterviewer

            interviewer = (AudioFileInterviewer(library, setup, err()) if setup.files
                           else VoiceInterviewer(library, setup, err()))
        elif interactive:
            from netprep.ui.interview import TerminalInterviewer

            interviewer = TerminalInterviewer(library, err())
        else:
            from netprep.ui.interview import ScriptedInterviewer

            interviewer = ScriptedInterviewer(library, sys.stdin, err())
        if partner:
            import dataclasses

            from netprep.ui.partner_interview import PartnerInterviewer

            name = (partner_name or "").strip() or None
            interviewer = PartnerInterviewer(interviewer, err(), interactive, sys.stdin,
                                             name if partner_name is not None or
                                             not interactive else None)
            plan = dataclasses.replace(plan, settings={**plan.settings, "partner": True})
        if speaker is not None:  # question 1 is prepared while the briefing is read
            interviewer.speaker = speaker
            interviewer.tones = tones
            speaker.expect([line for item in plan.items
                            for line in (item.question.text, item.follow_up) if line])
        recorder = StoreRecorder(store)
        try:
            result = run_session(plan, interviewer, recorder)
        except AnswersNotSaved as exc:
            raise _kept(exc) from exc
        pitch = check_pitch(store, result, recorder) if config.round == "pitch" else None
        asked = ask_back(interviewer, store, result)
        if speaker is not None:
            from netprep.ui.speaking import END_OF_ROUND, say
            from netprep.ui.text import safe

            err().print(safe(END_OF_ROUND, "bold"))
            say(speaker, END_OF_ROUND, "end")

    from netprep.ui.render_mock import render_summary
    from netprep.ui.render_resume import render_asked, render_pitch_check

    drill: dict[str, Any] | None = None
    if coding and not interactive:
        from netprep.ui.console import message

        message("The coding exercise needs a terminal; skipped. "
                "Practise one with `netprep code start ID`.")
    elif coding and result.answers:
        from netprep.cli.code import run_drill
        from netprep.mock.drill import choose
        from netprep.store import open_store
        from netprep.store.code import solved_exercises
        from netprep.ui.console import message

        with open_store() as store:
            solved = solved_exercises(store)
        # The drill fits what is left of the round, at the round's level.
        spent = [a.elapsed_seconds + (a.follow_up_seconds or 0) for a in result.answers]
        offered = [e for e in library.exercises if lang in e.solution and lang in e.signature]
        choice = choose(offered, [a.question for a in result.answers], spent, solved)
        if choice is not None:
            message(choice.note())
        # One round: the drill follows the questions, and the summary covers both.
        # With --voice the drill is spoken too, for the think-aloud review (issue 24).
        drill = run_drill(choice.exercise.id if choice else None, lang=lang, timed=timed,
                          minutes=None, session_id=result.session_id, library=library,
                          in_round=True, voice=voice)
        import dataclasses

        from netprep.mock.scoring import suggestions

        # The questions asked to the drill's interviewer count in the round's advice.
        result = dataclasses.replace(result, suggestions=suggestions(result.answers,
                                                                     drill=drill))
    render_summary(result, out(), drill=drill)
    render_pitch_check(pitch, out())
    render_asked(asked, out())


def run_takehome_round(round_: str, attempt_id: int | None, *, timed: bool = True,
                       minutes: float | None = None, questions: int | None = None) -> None:
    """`mock --round takehome --attempt ID`: the follow-up round on a submitted take-home."""
    from netprep.errors import UsageError

    if round_ != "takehome" or attempt_id is None:
        raise UsageError("--attempt and --round takehome go together.",
                         "Run `netprep mock --round takehome --attempt ID` (ids in "
                         "`netprep takehome review`).")
    from netprep.content import load_library
    from netprep.mock.session import AnswersNotSaved, run_session
    from netprep.store import open_store
    from netprep.store.sessions import StoreRecorder
    from netprep.takehome.followup import build_followup_plan
    from netprep.takehome.session import current_attempt
    from netprep.ui import prompts
    from netprep.ui.console import err, out

    library = load_library()
    with open_store() as store:
        plan = build_followup_plan(library, current_attempt(store, attempt_id), timed=timed,
                                   minutes=minutes, questions=questions)
        interviewer: Any
        if prompts.is_interactive():
            from netprep.ui.interview import TerminalInterviewer

            interviewer = TerminalInterviewer(library, err())
        else:
            from netprep.ui.interview import ScriptedInterviewer

            interviewer = ScriptedInterviewer(library, sys.stdin, err())
        try:
            result = run_session(plan, interviewer, StoreRecorder(store))
        except AnswersNotSaved as exc:
            raise _kept(exc) from exc
        from netprep.cli.mock_own import ask_back

        asked = ask_back(interviewer, store, result)
    from netprep.ui.render_mock import render_summary
    from netprep.ui.render_resume import render_asked

    render_summary(result, out())
    render_asked(asked, out())


def _voice_setup(voice: bool, audio: list[str], keep_audio: bool, interactive: bool,
                 end_silence: float) -> Any:
    """Check the voice path (extra, files, microphone, model) before anything is saved."""
    from netprep.errors import NoTerminalError, UsageError

    if not voice and not audio:
        if keep_audio:
            raise UsageError("--keep-audio keeps the audio of spoken answers.",
                             "Use it with --voice or --audio FILE.")
        return None
    if not audio and not interactive:
        raise NoTerminalError("--voice records from the microphone and needs a terminal.",
                              "Without one, give each answer as a WAV file with --audio FILE.")
    from netprep.voice.answers import prepare

    return prepare(audio, live=not audio, keep_audio=keep_audio, end_silence=end_silence)


def _kept(exc: Any) -> Exception:
    """The answer a failed write could not save, kept in workspace/ (see `history import`)."""
    import json

    from netprep.errors import NetprepError
    from netprep.store.sessions import answer_draft
    from netprep.ui.editor import keep_somewhere

    draft = json.dumps(answer_draft(exc.plan, exc.started_at, exc.session_id, exc.record),
                       indent=2, ensure_ascii=False) + "\n"
    path = keep_somewhere(draft, "mock-answer", suffix=".json")
    if path is None:
        from netprep.ui.console import message

        message("Your answer could not be written to a file; here it is:\n" + draft)
        return exc
    first = f"{exc.hint} " if exc.hint else ""
    return NetprepError(
        f"{exc.message} The session stopped; your answer is kept in {path}.",
        f"{first}Then save it with `netprep history import {path}`.",
        exit_code=exc.exit_code,
    )


def run_default() -> None:
    """`netprep mock` and `netprep mock --timed` with every other option at its default."""
    run_mock()
