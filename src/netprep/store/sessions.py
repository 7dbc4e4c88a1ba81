"""Mock-interview sessions and their answers (tables `sessions` and `answers`).

One `answers` row per answered question, written the moment it is answered and
updated as the follow-up and self-review come in (a probe's reply is read with the
answer, so its score and verdict are updated too). `elapsed_seconds` are real
seconds from a monotonic clock; `checklist` is a JSON object and `findings` a
JSON list of {code, message, suggestion}.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from netprep.coach.version import ANALYZER_VERSION
from netprep.store.db import Store

if TYPE_CHECKING:
    from netprep.mock.model import AnswerRecord, Plan, Practice


class StoreRecorder:
    """The engine's Recorder: saves a session and each answer as it is given."""

    def __init__(self, store: Store):
        self.store = store

    def start(self, plan: Plan, started_at: str) -> int:
        with self.store.write() as db:
            cursor = db.execute(
                "INSERT INTO sessions(started_at, round, timed, complete, total, seed, settings) "
                "VALUES (?, ?, ?, 0, ?, ?, ?)",
                (started_at, plan.round, int(plan.timed), plan.total, plan.seed,
                 json.dumps(plan.settings)),
            )
            return int(cursor.lastrowid or 0)

    def add(self, session_id: int, record: AnswerRecord) -> int:
        q = record.question
        with self.store.write() as db:
            cursor = db.execute(
                "INSERT INTO answers(session_id, position, question_id, pack_id, round, text, "
                "competencies, target_seconds, elapsed_seconds, answer, rating, checklist, "
                "findings, story_id, follow_up, follow_up_answer, follow_up_seconds, answered_at, "
                "hint, voice, score, ready, analyzer_version) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (session_id, record.position, q.id, q.pack, q.round, q.text,
                 json.dumps(list(q.competencies)), record.target_seconds,
                 record.elapsed_seconds, record.answer, record.rating,
                 json.dumps(record.checklist), json.dumps(record.findings), record.story_id,
                 record.follow_up, record.follow_up_answer, record.follow_up_seconds,
                 record.answered_at, None if record.hint is None else json.dumps(record.hint),
                 None if record.voice is None else json.dumps(record.voice),
                 record.score, _flag(record.ready), ANALYZER_VERSION),
            )
            return int(cursor.lastrowid or 0)

    def update(self, record: AnswerRecord) -> None:
        with self.store.write() as db:
            db.execute(
                "UPDATE answers SET rating = ?, checklist = ?, findings = ?, follow_up = ?, "
                "follow_up_answer = ?, follow_up_seconds = ?, follow_up_gap = ?, "
                "follow_up_closed = ?, follow_up_voice = ?, partner = ?, score = ?, "
                "ready = ?, follow_up_reading = ? WHERE id = ?",
                (record.rating, json.dumps(record.checklist), json.dumps(record.findings),
                 record.follow_up, record.follow_up_answer, record.follow_up_seconds,
                 record.follow_up_gap, _flag(record.follow_up_closed),
                 _dumps(record.follow_up_voice),
                 None if record.partner is None else json.dumps(record.partner),
                 record.score, _flag(record.ready), _dumps(record.follow_up_reading),
                 record.id),
            )

    def finish(self, session_id: int, complete: bool, ended_at: str) -> None:
        with self.store.write() as db:
            db.execute("UPDATE sessions SET complete = ?, ended_at = ? WHERE id = ?",
                       (int(complete), ended_at, session_id))


DRAFT_KIND = "netprep mock answers"


def answer_draft(plan: Plan, started_at: str, session_id: int | None,
                 record: AnswerRecord) -> dict[str, Any]:
    """A mock answer whose write failed, as `netprep history import` reads it back."""
    q = record.question
    return {
        "kind": DRAFT_KIND, "session_id": session_id, "started_at": started_at,
        "round": plan.round, "timed": plan.timed, "total": plan.total, "seed": plan.seed,
        "settings": plan.settings,
        "answers": [{
            "id": record.id, "position": record.position, "question_id": q.id,
            "pack_id": q.pack, "round": q.round, "text": q.text,
            "competencies": list(q.competencies), "target_seconds": record.target_seconds,
            "elapsed_seconds": record.elapsed_seconds, "answer": record.answer,
            "rating": record.rating, "checklist": record.checklist,
            "findings": record.findings, "story_id": record.story_id,
            "follow_up": record.follow_up, "follow_up_answer": record.follow_up_answer,
            "follow_up_seconds": record.follow_up_seconds, "answered_at": record.answered_at,
            "hint": record.hint, "voice": record.voice, "partner": record.partner,
            "follow_up_voice": record.follow_up_voice,
        }],
    }


def import_answers(store: Store, draft: dict[str, Any]) -> tuple[int, int]:
    """Save a draft's answers (into its session if it still exists); (session id, count)."""
    answers = draft["answers"]
    skipped = 0
    with store.write() as db:
        sid = draft.get("session_id")
        if sid is None or db.execute("SELECT 1 FROM sessions WHERE id = ?", (sid,)).fetchone() \
                is None:
            # A session this draft created on an earlier import (it had none of its own).
            same = db.execute("SELECT id FROM sessions WHERE started_at = ? AND round = ?",
                              (draft["started_at"], draft["round"])).fetchone()
            sid = None if same is None else int(same["id"])
        if sid is None:
            cursor = db.execute(
                "INSERT INTO sessions(started_at, round, timed, complete, total, seed, settings) "
                "VALUES (?, ?, ?, 0, ?, ?, ?)",
                (draft["started_at"], draft["round"], int(bool(draft["timed"])), draft["total"],
                 draft.get("seed"), json.dumps(draft.get("settings") or {})),
            )
            sid = int(cursor.lastrowid or 0)
        for a in answers:
            values = (a["rating"], json.dumps(a["checklist"]), json.dumps(a["findings"]),
                      a["follow_up"], a["follow_up_answer"], a["follow_up_seconds"])
            known = a.get("id") is not None and db.execute(
                "SELECT 1 FROM answers WHERE id = ? AND session_id = ?", (a["id"], sid)
            ).fetchone()
            if known:
                db.execute("UPDATE answers SET rating = ?, checklist = ?, findings = ?, "
                           "follow_up = ?, follow_up_answer = ?, follow_up_seconds = ?, "
                           "partner = COALESCE(?, partner) WHERE id = ?",
                           (*values, _partner(a), a["id"]))
                continue
            if db.execute("SELECT 1 FROM answers WHERE session_id = ? AND position = ? AND "
                          "answer = ?", (sid, a["position"], a["answer"])).fetchone():
                skipped += 1  # imported before: the same draft run twice saves it once
                continue
            db.execute(
                "INSERT INTO answers(session_id, position, question_id, pack_id, round, text, "
                "competencies, target_seconds, elapsed_seconds, answer, rating, checklist, "
                "findings, story_id, follow_up, follow_up_answer, follow_up_seconds, "
                "answered_at, hint, voice, partner, follow_up_voice) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (sid, a["position"], a["question_id"], a["pack_id"], a["round"], a["text"],
                 json.dumps(a["competencies"]), a["target_seconds"], a["elapsed_seconds"],
                 a["answer"], values[0], values[1], values[2], a["story_id"], values[3],
                 values[4], values[5], a["answered_at"],
                 None if a.get("hint") is None else json.dumps(a["hint"]),
                 None if a.get("voice") is None else json.dumps(a["voice"]), _partner(a),
                 _dumps(a.get("follow_up_voice"))),
            )
    return sid, len(answers) - skipped


def _dumps(value: Any) -> str | None:
    return None if value is None else json.dumps(value)


def _partner(answer: dict[str, Any]) -> str | None:
    partner = answer.get("partner")
    return json.dumps(partner) if isinstance(partner, dict) else None


UNFINISHED_KIND = "netprep unfinished answer"
_FENCE = "---\n"


def unfinished_markdown(meta: dict[str, Any], text: str) -> str:
    """An answer cut off by Ctrl-C: readable Markdown, with what `history import` needs to
    save it (the question, the session, the answer a follow-up probes) as a header."""
    import yaml

    header = yaml.safe_dump({"kind": UNFINISHED_KIND, **meta}, sort_keys=False,
                            allow_unicode=True)
    title = meta.get("follow_up") or meta.get("text") or ""
    return f"{_FENCE}{header}{_FENCE}# Unfinished answer to: {title}\n\n{text.strip()}\n"


def read_unfinished(text: str) -> tuple[dict[str, Any], str] | None:
    """(header, answer) of an `unfinished_markdown` draft; None for any other text."""
    import yaml

    if not text.startswith(_FENCE):
        return None
    end = text.find("\n" + _FENCE, len(_FENCE) - 1)
    if end < 0:
        raise ValueError("the draft's header has no closing `---` line")
    try:
        meta = yaml.safe_load(text[len(_FENCE):end + 1])
    except yaml.YAMLError:
        raise ValueError("the draft's header (between the `---` lines) is not valid YAML") \
            from None
    if not isinstance(meta, dict) or meta.get("kind") != UNFINISHED_KIND:
        return None
    body = text[end + 1 + len(_FENCE):]
    if body.startswith("# Unfinished answer to:"):
        body = body.split("\n", 1)[1] if "\n" in body else ""
    return meta, body.strip()


def import_unfinished(store: Store, meta: dict[str, Any], body: str) -> tuple[int, int]:
    """Save an unfinished answer (or follow-up reply) from its draft; (session id, count)."""
    if not body:
        raise ValueError("the draft holds no answer text")
    answer_id = meta.get("answer_id")
    if answer_id is not None:  # a reply to a follow-up: it completes the answer it probes
        with store.write() as db:
            row = db.execute("SELECT session_id, follow_up_answer FROM answers WHERE id = ?",
                             (answer_id,)).fetchone()
            if row is None:
                raise ValueError(f"the answer it follows up (id {answer_id}) no longer exists")
            if row["follow_up_answer"] == body:
                return int(row["session_id"]), 0
            db.execute("UPDATE answers SET follow_up = ?, follow_up_answer = ?, "
                       "follow_up_seconds = ? WHERE id = ?",
                       (meta.get("follow_up"), body, meta.get("elapsed_seconds"), answer_id))
        return int(row["session_id"]), 1
    answer = {
        "id": None, "position": meta["position"], "question_id": meta["question_id"],
        "pack_id": meta["pack_id"], "round": meta["question_round"], "text": meta["text"],
        "competencies": list(meta.get("competencies") or []),
        "target_seconds": meta["target_seconds"], "elapsed_seconds": meta["elapsed_seconds"],
        "answer": body, "rating": None, "checklist": {}, "findings": [], "story_id": None,
        "follow_up": None, "follow_up_answer": None, "follow_up_seconds": None,
        "answered_at": meta["answered_at"], "hint": None, "voice": None,
    }
    draft = {key: meta.get(key) for key in ("session_id", "started_at", "round", "timed",
                                            "total", "seed", "settings")}
    return import_answers(store, {**draft, "kind": DRAFT_KIND, "answers": [answer]})


def practice_by_question(store: Store) -> dict[str, Practice]:
    """For every question answered before ("pack:id"): last answered, average rating, count."""
    from netprep.mock.model import Practice

    rows = store.query(
        "SELECT pack_id, question_id, max(answered_at) AS last_at, avg(rating) AS avg_rating, "
        "count(*) AS n FROM answers GROUP BY pack_id, question_id"
    )
    return {
        f"{row['pack_id']}:{row['question_id']}": Practice(
            row["last_at"], None if row["avg_rating"] is None else float(row["avg_rating"]),
            int(row["n"]))
        for row in rows
    }


_SUMMARY = (
    "SELECT s.id, s.started_at, s.ended_at, s.round, s.timed, s.complete, s.total, s.seed, "
    "count(a.id) AS answered, "
    "coalesce(sum(a.elapsed_seconds + coalesce(a.follow_up_seconds, 0)), 0) AS total_seconds, "
    "coalesce(sum(a.target_seconds), 0) AS target_seconds, "
    "avg(a.rating) AS avg_rating "
    "FROM sessions s LEFT JOIN answers a ON a.session_id = s.id "
)


def list_sessions(store: Store, limit: int | None = None) -> list[dict[str, Any]]:
    """Sessions, newest first, with answered count, total time and average rating."""
    sql = _SUMMARY + "GROUP BY s.id ORDER BY s.started_at DESC, s.id DESC"
    params: tuple = ()
    if limit is not None:
        sql += " LIMIT ?"
        params = (limit,)
    return [_session(row) for row in store.query(sql, params)]


def get_session(store: Store, session_id: int) -> dict[str, Any] | None:
    """One session with every answered question, in order; None when there is no such id."""
    rows = store.query(_SUMMARY + "WHERE s.id = ? GROUP BY s.id", (session_id,))
    if not rows:
        return None
    session = _session(rows[0])
    settings = store.query("SELECT settings FROM sessions WHERE id = ?", (session_id,))
    session["settings"] = _json(settings[0]["settings"], {})
    session["questions"] = [
        {
            "id": row["question_id"],
            "pack": row["pack_id"],
            "position": row["position"],
            "text": row["text"],
            "round": row["round"],
            "competencies": _json(row["competencies"], []),
            "target_seconds": row["target_seconds"],
            "elapsed_seconds": round(float(row["elapsed_seconds"]), 1),
            "over_seconds": round(float(row["elapsed_seconds"]) - row["target_seconds"], 1),
            "answer": row["answer"],
            "rating": row["rating"],
            "checklist": _json(row["checklist"], {}),
            "findings": _json(row["findings"], []),
            "story_id": row["story_id"],
            "hint": _hint(row),
            "follow_up": row["follow_up"],
            "follow_up_answer": row["follow_up_answer"],
            "follow_up_seconds": None if row["follow_up_seconds"] is None
            else round(float(row["follow_up_seconds"]), 1),
            "follow_up_gap": row["follow_up_gap"],
            "follow_up_closed": None if row["follow_up_closed"] is None
            else bool(row["follow_up_closed"]),
            "answered_at": row["answered_at"],
            "voice": _json(row["voice"], None),
            "follow_up_voice": _json(row["follow_up_voice"], None),
            "follow_up_reading": _json(row["follow_up_reading"], None),
            "partner": _json(row["partner"], None),
            **_verdict(row),
        }
        for row in store.query(
            "SELECT * FROM answers WHERE session_id = ? ORDER BY position, id", (session_id,))
    ]
    from netprep.store.resume import asked_in

    session["questions_for_interviewer"] = asked_in(store, session_id)
    return session


def _hint(row: Any) -> dict[str, Any] | None:
    """What the mock showed beside the question; answers saved before hints were recorded
    know only the story (null when none was shown or it is not known)."""
    saved = _json(row["hint"], None) if row["hint"] else None
    if isinstance(saved, dict):
        return saved
    if row["story_id"] is not None:
        return {"kind": "story", "story_id": row["story_id"], "template": None, "fit": None}
    return None


def _flag(value: bool | None) -> int | None:
    return None if value is None else int(value)


def _verdict(row: Any) -> dict[str, Any]:
    """The saved score and ready verdict, with the analyzer version that gave them (rows
    saved before the coach kept them have None; `mock.scoring.fill_verdicts` redoes them)."""
    return {"score": row["score"], "ready": None if row["ready"] is None else bool(row["ready"]),
            "analyzer_version": row["analyzer_version"]}


def _session(row: Any) -> dict[str, Any]:
    avg = row["avg_rating"]
    return {
        "id": row["id"],
        "started_at": row["started_at"],
        "ended_at": row["ended_at"],
        "round": row["round"],
        "timed": bool(row["timed"]),
        "complete": bool(row["complete"]),
        "answered": row["answered"],
        "total": row["total"],
        "total_seconds": round(float(row["total_seconds"]), 1),
        "target_seconds": int(row["target_seconds"]),
        "avg_rating": None if avg is None else round(float(avg), 2),
        "seed": row["seed"],
    }


def _json(text: str | None, default: Any) -> Any:
    if not text:
        return default
    try:
        return json.loads(text)
    except ValueError:
        return default
