"""Notes API: a table of (method, pattern) routes and a storage class.

Written apart from the reference: routes are data, handlers are methods, the
reason phrases come from http.HTTPStatus, and the response is a generator.
"""

import json
import re
import sqlite3
from http import HTTPStatus
from urllib.parse import parse_qsl


class BadRequest(ValueError):
    pass


class Notes:
    def __init__(self, path):
        self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.db.execute("create table if not exists note ("
                        "id integer primary key, title text, body text, tags text)")

    def insert(self, title, body, tags):
        cur = self.db.execute("insert into note (title, body, tags) values (?, ?, ?)",
                              (title, body, json.dumps(tags)))
        return self.one(cur.lastrowid)

    def one(self, note_id):
        row = self.db.execute("select id, title, body, tags from note where id = ?",
                              (note_id,)).fetchone()
        return None if row is None else {"id": row[0], "title": row[1], "body": row[2],
                                         "tags": json.loads(row[3])}

    def every(self):
        ids = [r[0] for r in self.db.execute("select id from note order by id")]
        return [self.one(i) for i in ids]

    def drop(self, note_id):
        return self.db.execute("delete from note where id = ?", (note_id,)).rowcount == 1


def read_note(raw):
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise BadRequest("request body must be JSON") from None
    if not isinstance(data, dict) or not isinstance(data.get("title"), str) or data["title"] == "":
        raise BadRequest("a note needs a non-empty title")
    tags = data.get("tags", [])
    if not isinstance(tags, list):
        raise BadRequest("tags must be a list")
    return data["title"], str(data.get("body", "")), [str(t) for t in tags]


class Api:
    def __init__(self, path):
        self.notes = Notes(path)
        self.routes = [
            ("GET", re.compile(r"/notes/?"), self.list_notes),
            ("POST", re.compile(r"/notes/?"), self.create),
            ("GET", re.compile(r"/notes/(\d+)"), self.show),
            ("DELETE", re.compile(r"/notes/(\d+)"), self.delete),
        ]

    def list_notes(self, query, raw):
        wanted = dict(parse_qsl(query)).get("tag")
        notes = self.notes.every()
        if wanted is not None:
            notes = [n for n in notes if wanted in n["tags"]]
        return 200, {"notes": notes}

    def create(self, query, raw):
        return 201, self.notes.insert(*read_note(raw))

    def show(self, query, raw, note_id):
        note = self.notes.one(int(note_id))
        return (200, note) if note else (404, {"error": "note not found"})

    def delete(self, query, raw, note_id):
        return (204, None) if self.notes.drop(int(note_id)) else (404, {"error": "note not found"})

    def dispatch(self, method, path, query, raw):
        known_path = False
        for verb, pattern, handler in self.routes:
            match = pattern.fullmatch(path)
            if match:
                known_path = True
                if verb == method:
                    try:
                        return handler(query, raw, *match.groups())
                    except BadRequest as exc:
                        return 400, {"error": str(exc)}
        if known_path:
            return 405, {"error": "method not allowed"}
        return 404, {"error": "not found"}

    def __call__(self, environ, start_response):
        size = int(environ.get("CONTENT_LENGTH") or 0)
        raw = environ["wsgi.input"].read(size) if size > 0 else b""
        code, payload = self.dispatch(environ["REQUEST_METHOD"], environ.get("PATH_INFO", "/"),
                                      environ.get("QUERY_STRING", ""), raw)
        body = b"" if code == 204 else json.dumps(payload).encode()
        start_response(f"{code} {HTTPStatus(code).phrase}",
                       [("Content-Type", "application/json")] if body else [])
        yield body


def make_app(db_path):
    return Api(db_path)


if __name__ == "__main__":
    from wsgiref.simple_server import make_server

    make_server("127.0.0.1", 8000, make_app("notes.db")).serve_forever()
