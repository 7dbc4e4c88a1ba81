"""Typed queries for the resume bank, the pitch, saved questions and the questions asked."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from netprep.errors import NotFoundError
from netprep.resume.model import TEXT_FIELDS, Entry
from netprep.store.db import Store, now_iso
from netprep.store.resume_rows import PITCH_KEY, get_pitch, practised_entries

__all__ = ["PITCH_KEY", "get_pitch", "practised_entries"]  # also read by `stats --json`

_LIST_COLUMNS = (*TEXT_FIELDS, "kind")


def _ids(raw: str) -> tuple[int, ...]:
    try:
        value = json.loads(raw or "[]")
    except ValueError:
        return ()
    return tuple(int(v) for v in value if isinstance(v, int) and not isinstance(v, bool))


def _strings(raw: str) -> tuple[str, ...]:
    try:
        value = json.loads(raw or "[]")
    except ValueError:
        return ()
    return tuple(str(v) for v in value if isinstance(v, str))


def _entry(row: sqlite3.Row) -> Entry:
    return Entry(
        id=int(row["id"]), kind=row["kind"],
        **{name: row[name] for name in TEXT_FIELDS},
        tech=_strings(row["tech"]), stories=_ids(row["stories"]),
        created_at=row["created_at"], updated_at=row["updated_at"],
    )


def _normalize(entry: Entry) -> None:
    for name in TEXT_FIELDS:
        value = str(getattr(entry, name) or "").replace("\r\n", "\n").replace("\r", "\n")
        setattr(entry, name, value.strip())


def _not_found(entry_id: int) -> NotFoundError:
    return NotFoundError(f"No resume entry with id {entry_id}.",
                         "Run `netprep resume list` to see the ids.")


def list_entries(store: Store) -> list[Entry]:
    return [_entry(r) for r in store.query("SELECT * FROM resume_entries ORDER BY id")]


def get_entry(store: Store, entry_id: int) -> Entry:
    rows = store.query("SELECT * FROM resume_entries WHERE id = ?", (int(entry_id),))
    if not rows:
        raise _not_found(entry_id)
    return _entry(rows[0])


def check_stories(store: Store, entries: Sequence[Entry]) -> None:
    """Refuse links to stories that do not exist."""
    wanted = sorted({sid for e in entries for sid in e.stories})
    if not wanted:
        return
    marks = ", ".join("?" for _ in wanted)
    found = {int(r[0]) for r in store.query(f"SELECT id FROM stories WHERE id IN ({marks})",
                                            tuple(wanted))}
    missing = [sid for sid in wanted if sid not in found]
    if missing:
        listed = ", ".join(str(m) for m in missing)
        raise NotFoundError(f"No STAR stor{'ies' if len(missing) > 1 else 'y'} with id "
                            f"{listed}. Nothing was saved.",
                            "Run `netprep star list` to see the ids.")


def add_entries(store: Store, entries: Sequence[Entry], keep_created: bool = False) -> list[int]:
    """Save new entries in one transaction (all or none); set and return their ids."""
    check_stories(store, entries)
    stamp = now_iso()
    ids = []
    with store.write() as db:
        for entry in entries:
            _normalize(entry)
            created = entry.created_at if keep_created and entry.created_at else stamp
            updated = entry.updated_at if keep_created and entry.updated_at else stamp
            cursor = db.execute(
                "INSERT INTO resume_entries (kind, title, organisation, dates, role, what, tech, "
                "scale, part, outcome, stories, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (entry.kind, entry.title, entry.organisation, entry.dates, entry.role,
                 entry.what, json.dumps(list(entry.tech)), entry.scale, entry.part,
                 entry.outcome, json.dumps(list(entry.stories)), created, updated))
            entry.id = int(cursor.lastrowid or 0)
            entry.created_at, entry.updated_at = created, updated
            ids.append(entry.id)
    return ids


def update_entry(store: Store, entry: Entry) -> None:
    if entry.id is None:
        raise NotFoundError("This entry has no id yet.", "Add it with `netprep resume add`.")
    check_stories(store, [entry])
    _normalize(entry)
    stamp = now_iso()
    with store.write() as db:
        cursor = db.execute(
            "UPDATE resume_entries SET kind = ?, title = ?, organisation = ?, dates = ?, "
            "role = ?, what = ?, tech = ?, scale = ?, part = ?, outcome = ?, stories = ?, "
            "updated_at = ? WHERE id = ?",
            (entry.kind, entry.title, entry.organisation, entry.dates, entry.role, entry.what,
             json.dumps(list(entry.tech)), entry.scale, entry.part, entry.outcome,
             json.dumps(list(entry.stories)), stamp, entry.id))
        if cursor.rowcount == 0:
            raise _not_found(entry.id)
    entry.updated_at = stamp


def remove_entry(store: Store, entry_id: int) -> Entry:
    entry = get_entry(store, entry_id)
    with store.write() as db:
        db.execute("DELETE FROM resume_entries WHERE id = ?", (int(entry_id),))
    return entry


# --- the pitch -------------------------------------------------------------------------


def save_pitch(store: Store, text: str | None) -> None:
    store.set_setting(PITCH_KEY, None if text is None else
                      json.dumps({"text": text, "saved_at": now_iso()}))


# --- saved questions -------------------------------------------------------------------


def save_question(store: Store, key: str, theme: str, text: str) -> bool:
    """Save a bank question as a favourite; False when it was saved already."""
    with store.write() as db:
        cursor = db.execute(
            "INSERT INTO saved_questions(question_id, theme, text, saved_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(question_id) DO NOTHING", (key, theme, text, now_iso()))
        return cursor.rowcount > 0


def unsave_question(store: Store, key: str) -> bool:
    with store.write() as db:
        return db.execute("DELETE FROM saved_questions WHERE question_id = ?",
                          (key,)).rowcount > 0


def saved_questions(store: Store) -> list[dict[str, str]]:
    return [{"key": r["question_id"], "theme": r["theme"], "text": r["text"]}
            for r in store.query("SELECT * FROM saved_questions ORDER BY saved_at, question_id")]


# --- questions asked at the end of a mock ---------------------------------------------


def add_asked(store: Store, session_id: int, asked: Sequence[dict[str, Any]],
              start: int = 1) -> None:
    """Save questions asked at the end of a session, numbered from `start`."""
    stamp = now_iso()
    with store.write() as db:
        db.executemany(
            "INSERT INTO interviewer_questions(session_id, position, text, findings, asked_at, "
            "voice) VALUES (?, ?, ?, ?, ?, ?)",
            [(session_id, i, q["text"], json.dumps(q["findings"]), stamp,
              None if q.get("voice") is None else json.dumps(q["voice"]))
             for i, q in enumerate(asked, start=start)])


def asked_in(store: Store, session_id: int) -> list[dict[str, Any]]:
    rows = store.query("SELECT text, findings, voice FROM interviewer_questions "
                       "WHERE session_id = ? ORDER BY position", (int(session_id),))
    out = []
    for r in rows:
        try:
            findings = json.loads(r["findings"])
        except ValueError:
            findings = []
        try:
            voice = None if r["voice"] is None else json.loads(r["voice"])
        except ValueError:
            voice = None
        out.append({"text": r["text"], "findings": findings, "voice": voice})
    return out
