"""Who does what in a clause: its subject, its main verb, and whether the verb is passive.

A light parse that is enough for coaching: skip the opening connectives and
adverbials, read the subject noun phrase, then the verb group after it.
"""

from __future__ import annotations

from dataclasses import dataclass

from netprep.coach import lazyre as re

SELF, WE, OTHERS, THING, NONE = "self", "we", "others", "thing", "none"

_OPENERS = re.compile(
    r"^(?:(?:and|but|so|then|also|first(?:ly)?|second(?:ly)?|next|later|finally|eventually|"
    r"afterwards|after that|in the end|as a result|at first|overall|instead|meanwhile|"
    r"together|basically|honestly|actually|um+|uh+|well|okay|ok|yeah|plus|because|which|"
    r"until|while|once|soon|quickly|luckily|unfortunately|ultimately|personally|"
    r"from there|on top of that|at the same time|in the meantime|to do that|to start|"
    r"right away|immediately|that week|that night|that day|the next day|by the end|"
    r"based on (?:that|this|these|those|what i (?:found|saw|learned|heard)))\b[,\s]*)+",
    re.I)
# A short adverbial phrase ended by a comma ("After two days of digging, ...", "Retrained on
# the new data, ...") or followed straight by "I"/"we" ("In my final week I ...").
_FRONTED = re.compile(r"^(?:(?:after|before|when|once|since|as|if|because)\b[^,]{0,60},\s*|"
                      # a fronted place or time, not across the clause's own "I <did>" ("At
                      # the IT desk I added a dropdown, "which building", to the form")
                      r"(?:during|within|over|in|on|at|by|for|with|to|from|without|using)\b"
                      r"(?:(?!\bi\s+(?:\w+ed|built|wrote|ran|made|set|put|took|sent|got|gave|"
                      r"found|chose|cut|led|kept|met|told|spent)\b)[^,]){0,60},\s*|"
                      r"(?:\w+ed|\w+ing)\b[^,]{0,60},\s*(?=(?:I|we|We|he|He|she|She|they|They|"
                      r"the|The|my|My|our|Our|it|It)\b)|(?:after|before|during|within|over|in|on|at|by|for|when|once|"
                      r"that|this|last|next|every|each|with|together with|alongside)\b"
                      r"[^,]{0,50}?\s+(?=(?:I|we|We)\b))",
                      re.I)
_SELF_SUBJ = re.compile(r"^(?:i|i'd|i've|i'm|i'll|me|myself|i\s+myself|"
                        r"(?:[\w'-]+\s+){0,3}and\s+i)\b", re.I)
_WE_SUBJ = re.compile(r"^(?:we|we've|we'd|we're|us|our\s+(?:team|group)|the\s+(?:two|three|four|"
                      r"five)\s+of\s+us|my\s+(?:team|group|partner)\s+and\s+i|together\s+we)\b",
                      re.I)
_PERSON_NOUN = (r"(?:manager|lead|teammates?|mentor|colleagues?|partner|friend|boss|professor|"
                r"supervisor|co-?workers?|team|group|engineers?|developers?|designer|client|"
                r"customer|tutor|lecturer|instructor|classmates?|peers?|senior|intern|director|"
                r"coordinator|officer|postdoc|owner|others|rest|members?|students?|staff|"
                r"technician|editor|vendor|admin|committee|teacher|tas?|pm|cto|ceo|advis[eo]r|"
                r"designers?|interns?|leads?|postdocs?|researchers?|volunteers?|tutors?|"
                r"maintainers?|reviewers?|contractors?|management|receptionists?)")
_OTHERS_SUBJ = re.compile(
    r"^(?:he|she|they|someone|somebody|everyone|nobody|no one|"
    r"(?:my|our|the|a|one|another|two|three|each|[A-Z][a-z]+'s)\s+(?:\w+\s+){0,2}" + _PERSON_NOUN
    + r")\b",
    re.I)
_NAME = re.compile(r"^(?:[A-Z][a-z]+)(?:\s+(?:and\s+)?[A-Z][a-z]+)?\s+(?:(?:then|also|later|"
                   r"quickly|finally|eventually|soon|first)\s+)?(?=[a-z])")
_FIRST = re.compile(r"^[\w'’-]+")
# After a person's noun phrase comes its verb ("my manager asked"), not more noun
# ("our student society's website").
_VERB_NEXT = re.compile(
    r"^\s+(?:(?:also|then|later|quickly|finally|eventually|soon|first|never|always|often|"
    r"still|just|had|has|have|was|were|is|are|did|do|does|would|could|will|can|should|"
    r"might|must|said|told|asked|got|took|made|gave|kept|let|went|came|felt|thought|knew|"
    r"saw|put|ran|set|found|wrote|built|led|sent|spent|stopped|started|\w+ed)\b)", re.I)
# What follows a verb with its object ("wrote the index", "kept to the plan"), not the
# noun an adjective qualifies ("failed deploys went ...").
_OBJECT_NEXT = re.compile(
    r"^\s*(?:$|[,.;:]|(?:the|a|an|my|our|his|her|their|its|it|them|him|me|us|this|that|"
    r"these|those|every|each|all|some|any|two|three|four|five|ten|\d+|up|out|down|off|in|"
    r"on|to|with|through|over|back|away|everything|everyone|everybody|a\s+few|several|"
    r"most|more|both|what|how|why|which|who|whether|if|for|from|at|by|about|into)\b)",
    re.I)
# Verb forms.
IRREGULAR_PAST = frozenset("""built wrote ran made met took sent led set spent went chose found got
gave brought began kept held drew put told taught sat stopped dug rewrote split broke read sought
caught fought bought did drove rode flew spoke stood understood won cut paid laid hid shut lit left
lost sold shot struck swept threw tore wore woke rang sang hung fed bled bent dealt meant sent
overrode undertook withdrew redid rebuilt reran reset reread rethought oversaw slept swam
grew drew threw knew flew wept crept fell rose became began saw came""".split())
IRREGULAR_PARTICIPLE = frozenset("""
built written run made taken sent led set spent chosen found got gotten given brought
begun kept held drawn put told taught done driven spoken understood won cut paid laid
hidden shut left lost sold shown thrown rewritten broken known seen redone rebuilt""".split())
STATE_VERBS = frozenset("""
was were had am is are be been felt thought knew wanted needed liked loved hoped seemed
looked appeared became remained wished believed assumed expected realised realized
learned learnt noticed saw heard considered guess guessed suppose supposed understood
enjoyed hated feared worried care cared hope hoped plan planned intend intended aim
aimed believe wish want need like love know think feel seem""".split())
_AUX = re.compile(r"^(?:also|then|quickly|first|finally|just|personally|carefully|immediately|"
                  r"actually|basically|eventually|soon|later|myself|both|all|alone|really|"
                  r"initially|still|only|never|always|often|usually)\s+", re.I)
# An adverb before the verb ("I honestly think", "I seriously thought about"): the verb
# comes after it. Verbs that end in -ly (apply, reply, rely, supply) are not adverbs.
_LY = re.compile(r"^(?!(?:apply|reply|rely|supply|comply|imply|multiply|rally|tally|ally|"
                 r"bully|fly|applied|replied)\b)[a-z]{3,}ly\s+(?=[a-z])", re.I)
_NEGATED = re.compile(r"^(?:did not|didn't|didn’t|never|do not|don't|don’t)\s+(?=[a-z])", re.I)
_PASSIVE = re.compile(
    r"\b(?:was|were|been|being|got|get|is|are)\s+(?:also\s+|then\s+|quickly\s+|finally\s+|"
    r"carefully\s+|fully\s+|later\s+|all\s+)?(\w+(?:ed|en)|" +
    "|".join(sorted(IRREGULAR_PARTICIPLE)) + r")\b(?!\s+(?:to|that|with|about|in|of)\b)", re.I)
_BY_ME = re.compile(r"\bby\s+(?:me|myself)\b", re.I)
_PASSIVE_STATE = frozenset("""interested excited based used supposed called named located tired
pleased worried surprised confused frustrated involved overwhelmed impressed convinced scared
bored annoyed stuck broken given known seen needed required expected allowed asked tasked
assigned responsible""".split())


@dataclass(frozen=True)
class Actor:
    who: str  # self | we | others | thing | none
    verb: str  # the main verb word, lower case ("" when none was found)
    passive: bool  # an action in the passive voice with no agent
    modal: str = ""  # would / will / could / should / can / had to / need to / going to
    implicit: bool = False  # no subject written ("and fixed the bug"): it carries over


def _past_like(word: str) -> bool:
    w = word.lower()
    return w in IRREGULAR_PAST or (w.endswith("ed") and len(w) > 3)


def strip_openers(text: str) -> str:
    """The clause without its opening connectives and a short fronted adverbial."""
    s = text.strip().lstrip("\"'“‘(*-•– ")
    for _ in range(3):
        before = s
        s = _OPENERS.sub("", s)
        s = _FRONTED.sub("", s)
        if s == before:
            break
    return s


def actor_of(text: str) -> Actor:
    """The clause's subject (self, we, others, thing or none) and its main verb."""
    s = strip_openers(text)
    who, rest = NONE, s
    m = _SELF_SUBJ.match(s)
    if m:
        who, rest = SELF, s[m.end():]
    elif (m := _WE_SUBJ.match(s)):
        who, rest = WE, s[m.end():]
    elif (m := _OTHERS_SUBJ.match(s)) and _verb_next(
            _APPOSITION.sub("", s[m.end():])):
        who, rest = OTHERS, _APPOSITION.sub("", s[m.end():])
    elif (m := _NAME.match(s)) and _looks_like_name(m.group(0), s[m.end():]):
        who, rest = OTHERS, s[m.end():]
    else:
        first = _FIRST.match(s)
        word = first.group(0).lower() if first else ""
        if word and _past_like(word) and word not in STATE_VERBS and (_OBJECT_NEXT.match(
                s[len(word):]) or _joined_step(text, s[len(word):])) and not re.match(
                r"^(?:compared|based|used|related|added|combined)\s+(?:with|to|on|by)\b", s, re.I):
            # An outline beat with no subject ("Wrote a script ..."): the speaker's own step.
            return Actor(SELF, word, False, implicit=True)
        if word:
            who = THING
            # Skip the noun phrase: up to the first verb-looking word.
            rest = s
    rest = rest.strip()
    rest = re.sub(r"^(?:'d|'ve|'m|'ll)\s*", "", rest)
    modal = ""
    mm = re.match(r"^(would|will|could|should|can|might|must|had to|have to|has to|need to|"
                  r"needed to|wanted to|want to|am going to|was going to|'d|tried to|decided to|"
                  r"started to|began to|managed to|offered to|volunteered to|got to|"
                  r"ended up|went on to)\s+(?:have\s+)?", rest, re.I)
    if mm:
        modal = mm.group(1).lower()
        rest = rest[mm.end():]
    while (a := _AUX.match(rest) or _LY.match(rest)):
        rest = rest[a.end():]
    if (neg := _NEGATED.match(rest)) and who != THING:
        # "I did not want to sound like a boss", "I never got round to it": no step taken.
        modal = modal or "did not"
        rest = rest[neg.end():]
    verb = ""
    if who == THING:
        words = re.findall(r"[A-Za-z'’-]+", rest)
        for w in words[1:8]:
            lw = w.lower()
            if lw in STATE_VERBS or _past_like(lw) or lw in ("has", "have", "now", "never"):
                verb = lw
                break
    else:
        first = _FIRST.match(rest)
        verb = first.group(0).lower() if first else ""
    passive = False
    if who in (THING, NONE):
        pm = _PASSIVE.search(s)
        if pm and pm.group(1).lower() not in _PASSIVE_STATE:
            if _BY_ME.search(s):  # "the fix was written by me" names the actor
                return Actor(SELF, pm.group(1).lower(), False, modal)
            passive = True
    return Actor(who, verb, passive, modal)


# The name after a person's noun ("our senior engineer Marta", "our lead, Sam,").
_APPOSITION = re.compile(r"^(?:\s*,\s*[A-Z][a-z]+\s*,|\s*[A-Z][a-z]+\b)")


def _joined_step(text: str, rest: str) -> bool:
    """"... and wrote documentation for it": a step joined to the one before, its object a
    bare noun (not "and failed deploys went down", where the verb comes later)."""
    if not _AND.match(text):
        return False
    return not any(_past_like(w) or w.lower() in ("is", "are", "was", "were", "has", "have")
                   for w in re.findall(r"[A-Za-z]+", rest)[:3])


_AND = re.compile(r"^\s*(?:and|then|and then)\s", re.I)


def _verb_next(rest: str) -> bool:
    """Whether a person's noun phrase is followed by its verb ("my manager asked")."""
    if _VERB_NEXT.match(rest):
        return True
    word = _FIRST.match(rest.strip())
    return word is not None and _past_like(word.group(0))


def _looks_like_name(name: str, rest: str) -> bool:
    """"Sarah rewrote ..." is a person; "Bookings went up ..." or "Python 3 ..." is not."""
    first = name.split()[0]
    if first.lower() in _NOT_NAMES or first.endswith(("ings", "ions", "ers", "ies")):
        return False
    verb = _FIRST.match(rest.strip())
    if verb is None:
        return False
    return _past_like(verb.group(0)) and verb.group(0).lower() not in _THING_VERBS


_NOT_NAMES = frozenset("""the this that it our my their his her its one two three four five
after before during when while then so and but also last next every each since once
latency traffic revenue usage performance support downtime attendance engagement retention
monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december python java android""".split())
_THING_VERBS = frozenset("""dropped fell rose grew increased decreased improved doubled halved
tripled went failed crashed worked broke stopped started ended passed""".split())


def is_action_verb(actor: Actor) -> bool:
    """A verb that does something (not a state, feeling or thought)."""
    v = actor.verb
    if not v or v in STATE_VERBS:
        return False
    if actor.modal in ("had to", "have to", "has to", "need to", "needed to", "wanted to",
                       "want to"):
        return False
    return True
