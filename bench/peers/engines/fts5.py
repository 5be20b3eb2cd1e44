"""SQLite FTS5 with the trigram tokenizer (Python's sqlite3; SQLite 3.34 or later)."""
import os
import sqlite3


class Engine:
    name = "fts5"
    setup = ("SQLite FTS5, tokenize='trigram' (case-insensitive), detail=full; one row per line "
             "(body indexed, plan and line UNINDEXED); inserted in one transaction; "
             "query: body MATCH '\"phrase\"', ORDER BY rank (bm25), snippet(); total by count(*)")

    @classmethod
    def check(cls):
        try:
            c = sqlite3.connect(":memory:")
            c.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram')")
            c.close()
        except sqlite3.Error as e:
            return f"SQLite {sqlite3.sqlite_version} has no FTS5 trigram tokenizer ({e}); needs 3.34+"
        return None

    def __init__(self, workdir):
        self.path = os.path.join(workdir, "fts5.db")
        self.db = sqlite3.connect(self.path)
        self.db.execute("CREATE VIRTUAL TABLE lines USING fts5(body, plan UNINDEXED, "
                        "line UNINDEXED, tokenize='trigram')")
        self.db.execute("BEGIN")

    def start(self):
        pass

    def server_pids(self):
        return []

    def add_plan(self, plan, rows):
        self.db.executemany("INSERT INTO lines(body, plan, line) VALUES (?, ?, ?)",
                            ((t, plan, i) for i, t in rows))

    def finish(self):
        self.db.commit()

    @staticmethod
    def phrase(q):
        return '"' + q.replace('"', '""') + '"'

    def search(self, q, limit):
        m = self.phrase(q)
        total = self.db.execute("SELECT count(*) FROM lines WHERE lines MATCH ?", (m,)).fetchone()[0]
        hits = self.db.execute(
            "SELECT plan, line, snippet(lines, 0, '[', ']', '…', 24) FROM lines "
            "WHERE lines MATCH ? ORDER BY rank LIMIT ?", (m, limit)).fetchall()
        return total, hits

    def matches(self, q):
        return self.db.execute("SELECT plan, body FROM lines WHERE lines MATCH ?", (self.phrase(q),))

    def index_bytes(self):
        return os.path.getsize(self.path)

    def close(self):
        self.db.close()
