"""Whether a part says something in substance, beyond having words where it belongs.

The rubric's (README, "How the coach reads a story or an answer") reads of a part's
content: a lesson that says nothing ("I learned a lot"), a "result" that is still
pending ("still waiting for a review"), an action made of buzzwords with no concrete
step ("worked closely with stakeholders, applied best practices"), and an outcome
that is a vague verdict ("the judges liked it") rather than a change someone could
check. Patterns are compiled on first use.
"""

from __future__ import annotations

from functools import cache

from netprep.coach import lazyre as re

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@cache
def _rx(name: str) -> re.Pattern[str]:
    return re.compile(_PATTERNS[name], re.I)


_PATTERNS = {
    # A lesson that would fit any story: "I learned a lot", "a great experience".
    "vacuous": r"^(?:(?:overall|in the end|all in all|honestly|so|and|but),?\s+)*(?:"
               r"(?:i|we)\s+(?:really\s+|also\s+)?(?:learn(?:ed|t)|gained)\s+(?:a lot|so much|"
               r"loads|lots|many things|a great deal|plenty|new skills|a few things)"
               r"(?:\s+(?:from|about|during|through|on|in)\b[^,.;]{0,50})?|"
               r"(?:i|we)\s+(?:really\s+)?(?:learn(?:ed|t)|understood|know)\s+(?:the|this|that|"
               r"my|our|\w+)\s+(?:\w+\s+){0,3}(?:in|with)\s+(?:more|greater|much more)\s+"
               r"(?:depth|detail)|"
               r"(?:it|this|that)\s+(?:was|has been)\s+(?:a|an|really a|such a|overall a)\s+"
               r"(?:very\s+|really\s+)?(?:great|good|valuable|amazing|useful|interesting|"
               r"fun|nice|positive|rewarding|big)\s+(?:learning\s+)?(?:experience|opportunity|"
               r"lesson)|"
               r"(?:i|we)\s+(?:grew|improved)\s+(?:a lot|as (?:a person|an engineer|a developer))|"
               r"(?:it|this)\s+(?:taught me|showed me)\s+(?:a lot|so much|many things))"
               r"[\s.!]*$",
    # A situation that describes the candidate, not where, when or what was at stake.
    "portrait": r"^(?:and\s+|but\s+|also\s+)?i\s+(?:really\s+|also\s+|truly\s+)?(?:"
                r"(?:have\s+)?always\s+|generally\s+|usually\s+)?(?:believe|think|feel|like|"
                r"love|enjoy(?:ed)?|care|value|consider myself|see myself|would describe|"
                r"(?:am|'m)\s+(?:a\s+|an\s+)?(?:very\s+|really\s+|quite\s+|naturally\s+)?"
                r"(?:curious|passionate|motivated|hard-working|driven|detail-oriented|"
                r"people|team|problem|quick|fast|creative|organi[sz]ed|ambitious|friendly|keen|"
                r"eager|someone|the kind|a person|person|calm|patient|logical))\b"
                r"(?!.*\b(?:was|were|had|did)\b)",
    # "I now have a much better understanding of how pipelines work": depth, no lesson.
    # "I learned how important X is", "patience is very important", "I got better at R":
    # importance, difficulty or skill in general, whatever X is, says nothing particular.
    "platitude": r"^(?:(?:and|but|so|also),?\s+)?(?:(?:i|we)\s+(?:(?:have\s+)?(?:learned|learnt|"
                 r"realised|realized|saw|understood|found out)\s+(?:that\s+)?(?:just\s+)?how\s+"
                 r"(?:important|crucial|essential|valuable|vital|much\s+(?:\w+\s+){1,3}"
                 r"matters?)\b|(?:got|became|grew)\s+(?:much\s+|a lot\s+|far\s+)?better\s+at\b)|"
                 r"(?:(?:i|we)\s+(?:learned|learnt|realised|realized)\s+that\s+)?(?:\w+\s+){1,4}"
                 r"(?:is|are)\s+(?:very\s+|really\s+|so\s+|extremely\s+|the most\s+)?(?:important|"
                 r"crucial|essential|vital)\b(?!.*\bbecause\b)[^,;]{0,40}$|(?:(?:i|we)\s+(?:learned|learnt|"
                 r"realised|realized)\s+that\s+)?(?:\w+\s+){1,3}(?:is|are)\s+(?:much\s+|a lot\s+)?"
                 r"harder than (?:it|they) (?:looks?|seems?))",
    "understanding": r"\b(?:better|deeper|good|solid|clearer|greater|broader)\s+"
                     r"(?:understanding|knowledge|idea|grasp|picture)\s+of\b",
    # A "result" that has not happened yet.
    "pending": r"\b(?:still\s+(?:waiting|pending|under review|in review|open|being \w+|"
               r"to be (?:merged|reviewed|decided))|(?<!of )(?<!without )(?:waiting|wait)\s+"
               r"(?:for|to hear|on)\b|"
               r"(?:yet|not yet)\s+(?:to\s+)?(?:be\s+)?(?:merged|reviewed|decided|released|"
               r"heard|seen|known)|haven't heard|have not heard|no (?:reply|answer|decision) "
               r"yet|we(?:'ll| will) see|remains to be seen|is pending|are pending|"
               r"(?:i|we) (?:hope|plan|intend|aim)\b|hopefully|in the future|(?:could|might|"
               r"would|will|should|'ll)\s+(?!have\b|not\b|never\b)\w+|(?:is|are) going to|"
               r"if (?:i|we) (?:publish|release|finish|get|ever)|"
               r"(?:was|were|has|have|had)\s+(?:not|never)\s+(?:been\s+)?(?:deployed|released|"
               r"merged|used|launched|shipped|adopted|finished|tested)|never saw (?:it|them)|"
               r"ended before|(?:was|were) handed (?:over |on )?to|(?:that|this) was the end of|"
               r"\bhanded (?:the |my |our )?\w+ (?:over|on) to|went (?:in)?to review|"
               r"(?:is|are|was|were) planned for|the project ended (?:when|with|at)|"
               r"went (?:our|their) separate ways|"
               r"(?:hasn't|has not|haven't|have not) (?:yet )?(?:responded|replied|answered|"
               r"decided|got back|gotten back|been (?:merged|reviewed|released|deployed))|"
               r"(?:currently|now) being \w+|(?:is|are) being (?:tested|reviewed|evaluated|"
               r"considered|piloted|analy[sz]ed)|the next step (?:is|would be|will be)|"
               r"(?:results?|outcome|impact) (?:is|are|was|were|remains?) (?:still )?(?:unknown|"
               r"unclear|not (?:yet )?known)|too early to (?:say|tell)|(?:is|are) (?:now )?in "
               r"review|under review|awaiting|(?:test|staging|dev) (?:server|environment)|"
               r"(?:is|are) (?:now )?ready (?:for (?:the |a )?(?:next|"
               r"review|deployment|release|use)|to be \w+|to (?:go|use|ship|deploy|launch))|"
               r"if any(?:one|body) (?:wants|needs)|in case any(?:one|body)|"
               r"submitted (?:it |them )?for (?:review|approval|marking|grading|feedback)|"
               r"handed (?:it|them|the \w+|my \w+) in|"
               r"(?:plans?|planning|intends?|intending|hopes?|hoping) to|"
               r"(?:do not|don't|did not|didn't|never) (?:know|find out|hear|learn) (?:how|"
               r"whether|if|what)|not sure (?:how|whether|if)|"
               r"handed (?:it|them|\w+|(?:the|my|our) [\w-]+(?: [\w-]+)?) over|handed over|"
               r"(?:ended|finished|stopped) with the (?:term|semester|year|internship|placement|"
               r"contract|summer|module|course)|(?:i|we) moved on to|"
               # Someone's word that they will ("he said he would look at it after his
               # holiday", "she promised to merge it"): an intention, not an outcome.
               # What would have happened otherwise ("the trick would have taken me days to
               # find alone"): a counterfactual, not a change that happened.
               r"(?:would|could|might)(?: not|n't)? have (?:taken|cost|been|meant|needed|"
               r"lost|missed|broken|failed|had)|"
               # A gate still ahead ("the contractor has to approve it first"), a handover
               # ("so I handed the script to the office manager") or the end of the job.
               r"(?:has|have|needs?|still) to (?:\w+ )?(?:approve|sign (?:it )?off|accept|"
               r"merge|be (?:approved|reviewed|merged|signed|accepted|tested|decided))|"
               r"handed (?:it|them|(?:the|my|our) [\w-]+(?: [\w-]+)?) (?:over |on )?to|"
               r"(?:my|the|our) (?:placement|internship|contract|term|semester|job|"
               r"module) ended\b(?! with (?:a|an|the|\d))|"
               r"(?:the|my|our) (?:idea|aim|goal|hope|plan|intention|target) is (?:that|to|for)|"
               r"(?:said|says|told (?:me|us)|replied|promised|agreed)(?: that)? (?:he|she|they|"
               r"it|we|the \w+)(?:\s+(?:would|will|might|could)|'d|'ll|’d|’ll)\b|promised to|"
               # Work still under way ("which I am preparing now", "we're still testing it").
               r"(?:i|we)(?: am|'m| are|'re) (?:still |now |currently |busy )?(?:preparing|"
               r"working on|writing|drafting|finishing|finali[sz]ing|polishing|fixing|testing|"
               r"building|trying|looking (?:at|into)|discussing|setting up|documenting|"
               r"reviewing|planning)\b|(?:i|we) (?:am|are) (?:now |still )?preparing)\b",
    # A purpose told after a step: what it was for, not what happened.
    "purpose": r"^(?:and\s+)?(?:so that|so\s+(?:\w+\s+){1,3}(?:could|would|might|can|will)\b|"
               r"in order to|in order that|to make sure)\b",
    # Words that describe working without naming a step.
    "buzz": r"\b(?:work(?:ed|ing)? closely|collaborat\w*|stakeholders?|best practices?|"
            r"(?:made|make|making) sure (?:that )?(?:everyone|everything|things|we|the team|"
            r"people|all)|ensur\w+ (?:that )?(?:everyone|everything|alignment|quality|success)|"
            r"align\w*|synerg\w*|leverag\w*|drove|drive|driving|took ownership|"
            r"(?:went|going) above and beyond|proactive\w*|communicat\w+ (?:regularly|"
            r"effectively|clearly|openly|with (?:everyone|all|the team|stakeholders))|"
            r"kept (?:everyone|things|the team|stakeholders) (?:informed|updated|on track|"
            r"in the loop|aligned)|on the same page|moved (?:things|it|the project) forward|"
            r"(?:the|a) (?:project|process|work) forward|streamlin\w+|optimi[sz]ed (?:the )?"
            r"(?:process|workflow|things)|added value|value[- ]add|facilitat\w+|"
            r"supported (?:the|my) team|helped (?:out|the team|where|wherever)|"
            r"did my (?:best|part)|focused on (?:quality|delivery|results|the goal|success)|"
            r"took (?:the )?initiative|handled (?:it|things|everything|the situation)|"
            r"was (?:involved|responsible)|contribut\w+ to|participat\w+ in|"
            r"worked (?:hard|on it|on (?:the|this|that) (?:problem|issue|project|task))|"
            r"did (?:some|the) (?:research|work|analysis)|looked into (?:it|things|the issue)|"
            r"came up with (?:a|some) (?:solution|plan|ideas?)|"
            r"(?:a|the|some) (?:solution|plan|approach|strategy)\b|"
            r"(?:met|meetings?|talked|spoke|checked in) (?:regularly|often|with (?:everyone|"
            r"the team|stakeholders|people)))\b",
    # Evaluative verdicts: a reaction or a feeling, not a change someone could check.
    "verdict": r"\b(?:went (?:well|fine|ok|okay|great|smoothly|better)|(?:was|were|seemed|felt|"
               r"looked|sounded|became|got) (?:\w+ )?(?:happy|happier|pleased|fine|good|great|"
               r"ok|okay|positive|successful|impressed|satisfied|better|nicer|smoother|"
               r"calmer|friendly|friendlier|grateful|excited|proud|glad|useful|helpful|"
               r"relieved|more (?:confident|motivated|engaged|relaxed|comfortable))|"
               r"liked (?:it|the|our|my|what)|loved (?:it|the|our|my)|enjoyed (?:it|the)|"
               r"appreciated|were friendly|it worked(?: out)?\b|turned out (?:well|fine|ok|"
               r"great|nicely)|(?:a|an) (?:great|good|valuable|positive|rewarding|useful|"
               r"big) (?:learning )?(?:experience|success|result)|got done|was done|"
               r"finished it|it was fine|said (?:it|they) (?:looked|was|were|is) (?:good|great|"
               r"fine|helpful|useful|nice)|everyone was happy|positive feedback|good feedback|"
               r"(?:was|were) (?:well )?received|handed it in(?: on time)?|things improved|"
               r"helped (?:a lot|a bit|somewhat)|made a difference|"
               r"improved (?:a lot|things|the situation|somewhat|significantly|greatly|"
               r"massively|noticeably|dramatically)|(?:much|a lot|way|far) (?:better|faster|"
               r"quicker|smoother|easier)|(?:much|a lot|far|way|significantly|noticeably) more "
               r"\w+|more (?:reliable|stable|efficient|robust|usable|user-friendly|organi[sz]ed)|"
               r"(?:i|we) had (?:\w+ )?(?:reviewed|written|sent|made|"
               r"done|closed|attended|fixed|learned|learnt))\b",
    # What a checkable change looks like: a named adopter, a lasting change, a dated event.
    "checkable": r"\b(?:now (?!is\b|are\b|feels?\b|seems?\b|looks?\b|much\b|more\b|far\b)|"
                 r"still|since|no longer|every|each|all (?:the|our|\w+s)|"
                 r"for the rest of|from then on|ever since|instead of|replac\w+|adopt\w+|"
                 r"merged|released|shipped|launched|published|deployed|went (?:out|live)|"
                 r"accepted|approved|added (?:it|my|the|our)|kept (?:using|it|the)|"
                 r"started using|stopped|rolled out|made it (?:the )?(?:default|standard|"
                 r"official|required)|became (?:the|part|a)|hired|promoted|offered (?:me|us)|"
                 r"won|placed|selected|chosen|invited|(?:chose|picked|went with|settled on|"
                 r"voted for|adopted) (?:my|the \w+ (?:i|we)|our)|"
                 r"asked (?:me|us) to (?:run|lead|teach|"
                 r"present|stay|join|do|write|take)|on (?:the )?(?:monday|tuesday|wednesday|"
                 r"thursday|friday|saturday|sunday|day|date)|on (?:time|schedule)|as planned|"
                 r"before the (?:deadline|launch|release|exam|audit|fair|term)|passed|"
                 r"fixed|closed|resolved|refunded|gave (?:it|the|my)|sold out|signed|"
                 r"disappeared|vanished|went away|"
                 r"the (?:course|department|club|team|company|lab|lecturer|manager|shop|"
                 r"library|society|school)(?:'s)? (?:now|page|site|wiki|handbook|policy)|"
                 r"(?:course|wiki|handbook|policy|guide|template|checklist|onboarding) "
                 r"(?:page|pack|docs?)?)\b",
}


def empty_verdict(text: str) -> bool:
    """A "result" that is only a vacuous lesson ("it was a good learning experience")."""
    return bool(_rx("vacuous").search(text.strip()))


def vacuous_lesson(text: str) -> bool:
    """A lesson that says nothing particular ("I learned a lot", "a great experience",
    "I learned the framework in more depth", "how important teamwork is", "the value of
    hard work"): counted as no lesson. Nothing is left after the words any lesson could
    use."""
    if _rx("vacuous").search(text.strip()) or _rx("understanding").search(text) or \
            _rx("platitude").search(text.strip().rstrip(".!")):
        return True
    named = [w for w in _WORD.findall(text.lower()) if w not in _LIGHT
             and w not in _ANY_LESSON and len(w) > 2]
    return not named


def pending(text: str) -> bool:
    """An outcome that has not happened yet ("the pull request is still waiting for a
    review", "we have not heard back"), or only the purpose of a step."""
    return bool(_rx("pending").search(text)) or purpose(text)


def portrait(text: str) -> bool:
    """A clause about the candidate in general ("I am a very curious person", "I believe
    good software should ..."): no context for a story."""
    return bool(_rx("portrait").search(text.strip()))


def still_pending(text: str) -> bool:
    """An outcome that has not happened yet, not counting a step's purpose."""
    return bool(_rx("pending").search(text))


def purpose(text: str) -> bool:
    """A clause that says what a step was for ("so that support could turn it off")."""
    return bool(_rx("purpose").search(text.strip()))


def buzzword_step(text: str) -> bool:
    """An action clause with no concrete step in it: buzzwords about working, with few
    other content words ("worked closely with stakeholders to drive alignment")."""
    if not _rx("buzz").search(text):
        return False
    hits = len(_rx("buzz").findall(text))
    rest = _rx("buzz").sub(" ", text)
    content = [w for w in _WORD.findall(rest) if w.lower() not in _LIGHT and len(w) > 2]
    return hits >= 2 and len(content) <= 2 * hits + 2 or len(content) <= 3


def concrete_share(texts: list[str]) -> float:
    """The share of an action's words that name something particular (a tool, a file, a
    person, a number): "I looked into the problem, put together a plan and made the
    changes that were needed" names nothing, "I moved the bookings into a shared
    calendar" does. Generic words about working (looked into, coordinated efforts,
    identified the key bottlenecks, did my best) are not counted."""
    words = [w.lower() for t in texts for w in _WORD.findall(t)]
    if not words:
        return 0.0
    named = [w for w in words if len(w) > 2 and w not in _LIGHT and w not in _GENERIC]
    return len(named) / len(words)


def empty_context(texts: list[str]) -> bool:
    """Background that names nothing ("It was a challenging time for everyone", "We had a
    problem with our system"): no where, when, who or what was at stake."""
    named = [w for t in texts for w in _WORD.findall(t.lower()) if len(w) > 2
             and w not in _LIGHT and w not in _ANY_CONTEXT and w not in _GENERIC]
    return not named


def generic_verb(verb: str) -> bool:
    """A verb that says work happened without saying which ("worked", "helped",
    "coordinated", "handled", "implemented")."""
    return verb.lower() in _GENERIC_VERBS


def vague_verdict(text: str) -> bool:
    """An outcome told as a reaction or feeling ("the judges liked it", "it went well")."""
    return bool(_rx("verdict").search(text))


def checkable(text: str) -> bool:
    """An outcome that names a change someone could verify: who adopted what, what is
    now different, what happened on which day; not a verdict or a feeling."""
    if vague_verdict(text) and not _rx("checkable").search(_rx("verdict").sub(" ", text)):
        return False
    if _rx("checkable").search(text):
        return True
    words = [w for w in _WORD.findall(text) if w.lower() not in _LIGHT]
    # A longer outcome sentence naming things ("the department gives it to every society
    # that runs a hall event") is checkable when no verdict word carries it.
    return len(words) >= 6 and not vague_verdict(text)


_LIGHT = frozenset("""a an the and or but so then also to of in on at for with by from as
into onto over under about it its it's this that these those them they their there i me my
mine we us our ours you your he she his her him was were is are be been being had has have
do did does done very really quite just all some any more most much many lot lots well
everyone everything things thing people team project work worked working way ways every
each other others make made making sure get got getting keep kept help helped rest key
strategy priorities goals messaging relationships partners business delivery quality process
throughout across involved whole across regularly closely""".split())
# Words about working in general: a step made only of them names no concrete step.
_GENERIC = frozenset("""look looked looking into talk talked talking spoke speak discuss discussed
put together share shared keep kept follow followed up make made change changes changed need
needed stay stayed deal dealt handle handled come came take took lead led coordinate
coordinated effort efforts identify identified propose proposed improvement improvements
improve improved oversee oversaw implement implemented implementation provide provided update
updates updated status regular management ensure ensured meet met standard standards did best
support supported available question questions experience tips try tried feel welcome helping
problem problems issue issues plan plans planned planning solution solutions person number
anyone anybody nobody anything something nothing stuff research researched analysis analysed
analyzed option options approach approaches strategies idea ideas job tasks task progress track
tracked tracking communicate communicated communication meeting meetings organise organised
organize organized manage managed step stepped momentum positive gather gathered feedback needs
understand understood requirements brainstorm brainstormed went going beyond above ownership
leveraged leverage network proactive stand standing out myself throughout collaborate
collaborated collaboratively align aligned alignment stakeholders stakeholder practices practice
drove drive forward loop necessary relevant various different several certain overall entire
possible right good better new own could would should might wherever whenever whatever always
often sometimes around bit responsible part role side end start started starting began begin
next following weeks week days day time times month months year along go goes initiative
action actions steps measures fix fixes fixed resolve resolved solve solved address addressed
tackle tackled focus focused career development skills knowledge opportunity opportunities
results success value impact efficient efficiently effective effectively successful
successfully smooth smoothly thoroughly thorough root cause causes develop developed careful
carefully testing structured investigate investigated design designed validate validated
validation problem-solving bottom quick quickly situation deploy deployed implementing
developing analysing analyzing researching code data database backend frontend back-end
front-end tests test fix deadline deadlines check checked checking getting towards found find
picked pick adapted adapt online tried several eventually calm prioritised prioritized
prioritise prioritize clearly client analyse analyze build built solution sign-off python sql
excel spreadsheet tools tool use used using went through ideas everything
applied apply agile scrum modern tooling technologies deliver delivered delivering robust
input inputs evaluate evaluated evaluating holistic holistically data-driven decision decisions
informed insight insights risk risks mind while keeping considering considered weighed
scalable seamless seamlessly end-to-end cross-functional holistic strategic strategically
innovative cutting-edge best-in-class world-class impactful proactively unblock unblocked open
stage stages shifted properly whatever needed wherever""".split())
# Words any lesson could use: a lesson made only of them says nothing particular.
_ANY_LESSON = frozenset("""learned learn learnt learning lot lots much many valuable lessons
lesson experience experiences educational taught teach teaches showed show shows helped help
develop developed grew grow growth developer engineer person better understanding understand
understood importance important value how great deal things thing new skills skill technical
soft teamwork communication collaboration communicating hard persistence patience leadership
problem solving problem-solving pressure handle can could carry forward future career proud
achieved realised realized enjoy enjoyed rewarding useful interesting amazing overall really
truly gained gain improved improve confidence confident under deal again would will project
internship job role stay calm staying work working team teams organisation organization
organising organizing event events time management planning always never something everything good
python java javascript coding programming code data works looking back proud result results
player made makes again definitely worth pays pay off dream manage managing positive wrong stay
even when go goes backend frontend like liked discussing discuss discussion discussions openly
open honest honestly honesty listening listen respect respecting compromise flexible flexibility
adaptable adaptability perseverance resilience essential crucial vital key""".split())
# Words any background could use: a situation made only of them gives no context.
_ANY_CONTEXT = frozenset("""challenging challenge challenges difficult hard tough busy stressful
time times period moment story teamwork persistence problem problems issue issues needed need
solving solve interested interest things thing stuff work better going well badly project
projects important stake system systems team teams faced face facing started start bug bugs
student students many taught most situation situations everyone everybody people person
something everything nothing anything point day days kind sort way ways good bad great big
small new old really quite very whole entire company job place organisation organization
lot lots had has have there here one this story about when where what which who how got
began happened happen went came not no""".split())
_GENERIC_VERBS = frozenset("""worked helped coordinated improved handled managed supported ensured
made gathered dealt looked focused led organised organized communicated collaborated discussed
talked spoke met researched analysed analyzed tried did took kept stayed followed implemented
developed planned contributed participated assisted facilitated oversaw drove identified
proposed shared used applied utilised utilized leveraged went got put came found fixed solved
resolved addressed tackled started began decided understood stepped checked tested deployed
designed created built reviewed ran set""".split())
