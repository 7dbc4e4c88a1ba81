"""Whether an answer states a key point or says the opposite in the same words.

A key point is a small set of claims: a subject (GET, a heap, the salt, the slow
pointer, `current.next`) with a value from a set of exclusive values (creates or
reads, a queue or a stack, one salt per password or one for the whole database,
the minimum or the maximum, top-down or bottom-up, O(1) or O(n)) or a property
said or denied (idempotent, stable, sorted, atomic, mutable). The answer's clauses
are read the same way. A point is **contradicted** when the answer gives the same
subject another value, denies what the point says (or says what it denies), hands
the point's predicate to the other member of a pair (BFS and DFS, authentication
and authorisation, inner and left join), or gives the same operation another
complexity (`coach/bounds.py`). Hypotheticals ("growing by a fixed number would make it O(n)") and
rejected alternatives ("rather than ...") are no claims. Small pure functions over
lower-cased text; no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from netprep.coach import lazyre as re

# --- one spelling per subject ---------------------------------------------------------

_CASED = [(re.compile(r"\b" + m + r"\b"), f" m_{m.lower()} ")
          for m in ("GET", "POST", "PUT", "PATCH")]
_SUBJECTS = [
    (r"\bbreadth[\s-]first(?:[\s-]search)?\b|\bbfs\b", " bfs "),
    (r"\bdepth[\s-]first(?:[\s-]search)?\b|\bdfs\b", " dfs "),
    (r"\bbinary search trees?\b|\bbsts?\b|\btree ?maps?\b|\b(?:self-)?balanced (?:binary )?"
     r"trees?\b|\bself-balancing (?:binary )?trees?\b", " bst "),
    (r"\bpriority queues?\b", " heap "),
    (r"\bmin(?:imum)?[\s-]heaps?\b", " minimum heap "),
    (r"\bmax(?:imum)?[\s-]heaps?\b", " maximum heap "),
    (r"\bheap[\s-]?sort\b", " heapsort "),
    (r"\binsertion[\s-]?sort\b", " insertionsort "),
    (r"\btim[\s-]?sort\b", " timsort "),
    (r"\(\s*(?:used by|such as|e\.g\.?|for example|like)\b[^)]*\)", " "),
    (r"\bheaps?\b", " heap "),
    (r"\bhash[\s-]?(?:maps?|tables?)\b|\bdictionar(?:y|ies)\b|\bdicts?\b", " hashmap "),
    (r"\blinked[\s-]lists?\b", " linkedlist "),
    (r"\bmerge[\s-]?sort\b", " mergesort "),
    (r"\bquick[\s-]?sort\b", " quicksort "),
    (r"\binner joins?\b", " innerjoin "),
    (r"\b(?:left|left outer) joins?\b", " leftjoin "),
    (r"\bauthenticat(?:ion|ing|es?)\b|\bauthn\b", " authn "),
    (r"\bauthori[sz](?:ation|ing|es?)\b|\bauthz\b", " authz "),
    (r"\bmemoi[sz](?:ation|ing|ed|e)\b|\bmemo\b", " memo "),
    (r"\btabulation\b", " tabulation "),
    (r"\bcomposition\b", " composition "),
    (r"\binheritance\b|\binheriting\b", " inheritance "),
    (r"\b(?:tortoise|slow (?:pointer|runner|one)s?)\b", " slowptr "),
    (r"\b(?:hare|fast (?:pointer|runner|one)s?)\b", " fastptr "),
    (r"\bslow\b(?=\s+(?:moves|goes|steps|advances|walks|jumps|reaches|hits|is|will|one\b))",
     " slowptr "),
    (r"\bfast\b(?=\s+(?:moves|goes|steps|advances|walks|jumps|reaches|hits|is|will|two\b))",
     " fastptr "),
    (r"\b(?:curr?|current|node|head)\.next\b|\bthe current node's next\b", " curnext "),
    (r"\bleft (?:subtree|child|children|side)\b", " leftsub "),
    (r"\bright (?:subtree|child|children|side)\b", " rightsub "),
    (r"\bparents?\b", " parent "),
    (r"\bchild(?:ren)?\b", " children "),
    (r"\bsalts?\b", " salt "),
    # a named algorithm's speed is a fact, whatever the answer calls it ("SHA-256, a slow
    # hash" is still a fast one)
    (r"\bsha-?(?:1|256|512)\b|\bmd5\b", " fastalgo hashalgo "),
    (r"\b(?:bcrypt|scrypt|argon2\w*|pbkdf2)\b", " slowalgo hashalgo "),
    (r"\bhash(?:es|ed|ing)?\b(?!\s*(?:function|set|value|code|map|table))", " hashalgo "),
    (r"\bstrings\b|\bstr\b", " strings "),
    (r"\bread[\s-]modify[\s-]write\b", " rmw "),
    (r"\bn't\b", " not"), (r"n't\b", " not"), (r"\bcannot\b", "can not"),
]
_SUBJ = [(re.compile(p, re.I), r) for p, r in _SUBJECTS]
SUBJECTS = frozenset({
    "m_get", "m_post", "m_put", "m_patch", "bfs", "dfs", "bst", "heap", "hashmap",
    "linkedlist", "mergesort", "quicksort", "heapsort", "insertionsort", "timsort",
    "innerjoin", "leftjoin", "authn",
    "authz", "memo", "tabulation", "composition", "inheritance", "slowptr", "fastptr",
    "curnext", "leftsub", "rightsub", "parent", "children", "salt", "hashalgo", "strings",
    "rmw", "newhead"})
# Pairs whose roles an answer can swap.
PAIRS = {frozenset(p) for p in (
    ("bfs", "dfs"), ("authn", "authz"), ("innerjoin", "leftjoin"), ("memo", "tabulation"),
    ("composition", "inheritance"), ("mergesort", "quicksort"), ("slowptr", "fastptr"),
    ("m_get", "m_post"), ("m_put", "m_post"), ("m_put", "m_patch"),
    ("hashmap", "bst"), ("leftsub", "rightsub"),
    ("parent", "children"), ("heap", "bst"))}

# --- values -----------------------------------------------------------------------------

# slot -> {value: pattern}; a slot's values exclude each other.
_SLOTS: dict[str, dict[str, str]] = {
    "heapkind": {"minheap": r"\bminimum heap\b", "maxheap": r"\bmaximum heap\b"},
    "traversal": {"inorder": r"\bin-order\b|\binorder\b|\bin order (?=traversal|walk)",
                  "preorder": r"\bpre-?order\b", "postorder": r"\bpost-?order\b",
                  "levelorder": r"\blevel-order\b|\blevel order (?=traversal|walk)"},
    # where a check runs: on the server, or only in the client the user controls
    "side": {"server": r"\b(?:on|in|by) (?:the |our (?:own )?)?(?:server|backend|back end)\b|"
                       r"\bserver[\s-]side\b|\bthe server (?:\w+ ){0,3}check\w*",
             "client": r"\b(?:on|in) the (?:frontend|front end|client|browser|ui)\b|"
                       r"\bclient[\s-]side\b|\bhid(?:e|es|ing) (?:the )?buttons?\b|"
                       r"\bthe frontend\b"},
    # where the end of a stack is: its top or its bottom
    "end": {"top": r"\btop\b(?![\s-]down)", "bottom": r"\bbottom\b(?![\s-]up)"},
    # the rights an account runs with
    "privilege": {"least": r"\bleast[\s-]privileged?\b|\bminimal (?:rights|permissions|"
                           r"privileges)\b|\bonly the (?:rights|permissions|access) it needs\b|"
                           r"\bread-only (?:account|user)\b",
                  "full": r"\badmin(?:istrator)? (?:account|user|rights|role)\b|\bsuperuser\b|"
                          r"\broot (?:account|user)\b|\bfull (?:rights|permissions|access|"
                          r"privileges)\b"},
    # where counters live: one store every server shares, or each server's own memory
    "store": {"shared": r"\bshared (?:fast )?(?:store|cache|database|counter)s?\b|"
                        r"\bcentral(?:i[sz]ed)? (?:store|counter)s?\b|\bredis\b|\bmemcached?\b",
              "local": r"\b(?:its own )?local (?:memory|counters?|store|cache)\b|\bper[\s-]server "
                       r"(?:counters?|memory)\b|\bits own memory\b"},
    # how a query takes user input
    "querybuild": {"params": r"\bparameteri[sz]ed\b|\bprepared statements?\b|\bplaceholders?\b|"
                             r"\bbind (?:variables|parameters)\b|\bquery builder\b",
                   "strings": r"\bstring (?:formatting|building|concatenation|interpolation)\b|"
                              r"\bf-strings?\b|\bconcatenat\w+\b"},
    "op": {"create": r"creat\w*", "read": r"reads?\b|retriev\w*|fetch\w*",
           "replace": r"replac\w*|overwrit\w*",
           "partial": r"(?:changes?|updates?|modif\w+)\s+(?:a\s+|one\s+|only\s+)?part\w*|"
                      r"partial\w*"},
    "container": {"queue": r"\bqueues?\b|\bfifo\b|first[\s-]in,?\s+first[\s-]out",
                  "stack": r"\bstacks?\b|\blifo\b|last[\s-]in,?\s+first[\s-]out|recursi\w+"},
    "direction": {"topdown": r"top[\s-]?down", "bottomup": r"bottom[\s-]?up"},
    "relation": {"isa": r"[\"“']is[\s-]an?[\"”']|\bis-an?\b|\bis an? relationship",
                 "hasa": r"[\"“']has[\s-]an?[\"”']|\bhas-an?\b|\bhas an? relationship"},
    "extreme": {"minimum": r"\bminimum\b|\bmin\b|\bsmallest\b|\blowest\b",
                "maximum": r"\bmaximum\b|\bmax\b|\blargest\b|\bbiggest\b|\bhighest\b"},
    "compare": {"smaller": r"\bsmaller\b|\bless than\b|\blower than\b|"
                           r"\bno (?:larger|greater|bigger) than\b",
                "larger": r"\blarger\b|\bgreater\b|\bbigger\b|\bmore than\b|\bhigher than\b|"
                          r"\bno (?:smaller|less|lower) than\b"},
    "speed": {"slow": r"\bslow(?:er|ly)?\b|\bslowalgo\b",
              "fast": r"\bfast(?:er)?\b|\bquick(?:er|ly)?\b|\bfastalgo\b"},
    "scope": {"each": r"\bunique\b|\bper (?:password|user|record|row|entry|account|item)\b|"
                      r"\bfor each (?:password|user)\b|\bits own\b|\bindividual\b|"
                      r"\bdifferent\s+salt|\brandom salt\b",
              "shared": r"\b(?:one|a single|the same|single|global|shared|fixed)\s+salt\b|"
                        r"\bsame salt\b|\bfor (?:the )?(?:whole|entire) (?:database|table|"
                        r"system|site|app)\b|\bfor (?:all|every) (?:the )?(?:passwords|"
                        r"users)\b"},
    "growth": {"factor": r"constant factor|\bdoubl\w*|multipl\w*|geometric\w*|"
                         r"\bby (?:half|50 ?%|1\.5|two times|2x)|twice (?:as big|the size)",
               "fixed": r"fixed (?:number|amount|size|increment)|constant (?:number|amount)|"
                        r"\b(?:by|with|adds?|adding) (?:one|1|ten|10|\d+|a few) (?:more |extra )?"
                        r"(?:slots?|elements?|items?|cells?)\b|one (?:more )?slot at a time"},
    "steps": {"one": r"\bone (?:step|node|hop)s?\b|\b1 step\b|\bby one\b|"
                     r"\b(?:one|a (?:node|step|hop)) at a time\b",
              "two": r"\btwo (?:steps?|nodes|hops)\b|\b2 steps?\b|\btwo at a time\b|\bby two\b|"
                     r"\btwice as fast\b"},
}
# Properties said or denied; "unstable", "immutable", "non-idempotent" deny them.
_PROPS = {
    "idempotent": r"(?:non-?)?idempotent\b", "safe": r"(?:un)?safe\b(?=\s+to\s+retry|\s*$|"
    r"[,.;])", "stable": r"(?:un)?stable\b", "sorted": r"(?:un)?sorted\b|(?:un)?ordered\b|"
    r"\bin sorted order\b|\b(?:keeps?|kept|holds?|maintains?|preserves?|has)\s+(?:no|any)\s+"
    r"(?:particular\s+)?order\b|\bin no (?:particular )?order\b",
    "atomic": r"(?:non-?)?atomic\b", "mutable": r"(?:im)?mutable\b",
    "hashable": r"(?:un)?hashable\b", "enough": r"\benough\b|(?:in)?sufficient\b",
    "changestate": r"\bchang\w*\s+(?:the\s+)?(?:server(?:'s)?\s+)?state\b|\bside[\s-]effects?\b",
    "inplace": r"\bin[\s-]place\b",
    "matters": r"\bmatters?\b|\birrelevant\b",
    # said of a tree: kept balanced, or degraded into a list by sorted input
    "balanced": r"\b(?:stays?|remains?|is|always|keeps?\s+(?:it|itself|the tree|(?:a\s+)?"
                r"(?:plain\s+)?bst))\s+balanced\b|\bbalances (?:it|itself)\b|\bunbalanced\b|"
                r"\bdegrad\w*|\bskew(?:s|ed)\b|\blopsided\b",
}
# Words that deny a property without a prefix ("degrades" is no longer balanced).
_ANTONYM = re.compile(r"^(?:degrad|skew|lopsid)")
_DENYING_PREFIX = re.compile(r"^(?:un|im|in|non-?)(?=[a-z])")


def _denies(name: str, word: str) -> bool:
    """Whether `word`, read as the property `name`, says it does not hold ("unhashable",
    "insufficient", "irrelevant", "degrades", "unbalanced")."""
    if name == "balanced":
        return bool(_ANTONYM.match(word)) or word.startswith("unbal")
    if name == "matters":
        return word == "irrelevant"
    if name == "sorted" and re.search(r"\bno\b", word):
        return True  # "keeps no order"
    return word.startswith("insufficient") or (
        bool(_DENYING_PREFIX.match(word)) and name not in ("inplace", "changestate", "enough"))


_CAPTURES = [  # claims read straight from a phrase: (pattern, subject, slot)
    (re.compile(r"\bcurnext\s*(?:=|->|→|\bat\b|\bto\b)\s*(?:the\s+)?(\w+)"), "curnext",
     "target"),
    (re.compile(r"\bpoint\w*\s+curnext\s+(?:at|to|back to)\s+(?:the\s+)?(\w+)"), "curnext",
     "target"),
    (re.compile(r"\b(\w+)\s+(?:is|becomes|will be|ends up as)\s+the\s+new\s+head\b"),
     "newhead", "target"),
    (re.compile(r"\bthe\s+new\s+head\s+is\s+(?:the\s+)?(\w+)"), "newhead", "target"),
    # "I return current as the new head", "make previous the new head"
    (re.compile(r"\b(?:return\w*|make\w*|mak\w+|use\w*|set\w*|keep\w*)\s+(?:the\s+)?(\w+)\s+"
                r"(?:as\s+)?the\s+new\s+head\b"), "newhead", "target"),
]
# The operations a value can be said of ("pop the largest", "holds the k largest").
_OP_WORD = re.compile(r"\b(pop|push|insert|add|remov|delet|attach|return|keep|hold|stor|compar|"
                      r"look|check|evict|discard|drop|replac|mov|advanc|visit|put)\w*")
# Order of two operations: "look up target minus x before inserting x", "insert x first,
# then look up", "first insert ..., then look up", "add it after checking".
_ORDER_OP = (r"(look\w*|check\w*|search\w*|find\w*|query\w*|insert\w*|add\w*|put\w*|"
             r"stor\w*|push\w*|remov\w*|delet\w*|pop\w*|evict\w*|sort\w*)")
_ORDERS = [(re.compile(p), flip) for p, flip in (
    (_ORDER_OP + r"\b[^.]{0,50}?\bbefore\s+(?:\w+\s+){0,2}?" + _ORDER_OP, False),
    (r"\bfirst\s+(?:\w+\s+){0,2}?" + _ORDER_OP + r"\b[^.]{0,60}?\bthen\s+(?:\w+\s+){0,6}?"
     + _ORDER_OP, False),
    (_ORDER_OP + r"\b[^.]{0,50}?\bfirst\b,?\s+(?:and\s+)?(?:only\s+)?then\s+(?:\w+\s+){0,6}?"
     + _ORDER_OP, False),
    (_ORDER_OP + r"\b[^.]{0,50}?\bafter\s+(?:\w+\s+){0,2}?" + _ORDER_OP, True),
    # one operation said to come first ("inserting first", "first insert x"): "insert<"
    (r"\b" + _ORDER_OP + r"\s+first\b()", False),
    (r"\bfirst\s+" + _ORDER_OP + r"\b()", False))]
_OP_KIND = (("lookup", ("look", "check", "search", "find", "query")),
            ("insert", ("insert", "add", "put", "stor", "push")),
            ("remove", ("remov", "delet", "pop", "evict")), ("sort", ("sort",)))


def _op_kind(word: str) -> str:
    return next((k for k, stems in _OP_KIND if word.startswith(stems)), "")


def _order_claims(clause: str) -> list[Claim]:
    """ "A before B" as the claim that A comes first; the other order contradicts it."""
    out = []
    for pattern, flip in _ORDERS:
        for m in pattern.finditer(clause):
            a, b = _op_kind(m.group(1)), _op_kind(m.group(2))
            if a and a != b and (b or not flip):
                first, then = (b, a) if flip else (a, b)
                out.append(Claim("order", "order", f"{first}<{then}", True, clause))
    return out[:1]


# Where a named reference starts: "previous (initially null)", "previous starting at the
# head", "current (the head)".
_START = re.compile(r"\b(prev|previous|curr?|current)\s*(?:\(\s*(?:initially\s+|set to\s+|"
                    r"at first\s+)?(?:the\s+)?(\w+)\s*\)|,?\s*(?:initially|starting at|starts at|"
                    r"starts as|set to|begins at|at first)\s+(?:at\s+)?(?:the\s+)?(\w+))")
_STATUS = re.compile(r"\b(?:return\w*|respond\w*(?: with)?|answer\w*(?: with)?|"
                     r"redirect\w*(?: with)?|status(?: code)?|http|send\w*|with)\s+"
                     r"(?:an?\s+|the\s+)?(?:http\s+)?([2-5]\d\d)\b"
                     r"(?:\s*(?:or|/)\s*([2-5]\d\d)\b)?")
# A count of something said as a size: "needs about 30 steps", "around a million steps"
# (one and two are too common to be claims: "one pass", "two pointers").
_NUMBER_WORDS = {"three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                 "eight": "8", "nine": "9", "ten": "10", "twenty": "20", "thirty": "30",
                 "forty": "40", "fifty": "50", "hundred": "100", "thousand": "1000",
                 "million": "10^6", "billion": "10^9"}
_COUNT = re.compile(r"\b(?:about|around|roughly|only|just|exactly|needs?|takes?|costs?|"
                    r"some|up to|at most|at least)\s+(?:a\s+|one\s+)?(\d[\d,]*(?:\.\d+)?|"
                    r"three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred|thousand|million|"
                    r"billion)(?![\w.^,])\s+([a-z]{3,})\b")
_NOT_UNITS = frozenset("""and or to of times more less than the a an in on at is are was per
for with by from into over under plus minus items elements numbers values""".split())
_TARGET = {"prev": "previous", "previous": "previous", "curr": "current", "cur": "current",
           "current": "current", "next": "next", "nxt": "next", "null": "null",
           "none": "null", "nil": "null", "head": "head"}
_VALUES = [(slot, value, re.compile(p)) for slot, vals in _SLOTS.items()
           for value, p in vals.items()]
_PROP_RE = [(name, re.compile(p)) for name, p in _PROPS.items()]
_NEG = frozenset({"not", "never", "no", "without", "nor", "neither"})
# A negation does not reach past these ("the stack must not be empty and its top ...").
_SCOPE_END = frozenset({"and", "but", "then", "so", "because", "since", "whereas", "while"})
HYPOTHETICAL = re.compile(r"\bwould (?:make|be|cost|give|take|need|turn|mean|degrade|"
                           r"become|fail|break|waste)\b|\bif (?:you|it|we|they|the \w+) (?:were|"
                           r"had|grew|used|doubled|added|grow|doubles)\b|\bworse\b|"
                           r"\bnaive\w*\b|\bfails? for\b", re.I)
REJECTED = re.compile(r"\b(?:instead of|rather than|unlike|as opposed to|versus|vs\.?|"
                       r"unless|except|(?:is |are )?(?:the same as|equivalent to|as good as))\b.*$")
_WORD = re.compile(r"[a-z0-9_][a-z0-9_'+\-^*]*|[=→]|->")


@dataclass(frozen=True)
class Claim:
    subject: str | None
    slot: str
    value: str
    positive: bool
    clause: str  # the words it was read from (shown as what was said)
    op: str = ""  # the operation it is said of ("pop the largest": pop), if any


@lru_cache(maxsize=4096)
def canonical(text: str) -> str:
    """Lower case with one token per subject (HTTP methods only in capitals)."""
    s = " " + (text or "") + " "
    for pattern, repl in _CASED:
        s = pattern.sub(repl, s)
    s = s.lower()
    for pattern, repl in _SUBJ:
        s = pattern.sub(repl, s)
    return " ".join(s.split())


def clauses_of(text: str) -> list[str]:
    """Clauses: sentences cut at semicolons, "but", "whereas", "while" and ", and"."""
    return list(_clauses(text))


@lru_cache(maxsize=4096)  # pure, and read for every point: each text is cut once
def _clauses(text: str) -> tuple[str, ...]:
    out: list[str] = []
    pending = False
    for sentence in re.split(r"(?<=[.!?])\s+|\n+|;|:(?=\s)", text or ""):
        for part in re.split(r",?\s+(?:but|whereas|while|although|though)\s+|,\s+and\s+|"
                             r"\s+and\s+(?=(?:m_\w+|bfs|dfs|authn|authz|innerjoin|leftjoin|"
                             r"memo|tabulation|composition|inheritance|slowptr|fastptr|"
                             r"leftsub|rightsub|mergesort|quicksort|heapsort)\b)|,\s+(?="
                             r"(?:m_\w+|bfs|dfs|authn|authz|innerjoin|leftjoin|memo|tabulation|"
                             r"slowptr|fastptr|leftsub|rightsub|mergesort|quicksort|heapsort)"
                             r"\b)", sentence):
            part = part.strip(" .,!?")
            if not part:
                continue
            if out and pending:  # "GET and PUT are ...": a bare subject joins what follows
                part = f"{out.pop()} and {part}"
            out.append(part)
            pending = set(re.findall(r"[a-z_]+", part)) <= SUBJECTS | _JOINING
        pending = False
        out.append(_SENTENCE_END)
    return tuple(_carry(out))


_SENTENCE_END = "\x00"
# A clause that opens with a pronoun, or (inside a sentence) with a verb, is about the
# subject of the clause before it.
_PRONOUN = frozenset({"it", "they"})
_OPENING_VERB = frozenset("""is are was were can cannot must should will does do has have
may might never always also only still stays stay keeps keep gives give takes take uses use
needs need runs run costs cost works work holds hold stores store returns return""".split())
CARRIED = re.compile(r"^[a-z_]+ ~ ")


def _carry(parts: list[str]) -> list[str]:
    """Clauses with a carried subject marked ("heap ~ it is not sorted" after "the heap
    keeps the smallest at the top"): a pronoun takes the one subject of the clause
    before it, or of the sentence before when that sentence names only one; a clause of
    the same sentence that opens with a verb ("... but keeps no order") takes the
    subject of the clause before it. "It is fine to ..." carries nothing."""
    out: list[str] = []
    last: str | None = None  # the one subject of the clause before
    topic: str | None = None  # the one subject of the sentence before
    sentence: set[str] = set()
    first = True
    for part in parts:
        if part == _SENTENCE_END:
            topic = next(iter(sentence)) if len(sentence) == 1 else None
            sentence, first, last = set(), True, None
            continue
        words = re.findall(r"[a-z_]+", part)
        subs = {w for w in words if w in SUBJECTS}
        opener = words[0] if words else ""
        carried = (last if not first else topic) if opener in _PRONOUN else (
            last if not first and not subs and opener in _OPENING_VERB else None)
        if carried and not _DUMMY.match(part):
            part = f"{carried} ~ {part}"
            subs = subs or {carried}
        last = next(iter(subs)) if len(subs) == 1 else (None if subs else last)
        sentence |= subs
        out.append(part)
        first = False
    return out


# "it is fine to check ...", "it's important that ...": an empty "it"
_DUMMY = re.compile(r"^it\s+(?:is|was|'s|would be|will be)\s+(?:\w+\s+){0,2}?"
                    r"\w+\s+(?:to|that|if|when|whether)\b")


def _spans(clause: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(clause)]


def _clause_claims(clause: str) -> list[Claim]:
    """The claims a clause makes (`_claims_of`, read once per clause)."""
    return list(_claims_of(clause))


@lru_cache(maxsize=4096)
def _claims_of(clause: str) -> tuple[Claim, ...]:
    """The claims a clause makes; a supposition ("growing by doubling would make appends
    O(n)") makes its values only as supposed ones, which contradict only a point's own
    supposition ("growing by a fixed number would make appends O(n)")."""
    if HYPOTHETICAL.search(clause):
        return tuple(Claim(c.subject, "hyp:" + c.slot, c.value, c.positive, c.clause, c.op)
                     for c in _stated_claims(clause) if c.slot in _SLOTS)
    return tuple(_stated_claims(clause))


def _stated_claims(clause: str) -> list[Claim]:
    clause = REJECTED.sub("", clause).strip()
    if not clause:
        return []
    words = _spans(clause)
    subjects = [(i, w) for i, (_, _, w) in enumerate(words) if w in SUBJECTS]
    hits: list[tuple[int, int, str, str, bool]] = []  # (first word, last word, slot, value, +)

    def word_range(start: int, end: int) -> tuple[int, int]:
        first = next((i for i, (a, b, _) in enumerate(words) if b > start), len(words))
        last = max(first, next((i for i, (a, b, _) in reversed(list(enumerate(words)))
                                if a < end), first))
        return first, last

    taken: list[tuple[int, int]] = []
    for slot, value, pattern in _VALUES:
        for m in pattern.finditer(clause):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            first, last = word_range(m.start(), m.end())
            hits.append((first, last, slot, value, True))
    for name, pattern in _PROP_RE:
        for m in pattern.finditer(clause):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            first, last = word_range(m.start(), m.end())
            denied = _denies(name, m.group())
            hits.append((first, last, "prop", name, not denied))
    hits.sort()
    out: list[Claim] = []
    boundary = 0
    for first, last, slot, value, positive in hits:
        before = [w for _, _, w in words[max(boundary, first - 7):first]]
        cut = max((k for k, w in enumerate(before) if w in _SCOPE_END), default=-1)
        if any(w in _NEG for w in before[cut + 1:]):  # "must not be empty and its top": no
            positive = not positive
        bound = [w for i, w in subjects if first <= i <= last]
        if not bound:
            bound = _run([(i, w) for i, w in subjects if boundary <= i < first], words)
        if not bound:
            bound = [w for i, w in subjects if last < i <= last + 2][:1]
        op = next((m.group(1) for w in reversed(
            [w for _, _, w in words[max(0, first - 4):first + 1]])
            for m in [_OP_WORD.match(w)] if m), "")
        for subject in bound or [None]:  # type: ignore[list-item]
            out.append(Claim(subject, slot, value, positive, clause, op))
        boundary = last + 1
    if not hits and subjects and words and words[-1][2] in _NEG:
        for subject in _run(subjects, words):
            out.append(Claim(subject, "elided", "", False, clause))
    if not _NEG & {w for _, _, w in words}:
        out.extend(_order_claims(clause))
    for pattern, subject, slot in _CAPTURES:
        for m in pattern.finditer(clause):
            target = _TARGET.get(m.group(1))
            if target:
                out.append(Claim(subject, slot, target, True, clause))
    for m in _STATUS.finditer(clause):  # "return 429", "redirect with 301 or 302"
        for code in m.groups():
            if code is not None:
                out.append(Claim("status", "code", code, True, clause))
    for m in _COUNT.finditer(clause):  # "about 30 steps" against "around a million steps"
        value = _NUMBER_WORDS.get(m.group(1), m.group(1))
        unit = m.group(2)
        if unit not in SUBJECTS and unit not in _NOT_UNITS:
            out.append(Claim("count_" + unit.rstrip("s"), "count", value, True, clause))
    for m in _START.finditer(clause):  # "previous (initially null)", "current starting at head"
        ref, start = _TARGET.get(m.group(1)), _TARGET.get(m.group(2) or m.group(3) or "")
        if ref and start and ref != start:
            out.append(Claim(f"start_{ref}", "start", start, True, clause))
    return _two_valued(out)


_JOINING = frozenset({"and", "or", "the", "a", "an", "both", "also", "delete", "as", "well",
                      "typical", "usual", "plain", "standard"})


def _run(before: list[tuple[int, str]], words: list[tuple[int, int, str]]) -> list[str]:
    """The subjects a value is said of: the nearest one before it, with those joined to it
    by "and"/"or" ("GET and PUT (and DELETE) are idempotent")."""
    if not before:
        return []
    run = [before[-1]]
    for i, w in reversed(before[:-1]):
        between = {t for _, _, t in words[i + 1:run[-1][0]]}
        if not between <= _JOINING:
            break
        run.append((i, w))
    return [w for _, w in run]


def _two_valued(claims: list[Claim]) -> list[Claim]:
    """A denied value of a two-valued slot is the other value ("no larger" is smaller)."""
    out = []
    for c in claims:
        values = _SLOTS.get(c.slot)
        if values and len(values) == 2 and not c.positive:
            other = next(v for v in values if v != c.value)
            c = Claim(c.subject, c.slot, other, True, c.clause, c.op)
        out.append(c)
    return out


def _resolve_elided(claims: list[Claim]) -> list[Claim]:
    """ "Merge sort is stable; the usual quicksort is not": the property carries over."""
    out: list[Claim] = []
    last: Claim | None = None
    for c in claims:
        if c.slot == "elided":
            if last is not None:
                out.append(Claim(c.subject, "prop", last.value, not last.positive, c.clause))
            continue
        if c.slot == "prop":
            last = c
        out.append(c)
    return out


def _conflict(point: Claim, said: Claim) -> bool:
    if point.slot != said.slot:
        return False
    if point.subject != said.subject and not (point.slot == "side" and said.subject is None):
        return False
    if point.slot == "prop":
        return point.value == said.value and point.positive != said.positive
    if point.slot == "order":  # "insert first" or "insert, then look up" against look-up first
        first, _, then = point.value.partition("<")
        said_first, _, said_then = said.value.partition("<")
        return said_first == then and said_then in (first, "")
    return point.positive and said.positive and point.value != said.value


# --- the verdict ------------------------------------------------------------------------


def wrong_points(points: Sequence[str], answer: str) -> dict[int, str]:
    """Key points the answer contradicts: index -> the words that say otherwise."""
    said_text = canonical(answer)
    said = _resolve_elided([c for clause in clauses_of(said_text)
                            for c in _clause_claims(clause)])
    point_claims = [_resolve_elided([c for clause in clauses_of(canonical(str(p)))
                                     for c in _clause_claims(clause)]) for p in points]
    every_point = [c for cs in point_claims for c in cs]
    wrong: dict[int, str] = {}
    ordered: dict[str, list[int]] = {}  # an answer's clause on order -> points it contradicts
    for i, claims in enumerate(point_claims):
        for pc in claims:
            for sc in said:
                if not _conflict(pc, sc):
                    continue
                if pc.slot == "order":
                    ordered.setdefault(sc.clause, []).append(i)
                    continue
                # the answer also says what the point says, or another point says it (but
                # calling a named fast algorithm slow does not make it slow)
                inherent = re.search(r"\b" + sc.value + r"algo\b", sc.clause) and not (
                    set(re.findall(r"[a-z]+", sc.clause)) & _NEG)  # "never ... like MD5"
                if not inherent and any(
                        o.subject == pc.subject and o.slot == pc.slot and o.value == pc.value
                        and o.positive == pc.positive for o in said):
                    continue
                if any(o.subject == pc.subject and o.slot == pc.slot and o.value == sc.value
                       and o.positive == sc.positive for o in claims):
                    continue  # the point allows it ("301 or 302", "a stack or recursion")
                near = len(_stems(pc.clause) & _stems(sc.clause))
                if any(o.subject == sc.subject and o.slot == sc.slot and o.value == sc.value
                       and o.positive == sc.positive and (not o.op or not sc.op or o.op == sc.op)
                       and len(_stems(o.clause) & _stems(sc.clause)) >= near
                       for o in every_point):
                    continue  # another point, as close in words, says it of the same operation
                wrong.setdefault(i, sc.clause)
    # One sentence on the order of two steps contradicts the point it is closest to in
    # words ("insert x first, then look up target minus x" is the look-up point, not the
    # point on why the order handles duplicates); a second such sentence, the next closest.
    for clause, idx in ordered.items():
        stems = _stems(clause)
        best = max(idx, key=lambda i: (i not in wrong, len(_stems(str(points[i])) & stems), -i))
        wrong.setdefault(best, clause)
    for i, clause in _swapped(points, said_text).items():
        wrong.setdefault(i, clause)
    return {i: original(answer, clause) for i, clause in sorted(wrong.items())}


def original(answer: str, clause: str) -> str:
    """The answer's own sentence that holds a clause read in canonical form."""
    clause = CARRIED.sub("", clause)
    for sentence in re.split(r"(?<=[.!?])\s+|\n+|;\s*|:\s+", answer or ""):
        if clause in canonical(sentence) or clause in sentence:
            return " ".join(sentence.split()).rstrip(".;, ")
    return clause


def _stems(text: str) -> set[str]:
    from netprep.coach.keypoints import _terms

    return _terms(text)[1]


def _swapped(points: Sequence[str], said_text: str) -> dict[int, str]:
    """A point's predicate said of the other member of its pair ("DFS finds shortest
    paths", "authentication decides what you may do")."""
    said = [(c, {w for w in re.findall(r"[a-z_]+", c) if w in SUBJECTS})
            for c in clauses_of(said_text)]
    predicates: list[tuple[int, str, set[str]]] = []  # (point, its one subject, the rest)
    negated: dict[tuple[int, str], bool] = {}
    for i, point in enumerate(points):
        for clause in clauses_of(canonical(str(point))):
            subs = {w for w in re.findall(r"[a-z_]+", clause) if w in SUBJECTS}
            if len(subs) == 1:
                (subject,) = subs
                predicates.append((i, subject, _stems(clause.replace(subject, " "))))
                negated[(i, subject)] = bool(set(re.findall(r"[a-z]+", clause)) & _NEG)
    out: dict[int, str] = {}
    for i, subject, rest in predicates:
        if len(rest) < 2:
            continue
        need = max(2, min(3, (len(rest) + 1) // 2))
        for text, others in said:
            if len(others) != 1 or subject in others:
                continue
            (other,) = others
            if frozenset((subject, other)) not in PAIRS:
                continue
            if set(re.findall(r"[a-z]+", text)) & _NEG and not negated[(i, subject)]:
                continue
            said_stems = _stems(text)
            if len(rest & said_stems) < need:
                continue
            if len(rest & said_stems) < max((len(r & said_stems) for _, s, r in predicates
                                             if s == other), default=0):
                continue  # it says the other subject's own predicate
            partner = [r for _, s, r in predicates if s == other]

            def supports(t: str, rest: set[str] = rest, partner: list[set[str]] = partner,
                         need: int = need) -> bool:
                stems = _stems(t)
                mine = len(rest & stems)
                return mine >= need and all(mine > len(r & stems) for r in partner)

            if any(subject in o and supports(t) for t, o in said):
                continue  # it says it of the right subject too
            out.setdefault(i, text)
    return out


def misattributed(point: str, answer: str) -> bool:
    """True when the answer says the point's property only of another subject ("POST is
    idempotent" for "GET and PUT are idempotent")."""
    mine = [c for clause in clauses_of(canonical(point)) for c in _clause_claims(clause)
            if c.subject and c.slot == "prop"]
    if not mine:
        return False
    said = [c for clause in clauses_of(canonical(answer)) for c in _clause_claims(clause)
            if c.slot == "prop"]
    for c in mine:
        same = [s for s in said if s.value == c.value and s.positive == c.positive]
        if same and all(s.subject and s.subject != c.subject for s in same) and not any(
                s.subject == o.subject for s in same for o in mine if o.value == c.value):
            continue
        return False
    return True
