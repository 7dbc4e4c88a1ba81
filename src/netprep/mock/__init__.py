"""The mock-interview engine: plan a round, time each answer, score, save as it goes.

Plain logic: no printing, prompting or `ui` imports. The clock is injected (a monotonic
`() -> float`), and so is the interviewer: the I/O port through which questions are asked
and answers read (`ui.interview.TerminalInterviewer`, `ScriptedInterviewer`, the tests).
Each answer is saved the moment it is given, so Ctrl-C or the end of input never loses
what was already said.

- `model`: the record types (config, plan, turn, answer, result), shared with `store/`.
- `plan`: choose questions (least recently practised, lowest rated first), targets, hints.
- `scoring`: findings, checklist, key points covered, suggestions for the summary.
- `session`: `run_session(plan, interviewer, recorder, clock)`.

May import `content`, `coach`, `errors`, `text` and (lazily, for timestamps) `store.db`.
"""
