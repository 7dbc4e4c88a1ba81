"""`netprep assess`: a timed online coding assessment, the way intern loops run it.

Two to four problems, easiest first, on one clock (70-90 minutes); each problem's
hidden tests give partial credit, weighted by difficulty; no hints, no interviewer to
ask, only the examples to run before submitting. With `ai=True` the rules are those of
an AI-assisted assessment: an assistant may be used, and each problem asks how its code
was checked. `plan` picks the problems, `grade` scores the files.
"""
