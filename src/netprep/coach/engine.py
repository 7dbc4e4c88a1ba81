"""The coach's read of a story, a typed answer or a transcript.

Text -> clauses -> labels (context, task, own/others' action, outcome, lesson) ->
STAR parts present by content -> findings with suggestions -> a 0-100 score and a
ready verdict. A story's fields are hints for the labels, never the verdict.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from netprep.coach import actors, substance
from netprep.coach import lazyre as re
from netprep.coach.fillers import count_fillers
from netprep.coach.findings import (
    MISSING_HELP,
    Finding,
    is_ready,
    missing,
    ordered,
    score_of,
)
from netprep.coach.metrics import is_impact
from netprep.coach.parts import FIELD_HINT, FIELD_LABEL, PART_OF, Labelled, classify_all
from netprep.coach.result import Analysis
from netprep.coach.sentences import clauses, split_fields
from netprep.coach.terms import (
    LONG_SLACK_SECONDS,
    PARTS,
    SETUP_SHARE,
    STAR,
    STORY_SECONDS,
    speaking_seconds,
    words_for,
)
from netprep.text import clock, count_words

# The length numbers come from one place (coach/terms.py), the rubric's.
TARGET_SECONDS = STORY_SECONDS  # the spoken window of a story: 1:00-3:00
SHORT_SECONDS = STORY_SECONDS[0]
TYPED_SKELETON = 25  # a typed answer under this many words is too skeletal to follow
BRIEF_OUTLINE = 150  # a typed answer this short (~1:00) that sets the scene and tells steps
# A part present by content but with fewer words than this is "trivially short".
SHORT_WORDS = {"situation": 5, "task": 4, "action": 8, "result": 4}
STAR_KINDS = ("story", "behavioral", "culture")
# An action whose words name something particular less often than this is thin.
THIN_SHARE = 0.15
THIN_SENTENCE = 0.2  # the same for an action told in one sentence
THIN_GENERIC = 0.22  # the same when every step's verb is generic ("worked", "handled")
THIN_WORDS = 10  # an action told in one sentence shorter than this is thin ("I adapted")

# The candidate's own slip, told as the situation: the task (put it right) is obvious.
_MISTAKE = re.compile(r"\b(?:without (?:checking|testing|asking|reading|looking)|forgot|"
                      r"(?:by )?mistake|wrong|accidentally|by accident|broke|deleted|missed|"
                      r"overlooked|misread|misunderstood|mixed up)\b", re.I)
# The candidate's role in the situation, which owns the problem: "I led a team of three",
# "I was a TA", "I was the society's treasurer".
_ROLE = re.compile(r"\bi (?:led|was leading|managed|ran|was in charge of|was (?:a|an|the|one of "
                   r"the|our|its) (?:[\w'-]+ ){0,3}(?:ta|tas|lead|leader|captain|president|"
                   r"treasurer|secretary|organi[sz]er|coordinator|manager|mentor|tutor|"
                   r"teaching assistant|on-call engineer|maintainer|owner))\b", re.I)
_I = re.compile(r"\b(?:[Ii]|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)\b")
_WE = re.compile(r"\b(?:[Ww]e|us|[Oo]ur|[Oo]urs|[Oo]urselves)\b")
# Steps that watch someone else work: the listener hears whose work it was.
_OBSERVER = re.compile(r"^(?:(?:and|then|so|also)\s+)?(?:i\s+)?(?:(?:mostly|just|also|then)\s+)?"
                       r"(?:watched|observed|shadowed|sat (?:with|next to|beside|in on)|listened|"
                       r"took notes|followed along|looked on|was shown)\b", re.I)
_VAGUE_STEP = re.compile(r"^(?:i|we)\s+(?:was|were)\s+(?:part of|involved|there)|^i\s+(?:helped"
                         r"\s+(?:with|out|wherever|where)|made sure|supported|assisted|"
                         r"contributed to|participated in)\b", re.I)


def label_story(fields: Mapping[str, str]) -> list[Labelled]:
    return classify_all(split_fields(dict(fields), PARTS))


def label_text(text: str, outline: bool = False) -> list[Labelled]:
    return classify_all(clauses(text), outline=outline)


def parts_of(labels: list[Labelled]) -> dict[str, int]:
    """Words per STAR part (and learned), by what each clause does."""
    parts = dict.fromkeys(PARTS, 0)
    for lab in labels:
        part = PART_OF.get(lab.label)
        if part:
            parts[part] += count_words(lab.text)
    return parts


def star_findings(labels: list[Labelled], *, noun: str, typed: bool,
                  target_seconds: int | None = None) -> tuple[list[Finding], dict[str, Any]]:
    """The STAR read shared by stories, behavioral and culture answers."""
    text = " ".join(lab.text for lab in labels)
    words = count_words(text)
    seconds = speaking_seconds(words)
    parts = parts_of(labels)
    fielded = noun == "story"  # a story's fields are hints; an outline's headings are its own
    if fielded:
        _in_substance(labels, parts)
    else:
        _told_after(labels, parts)
        # Background that names nothing before the first step ("It was a busy time and
        # there was a lot going on") is no situation, whatever context comes after it.
        first = next((i for i, lab in enumerate(labels)
                      if lab.label in ("own_action", "others_action")), len(labels))
        context = [lab.text for lab in labels[:first] if lab.label == "context"]
        if context and substance.empty_context(context):
            parts["situation"] = 0
    findings: list[Finding] = []
    outcomes = [lab for lab in labels if lab.label == "outcome"]
    waiting = [lab for lab in outcomes if substance.pending(lab.text)
               or substance.empty_verdict(lab.text)]  # "it was a good learning experience"
    waiting += _pending_sentence(outcomes, labels, waiting)
    if fielded and any(lab.clause.field == "result" for lab in labels) and not any(
            lab.clause.field == "result" for lab in outcomes if lab not in waiting):
        # The result field tells no outcome: an effect told midway through the steps ("so
        # the page showed an error") is part of the story, not how it ended.
        steps = [i for i, lab in enumerate(labels) if lab.clause.field == "action"
                 and lab.label in ("own_action", "others_action")]
        waiting += [lab for i, lab in enumerate(labels) if lab in outcomes and steps
                    and lab.clause.field == "action" and i < steps[-1]]
    elif not fielded:
        # Told in one piece and ending on a pending result ("it is still waiting for a
        # review"): an unmeasured effect with two or more steps after it is midway through
        # the story, not how it ended.
        steps = [i for i, lab in enumerate(labels) if lab.label == "own_action"]
        if steps and any(substance.still_pending(lab.text) for lab in labels[steps[-1] + 1:]):
            ended = [i for i, lab in enumerate(labels) if lab in outcomes and lab not in waiting
                     and (len([j for j in steps if j > i]) < 2 or is_impact(lab.text))]
            if not ended:
                waiting += [lab for lab in outcomes if lab not in waiting]
    if not fielded:  # "I learned to ..., because people stopped asking": the lesson's reason
        waiting += [lab for lab in outcomes
                    if lab not in waiting and _reason_of_lesson(lab, labels)]
    if waiting:  # "still waiting for a review" is no outcome yet
        outcomes = [lab for lab in outcomes if lab not in waiting]
        parts["result"] = max(0, parts["result"] - sum(count_words(lab.text) for lab in waiting))
    portraits = [lab for lab in labels if lab.label == "context" and substance.portrait(lab.text)]
    if portraits:  # "I am a very curious person" says nothing of where, when or what
        parts["situation"] = max(0, parts["situation"] - sum(count_words(lab.text)
                                                             for lab in portraits))
    background = [lab.text for lab in labels if lab.label == "context" and lab not in portraits
                  and (not fielded or lab.clause.field in ("situation", "task"))]
    if parts["situation"] and substance.empty_context(background):
        parts["situation"] = 0  # "It was a challenging time for everyone"
    aims = [lab.text for lab in labels if lab.label == "task"]
    if parts["task"] and not any(_I.search(t) or _WE.search(t) for t in aims) \
            and substance.empty_context(aims):
        parts["task"] = 0  # "It was important, and there were many things to consider"
    lessons = [lab for lab in labels if lab.label == "lesson"]
    if lessons and all(substance.vacuous_lesson(lab.text) for lab in lessons):
        parts["learned"] = 0  # "I learned a lot" is no lesson
    if seconds >= SHORT_SECONDS:  # a short story is told as too-short instead
        for part in ("situation", "task", "result"):
            if 0 < parts[part] < SHORT_WORDS[part]:
                findings.append(Finding(
                    f"short-{part}", f"The {part} is only {parts[part]} words (at least "
                    f"{SHORT_WORDS[part]} expected).", MISSING_HELP[part], part))
    written = {lab.clause.field for lab in labels} if fielded else set()
    for part, label in (("situation", "context"), ("task", "task")):
        # A situation field that gives no context is not saved by a word in another field.
        fields = ("situation",) if part == "situation" and part in written else (
            None, "situation", "task", "action")
        if not parts[part] and any(_also(lab, label, hint=FIELD_HINT[part] if fielded else 0.0)
                                   and (part != "situation"
                                        or not substance.empty_context([lab.text]))
                                   for lab in labels if lab.clause.field in fields):
            parts[part] = 1  # said in passing inside a clause that does something else
    action_labels = [lab for lab in labels if lab.label in ("own_action", "others_action")]
    if not fielded and not parts["task"] and parts["situation"]:
        # A brief outline that sets the scene and then tells two or more steps makes the aim
        # obvious: nobody asks "what was your task?" after "a customer needed her boarding
        # pass ... I cleaned the charging port, I lent her a charger". Told as "we", the aim
        # is still plain; whose steps they were is the we-heavy question.
        own_steps, hidden_steps = _actors(action_labels)
        if own_steps + hidden_steps >= 2 and words < BRIEF_OUTLINE:
            parts["task"] = 1
    if not fielded and not parts["task"] and parts["situation"]:
        # Told in one piece, the candidate's own doing in the situation ("I ran the migration
        # on the wrong server") makes the aim obvious: put it right.
        first = next((i for i, lab in enumerate(labels) if lab.label == "own_action"), -1)
        if first > 0 and any(lab.label == "context" and lab.actor.who == actors.SELF
                             and (actors.is_action_verb(lab.actor) and _MISTAKE.search(lab.text)
                                  or _ROLE.search(lab.text))
                             for lab in labels[:first]):
            parts["task"] = 1
    for part in STAR:
        if parts[part]:
            continue
        detail = ""
        if part == "action" and any(lab.clause.field == "action" for lab in labels):
            detail = "what is written as the action reports outcomes, not the steps you took."
        findings.append(missing(part, noun, detail))
    if parts["action"] and _thin(action_labels):
        findings.append(Finding(
            "short-action", "The action is thin: it names no concrete step you took.",
            "Say two or three things you actually did, each with what you worked on "
            "(\"I rewrote the import script\", \"I asked the two users who ...\"), not "
            "how you worked (\"collaborated\", \"made sure everyone was aligned\").",
            "action"))
    # A measure counts where the outcome is told, never a count from the steps or the setup:
    # an "outcome" inside the action field counts only when no other outcome is told.
    told = outcomes if not parts["action"] else [
        lab for lab in outcomes if lab.clause.field != "action"] or outcomes
    if not fielded:  # told in one piece: how it ended comes after the last step
        last = max((i for i, lab in enumerate(labels) if lab.label == "own_action"), default=-1)
        told = [lab for lab in told if labels.index(lab) > last] or told
    metric = any(is_impact(lab.text) or is_impact(_with_rest(lab, labels)) for lab in told) or (
        bool(outcomes) and any(
        _also(lab, "outcome", 1.5, 0.5) and is_impact(lab.text) for lab in labels
        if lab.label not in ("own_action", "others_action", "task")
        and lab.clause.field not in ("situation", "task", "action")))
    if not metric and outcomes and not fielded:
        # Told in one piece: what follows the last own step and measures is how it ended,
        # however it reads ("By evening nothing had been thrown away", "She stopped asking
        # by email, which had been three or four a week").
        last = max((i for i, lab in enumerate(labels) if lab.label == "own_action"), default=-1)
        metric = last >= 0 and any(is_impact(lab.text) or is_impact(_with_rest(lab, labels))
                                   for lab in labels[last + 1:]
                                   if lab.label in ("outcome", "context", "other"))
    concrete = metric or any(substance.checkable(lab.text) for lab in told)
    if outcomes and not metric:
        findings.append(Finding(
            "no-metric", "The result has no number: nothing shows how much it mattered.",
            "Add a measure: a percentage, time saved, money, users or a count "
            "(\"cut build time from 12 to 4 minutes\", \"3 teams adopted it\").", "result"))
    own, hidden = _actors(action_labels)
    hidden += sum(1 for lab in labels if lab.label == "other" and _VAGUE_STEP.search(lab.text))
    if action_labels and hidden >= 2 and hidden > own * 1.5 - 0.01 and own <= 2:
        findings.append(Finding(
            "we-heavy", f"Your own part is hard to see: {hidden} action "
            f"{'step is' if hidden == 1 else 'steps are'} told as \"we\", in the passive or "
            f"as someone else's work, against {own} with \"I\".",
            "Say \"I\" for your own steps (\"I wrote the parser, I set up the tests\") and keep "
            "\"we\" for what the team did.", "action"))
    setup = _setup_words(labels)
    if parts["action"] and words >= 40 and setup / words > SETUP_SHARE:
        share = round(100 * setup / words)
        findings.append(Finding(
            "setup-heavy", f"Situation and task take {share}% of the {noun} "
            f"(keep them under {round(100 * SETUP_SHARE)}%); the action should carry it.",
            "Cut the background to two or three sentences and spend the time on what you did "
            "and why."))
    extra: dict[str, Any] = {}
    findings += _length(labels, words, seconds, typed, noun, target_seconds, extra)
    fillers = count_fillers(text)
    total_fillers = sum(fillers.values())
    if total_fillers >= 2:
        listed = ", ".join(f"{k} ×{v}" if v > 1 else k for k, v in fillers.items())
        findings.append(Finding(
            "fillers", f"{total_fillers} filler or hedge words: {listed}.",
            "Delete them and state things plainly: \"I decided\", not \"I kind of thought "
            "maybe\"."))
    if not parts["learned"]:
        findings.append(Finding(
            "no-learning", "What you learned is not stated (\"I learned a lot\" says "
            "nothing particular).",
            "End with one sentence on what you took away or would do differently "
            "(\"Since then I always…\").", "learned"))
    extra.update(concrete=concrete, metric=metric, own_steps=own, hidden_steps=hidden,
                 fillers=fillers, parts=parts)
    return findings, extra


def _pending_sentence(outcomes: list[Labelled], labels: list[Labelled],
                      waiting: list[Labelled]) -> list[Labelled]:
    """Outcome clauses that only carry on a hope, a plan or a wait told earlier in their
    sentence ("I would like the department to take it over | so it continues after I
    graduate"): what the hope is for has not happened either, unless it measures."""
    out = []
    for lab in outcomes:
        if lab in waiting or lab.clause.lead not in ("so", "which") or is_impact(lab.text):
            continue
        at = labels.index(lab)
        first = next(i for i, x in enumerate(labels) if x.clause.sentence == lab.clause.sentence)
        if any(x.label == "other" and substance.still_pending(x.text)
               for x in labels[first:at]):
            out.append(lab)
    return out


def _reason_of_lesson(lab: Labelled, labels: list[Labelled]) -> bool:
    """An outcome told as the reason for a lesson in the same sentence ("I learned to post
    updates even with nothing new | because people stopped asking me"): it backs the lesson,
    it is not how the story ended."""
    if lab.clause.lead != "because":
        return False
    first = next(x for x in labels if x.clause.sentence == lab.clause.sentence)
    return first is not lab and first.label == "lesson"


def _in_substance(labels: list[Labelled], parts: dict[str, int]) -> None:
    """Words moved between parts when a field holds text but not its part: a situation
    field that only states a goal is no context, a task field that only repeats the
    situation is no task, and "my mentor asked me to write up the incident" told after
    the outcome is no task either."""
    seen_outcome = False
    for lab in labels:
        words = count_words(lab.text)
        field_name = lab.clause.field
        if lab.label == "outcome":
            seen_outcome = True
        elif lab.label == "task" and (
                field_name in ("result", "learned") or (not field_name and seen_outcome)):
            parts["task"] -= words  # asked for after the outcome: a consequence
        elif lab.label == "task" and field_name == "task" and \
                lab.scores.get("task", 0.0) <= FIELD_HINT["task"] + 0.01 and (
                lab.scores.get("context", 0.0) >= 1.0 or _setting(lab)):
            parts["task"] -= words  # only the field says it is a task, the words are context
            parts["situation"] += words
        elif lab.label == "context" and field_name == "situation" and \
                lab.scores.get("task", 0.0) >= 2.5 and \
                lab.scores["context"] - FIELD_HINT["situation"] < lab.scores["task"]:
            parts["situation"] -= words  # "My goal was ...": a task told as the situation
            parts["task"] += words
    for part in parts:
        parts[part] = max(0, parts[part])


_BE_HAVE = frozenset("is are was were has have had".split())


def _setting(lab: Labelled) -> bool:
    """A state of affairs with the candidate nowhere in it ("people were working on several
    robots", "every September the desk is busy"): a setting, not an aim. An event ("one
    member never sent his part") is the problem that can make the aim obvious."""
    return lab.actor.who in (actors.OTHERS, actors.THING) and not lab.actor.implicit \
        and lab.actor.verb in _BE_HAVE and not lab.actor.modal \
        and not _I.search(lab.text) and not _WE.search(lab.text)


def _told_after(labels: list[Labelled], parts: dict[str, int]) -> None:
    """In a text told in one piece: a request told after the last step ("my mentor asked
    me to write up the incident") is a consequence, not the task."""
    steps = [i for i, lab in enumerate(labels) if lab.label in ("own_action", "others_action")]
    if len(steps) < 2:
        return
    for lab in labels[steps[-1] + 1:]:
        if lab.label == "task" and lab.clause.field in (None, "result", "learned"):
            parts["task"] = max(0, parts["task"] - count_words(lab.text))


def _thin(action_labels: list[Labelled]) -> bool:
    """The rubric's thin action: one vague sentence, or steps with no concrete step in
    them ("worked closely with stakeholders, applied best practices", "looked into the
    problem, put together a plan and made the changes that were needed")."""
    texts = [lab.text for lab in action_labels]
    buzz = sum(1 for t in texts if substance.buzzword_step(t))
    if buzz == len(texts) or (buzz >= 2 and 2 * buzz >= len(texts)):
        return True  # most of the steps are buzzwords: a concrete one or two do not carry it
    share = substance.concrete_share(texts)
    own = [lab for lab in action_labels if lab.actor.who == actors.SELF]
    if len(texts) >= 2 and own and (share < THIN_SHARE or (
            share < THIN_GENERIC and all(substance.generic_verb(lab.actor.verb) for lab in own))):
        return True  # "I worked with the team to improve it, coordinated the changes"
    sentences = {lab.clause.sentence for lab in action_labels}
    # One sentence: thin when short, or when it names almost nothing ("I researched the
    # problem thoroughly and implemented an effective solution").
    return len(sentences) == 1 and (count_words(" ".join(texts)) < THIN_WORDS
                                    or share < THIN_SENTENCE)


def _with_rest(lab: Labelled, labels: list[Labelled]) -> str:
    """An outcome clause with the rest of its sentence that is no step ("... lost no
    seedlings that summer, | compared with two trays the summer before"): a measure split
    over clauses is still one measure."""
    i = labels.index(lab)
    j = i + 1
    while j < len(labels) and labels[j].clause.sentence == lab.clause.sentence and \
            labels[j].label not in ("own_action", "others_action", "task"):
        j += 1
    return " ".join(x.text for x in labels[i:j])


def _setup_words(labels: list[Labelled]) -> int:
    """Words of background (context and task, by content). A clause written in the action,
    result or lesson field that reads as context ("the app was submitted in August") is a
    step or an outcome told without an actor, not background; in a text told in one
    piece, background is what comes before the first step."""
    first = next((i for i, lab in enumerate(labels)
                  if lab.label == "own_action"), len(labels))
    return sum(count_words(lab.text) for i, lab in enumerate(labels)
               if lab.label in ("context", "task")
               and (lab.clause.field in ("situation", "task")
                    or (not lab.clause.field and i < first)))


def _also(lab: Labelled, label: str, least: float = 1.5, share: float = 0.6,
          hint: float = 0.0) -> bool:
    """Whether a clause also does `label` clearly, beside the label it won (by its content:
    `hint`, the field's own weight for that label, is not evidence)."""
    score = lab.scores.get(label, 0.0)
    if hint and lab.clause.field in FIELD_LABEL and FIELD_LABEL[lab.clause.field] == label:
        score -= hint
    return score >= least and score >= share * lab.scores.get(lab.label, 0.0)


def _actors(action_labels: list[Labelled]) -> tuple[int, int]:
    """Action clauses told with "I" against those whose actor is hidden or someone else."""
    own = hidden = 0
    for lab in action_labels:
        if lab.label == "others_action":
            hidden += 1
        elif _OBSERVER.search(lab.text):
            hidden += 1  # "I watched her debug": someone else's work, seen
        elif lab.actor.who == actors.SELF or (lab.actor.who == actors.THING
                                              and _I.search(lab.text)):
            own += 1  # "I wrote ...", and "my first step was to ..."
    return own, hidden


def _length(labels: list[Labelled], words: int, seconds: int, typed: bool, noun: str,
            target_seconds: int | None, extra: dict[str, Any]) -> list[Finding]:
    """The rubric's spoken window for stories and transcripts (1:00-3:00, too-long past
    about 3:15); a typed answer is an outline: never too long, too short only when too
    skeletal to follow."""
    low, high = STORY_SECONDS
    extra["estimated_seconds"] = seconds
    if typed:
        if words < TYPED_SKELETON:
            beats = sum(1 for lab in labels
                        if lab.label in ("own_action", "others_action", "outcome"))
            return [Finding(
                "too-short", f"Too skeletal to follow ({words} words, {beats} "
                f"{'step or outcome' if beats == 1 else 'steps and outcomes'}).",
                "Outline the beats you would say: the context in a line, two or three steps "
                "you took, and the result.")]
        return []
    if seconds > LONG_SLACK_SECONDS:
        return [Finding(
            "too-long", f"About {clock(seconds)} to tell ({words} words); the target is "
            f"{clock(low)}-{clock(high)}.",
            f"Trim to about {words_for(high)} words: drop side details and keep one clear "
            "thread.")]
    if seconds < low:
        return [Finding(
            "too-short", f"About {clock(seconds)} to tell ({words} words); the target is "
            f"{clock(low)}-{clock(high)}.",
            f"Grow it to at least {words_for(low)} words: add the steps you took, a "
            "decision you made and its effect.")]
    return []


def build(labels: list[Labelled], *, kind: str, typed: bool, noun: str,
          target_seconds: int | None = None) -> Analysis:
    text = " ".join(lab.text for lab in labels)
    words = count_words(text)
    findings, extra = star_findings(labels, noun=noun, typed=typed,
                                    target_seconds=target_seconds)
    fillers = extra.pop("fillers")
    codes = [f.code for f in findings]
    concrete = bool(extra["concrete"])
    score = score_of(codes, words, concrete=concrete)
    action_text = " ".join(lab.text for lab in labels
                           if lab.label in ("own_action", "others_action"))
    voice = action_text if not typed else text
    analysis = Analysis(
        words=words, speaking_seconds=speaking_seconds(words), score=score,
        findings=ordered(findings), parts=extra.pop("parts"), has_metric=bool(extra["metric"]),
        i_count=len(_I.findall(voice)), we_count=len(_WE.findall(voice)), fillers=fillers,
        ready=is_ready(codes, words, concrete), kind=kind, typed=typed, labels=labels)
    analysis.extra["estimated_seconds"] = extra["estimated_seconds"]
    analysis.extra["concrete"] = bool(extra["concrete"])
    return analysis


def analyze_fields(fields: Mapping[str, str]) -> Analysis:
    """A story written field by field (the fields are hints)."""
    return build(label_story(fields), kind="story", typed=False, noun="story")


def analyze_star_text(text: str, *, kind: str = "behavioral", typed: bool = True,
                      target_seconds: int | None = None) -> Analysis:
    """A STAR answer as one text: typed in a mock round, or a spoken transcript."""
    return build(label_text(text), kind=kind, typed=typed, noun="answer",
                 target_seconds=target_seconds)
