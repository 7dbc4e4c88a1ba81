"""Filler and hedge words, counted only where they are fillers.

Not inside compounds ("just-in-time") or quoted speech, and not in their literal
use ("the kind of problem", "I like Go", "looks like"). Spoken fillers (um, uh,
"like" as a filler, actually, honestly, literally, pretty much, you know, stuff)
count too, since transcripts come through the same engine.
"""

from __future__ import annotations

from netprep.coach import lazyre as re

_QUOTED = re.compile(r"\"[^\"]{0,200}\"|“[^”]{0,200}”|(?<![\w])'[^']{0,120}'(?![\w])")
_FILLER = re.compile(
    r"(?<![\w-])(?:"
    r"(?P<hedge>just|maybe|basically|actually|honestly|literally|pretty\s+much|i\s+guess|"
    r"i\s+think|i\s+suppose|sort\s+of|kind\s+of|you\s+know|i\s+mean|um+|uh+|erm+|uhm+|er|"
    r"stuff)"
    r"|(?P<like>like))(?![\w-])", re.I)
_DETERMINER = re.compile(r"(?:\b(?:the|a|an|what|this|that|these|those|any|every|some|one|"
                         r"which|same|each|no|other|whatever|new|right|wrong|our|my|your|"
                         r"their|his|her|its|two|three|different|certain|first|last)\s+)$",
                         re.I)
_LIKE_FILLER_BEFORE = re.compile(r"(?:,\s*|^\s*|\b(?:was|were|is|had|has|and|just|um|uh|"
                                 r"'s|took|about|got|with|for)\s+)$", re.I)
_LIKE_FILLER_AFTER = re.compile(r"^(?:\s*,|\s+(?:\d|zero|one|two|three|four|five|six|seven|"
                                r"eight|nine|ten|twenty|thirty|forty|fifty|a hundred|"
                                r"half|really|super|totally|so|um|uh)\b)", re.I)
_JUST_LITERAL = re.compile(r"^\s+(?:in time|before|after|as|now|enough|in case|then|the "
                           r"(?:way|right)|under|over|below|above|short of|past|behind|ahead "
                           r"of|outside|inside)\b", re.I)
_YOU_KNOW_LITERAL = re.compile(r"^\s+(?:how|what|that|whether|who|where|when|why|if|the|"
                               r"about|it|them|him|her)\b", re.I)
_STUFF_LITERAL = re.compile(r"(?:\b(?:the|this|that|my|our|your|their|some|any|of|"
                            r"personal|admin|old|new)\s+)$", re.I)
_I_THINK_LITERAL = re.compile(r"^\s+(?:about|of|through)\b", re.I)


def count_fillers(text: str) -> dict[str, int]:
    """Each filler or hedge found, by its lower-case form."""
    text = _QUOTED.sub(lambda m: " " * len(m.group(0)), text or "")
    found: dict[str, int] = {}
    for m in _FILLER.finditer(text):
        word = " ".join(m.group(0).lower().split())
        before, after = text[:m.start()], text[m.end():]
        if m.group("like"):
            if not (_LIKE_FILLER_BEFORE.search(before[-12:])
                    and _LIKE_FILLER_AFTER.match(after)):
                continue
        elif word in ("kind of", "sort of"):
            if _DETERMINER.search(before[-20:]):
                continue
        elif word == "just":
            if _JUST_LITERAL.match(after):
                continue
        elif word == "you know":
            if _YOU_KNOW_LITERAL.match(after):
                continue
        elif word == "stuff":
            if _STUFF_LITERAL.search(before[-12:]):
                continue
        elif word in ("i think", "i guess", "i suppose"):
            if _I_THINK_LITERAL.match(after):
                continue
        elif re.fullmatch(r"u+h+|u+m+|e+r+m*|uhm+", word):
            word = "um" if "m" in word else "uh"
        found[word] = found.get(word, 0) + 1
    return found
