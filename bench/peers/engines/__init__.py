"""The peers, one module each, all with the same shape (see `worker.py`, which drives them):

    class Engine:
        name, setup          # setup: how the peer is configured (for the JSON and the README)
        check() -> None | str            # classmethod: None if usable here, else why not
        __init__(workdir)                # workdir: an empty folder of its own
        start()                          # servers start here (untimed)
        server_pids() -> [pid]           # processes besides the worker, for CPU and memory
        add_plan(plan, rows)             # rows: [(line number, normalised text)]
        finish()                         # commit, build indexes (timed with the ingest)
        search(q, limit) -> (total, [(plan, line, snippet)])   # q: the normalised phrase
        matches(q) -> iterable of (plan, text)                  # every matching record
        index_bytes() -> int
        close()                          # servers stop here

One record per non-empty line of a plan (a paragraph; most clauses are one line), with
its plan id and line number.
"""
ENGINES = {"fts5": "fts5", "xapian": "xapian_ngram", "postgres": "pg_trgm", "groonga": "groonga_bigram", "whoosh": "whoosh_jieba"}
"""Peer name → module of this package."""
