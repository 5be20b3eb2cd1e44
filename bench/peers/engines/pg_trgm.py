"""PostgreSQL with pg_trgm: a private cluster in the work folder, on a unix socket only,
started as this worker's own child and stopped at the end (Debian postgresql,
postgresql-contrib; pip psycopg2-binary or Debian python3-psycopg2)."""
import io
import os
import pwd
import shutil
import subprocess
import time

try:
    import psycopg2
except ImportError:  # reported by check()
    psycopg2 = None

PORT = 54329
BINDIRS = ["/usr/lib/postgresql/%s/bin" % v for v in ("17", "16", "15", "14", "13")]


def pg_bin(name):
    for d in BINDIRS:
        p = os.path.join(d, name)
        if os.access(p, os.X_OK):
            return p
    return shutil.which(name)


class Engine:
    name = "postgres"
    setup = ("PostgreSQL (server defaults: shared_buffers 128 MB, maintenance_work_mem 64 MB), "
             "database UTF8, locale C.UTF-8; table lines(plan, line, body), loaded with COPY, "
             "then CREATE INDEX USING gin (body gin_trgm_ops) and ANALYZE; query: body LIKE "
             "'%phrase%' (escaped), LIMIT 10 with count(*) OVER (), snippet by strpos/substr; "
             "no ranking")

    @classmethod
    def check(cls):
        if psycopg2 is None:
            return "python module psycopg2 not found (pip install psycopg2-binary)"
        for b in ("initdb", "postgres"):
            if pg_bin(b) is None:
                return f"{b} not found (apt-get install postgresql postgresql-contrib)"
        share = subprocess.run([pg_bin("postgres"), "--version"], capture_output=True, text=True)
        if share.returncode != 0:
            return "postgres --version failed"
        return None

    def __init__(self, workdir):
        self.dir = os.path.join(workdir, "postgres")
        self.data = os.path.join(self.dir, "data")
        os.makedirs(self.dir)
        self.user = None
        if os.geteuid() == 0:  # the server refuses to run as root
            self.user = pwd.getpwnam("postgres")
            os.chown(self.dir, self.user.pw_uid, self.user.pw_gid)
        self.proc = None
        self.conn = None
        self.buffer = io.StringIO()
        self.buffered = 0

    def _as_owner(self):
        if self.user is None:
            return {}
        return {"user": self.user.pw_uid, "group": self.user.pw_gid, "extra_groups": []}

    def start(self):
        subprocess.run([pg_bin("initdb"), "-D", self.data, "-E", "UTF8", "--locale=C.UTF-8",
                        "-A", "trust", "-U", "postgres"], check=True, capture_output=True,
                       cwd=self.dir, **self._as_owner())
        self.log = open(os.path.join(self.dir, "log"), "w")
        self.proc = subprocess.Popen(
            [pg_bin("postgres"), "-D", self.data, "-k", self.dir, "-p", str(PORT),
             "-c", "listen_addresses="],
            stdout=self.log, stderr=subprocess.STDOUT, cwd=self.dir, **self._as_owner())
        for _ in range(300):
            try:
                self.conn = psycopg2.connect(host=self.dir, port=PORT, user="postgres",
                                             dbname="postgres")
                break
            except psycopg2.OperationalError:
                if self.proc.poll() is not None:
                    raise RuntimeError("postgres exited: " + open(self.log.name).read()[-400:])
                time.sleep(0.1)
        else:
            raise RuntimeError("postgres did not accept connections in 30 s")
        self.conn.autocommit = True
        cur = self.conn.cursor()
        cur.execute("CREATE EXTENSION pg_trgm")
        cur.execute("CREATE TABLE lines (plan text, line int, body text)")

    def server_pids(self):
        return [self.proc.pid] if self.proc else []

    def add_plan(self, plan, rows):
        for i, t in rows:
            self.buffer.write(f"{plan}\t{i}\t{t.replace(chr(92), chr(92) * 2)}\n")
        self.buffered += len(rows)
        if self.buffered >= 20000:
            self._flush()

    def _flush(self):
        self.buffer.seek(0)
        self.conn.cursor().copy_expert("COPY lines (plan, line, body) FROM STDIN", self.buffer)
        self.buffer = io.StringIO()
        self.buffered = 0

    def finish(self):
        self._flush()
        cur = self.conn.cursor()
        cur.execute("CREATE INDEX lines_trgm ON lines USING gin (body gin_trgm_ops)")
        cur.execute("ANALYZE lines")

    @staticmethod
    def like(q):
        return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"

    def search(self, q, limit):
        cur = self.conn.cursor()
        cur.execute(
            "SELECT plan, line, replace(substr(body, greatest(1, strpos(body, %s) - 30), "
            "length(%s) + 60), %s, '[' || %s || ']'), count(*) OVER () "
            "FROM lines WHERE body LIKE %s LIMIT %s", (q, q, q, q, self.like(q), limit))
        rows = cur.fetchall()
        total = rows[0][3] if rows else 0
        return total, [r[:3] for r in rows]

    def matches(self, q):
        cur = self.conn.cursor()
        cur.execute("SELECT plan, body FROM lines WHERE body LIKE %s", (self.like(q),))
        return cur.fetchall()

    def index_bytes(self):
        cur = self.conn.cursor()
        cur.execute("SELECT pg_total_relation_size('lines')")
        return cur.fetchone()[0]

    def close(self):
        if self.conn is not None:
            self.conn.close()
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(2)  # SIGINT: fast shutdown
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
