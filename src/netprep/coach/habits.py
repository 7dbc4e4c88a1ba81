"""The three habits a coding interviewer listens for, read from what was said.

The seed's interview tips: think out loud, so the interviewer hears the plan; name what
it costs; check it on an example. A typed or spoken answer to a problem (`problem: true`
in a question file) is credited for each, and the think-aloud review of a drill asks the
same of the transcript:

- approach: the way of solving is named: a structure or technique ("a hash map", "two
  pointers", "BFS"), or a plan in the first person ("I'd sort them and scan once").
- complexity: a time or space cost: O-notation, "linear", "n log n", "constant extra
  space", "grows with the square of n".
- test: a test case, an edge case or an example traced by hand ("with [3, 3] and target
  6", "the empty string", "let's try it on ...").

Pure: text in, flags out. The cues were chosen on tests/data/habits/dev;
`python benchmarks/habits_accuracy.py` prints the agreement with the labels there and on
a blind test split.
"""

from __future__ import annotations

from typing import NamedTuple

from netprep.coach import lazyre as re

_STEP = (r"keep|store|put|push|pop|use|make|pass|build|count|sort|scan|walk|loop|recurse"
         r"|track|maintain|compare|iterate|move|create|insert|attach|split|merge|start|go|try")
APPROACH = re.compile(
    r"\b(my (approach|plan|idea)|the (approach|plan|idea|trick) (is|would be|here)"
    r"|i('m| am) going to|i('ll| will|'d| would|) ?(" + _STEP + r")\b(?! sure)"
    r"|i (could|want to|need to) (use|keep|walk|loop|iterate|build|store|sort|scan)"
    r"|you (just |then |can )?(" + _STEP + r")\b|let me (use|start|think|try)|first i('ll| will)?"
    r"|one pass|single pass|two pointers?|hash ?(map|table|set)|dictionary"
    r"|(a|one|two|three|second|single|extra) (set|stack|queue|heap|deque|counter|pointers?"
    r"|stacks|heaps|variables|arrays?|maps?)|min[- ]?heap|max[- ]?heap|priority queue"
    r"|binary search|breadth[- ]first|depth[- ]first|bfs|dfs|dijkstra|floyd|tortoise"
    r"|recursively|recursive (function|call|solution|approach|helper|version)"
    r"|(use|with|by) recursion|dynamic programming|memoi[sz]|sliding window|dummy (node|head)"
    r"|sort (it|them|the|both)|iterate|loop (over|through)|fast and slow|slow and fast)\b"
    # a step said as an order ("Keep a second stack ..."), or code ("for x in nums:")
    r"|(^|[.:;]\s+)(" + _STEP + r")\b|^\s*(for|while)\b[^\n]*:\s*$|\bfor \w+(, \w+)? in \w+",
    re.I | re.M)
COMPLEXITY = re.compile(
    r"\b(big[- ]?o|o of|complexity|linear|quadratic|logarithmic|constant (time|space|memory"
    r"|extra)|log(arithmic)? n|[nmkvh] log [nmkv]|n squared|n times (k|m)|squared|exponential"
    r"|(extra|additional) (space|memory)|in place|amortised|amortized)\b|\bo\s*\(+\s*[a-z0-9]",
    re.I)
# Spoken drills talk through cases loosely ("zero", "duplicates"); those words count there.
SPOKEN_TESTS = re.compile(
    r"\b(test (case|it|this|that|with)|tests|edge cases?|corner cases?|for example|for instance"
    r"|an example|this example|the example|let'?s (try|check|say|trace|test|walk)|what if"
    r"|empty (list|string|array|input|tree|grid)|single (element|number|node|character)"
    r"|only one (element|number|node)|duplicates?|negative (numbers?|values?)|zero|null|none"
    r"|trace (it|through)|walk through|dry run)\b", re.I)
# A written answer names a case: an example input (a list, a string, a value of n), what it
# should give, or an edge case by its input; never a bare "I'd test it".
_NUM = (r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
        r"|minus \w+|-?\d+)")
TESTS = re.compile(
    r"\b(edge[- ]cases?|corner[- ]cases?|test (cases?|inputs?)\b\W*(:|like|such as|with)"
    r"|(cases|inputs|checks) i'?d (run|check|try|write)|(work|take|try) an example|trace"
    r"|dry[- ]run|let'?s (try|check|say|take)"
    r"|what if|(try|check|run) it (on|with)|(for example|for instance|e\.g\.)[^.]{0,40}(\d|\[|'|\")"
    r"|(take|say|suppose|imagine|consider)\b[^.]{0,30}(\d|\[|')"
    r"|(an? |the )?empty (list|string|array|input|tree|graph)|empty input"
    r"|(list|string|array|input|tree|graph)s? (is |are )?empty"
    r"|(a |the )?single (element|number|node|character|item)|only one (element|number|node|item)"
    r"|one[- ]element|null (input|head|root|list)|all (the same|duplicates|negative)"
    r"|(n|k|target|amount|the amount|the target)\s*(=|equals|is|of)\s*" + _NUM + r"\b"
    r"|(answer|output|result)s?\b[^.]{0,25}\b(should be|is|has to be|comes out as|gives?) "
    r"(-?\d|zero|one|two|three|four|five|six|seven|eight|nine|ten|true|false|none|\[)"
    r"|should (give|return|output|get)\b|" + _NUM + r"(,? (and |then )?" + _NUM + r"){2,}\b)"
    r"|(?<![\w\])])\[\s*-?\d[^\]]*\]|(?<![\w\[])'[a-z][a-z ]+'|(\d|\])\s*->|^\s*check:",
    re.I | re.M)


class Habits(NamedTuple):
    approach: bool
    complexity: bool
    test: bool

    def missing(self) -> list[str]:
        return [name for name, said in zip(self._fields, self, strict=True) if not said]


def said(text: str) -> Habits:
    """Which habits a written answer (or an answer's transcript) shows."""
    text = text or ""
    return Habits(bool(APPROACH.search(text)), bool(COMPLEXITY.search(text)),
                  bool(TESTS.search(text)))


# Finding code, message and suggestion for each habit missed (the drill's review uses the
# same codes for its transcript).
MISSED = {
    "approach": ("no-approach", "The approach was not said in so many words.",
                 "Open with the plan in a sentence: the idea and the structure it uses "
                 "(\"a hash map from value to index, one pass\")."),
    "complexity": ("no-complexity", "Neither time nor space complexity was said.",
                   "Name the time and space cost of your approach, and of the brute force "
                   "you improved on (\"linear time, linear space for the map\")."),
    "test": ("no-tests", "No test case or edge case was named.",
             "Check the idea on one small example out loud and name the edge cases you "
             "would test: empty input, one element, duplicates."),
}
