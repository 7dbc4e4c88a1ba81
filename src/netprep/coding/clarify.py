"""Match a candidate's clarifying question to an exercise's clarification bank.

By meaning, not exact words, with a small stdlib model: the text is lower-cased
and split into words; phrases and synonyms are folded into concepts ("how big",
"length", "constraints" -> size; "in place", "modify" -> mutate); words are
lightly stemmed, a misspelt word is mapped to a close known one, and filler
words are dropped. Each clarification is represented by the concepts and words
of its own question and id. The question goes to the clarification with the
highest weighted cosine similarity, if it clears THRESHOLD; otherwise nobody
matches, and the interviewer says so honestly.

Measured against `tests/data/clarify/labelled.yaml` by `benchmarks/clarify.py`.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

THRESHOLD = 0.34
CONCEPT_WEIGHT = 2.0
UNMATCHED = "I'd rather you decide; tell me your assumption and go on with it."
# What an interviewer says to a question it has no answer for, by the question's kind.
GENERAL = {
    "technical": "Make an assumption and state it, then go on with it; I'll say if it is "
                 "far off.",
    "technical-size": "Pick a scale that seems realistic, say the number out loud, and "
                      "design for it; I'll say if it is far off.",
    "behavioral": "Any real example that fits is fine: say in a sentence which one you "
                  "picked, then tell it.",
    "culture": "Any real example that fits is fine: say in a sentence which one you "
               "picked, then tell it.",
    "motivation": "There is no trick here: answer in your own words, as you would to me in "
                  "person.",
}

# Phrases first (longest first), then single words.
PHRASES: dict[str, str] = {
    "in place": "c-mutate",
    "in-place": "c-mutate",
    "how big": "c-size",
    "how large": "c-size",
    "how long": "c-size",
    "how many": "c-size",
    "upper bound": "c-size",
    "no elements": "c-empty",
    "zero elements": "c-empty",
    "nothing in": "c-empty",
    "more than one": "c-multiple",
    "exactly one": "c-multiple",
    "at least one": "c-multiple",
    "same value": "c-duplicate",
    "same number": "c-duplicate",
    "same element": "c-reuse",
    "same index": "c-reuse",
    "same position": "c-reuse",
    "no solution": "c-none",
    "no answer": "c-none",
    "not found": "c-none",
    "not there": "c-none",
    "does not exist": "c-none",
    "doesn t exist": "c-none",
    "isn t there": "c-none",
    "not present": "c-none",
    "less than zero": "c-negative",
    "below zero": "c-negative",
    "upper case": "c-case",
    "lower case": "c-case",
    "what should i return": "c-return",
    "what do i return": "c-return",
    "give back": "c-return",
    "do you want the": "c-return",
    "more than once": "c-duplicate",
    "no way": "c-none",
    "no path": "c-none",
    "not in": "c-none",
    "out of range": "c-bounds",
    "larger than": "c-bounds",
    "bigger than": "c-bounds",
    "greater than": "c-bounds",
    "at most": "c-bounds",
}
# "no rows", "no nodes": nothing there at all; "no way", "no path": no answer.
EMPTY_AFTER_NO = re.compile(
    r" no (rows?|nodes?|elements?|items?|words?|values?|numbers?|courses?|prerequisites?|"
    r"intervals?|cells?|characters?|letters?|coins?) "
)
SYNONYMS: dict[str, str] = {
    # size and scale
    "size": "c-size", "large": "c-size", "big": "c-size", "biggest": "c-size",
    "length": "c-size", "long": "c-size", "huge": "c-size", "scale": "c-size",
    "constraint": "c-size", "limit": "c-size", "bound": "c-size", "million": "c-size",
    "high": "c-size", "highest": "c-size",
    # empty input
    "empty": "c-empty", "blank": "c-empty", "null": "c-empty", "none": "c-empty",
    "nil": "c-empty", "zero": "c-empty", "0": "c-empty",
    # duplicates
    "duplicate": "c-duplicate", "dupe": "c-duplicate", "repeat": "c-duplicate",
    "distinct": "c-duplicate", "unique": "c-duplicate",
    "same": "c-duplicate", "equal": "c-duplicate",
    # using one element twice (two sum's "the same element twice"): not duplicate values
    "twice": "c-reuse", "reuse": "c-reuse",
    # order
    "sorted": "c-sorted", "sort": "c-sorted", "order": "c-sorted",
    "ascending": "c-sorted", "descending": "c-sorted", "increasing": "c-sorted",
    "ordered": "c-sorted", "decreasing": "c-sorted",
    # return format
    "return": "c-return", "output": "c-return", "format": "c-return",
    "result": "c-return", "shape": "c-return",
    # mutation
    "modify": "c-mutate", "mutate": "c-mutate", "change": "c-mutate",
    "alter": "c-mutate", "overwrite": "c-mutate", "destroy": "c-mutate",
    "copy": "c-mutate", "mutation": "c-mutate", "edit": "c-mutate",
    # negatives
    "negative": "c-negative", "minus": "c-negative",
    # value range
    "range": "c-range", "min": "c-range", "minimum": "c-range", "max": "c-range",
    "maximum": "c-range", "extreme": "c-range", "overflow": "c-range",
    # several answers
    "multiple": "c-multiple", "several": "c-multiple", "tie": "c-multiple",
    # guarantees
    "guarantee": "c-guarantee", "guaranteed": "c-guarantee", "always": "c-guarantee",
    "definitely": "c-guarantee", "promise": "c-guarantee", "certain": "c-guarantee",
    # bounds of a parameter
    "exceed": "c-bounds", "within": "c-bounds",
    # differences
    "differ": "c-differ", "different": "c-differ", "mismatch": "c-differ",
    "unequal": "c-differ",
    # no answer
    "impossible": "c-none", "absent": "c-none", "unreachable": "c-none",
    "missing": "c-none", "never": "c-none",
    # characters and case
    "character": "c-chars", "char": "c-chars", "letter": "c-chars",
    "ascii": "c-chars", "unicode": "c-chars", "symbol": "c-chars",
    "punctuation": "c-chars", "alphabet": "c-chars", "digit": "c-chars",
    "alphanumeric": "c-chars", "space": "c-chars", "whitespace": "c-chars",
    "lowercase": "c-chars", "uppercase": "c-chars",
    "case": "c-case", "capital": "c-case", "sensitive": "c-case",
    "insensitive": "c-case",
    # graphs and grids
    "cycle": "c-cycle", "loop": "c-cycle", "circular": "c-cycle",
    "diagonal": "c-diagonal", "diagonally": "c-diagonal",
    # plain words with several spellings
    "index": "w-index", "indexes": "w-index", "indices": "w-index",
}
FILLER = frozenset(
    "a an the is are be been am i we you it its this that these those there their "
    "do does did can could will would should may might must shall ok okay so "
    "what which who whom how when where why if then than or and but of in on at to "
    "for from with about by as any some all each every input inputs given "
    "list lists array arrays string strings element elements item items value values "
    "number numbers nums num integer integers int function question assume assumption "
    "need want know ask just also please like kind sort_of here get got have has "
    "me my our us your yours one thing things case_ go going still yes no not".split()
)
WORD = re.compile(r"[a-z0-9]+")


def _stem(word: str) -> str:
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)] + keep
            return stem
    return word


_STEMMED_SYNONYMS = {**{_stem(k): v for k, v in SYNONYMS.items()}, **SYNONYMS}


def _concept(word: str) -> str | None:
    stem = _stem(word)
    for candidate in (word, word[:-1] if word.endswith("s") else word, stem, stem + "e"):
        concept = SYNONYMS.get(candidate)
        if concept:
            return concept
    return _STEMMED_SYNONYMS.get(stem)


# In a design round "how many" counts things (users, TVs, parties), which is no size of one
# thing ("How large can an upload be?"): there it is its own concept.
COUNT_PHRASES = ("how many", "number of")


def terms(text: str, vocabulary: Iterable[str] = (), counts: bool = False) -> list[str]:
    """The question as concepts and content words (see the module docstring); with
    `counts`, "how many" is a count (`c-count`), not a size."""
    lowered = " " + " ".join(WORD.findall(text.lower().replace("'", " "))) + " "
    found: list[str] = []
    while EMPTY_AFTER_NO.search(lowered):
        lowered = EMPTY_AFTER_NO.sub(" ", lowered, count=1)
        found.append("c-empty")
    phrases = {**PHRASES, **dict.fromkeys(COUNT_PHRASES, "c-count")} if counts else PHRASES
    for phrase in sorted(phrases, key=len, reverse=True):
        pattern = " " + " ".join(WORD.findall(phrase)) + " "
        while pattern in lowered:
            found.append(phrases[phrase])
            lowered = lowered.replace(pattern, " ", 1)
    known = list(vocabulary)
    for word in lowered.split():
        if word in FILLER or (len(word) == 1 and not word.isdigit()):
            continue
        concept = _concept(word)
        if concept:
            found.append(concept)
            continue
        stem = _stem(word)
        if stem in FILLER:
            continue
        if known and stem not in known and len(stem) >= 5:
            close = difflib.get_close_matches(stem, known, n=1, cutoff=0.84)
            if close:
                stem = close[0]
                concept = _STEMMED_SYNONYMS.get(stem)
                if concept:
                    found.append(concept)
                    continue
        found.append(stem)
    return found


def _vector(words: Sequence[str]) -> dict[str, float]:
    vector: dict[str, float] = {}
    for word in words:
        weight = CONCEPT_WEIGHT if word.startswith("c-") else 1.0
        vector[word] = max(vector.get(word, 0.0), weight)
    return vector


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(weight * b.get(word, 0.0) for word, weight in a.items())
    norm = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norm if norm else 0.0


@dataclass(frozen=True)
class Match:
    id: str | None
    answer: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"answer": self.answer, "matched": self.id, "score": round(self.score, 3)}


def _profile(item: Mapping[str, Any], vocabulary: Iterable[str],
             counts: bool = False) -> list[str]:
    return terms(f"{item['question']} {str(item['id']).replace('-', ' ')}", vocabulary,
                 counts)


def vocabulary_of(bank: Sequence[Mapping[str, Any]], counts: bool = False) -> list[str]:
    words = set(_STEMMED_SYNONYMS)
    for item in bank:
        words.update(w for w in terms(f"{item['question']} {item['id'].replace('-', ' ')}",
                                      counts=counts)
                     if not w.startswith("c-"))
    return sorted(words)


def general_answer(question: str, kind: str) -> Match:
    """What an interviewer with no bank answer says: a general answer for the question's
    kind, or "make an assumption and state it"."""
    if kind in ("technical", "system-design") and "c-size" in terms(question):
        return Match(None, GENERAL["technical-size"], 0.0)
    return Match(None, GENERAL.get(kind, GENERAL["technical"]), 0.0)


def reply(question: str, bank: Sequence[Mapping[str, Any]], kind: str) -> Match:
    """The interviewer's answer to a clarifying question: from the bank (or an honest
    non-answer when nothing in it matches), else the general answer for the kind.

    In a design round (`system-design`) "how many" counts things, so "How many users are
    there?" is not answered with the upload size; a question about scale that nothing in
    the bank answers gets "pick a scale that seems realistic and say it"."""
    if not bank:
        return general_answer(question, kind)
    design = kind == "system-design"
    found = match(question, bank, counts=design)
    if design and found.id is None and {"c-size", "c-count"} & set(terms(question,
                                                                          counts=True)):
        return Match(None, GENERAL["technical-size"], found.score)
    return found


def match(question: str, bank: Sequence[Mapping[str, Any]],
          threshold: float = THRESHOLD, counts: bool = False) -> Match:
    """The clarification ``question`` asks for, or an honest non-answer (`counts`: "how
    many" is a count, as in a design round; see `terms`)."""
    vocabulary = vocabulary_of(bank, counts)
    asked = _vector(terms(question, vocabulary, counts))
    score, chosen = 0.0, None
    for item in bank:
        profile = _vector(_profile(item, vocabulary, counts))
        if counts and not (set(asked) & set(profile)) - {"c-count"}:
            continue  # "how many" alone: a count of users is no party's size
        similarity = _cosine(asked, profile)
        if similarity > score:
            score, chosen = similarity, item
    if chosen is None or score < threshold:
        return Match(None, UNMATCHED, score)
    return Match(str(chosen["id"]), str(chosen["answer"]), score)
