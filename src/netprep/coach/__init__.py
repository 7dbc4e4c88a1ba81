"""The coach: the analysis engine behind every piece of feedback netprep gives.

Reads a STAR story, a typed answer or (later) a spoken transcript and returns findings,
the STAR parts found and a 0-100 score. Pure and fast: no I/O, no printing; imports only
`netprep.text`. Used by `star/`, `mock/` and the voice answers.

- `version`: ANALYZER_VERSION (bumped when scores change; cached analyses are redone).
- `analysis`: `analyze_story`, `analyze_answer`, `split_answer` and the text measures.
- `lazyre`: `re` as the engine's modules import it; each pattern compiles on first use.
"""
