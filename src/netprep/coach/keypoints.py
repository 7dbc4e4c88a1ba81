"""Key points of a technical answer, matched after normalising notation and wording.

`O(n*m)`, `O(n x m)`, "O of n times m" and "n times m" read the same; so do
"log n" and "log(n)", "n^2", "n²" and "n squared", "hashmap", "hash map" and
"dictionary", and plain-language versions: "grows with the square of the length"
is O(n^2), "one finger at each end" is two pointers, "a small list per slot" is
chaining. A point counts as covered when its complexity terms (if any) are said and
most of its significant words are there; a complexity alone does not say a point that
has words of its own (none of them said, and the answer gives that complexity to
another cost: "the copy costs O(n)" is not "inserting at the front is O(n)");
`coach/statements.py` adds that the answer must not contradict it ("GET creates, POST
reads" shares the words of "GET reads, POST creates" but states the opposite: that
point is wrong, not covered).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache

from netprep.coach import lazyre as re

_SYNONYMS = [
    # concepts said in plain words: who you are (identity) and what you may do (permission)
    (r"\bwho (?:you|they|someone|somebody|the user|a user) (?:really )?(?:are|is)\b|"
     r"\b(?:your|their|the user's|a user's) identity\b|\bidentity\b", " identity "),
    (r"\bwhat (?:you|they|someone|somebody|the user|a user|\w+) (?:may|can|is allowed to|are "
     r"allowed to|is permitted to|are permitted to|gets? to) (?:do|access|see|open|touch)\b|"
     r"\bpermissions?\b", " permission "),
    # cost of two inputs in words: "the length of one times the length of the other"
    (r"\b(?:the )?(?:length|size) of (?:one|the first)(?: list| array)? times (?:the )?(?:length|"
     r"size) of the (?:other|second)\b", " o(n*m) "),
    (r"\b(?:the )?two (?:lengths|sizes) added together\b|\bthe sum of the (?:two )?(?:lengths|"
     r"sizes)\b", " o(n+m) "),
    (r"\b(?:look\w*|walk\w*|scan\w*|go\w*) (?:through |over )?the whole (?:\w+ )?(?:list|array)\b",
     " linear scan o(n) "),
    (r"\bproportional to (?:everything|all|every \w+|the whole)\b", " o(n) "),
    # evaluation on rare classes, in plain words
    (r"\bhow many of the (?:\w+ )?(?:it|the model) (?:flags|flagged|predicts|marks|calls)\b"
     r"[^.,;]{0,25}?\b(?:are|were) (?:really |actually )?(?:real|right|correct|positive)\b",
     " precision "),
    (r"\bhow many of the (?:real|actual|true) (?:\w+ )?(?:it|the model) (?:catches|finds|flags|"
     r"gets)\b", " recall "),
    (r"\bcut-?off\b", " threshold "),
    # what something is for: "good for", "handy for", "suited to" say "suits"
    (r"\b(?:is |are )?(?:good|handy|useful|great|ideal|well suited|suited|the right tool) "
     r"(?:for|to)\b|\bsuits\b", " suits "),
    (r"\b(?:count|weigh|weight)s? (?:each |every |the )?(?:rare|minority|positive) (?:\w+ )?"
     r"(?:more heavily|more|higher)\b|\bmore heavily\b", " weight "),
    (r"\bmore copies of\b|\b(?:over|under)-?sampl\w*", " resample "),
    # rate limiting and secrets in plain words
    (r"\b(?:jar|bucket|pot)s? of (?:\d+ )?(?:tickets|tokens|coins)\b", " token bucket "),
    (r"\b(?:many|all) at once\b", " burst "),
    (r"\bredis\b|\bmemcached?\b", " redis shared fast store "),
    (r"\bindivisible\b|\ball[\s-]or[\s-]nothing\b", " atomic "),
    (r"\bvault\b", " secrets manager "),
    (r"\b(?:scan|check|block)\w* (?:\w+ ){0,4}(?:for )?(?:keys|secrets|credentials|tokens)\b",
     " secret scanning "),
    # hash tables and arrays in plain words
    (r"\btoo (?:crowded|full)\b", " load factor threshold "),
    (r"\b(?:longer|larger|bigger|new) (?:row|block)\b", " bigger array rehash "),
    (r"\bblock of memory\b|\bmemory block\b", " array "),
    (r"\bfree slots?\b|\broom to spare\b", " spare capacity "),
    (r"\b(?:can(?:'t|not| not) (?:be )?change[ds]?|never change[ds]?|unchangeable)\b",
     " immutable "),
    (r"\bmoved over by\b|\boffset by\b", " shifted by "),
    # plain-language complexity and techniques, before the word-level synonyms
    (r"\b(?:grows?|grew|growing|scales?|goes up)\s+(?:\w+\s+){0,2}with\s+the\s+square\s+of\b"
     r"|\b(?:proportional|quadratic)\s+(?:to|in)\s+the\s+square\b|\bsquare of the (?:length|"
     r"size|input|number)\b|\b(?:with|to) the square of (?:the )?(?:\w+ )?(?:length|size|input|"
     r"n|count)\b", " o(n^2) "),
    (r"\b(?:grows?|growing|scales?|goes up)\s+(?:\w+\s+){0,2}(?:in proportion to|linearly "
     r"with|with)\s+the\s+(?:length|size|number of \w+)\b|\bproportional\s+to\s+(?:the\s+(?:length|"
     r"size|input|number of \w+)|n)\b|\blinear in n\b(?!\s*(?:\+|plus))|"
     r"\bdoubles when the input doubles\b",
     " o(n) "),
    (r"\b(?:the same|fixed) (?:\w+ )?(?:time|amount of (?:time|work)|cost) (?:no matter|"
     r"regardless of|whatever|however)\b|\bdoes(?: not|n't) (?:depend on|grow with) "
     r"(?:the )?(?:size|length|input|n)\b",
     " o(1) "),
    (r"\bmemory stays (?:fixed|the same|constant|flat)\b|\b(?:no|without) extra (?:memory|"
     r"space)\b|\bonly (?:remembers?|holds?|keeps?|stores?|needs?) (?:two|three|a few|a couple of|"
     r"2|3) (?:positions|indexes|indices|variables|values|numbers|pointers|counts|counters)\b",
     " o(1) extra memory "),
    (r"\bhalv(?:es|ing)\s+(?:the\s+)?(?:search\s+)?(?:range|interval|space|problem|array|"
     r"candidates)\b|\b(?:number of )?times you (?:can|could) halve\b|\bhalving steps\b",
     " halving o(log n) "),
    (r"\b(?:cost|time|work) is (?:the|its) (?:depth|height) of the tree\b|\b(?:proportional "
     r"to|grows with) the (?:tree's )?(?:depth|height)\b", " o(h) "),
    (r"\bexponential(?:ly)?\b", " o(2^n) "),
    (r"\b(?:fingers?|markers?|cursors?)\b", " pointer "),
    (r"\b(?:at|from) (?:each|either|both|opposite|the two) ends?\b|\bone at the (?:start|"
     r"front|beginning)\b[^.]{0,30}\b(?:other|one) at the end\b", " both ends "),
    (r"\b(?:small |short |little |tiny )?(?:lists?|chains?|linked ?lists?)\s+(?:per|in each|for "
     r"each|at each|hanging off each|on each)\s+(?:slot|bucket|index|cell)\b", " chaining list "),
    (r"\b(?:each|every) (?:slot|bucket) (?:keeps|holds|has|stores|points to) (?:a |its own )?"
     r"(?:small |short |little )?(?:list|chain|linked ?list)\b", " chaining list per bucket "),
    (r"\bslots?\b(?=[^.]{0,40}\b(?:hash|collid|collision|key))", " bucket "),
    (r"\bfirst[\s-]in,?\s+first[\s-]out\b", " fifo queue "),
    (r"\blast[\s-]in,?\s+first[\s-]out\b", " lifo stack "),
    (r"\b(?:each|every) (?:vertex|node) and (?:each |every )?edge\b|\b(?:vertices|nodes) (?:and|"
     r"plus) edges\b",
     " o(v+e) "),
    (r"\btwice as (?:big|large)\b|\bdouble (?:the|its) size\b|\bdoubl(?:es|ing|ed)\b",
     " double grow constant factor larger "),
    (r"\b(?:visit|touch|process|see|cop(?:y|ie)|read|move|handle|check)(?:s|ed|es|ing)?\s+"
     r"(?:each|every)\s+(?:element|node|item|character|index|vertex|edge|piece|letter|entry)\s+"
     r"(?:only\s+)?once\b|\b(?:a single|one) pass\b|\b(?:go(?:es)?|pass(?:es)?|walk(?:s)?) "
     r"(?:over|through) (?:it|them|the (?:\w+ )?(?:list|array|string|input)) once\b",
     " once o(n) "),
    (r"\bhash[\s-]?(?:map|table)s?\b|\bdictionar(?:y|ies)\b|\bdicts?\b|\bhashset\b|"
     r"\bhash set\b", " hashmap "),
    (r"\bbinary[\s-]search(?:es|ing)?\b", " binarysearch "),
    (r"\blinked[\s-]lists?\b", " linkedlist "),
    (r"\bbreadth[\s-]first(?:[\s-]search)?\b|\bbfs\b", " bfs "),
    (r"\bdepth[\s-]first(?:[\s-]search)?\b|\bdfs\b", " dfs "),
    (r"\bconstant\b", " o(1) "),
    (r"\blinear\s+in\s+(\w)\s*(?:\+|plus)\s*(\w)\b", r" o(\1+\2) "),
    (r"\blinear\b", " o(n) "),
    (r"\bmin(?:imum|imal)?\b", " minimum "),
    (r"\bmax(?:imum|imal)?\b", " maximum "),
    (r"\bmemo(?:i[sz]ation|i[sz]e|i[sz]ed)?\b|\bcach(?:e|ing)\b", " memo "),
    (r"\btabulation\b|\bbottom[\s-]up\b", " bottomup "),
    (r"\btop[\s-]down\b", " topdown "),
    (r"\bbst\b|\bbinary search tree\b|\btree ?map\b|\bbalanced tree\b", " treemap "),
    (r"\bin[\s-]order\b", " inorder "),
    (r"\bstrictly increas\w*|\bsorted order\b|\bascending\b", " increasing "),
    (r"\boptimal\b|\bbest\b", " optimal "),
    (r"\boverlapping\b|\brepeat(?:ed|ing)?\b|\bsame (?:sub)?problems?\b|\bagain and again\b",
     " overlapping "),
    (r"\bsmaller (?:pieces|problems|parts)\b|\bsub-?problems?\b", " subproblem "),
    (r"\b(?:extra|additional|auxiliary)\s+(?:array|list|buffer|memory|space)\b|"
     r"\bsecond (?:array|buffer)\b", " extra space "),
    (r"\b(?:the )?size of the input\b|\bas (?:big|large) as the input\b", " o(n) "),
    (r"\bwithin (?:1|one) of each other\b", " differ by at most one "),
    (r"(?<=\w)\s+-\s+(?=\w)", " subtract "),
    (r"\b(?:bounds?|range|low(?:er)? and high(?:er)?|lo and hi|min and max)\b", " bound "),
    (r"\b(?:children|child|left and right|node\.left|node\.right)\b", " child "),
    (r"\b(?:above|from the top|i-1|row above)\b", " above "),
    (r"\bin[\s-]place\b", " inplace "),
    (r"\bheap(?:q|s)?\b|\bpriority queue\b", " heap "),
    (r"\b(?:root|top)\b", " top "),
    (r"\b([nmkve])\s+plus\s+([nmkve])\b", r" o(\1+\2) "),
    (r"\blogarithmic(?:[\s-]time)?\b", " o(log n) "),
    (r"\bquadratic(?:[\s-]time)?\b", " o(n^2) "),
    (r"\bkeys?[\s-]value\b", " keyvalue "),
    (r"\bmulti[\s-]?thread(?:ed|ing)?\b", " multithread "),
    (r"\bcache[sd]?\b|\bcaching\b", " cache "),
    (r"\bdatabase(?:s)?\b|\bdbs?\b", " database "),
    (r"\bindex(?:es|ed|ing)?\b|\bindices\b", " index "),
    (r"\bsort(?:ed|ing|s)?\b", " sort "),
    (r"\bchar(?:acter)?s?\b|\bletters?\b", " character "),
    (r"\bdecrement(?:s|ed|ing)?\b|\bsubtract(?:s|ed|ing)?\b|\bminus\b", " subtract "),
    (r"\bincrement(?:s|ed|ing)?\b|\badd(?:s|ed|ing)?\s+(?=(?:one|1|for)\b)", " add "),
    (r"\b(?:zero|0)\b", " zero "),
    (r"\b(?:prev|previous)\b", " previous "),
    (r"\b(?:curr|cur|current)\b", " current "),
    (r"\b(?:nxt|next)\b", " next "),
    (r"\breferences?\b|\bpointers?\b|\bptrs?\b", " pointer "),
    (r"\b(?:null|none|nil)\b", " null "),
    (r"\b(?:hits?|reaches|reached|gets to|runs off)\s+(?:the\s+)?(?:end|null)\b", " reach end "),
    (r"\b(?:meet|meets|met|land on the same|same node|catch(?:es)? up)\b", " meet "),
    (r"\b(?:rehash(?:es|ing)?|reinsert(?:s|ing)?|resiz(?:e|es|ing)|grows?|bigger array|"
     r"doubles? (?:the|in) size)\b", " rehash "),
    (r"\b(?:differ(?:ent)?|mismatch(?:ed)?|not (?:the )?same|unequal)\b", " differ "),
    (r"\b(?:recursive|recursion|recurse)\b", " recursion "),
    (r"\b(?:iterat(?:e|ive|ion)|loop(?:s|ing)?)\b", " loop "),
    (r"\bnested\b|\bevery pair\b|\btwo (?:for )?loops\b|\bdouble loop\b", " nested "),
    (r"\b(?:sum|plus|add up)\b", " sum "),
]
_SYN = [(re.compile(p, re.I), r) for p, r in _SYNONYMS]
_STOP = frozenset("""a an and are as at be by can do does for from has have how if in into is it
its of on or so than that the their then there these they this to use used uses using was what
when where which while who why will with you your we i one each all any also both more most
not no only same such very just about over under like""".split())
# Words too weak to tell one key point from another.
_WEAK = frozenset(_w[:5] for _w in "because still instead would make makes made then even every "
                  "without two three four five six ten hundred".split())
_TOKEN = re.compile(r"o\([^)]*\)|[a-z0-9][a-z0-9+#^*]*")
# Bare complexity said without the O: "n log n", "log n", "n^2", "n*m", "v+e".
_BARE = re.compile(r"(?<![\w(])((?:[nmkve]\s*)?log\s*[nmk]|[nmkve]\s*\^\s*\d|"
                   r"[nmkve]\s*[*+]\s*[nmkve](?:\s*log\s*[nmk])?)(?![\w)])")


@lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """Lower case, one spelling for complexity notation and common synonyms."""
    s = " " + (text or "").lower() + " "
    s = s.replace("²", "^2").replace("³", "^3").replace("×", "*").replace("·", "*")
    s = re.sub(r"\bbig[\s-]?o\s+(?:of\s+)?", "o of ", s)
    s = re.sub(r"\bo\s+of\s+(n|m|k|v|e|1|log)", r"o(\1", s)  # "o of n" -> "o(n"
    s = re.sub(r"\bo\((n|m|k|v|e|1|log)\b([^)]{0,25}?)(?=[,.;]|\s+(?:time|space|memory|"
               r"extra|because|since|and|which|per|so|overall|total|in|for|at)\b|$)",
               lambda m: "o(" + m.group(1) + m.group(2) + ")", s)
    s = re.sub(r"(\w)\s+squared\b", r"\1^2", s)
    s = re.sub(r"(\w)\s+cubed\b", r"\1^3", s)
    s = re.sub(r"\blog\s*\(\s*(\w)\s*\)", r"log \1", s)
    s = re.sub(r"\blog(n|m|k)\b", r"log \1", s)
    s = re.sub(r"\b([nmkve])\s*(?:\*|x|times|by)\s*([nmkve]|log \w)\b", r"\1*\2", s)
    s = _BARE.sub(lambda m: " o(" + m.group(1) + ") ", s)
    s = re.sub(r"\bo\(\s*([^)]*?)\s*\)", lambda m: "o(" + re.sub(r"\s+", "", m.group(1)) + ")",
               s)
    for pattern, repl in _SYN:
        s = pattern.sub(repl, s)
    # the plain-language versions are written "o(log n)": one spelling, as above
    s = re.sub(r"\bo\(([^)]*)\)", lambda m: "o(" + re.sub(r"\s+", "", m.group(1)) + ")", s)
    return " ".join(s.split())


def _stem(word: str) -> str:
    """A crude stem: the first five letters (length/lengths, differ/different)."""
    if word.startswith("o("):
        return word
    for suffix in ("ing", "ies", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    return word[:5]


def _terms(text: str) -> tuple[set[str], set[str]]:
    """(complexity terms like "o(n*m)" or "n*m", significant stems) of a normalised text."""
    norm = normalise(text)
    tokens = _TOKEN.findall(norm)
    notation = {t for t in tokens if t.startswith("o(")}
    words = {_stem(t) for t in tokens if not t.startswith("o(") and t not in _STOP
             and (len(t) > 2 or t in ("io", "db", "ui", "os"))}
    return notation, words


def word_hits(point: str, answer_terms: tuple[set[str], set[str]]) -> int:
    """How many of a point's significant words the answer says."""
    return len(_terms(point)[1] & answer_terms[1])


NEED_LONG, NEED_SHORT = 0.25, 0.5  # share of a point's significant words the answer must say


def point_covered(point: str, answer_terms: tuple[set[str], set[str]],
                  strict: bool = False, *, others: Iterable[str] = (),
                  cost_stated: Callable[[str], bool] | None = None) -> bool:
    """Whether the answer says the point; `strict` (an answer that already stated a point
    wrongly gets no benefit of the doubt): half its words, and its words beside its
    complexity. `others` are the significant stems of the question's other key points
    and `cost_stated(point)` whether the answer gives the point's complexity to the
    point's own cost (`coach/bounds.cost_stated`): a point's complexity, said, covers it
    unless the point has words of its own that the answer never says and the answer
    gives that complexity to another cost."""
    notation, words = _terms(point)
    said_notation, said_words = answer_terms
    if notation and not notation & said_notation:
        return False
    if not words:
        return bool(notation)
    hits = sum(1 for w in words if w in said_words)
    if notation and notation <= said_notation and cost_stated is not None:
        own = words - set(others) - _WEAK
        if own and not own & said_words and not cost_stated(point):
            return False  # only the complexity, and said of another cost
    if notation and not strict:  # every complexity term said: that is the point
        return notation <= said_notation or hits >= 1 or len(words) <= 2
    if notation:
        return notation <= said_notation and (hits >= 1 or len(words) <= 2)
    need = NEED_LONG if len(words) >= 4 and not strict else NEED_SHORT
    return hits >= (2 if len(words) >= 4 else 1) and hits / len(words) >= need
