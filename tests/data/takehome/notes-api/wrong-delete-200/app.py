"""WRONG: DELETE answers 200 with a JSON body, where the brief asks for 204 with an empty body.

Notes API with tags in their own table and the tag filter done in SQL.

Routing walks the path with wsgiref.util.shift_path_info; whitespace-only titles
are stored as given (the brief only forbids a missing or empty title).
"""

import json
import sqlite3
from contextlib import closing
from urllib.parse import parse_qs
from wsgiref.util import shift_path_info

SCHEMA = """
CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT, body TEXT);
CREATE TABLE IF NOT EXISTS tags (note_id INTEGER REFERENCES notes(id) ON DELETE CASCADE,
                                 position INTEGER, name TEXT);
"""


def connect(path):
    db = sqlite3.connect(path)
    db.execute("PRAGMA foreign_keys = ON")
    return db


def load_note(db, note_id):
    row = db.execute("SELECT id, title, body FROM notes WHERE id = ?", (note_id,)).fetchone()
    if row is None:
        return None
    tags = [name for (name,) in db.execute(
        "SELECT name FROM tags WHERE note_id = ? ORDER BY position", (note_id,))]
    return {"id": row[0], "title": row[1], "body": row[2], "tags": tags}


def respond(start_response, status, data=None):
    reasons = {200: "OK", 201: "Created", 204: "No Content", 400: "Bad Request",
               404: "Not Found", 405: "Method Not Allowed"}
    body = b"" if data is None else json.dumps(data).encode("utf-8")
    start_response(f"{status} {reasons[status]}",
                   [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]


def make_app(db_path):
    with closing(connect(db_path)) as db, db:
        db.executescript(SCHEMA)

    def app(environ, start_response):
        method = environ["REQUEST_METHOD"]
        if shift_path_info(environ) != "notes":
            return respond(start_response, 404, {"error": "unknown path"})
        rest = shift_path_info(environ)
        with closing(connect(db_path)) as db, db:
            if rest in (None, ""):
                if method == "GET":
                    tag = parse_qs(environ.get("QUERY_STRING", "")).get("tag")
                    if tag:
                        ids = db.execute("SELECT DISTINCT note_id FROM tags WHERE name = ? "
                                         "ORDER BY note_id", (tag[0],)).fetchall()
                    else:
                        ids = db.execute("SELECT id FROM notes ORDER BY id").fetchall()
                    return respond(start_response, 200,
                                   {"notes": [load_note(db, i) for (i,) in ids]})
                if method == "POST":
                    length = int(environ.get("CONTENT_LENGTH") or "0")
                    try:
                        data = json.loads(environ["wsgi.input"].read(length) or b"")
                    except ValueError:
                        return respond(start_response, 400, {"error": "the body is not JSON"})
                    if not isinstance(data, dict) or not data.get("title"):
                        return respond(start_response, 400, {"error": "title is required"})
                    cur = db.execute("INSERT INTO notes (title, body) VALUES (?, ?)",
                                     (str(data["title"]), str(data.get("body", ""))))
                    for position, name in enumerate(data.get("tags") or []):
                        db.execute("INSERT INTO tags VALUES (?, ?, ?)",
                                   (cur.lastrowid, position, str(name)))
                    return respond(start_response, 201, load_note(db, cur.lastrowid))
                return respond(start_response, 405, {"error": "use GET or POST"})
            if not rest.isdigit() or environ.get("PATH_INFO"):
                return respond(start_response, 404, {"error": "unknown path"})
            note = load_note(db, int(rest))
            if note is None:
                return respond(start_response, 404, {"error": f"no note {rest}"})
            if method == "GET":
                return respond(start_response, 200, note)
            if method == "DELETE":
                db.execute("DELETE FROM notes WHERE id = ?", (note["id"],))
                return respond(start_response, 200, {"deleted": note["id"]})
            return respond(start_response, 405, {"error": "use GET or DELETE"})

    return app


if __name__ == "__main__":
    from wsgiref.simple_server import make_server

    with make_server("127.0.0.1", 8000, make_app("notes.db")) as server:
        server.serve_forever()
