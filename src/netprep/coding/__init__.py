"""Coding drills: exercises, the sandboxed runner, drill sessions and their comparison.

- `exercises`: exercises and languages from content, workspace files (starters).
- `process` / `runner`: running a solution per language harness with limits per case.
- `compare`: how an actual result is compared with the expected one.
- `session`: a timed drill (test runs, hints, give up), recorded through `store/code.py`.

Plain logic over `content` and `store`; nothing prints or prompts.
"""
