"""Words and a BM25 ranking for story matching: pure, stdlib only.

The tokenizer lower-cases, drops stop words and folds word forms together with a
light suffix stripper ("disagreed", "disagreement" and "disagreeing" share a
stem; British -ise and American -ize spellings too), so a question and a story
that use different forms of a word still meet.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_ISE = re.compile(r"is(e|ed|es|ing|ation|ations)$")
STOP = frozenset(
    "a about after again against all also am an and any anyone are as at be because been "
    "before being both but by can could did do does doing done each else ever for from "
    "get give go got had has have having he her here hers him his how i if in into is it "
    "its just me more most my myself of on once one only or other our out over own please "
    "said same say she should so some someone something such tell than that the their "
    "them then there these they thing this those through time times to too under until "
    "up us very was way we were what when where whether which while who whom why will "
    "with would you your yours yourself describe example walk let share talk".split()
)
# Irregular or short forms the suffix rules would miss.
_FOLD = {
    "wrong": "wrong", "argument": "argu", "arguments": "argu", "criticism": "critic",
    "critical": "critic", "critique": "critic", "criticise": "critic", "criticize": "critic",
    "criticised": "critic", "criticized": "critic", "persuasion": "persuad",
    "persuasive": "persuad", "convincing": "convinc", "mistakes": "mistak",
    "failure": "fail", "failures": "fail", "failed": "fail", "failing": "fail",
    "deadlines": "deadlin", "led": "lead", "leading": "lead", "taught": "teach",
    "broke": "break", "broken": "break", "won": "win", "lost": "lose", "went": "go",
    "users": "user", "customers": "customer", "people": "person", "teammates": "teammat",
    "accessibility": "access", "accessible": "access", "inaccessible": "access",
}
_SUFFIXES = ("ingly", "edly", "ings", "ment", "ness", "ing", "ies", "ed", "es", "ly", "s")


def stem(word: str) -> str:
    """A crude, stable stem: enough to fold the forms interview questions use."""
    if word in _FOLD:
        return _FOLD[word]
    if len(word) <= 3:
        return word
    word = _ISE.sub(r"iz\1", word)
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                continue
            word = word[: -len(suffix)] + ("y" if suffix == "ies" else "")
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]
    return word


def tokens(text: str) -> list[str]:
    """Content-word stems of `text`, in order ("didn't" also yields "not")."""
    out: list[str] = []
    for word in _WORD.findall(text.lower().replace("\u2019", "'")):
        if word.endswith("n't"):
            out.append("not")
            word = word[:-3]
        word = word.split("'", 1)[0]
        if word and word not in STOP:
            out.append(stem(word))
    return out


def surface(text: str) -> dict[str, str]:
    """Stem -> the first word of `text` that has it (to show matching words as written)."""
    out: dict[str, str] = {}
    for word in _WORD.findall(text.lower().replace("\u2019", "'")):
        word = word.split("'", 1)[0]
        if word and word not in STOP:
            out.setdefault(stem(word), word)
    return out


class BM25:
    """Okapi BM25 over a fixed list of token lists (k1 = 1.2, b = 0.75)."""

    def __init__(self, docs: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75):
        self.size = len(docs)
        lengths = [len(d) for d in docs]
        average = (sum(lengths) / self.size) if self.size else 1.0
        df: Counter[str] = Counter()
        self.postings: dict[str, list[Any]] = {}  # term -> [(doc, weight)] ([doc, weight])
        for i, doc in enumerate(docs):
            counts = Counter(doc)
            df.update(counts.keys())
            norm = k1 * (1 - b + b * lengths[i] / (average or 1.0))
            for term, tf in counts.items():
                weight = tf * (k1 + 1) / (tf + norm)
                self.postings.setdefault(term, []).append((i, round(weight, 5)))
        self.idf = {t: math.log(1 + (self.size - n + 0.5) / (n + 0.5)) for t, n in df.items()}
        self.max_idf = math.log(1 + (self.size + 0.5) / 0.5)

    def scores(self, query: Iterable[str]) -> dict[int, float]:
        """Document index -> score, for documents sharing a term with `query`."""
        out: dict[int, float] = {}
        for term in set(query):
            idf = self.idf.get(term)
            if idf is None:
                continue
            for doc, weight in self.postings[term]:
                out[doc] = out.get(doc, 0.0) + idf * weight
        return out

    def weight(self, term: str) -> float:
        """How telling a word is: its idf, or the largest idf for a word never seen."""
        return self.idf.get(term, self.max_idf)

    def to_dict(self) -> dict:
        return {"size": self.size, "max_idf": self.max_idf, "idf": self.idf,
                "postings": self.postings}

    @classmethod
    def from_dict(cls, data: dict) -> BM25:
        """From `to_dict`'s JSON as parsed: postings stay [doc, weight] lists (no copy)."""
        self = cls.__new__(cls)
        self.size = int(data["size"])
        self.max_idf = float(data["max_idf"])
        self.idf = data["idf"]
        self.postings = data["postings"]
        if not isinstance(self.idf, dict) or not isinstance(self.postings, dict):
            raise TypeError("malformed index")
        return self
