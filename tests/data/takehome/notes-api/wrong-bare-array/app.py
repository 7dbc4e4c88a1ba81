"""WRONG: GET /notes answers a bare JSON array, where the brief asks for {"notes": [...]}.

Notes API in one function: an if-chain over (method, path), sqlite3.Row rows.

Tags are stored as a JSON text column; the tag filter uses SQLite's
json_each so the database does the work.
"""

import json
import sqlite3
import urllib.parse

STATUS = {200: "200 OK", 201: "201 Created", 204: "204 No Content",
          400: "400 Bad Request", 404: "404 Not Found", 405: "405 Method Not Allowed"}


def make_app(db_path):
    conn = sqlite3.connect(db_path, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, title TEXT NOT NULL,"
                 " body TEXT NOT NULL DEFAULT '', tags TEXT NOT NULL DEFAULT '[]')")
    conn.commit()

    def as_dict(row):
        return {"id": row["id"], "title": row["title"], "body": row["body"],
                "tags": json.loads(row["tags"])}

    def handle(method, path, query, raw):
        parts = [p for p in path.split("/") if p]
        if parts == ["notes"] and method == "GET":
            tag = urllib.parse.parse_qs(query).get("tag", [None])[0]
            if tag is None:
                rows = conn.execute("SELECT * FROM notes ORDER BY id").fetchall()
            else:
                rows = conn.execute("SELECT * FROM notes WHERE EXISTS (SELECT 1 FROM "
                                    "json_each(notes.tags) WHERE value = ?) ORDER BY id",
                                    (tag,)).fetchall()
            return 200, [as_dict(r) for r in rows]
        if parts == ["notes"] and method == "POST":
            try:
                note = json.loads(raw)
            except (ValueError, UnicodeDecodeError):
                return 400, {"error": "expected a JSON body"}
            title = note.get("title") if isinstance(note, dict) else None
            if not isinstance(title, str) or not title.strip():
                return 400, {"error": "title must be a non-empty string"}
            cur = conn.execute("INSERT INTO notes (title, body, tags) VALUES (?, ?, ?)",
                               (title.strip(), note.get("body", ""),
                                json.dumps(note.get("tags", []))))
            conn.commit()
            row = conn.execute("SELECT * FROM notes WHERE id = ?", (cur.lastrowid,)).fetchone()
            return 201, as_dict(row)
        if len(parts) == 2 and parts[0] == "notes":
            try:
                note_id = int(parts[1])
            except ValueError:
                return 404, {"error": "no such note"}
            row = conn.execute("SELECT * FROM notes WHERE id = ?", (note_id,)).fetchone()
            if row is None:
                return 404, {"error": "no such note"}
            if method == "GET":
                return 200, as_dict(row)
            if method == "DELETE":
                conn.execute("DELETE FROM notes WHERE id = ?", (note_id,))
                conn.commit()
                return 204, None
            return 405, {"error": "method not allowed"}
        if parts == ["notes"]:
            return 405, {"error": "method not allowed"}
        return 404, {"error": "no such endpoint"}

    def app(environ, start_response):
        raw = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        status, data = handle(environ["REQUEST_METHOD"], environ.get("PATH_INFO", ""),
                              environ.get("QUERY_STRING", ""), raw)
        if data is None:
            start_response(STATUS[status], [])
            return []
        out = json.dumps(data).encode("utf-8")
        start_response(STATUS[status], [("Content-Type", "application/json; charset=utf-8")])
        return [out]

    return app


if __name__ == "__main__":
    from wsgiref.simple_server import make_server

    make_server("127.0.0.1", 8000, make_app("notes.db")).serve_forever()
