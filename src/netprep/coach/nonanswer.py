"""Whether a text answers its question at all: nonsense, nothing, or something else.

A motivation answer is read for three talking points (`coach.answers`); an answer with
none of them is weak, but one that is not an answer (keyboard runs and placeholder text,
"I don't know", "pass", a sentence about the weather) should not be scored as a weak
answer: it is told plainly that it does not answer the question. Small pure functions,
no dictionary: a word is junk when it is a run of keys on one keyboard row ("asdf",
"qwer"), a placeholder ("lorem", "blah"), one letter held down ("aaaa") or a run of
consonants no English word has ("fjdkslj"); an acronym typed in capitals ("SQL") never
is. Conservative by design: any sign of an answer (a talking point, a word of the
question, a word about work, study or the candidate's aims, a "because") keeps the text
an answer, however weak.
"""

from __future__ import annotations

from netprep.coach import lazyre as re

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’]*|\d+")
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_PLACEHOLDER = frozenset({
    "lorem", "ipsum", "dolor", "amet", "consectetur", "adipiscing", "elit", "blah", "bla",
    "blablabla", "blahblah", "asdf", "qwerty", "foo", "bar", "baz", "foobar", "xyz", "abc",
    "xxx", "yyy", "zzz", "gibberish", "jibberish", "nonsense", "placeholder",
    "todo", "tbd", "whatever", "meh", "lol", "hmm", "hm", "etc", "yada", "la", "na"})
_CONSONANTS = re.compile(r"[bcdfghjklmnpqrstvwxz]{6,}")
_HELD = re.compile(r"(.)\1\1")
# Words that carry no content of their own: function words, fillers and bare replies.
_EMPTY = frozenset("""
a an the and or but if so of to in on at by for from with about as into than then that
this these those there here it its it's is are was were be been being am do does did
done doing have has had having will would shall should can could may might must i i'm
i'd i've i'll me my mine myself you you're your yours we our us they them their he she
his her him what which who whom whose when where why how not no yes yeah yep nope ok
okay sure maybe um uh er erm well just really very quite also too all any some nothing
none anything something everything thing things know known don't dont do not idea
think guess suppose pass skip next sorry n a na none whatever like kind sort lot lots
get got go going want wanted say said tell one much many more most other such only
honestly actually basically literally totally probably idk dunno let hmm
""".split())
_NOT_KNOWING = re.compile(r"\b(?:i\s+(?:do\s*n[o']t|dont|don’t|really\s+don't)\s+know|"
                          r"no\s+idea|not\s+sure|idk|dunno|no\s+clue|pass|skip)\b", re.I)
# Any word about work, study, the candidate or their aims makes a text an answer, however
# weak ("because of the salary" answers "why here", badly).
_ON_TOPIC = re.compile(
    r"\b(?:work|job|role|team|intern|project|product|compan|firm|startup|business|career|"
    r"skill|learn|study|studi|school|universit|college|course|class|degree|major|thesis|"
    r"research|lab|code|coding|program|software|engineer|develop|design|data|build|built|"
    r"ship|app|web|site|tool|system|platform|service|user|customer|client|problem|solv|"
    r"tech|computer|science|math|manag|mentor|lead|led|help|grow|experien|background|"
    r"strength|weak|goal|future|year|summer|month|week|hire|hiring|posting|position|"
    r"offer|salary|pay|money|benefit|office|remote|culture|mission|value|people|colleague|"
    r"boss|question|interest|passion|excit|motivat|challeng|impact|contribut|opportunit|"
    r"good at|best at|python|java|sql|cloud|security|mobile|frontend|backend|ai\b|ml\b|"
    r"reput|brand|industr|field|domain|area|part|feedback|bug|debug|review|releas|test|"
    r"deploy|fix|feature|meeting|deadline|task|plan|doc|api|server|model|map|setup|"
    r"pair|shadow|check-in|onboard|ticket|sprint|repo|"
    r"because|since|reason)", re.I)


# Something the candidate did (a past tense) might be the start of an answer; a short text
# with none, no word of the subject and none of the question's is about something else.
_DONE = re.compile(r"[a-z']{3,}ed|built|made|wrote|written|led|ran|took|got|kept|found|went|"
                   r"did|done|taught|began|begun|gave|told|saw|seen|thought|brought|chose|"
                   r"sent|spent|set|put|met|won|lost|left|felt|read|knew|grew|drew|fought|fell|sold|cut|"
                   r"came|rose|had|was|were|been",
                   re.I)
OFF_TOPIC_WORDS = (6, 40)  # shorter is a terse reply ("Debugging."), longer a ramble


def is_junk(word: str) -> bool:
    """A token that is no word: a keyboard-row run, a placeholder, a held key, a run of
    six consonants; never an acronym in capitals."""
    if len(word) > 1 and word.isupper():
        return False
    low = word.lower().replace("’", "'")
    if low in _PLACEHOLDER or (low.startswith("bla") and set(low) <= set("blah")):
        return True
    if not low.isalpha() or len(low) < 3:
        return False
    if any(low in row or low in row[::-1] for row in _ROWS):
        return True
    return bool(_HELD.search(low) or _CONSONANTS.search(low))


def _clip(text: str, words: int = 8) -> str:
    cut = text.split()
    return " ".join(cut[:words]) + (" \u2026" if len(cut) > words else "")


def _stem(word: str) -> str:
    return word.lower().replace("’", "'")[:5]


def non_answer(text: str, question: str = "", off_topic: bool = True) -> str | None:
    """Why `text` does not answer `question` (a clause to follow "does not answer the
    question:"), or None when it is an answer, however weak. Without `off_topic` only
    text that says nothing (no words, junk, "I don't know") is a non-answer: a story's
    sentences are about their own subject, never the question's words."""
    tokens = _TOKEN.findall(text or "")
    words = [t for t in tokens if not t.isdigit()]
    if not words:
        return "it has no words in it"
    junk = [w for w in words if is_junk(w)]
    if len(junk) * 2 >= len(words):
        shown = list(dict.fromkeys(w.lower() for w in junk))
        quoted = ", ".join(f"\u201c{w}\u201d" for w in shown[:4])
        return f"{quoted} {'is not a word' if len(shown) == 1 else 'are not words'}"
    content = [w for w in words if not is_junk(w) and w.lower().replace("\u2019", "'")
               not in _EMPTY]
    if not content:
        if _NOT_KNOWING.search(text):
            return "it says only that you do not know"
        return f"it says only \u201c{_clip(text)}\u201d"
    if not off_topic:
        return None
    shortest, longest = OFF_TOPIC_WORDS
    if (_ON_TOPIC.search(text) or not shortest <= len(words) <= longest
            or any(_DONE.fullmatch(w) for w in words)):
        return None  # a word of the subject, a terse reply or a ramble, something done
    asked = {_stem(w) for w in _TOKEN.findall(question or "")
             if w.lower() not in _EMPTY and len(w) > 2}
    if asked & {_stem(w) for w in content if len(w) > 2}:
        return None
    return "nothing in it is about the question or the role"
