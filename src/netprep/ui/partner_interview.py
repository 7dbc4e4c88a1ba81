"""`mock --partner`: a friend interviews from the sheet and scores each answer.

Wraps the round's interviewer (terminal, scripted, voice): the question is shown as the
interviewer's sheet; after each answer the partner scores the rubric first, then the
candidate rates the same rubric (so the partner's scores are not copied), then the
coach's feedback. Scripted, one line of scores follows each answer on stdin.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

from netprep.mock.model import AnswerRecord, Plan, Review, Turn
from netprep.mock.session import EndOfAnswers
from netprep.ui.render_partner import render_partner_intro, render_scores, render_sheet

if TYPE_CHECKING:
    from rich.console import Console

    from netprep.partner.rubric import Dimension

HANDOVER = ("Candidate: rate yourself on the same rubric, before you see your "
            "partner's scores.")


class PartnerInterviewer:
    def __init__(self, inner: Any, console: Console, interactive: bool,
                 stream: TextIO | None = None, name: str | None = None):
        self.inner = inner
        self.console = console
        self.interactive = interactive
        self.stream = stream
        self.name = name
        self.line = 0  # scripted: which score line this is (for error messages)
        self.plan: Plan | None = None
        inner.show = self.show

    def __getattr__(self, attr: str) -> Any:  # questions_for_me and the rest
        return getattr(self.inner, attr)

    def briefing(self, plan: Plan) -> None:
        self.plan = plan
        if self.interactive and self.name is None:
            from netprep.ui import prompts

            try:
                entered = prompts.read_line("Your partner's first name (optional): ")
            except EOFError:
                raise EndOfAnswers() from None
            self.name = (entered or "").strip() or None
        render_partner_intro(self.console, self.name)
        self.inner.briefing(plan)

    def show(self, turn: Turn) -> None:
        from netprep.partner.sheet import sheet_for
        from netprep.ui.render_mock import render_question

        if turn.follow_up is not None:
            render_question(turn, self.console, getattr(self.inner, "names", {}))
            return
        render_sheet(sheet_for(turn.item, turn.total), self.console, turn.timed)

    def ask(self, turn: Turn) -> Any:
        return self.inner.ask(turn)

    def review(self, turn: Turn, record: AnswerRecord) -> Review | None:
        from netprep.mock.scoring import question_kind
        from netprep.partner.rubric import dimensions_for

        dims = dimensions_for(question_kind(record.question))
        names = {d.id: d.name for d in dims}
        if self.interactive:
            score = self._ask_scores(dims)
        else:
            score = self._read_scores(dims, record)
        rating = record.rating
        if score is not None:
            score.name = self.name
            if self.interactive:
                from netprep.partner.scores import overall_rating

                self.console.print()
                self.console.print(HANDOVER, style="bold", markup=False)
                own = self._rate(dims, "You")
                if own:
                    score.self_ratings = own
                    rating = overall_rating(own)
            record.partner = score.record()
        if self.interactive:
            from netprep.ui.render_mock import render_feedback

            render_feedback(record, self.console)
            voice = getattr(record, "voice", None)
            if voice:
                from netprep.ui.render_voice import render_voice

                render_voice(voice, self.console)
        else:
            self.inner.review(turn, record)
        if record.partner:
            render_scores(record.partner, names, self.console)
        return Review(rating, {})

    def _ask_scores(self, dims: tuple[Dimension, ...]) -> Any:
        from netprep.partner.scores import PartnerScore
        from netprep.ui import prompts

        who = self.name or "Partner"
        ratings = self._rate(dims, who)
        if not ratings:
            return None
        try:
            note = prompts.read_line(f"{who}'s note for the candidate (optional): ") or ""
        except EOFError:
            note = ""
        return PartnerScore(ratings, note.strip())

    def _rate(self, dims: tuple[Dimension, ...], who: str) -> dict[str, int]:
        from netprep.ui import prompts

        ratings: dict[str, int] = {}
        for dim in dims:
            choices = [(f"{n}  {dim.anchors[n - 1]}", n) for n in (1, 2, 3, 4)]
            try:
                value = prompts.select(f"{who}: {dim.name}", choices)
            except EOFError:  # Ctrl-D: no scores for this answer; the answer is kept
                return {}
            if value is None:
                return {}
            ratings[dim.id] = int(value)
        return ratings

    def _read_scores(self, dims: tuple[Dimension, ...], record: AnswerRecord) -> Any:
        import sys

        from netprep.partner.scores import BadScores, parse_line

        stream = self.stream or sys.stdin
        line = stream.readline()
        self.line += 1
        if not line.strip():
            return None  # no line: no partner scores for this answer
        where = f"The partner's scores for question {record.position}"
        try:
            return parse_line(line.rstrip("\r\n"), dims, where)
        except BadScores as exc:
            saved = ("; the answers so far are saved" if record.id is not None else "")
            exc.message = exc.message.rstrip(".") + saved + "."
            raise
