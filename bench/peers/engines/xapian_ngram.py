"""Xapian with CJK n-grams (Debian python3-xapian, bound to Debian's /usr/bin/python3)."""
import os

from procstat import dir_bytes

try:
    import xapian
except ImportError:  # reported by check()
    xapian = None


class Engine:
    name = "xapian"
    setup = ("Xapian 1.4 glass database, TermGenerator with FLAG_CJK_NGRAM (CJK unigrams with "
             "positions, bigrams without); one document per line, data = plan, line, text; "
             "query: QueryParser FLAG_PHRASE|FLAG_CJK_NGRAM|FLAG_DEFAULT on '\"phrase\"', "
             "MSet.snippet(SNIPPET_CJK_NGRAM); exact total (checkatleast = all documents)")

    @classmethod
    def check(cls):
        if xapian is None:
            return "python module xapian not found (apt-get install python3-xapian; it binds /usr/bin/python3)"
        if not hasattr(xapian.TermGenerator, "FLAG_CJK_NGRAM"):
            return f"Xapian {xapian.version_string()} has no FLAG_CJK_NGRAM"
        return None

    def __init__(self, workdir):
        self.path = os.path.join(workdir, "xapian")
        self.db = xapian.WritableDatabase(self.path, xapian.DB_CREATE_OR_OVERWRITE)
        self.tg = xapian.TermGenerator()
        self.tg.set_flags(xapian.TermGenerator.FLAG_CJK_NGRAM)
        self.qp = xapian.QueryParser()
        self.qp.set_database(self.db)
        self.flags = (xapian.QueryParser.FLAG_PHRASE | xapian.QueryParser.FLAG_CJK_NGRAM
                      | xapian.QueryParser.FLAG_DEFAULT)
        self.stem = xapian.Stem("none")

    def start(self):
        pass

    def server_pids(self):
        return []

    def add_plan(self, plan, rows):
        for i, t in rows:
            doc = xapian.Document()
            self.tg.set_document(doc)
            self.tg.index_text(t)
            doc.set_data(f"{plan}\t{i}\t{t}")
            self.db.add_document(doc)

    def finish(self):
        self.db.commit()

    def _mset(self, q, limit):
        enquire = xapian.Enquire(self.db)
        enquire.set_query(self.qp.parse_query('"' + q.replace('"', '') + '"', self.flags))
        return enquire.get_mset(0, limit, self.db.get_doccount())

    def search(self, q, limit):
        mset = self._mset(q, limit)
        hits = []
        for m in mset:
            plan, line, text = m.document.get_data().decode("utf-8").split("\t", 2)
            snip = mset.snippet(text, 120, self.stem, xapian.MSet.SNIPPET_CJK_NGRAM, "[", "]", "…")
            hits.append((plan, int(line), snip.decode("utf-8") if isinstance(snip, bytes) else snip))
        return mset.get_matches_estimated(), hits

    def matches(self, q):
        for m in self._mset(q, self.db.get_doccount()):
            plan, _, text = m.document.get_data().decode("utf-8").split("\t", 2)
            yield plan, text

    def index_bytes(self):
        return dir_bytes(self.path)

    def close(self):
        self.db.close()
