"""Groonga with TokenBigram and NormalizerAuto: `groonga -s` (HTTP) on a loopback port,
the worker's own child, stopped at the end (Debian groonga-bin)."""
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request

from procstat import dir_bytes


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Engine:
    name = "groonga"
    setup = ("Groonga (HTTP server), table Lines (TABLE_NO_KEY: plan, line, body LongText), "
             "lexicon TABLE_PAT_KEY with TokenBigram + NormalizerAuto, index column "
             "WITH_POSITION built after the load (static indexing); query: select "
             "--match_columns body --query '\"phrase\"', snippet_html(body), 10 hits, total "
             "from the result; default match_escalation_threshold")

    @classmethod
    def check(cls):
        if shutil.which("groonga") is None:
            return "groonga not found (apt-get install groonga-bin)"
        return None

    def __init__(self, workdir):
        self.dir = os.path.join(workdir, "groonga")
        os.makedirs(self.dir)
        self.db = os.path.join(self.dir, "db")
        self.proc = None
        self.rows = []

    def start(self):
        subprocess.run(["groonga", "-n", self.db, "shutdown"], check=True, capture_output=True)
        self.port = free_port()
        self.log = open(os.path.join(self.dir, "server.log"), "w")
        self.proc = subprocess.Popen(
            ["groonga", "-s", "--protocol", "http", "--bind-address", "127.0.0.1",
             "-p", str(self.port), self.db], stdout=self.log, stderr=subprocess.STDOUT)
        for _ in range(300):
            try:
                self.cmd("status")
                break
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError("groonga exited")
                time.sleep(0.1)
        else:
            raise RuntimeError("groonga did not answer in 30 s")
        self.cmd("table_create", name="Lines", flags="TABLE_NO_KEY")
        self.cmd("column_create", table="Lines", name="plan", flags="COLUMN_SCALAR", type="ShortText")
        self.cmd("column_create", table="Lines", name="line", flags="COLUMN_SCALAR", type="UInt32")
        self.cmd("column_create", table="Lines", name="body", flags="COLUMN_SCALAR", type="LongText")
        self.cmd("table_create", name="Terms", flags="TABLE_PAT_KEY", key_type="ShortText",
                 default_tokenizer="TokenBigram", normalizer="NormalizerAuto")

    def cmd(self, _name, _body=None, **params):
        url = f"http://127.0.0.1:{self.port}/d/{_name}?" + urllib.parse.urlencode(params)
        data = None if _body is None else _body.encode("utf-8")
        req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=3600) as r:
            out = json.loads(r.read())
        header = out[0]
        if header[0] != 0:
            raise RuntimeError(f"groonga {_name}: {header}")
        return out[1]

    def server_pids(self):
        return [self.proc.pid] if self.proc else []

    def add_plan(self, plan, rows):
        self.rows += [{"plan": plan, "line": i, "body": t} for i, t in rows]
        if len(self.rows) >= 20000:
            self._flush()

    def _flush(self):
        if self.rows:
            self.cmd("load", json.dumps(self.rows, ensure_ascii=False), table="Lines")
        self.rows = []

    def finish(self):
        self._flush()
        self.cmd("column_create", table="Terms", name="lines_body",
                 flags="COLUMN_INDEX|WITH_POSITION", type="Lines", source="body")

    @staticmethod
    def query(q):
        return '"' + q.replace("\\", "\\\\").replace('"', '\\"') + '"'

    def search(self, q, limit):
        res = self.cmd("select", table="Lines", match_columns="body", query=self.query(q),
                       output_columns="plan,line,snippet_html(body)", limit=str(limit))[0]
        return res[0][0], [(p, l, "…".join(s or [])) for p, l, s in res[2:]]

    def matches(self, q):
        res = self.cmd("select", table="Lines", match_columns="body", query=self.query(q),
                       output_columns="plan,body", limit="-1")[0]
        return [(p, b) for p, b in res[2:]]

    def index_bytes(self):
        return dir_bytes(self.dir) - os.path.getsize(self.log.name)

    def close(self):
        if self.proc is not None and self.proc.poll() is None:
            try:
                self.cmd("shutdown")
                self.proc.wait(60)
            except Exception:
                self.proc.kill()
                self.proc.wait()
