"""Whoosh (pure Python) with jieba's ChineseAnalyzer (pip whoosh-reloaded jieba)."""
import os

from procstat import dir_bytes

try:
    import jieba
    from jieba.analyse import ChineseAnalyzer
    from whoosh import fields, index
    from whoosh.highlight import ContextFragmenter, HtmlFormatter
    from whoosh.qparser import QueryParser
    MISSING = None
except ImportError as e:  # reported by check()
    MISSING = str(e)


class Engine:
    name = "whoosh"
    setup = ("Whoosh 2.7 with jieba.analyse.ChineseAnalyzer (jieba search mode, lowercase, "
             "stop words, stemming) on a stored TEXT field; one document per line; one writer "
             "(procs=1, limitmb=256), one commit; query: QueryParser on '\"phrase\"' (a phrase "
             "of jieba words, or one term), 10 hits with highlights(); total = len(results)")

    @classmethod
    def check(cls):
        if MISSING:
            return f"{MISSING} (pip install whoosh-reloaded jieba)"
        return None

    def __init__(self, workdir):
        jieba.setLogLevel(60)
        jieba.initialize()
        self.path = os.path.join(workdir, "whoosh")
        os.makedirs(self.path)
        schema = fields.Schema(plan=fields.ID(stored=True), line=fields.STORED,
                               body=fields.TEXT(stored=True, analyzer=ChineseAnalyzer()))
        self.ix = index.create_in(self.path, schema)
        self.writer = self.ix.writer(procs=1, limitmb=256)
        self.searcher = None

    def start(self):
        pass

    def server_pids(self):
        return []

    def add_plan(self, plan, rows):
        for i, t in rows:
            self.writer.add_document(plan=plan, line=i, body=t)

    def finish(self):
        self.writer.commit()
        self.searcher = self.ix.searcher()
        self.parser = QueryParser("body", self.ix.schema)

    def _query(self, q):
        return self.parser.parse('"' + q.replace('"', '') + '"')

    def search(self, q, limit):
        results = self.searcher.search(self._query(q), limit=limit)
        results.fragmenter = ContextFragmenter(maxchars=120, surround=30)
        results.formatter = HtmlFormatter(tagname="b")
        hits = [(h["plan"], h["line"], h.highlights("body")) for h in results]
        return len(results), hits

    def matches(self, q):
        for h in self.searcher.search(self._query(q), limit=None):
            yield h["plan"], h["body"]

    def index_bytes(self):
        return dir_bytes(self.path)

    def close(self):
        if self.searcher is not None:
            self.searcher.close()
