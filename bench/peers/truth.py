"""The brute-force side of the comparison: phrases, normalised corpus lines, true counts.

Normalisation is the one of ../shared/eval/score.py (the project's scorer): `**` removed,
NFKC, white space removed; web-page residue lines (归档时间/来源/浏览量:) are not plan text.
The peers are fed exactly these normalised lines (one record per non-empty line), so what
they miss is their index's doing, not the input's.
"""
import re
import time
import unicodedata
from pathlib import Path

RESIDUE = re.compile(r"\s*(归档时间|来源|浏览量)\s*[:：]")
SPACE = re.compile(r"\s+")
LENGTH_CLASSES = ("2", "3", "4-5", "6+")


def norm(s):
    """The comparison form of a text: no markdown bold, NFKC width folding, no white space."""
    s = unicodedata.normalize("NFKC", (s or "").replace("**", ""))
    return SPACE.sub("", s)


def load_phrases(path):
    """The evaluation phrases, one a line; `#` starts a comment line."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [l.strip() for l in lines if l.strip() and not l.startswith("#")]


def length_class(phrase):
    """The length class of a phrase, counted in characters of its normalised form."""
    n = len(norm(phrase))
    if n <= 2:
        return "2"
    if n == 3:
        return "3"
    if n <= 5:
        return "4-5"
    return "6+"


def plan_lines(text):
    """(1-based line number, normalised text) of every line that is plan text and not empty."""
    out = []
    for i, line in enumerate(text.splitlines(), 1):
        if RESIDUE.match(line):
            continue
        t = norm(line)
        if t:
            out.append((i, t))
    return out


def plan_files(corpus):
    """The plan files of a corpus folder, sorted (the order every peer ingests them in)."""
    return sorted(p for p in Path(corpus).iterdir()
                  if p.suffix in (".txt", ".md") and not p.stem.lower().startswith("readme"))


def escape(text):
    """A normalised line as one field of a tab-separated record (PostgreSQL COPY text form).
    Normalised lines hold no white space, so only the backslash needs escaping."""
    return text.replace("\\", "\\\\")


def unescape(field):
    return field.replace("\\\\", "\\")


def count_truth(plans, phrases):
    """{phrase: {plan: occurrences}} over whole-plan texts (lines joined, as the scorer does),
    plans where the phrase does not occur left out."""
    truth = {}
    for ph in phrases:
        q = norm(ph)
        truth[ph] = {p: t.count(q) for p, t in plans.items() if q in t}
    return truth


def build(corpus, records_path, phrases):
    """Reads every plan of `corpus` once: writes the peers' records (plan, line, text as
    tab-separated lines) and counts every phrase in every plan, whole-plan and per line.
    Returns a dict with `truth`, `line_truth`, `plans` (ids in ingest order), `bytes`,
    `records` and the seconds the reading and normalising took."""
    t0 = time.monotonic()
    cpu0 = time.process_time()
    queries = {ph: norm(ph) for ph in phrases}
    truth = {ph: {} for ph in phrases}
    line_truth = {ph: {} for ph in phrases}
    plans, total_bytes, records = [], 0, 0
    with open(records_path, "w", encoding="utf-8") as out:
        for f in plan_files(corpus):
            raw = f.read_bytes()
            total_bytes += len(raw)
            lines = plan_lines(raw.decode("utf-8", errors="replace"))
            plan = f.stem
            plans.append(plan)
            whole = "".join(t for _, t in lines)
            # a phrase never holds NUL, so no occurrence crosses it: counts within lines
            apart = "\0".join(t for _, t in lines)
            for ph, q in queries.items():
                n = whole.count(q)
                if n:
                    truth[ph][plan] = n
                    n = apart.count(q)
                    if n:
                        line_truth[ph][plan] = n
            for i, t in lines:
                out.write(f"{plan}\t{i}\t{escape(t)}\n")
            records += len(lines)
    return {
        "truth": truth,
        "line_truth": line_truth,
        "plans": plans,
        "bytes": total_bytes,
        "records": records,
        "seconds": time.monotonic() - t0,
        "cpu_seconds": time.process_time() - cpu0,
    }


def read_records(records_path):
    """Yields (plan, [(line, text), ...]) for each plan of a records file, in file order."""
    plan, rows = None, []
    with open(records_path, encoding="utf-8") as f:
        for rec in f:
            p, line, text = rec.rstrip("\n").split("\t", 2)
            if p != plan:
                if plan is not None:
                    yield plan, rows
                plan, rows = p, []
            rows.append((int(line), unescape(text)))
    if plan is not None:
        yield plan, rows
