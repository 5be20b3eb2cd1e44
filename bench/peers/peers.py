#!/usr/bin/env python3
"""fangan against the tools researchers would use instead, on one synthetic corpus.

Generates the corpus of `fangan-bench` (same seeds, same generator), counts every evaluation
phrase in it by brute force, then for fangan, ripgrep and each installed peer (SQLite FTS5
trigram, Xapian CJK n-grams, PostgreSQL pg_trgm, Groonga TokenBigram, Whoosh + jieba)
measures ingest speed and CPU, index size, peak memory, phrase-query p50/p99 with snippets,
and the share of the true occurrences found per phrase length. Prints the absolute figures
and their ratios against fangan; writes everything as JSON. See README.md here.

    python3 bench/peers/peers.py                       # 100 MB, every installed peer
    python3 bench/peers/peers.py --smoke                  # quick check that every part runs
    python3 bench/peers/peers.py --size-mb 1024 --cap-seconds 900
"""
import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from engines import ENGINES  # noqa: E402
from procstat import dir_bytes  # noqa: E402
from report import completeness, found_by_plan, percentile, table  # noqa: E402
from truth import build, load_phrases, plan_files  # noqa: E402

REPO = HERE.parent.parent
INTERPRETERS = [sys.executable, "/usr/bin/python3"]


def run_measured(cmd, stdout_path, timeout=None, **kw):
    """Runs `cmd` with its output in a file; returns (exit status, wall seconds, CPU seconds
    of the child and its waited children, their max RSS in MB). A child still running after
    `timeout` seconds is killed (status -9)."""
    with open(stdout_path, "wb") as out, open(str(stdout_path) + ".err", "wb") as err:
        t0 = time.monotonic()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, start_new_session=True, **kw)
        timer = None
        if timeout:
            timer = threading.Timer(timeout, lambda: os.killpg(proc.pid, signal.SIGKILL))
            timer.start()
        _, status, ru = os.wait4(proc.pid, 0)
        wall = time.monotonic() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        if timer:
            timer.cancel()
    return proc.returncode, wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024


def tail(path, n=600):
    try:
        return Path(path).read_text(errors="replace")[-n:].strip()
    except OSError:
        return ""


# ----------------------------------------------------------------------------- corpus
def generate(args, corpus):
    cmd = [str(args.fangan_bench), "--generate-only", "--size-mb", str(args.size_mb),
           "--corpus", str(corpus), "--seeds", str(REPO / "seeds")]
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit(f"fangan-bench --generate-only failed: {res.stderr.strip()[-400:]}")


# ----------------------------------------------------------------------------- fangan
def quote(phrase):
    return '"' + phrase.replace("\\", "\\\\").replace('"', '\\"') + '"'


def run_fangan(args, corpus, phrases, work):
    """fangan: `fangan ingest` (timed as a child process), queries in-process by
    `fangan-bench --reuse-index`, completeness from `fangan search --format json`."""
    r = {"name": "fangan", "setup": "fangan ingest CORPUS --index DIR (default settings); "
         "queries timed by fangan-bench --reuse-index (10 hits with highlights and the total)",
         "records": "one per clause (fangan's parser)"}
    index = work / "fangan-index"
    shutil.rmtree(index, ignore_errors=True)
    out = work / "fangan-ingest.json"
    rc, wall, cpu, rss = run_measured(
        [str(args.fangan), "ingest", str(corpus), "--index", str(index), "--format", "json"], out)
    if rc != 0:
        return {**r, "status": "error", "reason": f"fangan ingest exit {rc}: {tail(str(out) + '.err')}"}
    summary = json.loads(Path(out).read_text())
    r["ingest"] = {"seconds": wall, "cpu_seconds": cpu, "clauses": summary.get("clauses_total")}
    r["index_bytes"] = dir_bytes(index)
    out = work / "fangan-queries.txt"
    rc, _, _, qrss = run_measured(
        [str(args.fangan_bench), "--reuse-index", "--index", str(index), "--corpus", str(corpus),
         "--size-mb", str(args.size_mb), "--seeds", str(REPO / "seeds"), "--no-rg", "--no-commands",
         "--rounds", str(args.rounds)], out)
    if rc != 0:
        return {**r, "status": "error", "reason": f"fangan-bench exit {rc}: {tail(str(out) + '.err')}"}
    r["queries"] = parse_fangan_bench(Path(out).read_text())
    r["peak_mb"] = max(rss, qrss)
    r["peak_detail"] = {"ingest_maxrss_mb": rss, "queries_maxrss_mb": qrss}
    limit = str(max(1, summary.get("clauses_total") or 1))
    found, false_records, errors = {}, {}, {}
    for ph in phrases:
        res = subprocess.run([str(args.fangan), "search", quote(ph), "--index", str(index),
                              "--limit", limit, "--format", "json"], capture_output=True)
        try:
            hits = json.loads(res.stdout).get("hits", []) if res.stdout.strip() else []
        except json.JSONDecodeError:
            errors[ph] = f"exit {res.returncode}: {tail_text(res.stderr.decode(errors='replace'))}"
            hits = []
        found[ph], bad = found_by_plan(ph, ((h["plan"], h["text"]) for h in hits))
        if bad:
            false_records[ph] = bad
    r["found"], r["false_records"], r["status"] = found, false_records, "ok"
    r["queries"]["errors"] = errors
    r["plans_ingested"] = None
    return r


def parse_fangan_bench(text):
    """The query figures of fangan-bench's output line
    `phrase queries with snippets: N runs, p50 X ms, p99 Y ms, max Z ms (...)`."""
    for line in text.splitlines():
        if line.startswith("phrase queries with snippets:"):
            fig = {}
            for part in line.split(":", 1)[1].split(","):
                words = part.split()
                if len(words) >= 2 and words[0] in ("p50", "p99", "max"):
                    fig[words[0] + "_ms"] = float(words[1])
                elif len(words) >= 2 and words[1] == "runs":
                    fig["runs"] = int(words[0])
            return fig
    raise ValueError("no 'phrase queries with snippets' line in fangan-bench's output")


# ----------------------------------------------------------------------------- ripgrep
def parse_rg_counts(text):
    """{plan: occurrences} from `rg --count-matches` output lines `PATH:N`."""
    out = {}
    for line in text.splitlines():
        path, _, n = line.rpartition(":")
        if path and n.isdigit():
            out[Path(path).stem] = out.get(Path(path).stem, 0) + int(n)
    return out


def run_rg(args, corpus, phrases):
    """ripgrep over the raw files: the speed baseline (one scan per query, no index) and
    what a plain substring search of the unnormalised text finds."""
    r = {"name": "rg", "setup": "rg -F --count-matches PHRASE CORPUS (raw text, no "
         "normalisation), timed per phrase", "records": "files"}
    if shutil.which("rg") is None:
        return {**r, "status": "skipped", "reason": "rg not found (apt-get install ripgrep)"}
    times, found = [], {}
    for _ in range(args.rg_rounds):
        for ph in phrases:
            t = time.perf_counter()
            res = subprocess.run(["rg", "-F", "--count-matches", "--no-messages", "--", ph,
                                  str(corpus)], capture_output=True, text=True)
            times.append((time.perf_counter() - t) * 1000)
            found[ph] = parse_rg_counts(res.stdout)
    r["queries"] = {"runs": len(times), "p50_ms": percentile(times, 0.5),
                    "p99_ms": percentile(times, 0.99), "max_ms": max(times)}
    r["found"], r["status"], r["index_bytes"], r["plans_ingested"] = found, "ok", 0, None
    return r


# ----------------------------------------------------------------------------- peers
def pick_interpreter(peer):
    """The first Python that can run the peer here, or (None, why not)."""
    reason = None
    for py in dict.fromkeys(INTERPRETERS):
        if not os.access(py, os.X_OK):
            continue
        res = subprocess.run([py, str(HERE / "worker.py"), "--check", peer],
                             capture_output=True, text=True)
        try:
            verdict = json.loads(res.stdout)
        except json.JSONDecodeError:
            verdict = {"ok": False, "reason": tail_text(res.stderr)}
        if verdict["ok"]:
            return py, None
        reason = reason or verdict["reason"]
    return None, reason


def tail_text(s, n=300):
    return (s or "").strip()[-n:]


def run_peer(args, peer, records, work):
    py, why = pick_interpreter(peer)
    if py is None:
        return {"name": peer, "status": "skipped", "reason": why}
    pdir = work / f"peer-{peer}"
    shutil.rmtree(pdir, ignore_errors=True)
    pdir.mkdir(parents=True)
    os.chmod(pdir, 0o755)
    out = work / f"peer-{peer}.json"
    out.unlink(missing_ok=True)
    cmd = [py, str(HERE / "worker.py"), peer, "--records", str(records),
           "--phrases", str(args.phrases), "--workdir", str(pdir), "--out", str(out),
           "--rounds", str(args.rounds), "--cap-seconds", str(args.cap_seconds)]
    rc, wall, _, _ = run_measured(cmd, work / f"peer-{peer}.log",
                                  timeout=args.cap_seconds * 3 + 1800)
    if not out.exists():
        return {"name": peer, "status": "error",
                "reason": f"worker exit {rc} after {wall:.0f} s: {tail(str(work / f'peer-{peer}.log') + '.err', 300)}"}
    return json.loads(out.read_text())


# ----------------------------------------------------------------------------- figures
def finish(result, sizes, phrases, truth, total_bytes):
    """Adds MB/s, CPU-s/MB and completeness to a tool's raw result (in place)."""
    plans = result.get("plans_ingested")
    mb = (total_bytes if plans is None else sum(sizes.get(p, 0) for p in plans)) / 1048576
    ing = result.get("ingest")
    if ing:
        ing["mb"] = mb
        ing["mb_per_s"] = mb / ing["seconds"] if ing["seconds"] else None
        ing["cpu_s_per_mb"] = ing["cpu_seconds"] / mb if mb else None
    if "found" in result:
        result["completeness"] = completeness(phrases, truth, result["found"], plans)
        keep = None if plans is None else set(plans)
        result["per_phrase_found"] = {
            ph: [sum(min(result["found"][ph].get(p, 0), n) for p, n in truth[ph].items()
                     if keep is None or p in keep),
                 sum(n for p, n in truth[ph].items() if keep is None or p in keep)]
            for ph in phrases}
        del result["found"]
    if isinstance(plans, list):
        result["plans_ingested"] = len(plans)
    return result


def worst_misses(result, n=6):
    rows = [(t - f, ph, f, t) for ph, (f, t) in (result.get("per_phrase_found") or {}).items() if t]
    rows.sort(reverse=True)
    return [f"{ph} {f}/{t}" for miss, ph, f, t in rows[:n] if miss > 0]


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size-mb", type=int, default=100, help="corpus size (default 100)")
    ap.add_argument("--workdir", type=Path, default=REPO / "target" / "peers",
                    help="corpus, indexes and results (default target/peers)")
    ap.add_argument("--peers", default=",".join(ENGINES),
                    help="comma-separated peers to try (default: all): " + ",".join(ENGINES))
    ap.add_argument("--rounds", type=int, default=5, help="rounds over the phrases (default 5)")
    ap.add_argument("--rg-rounds", type=int, default=1, help="rounds of ripgrep (default 1)")
    ap.add_argument("--cap-seconds", type=float, default=600,
                    help="stop a peer's ingest after this long (default 600)")
    ap.add_argument("--phrases", type=Path, default=REPO / "tests/fixtures/eval/phrases.txt")
    ap.add_argument("--fangan", type=Path, default=REPO / "target/release/fangan")
    ap.add_argument("--fangan-bench", type=Path, default=REPO / "target/release/fangan-bench")
    ap.add_argument("--no-fangan", action="store_true", help="leave fangan out (ratios need it)")
    ap.add_argument("--every", type=int, default=1,
                    help="use every Nth evaluation phrase only (default 1: all)")
    ap.add_argument("--smoke", action="store_true",
                    help="a quick check that every part runs: 2 MB, 1 round, every 6th "
                         "phrase, ingest capped at 10 s")
    ap.add_argument("--json", type=Path, help="raw figures (default WORKDIR/peers-SIZEmb.json)")
    args = ap.parse_args(argv)
    if args.smoke:
        args.size_mb, args.rounds, args.every, args.cap_seconds = 2, 1, 6, 10
    args.workdir = args.workdir.resolve()
    for b in (args.fangan, args.fangan_bench):
        if not args.no_fangan and not b.exists():
            sys.exit(f"{b}: not built (cargo build --release --bin fangan --bin fangan-bench)")
    peers = [p for p in args.peers.split(",") if p]
    unknown = [p for p in peers if p not in ENGINES]
    if unknown:
        sys.exit(f"unknown peers: {', '.join(unknown)} (known: {', '.join(ENGINES)})")
    work = args.workdir
    work.mkdir(parents=True, exist_ok=True)
    os.chmod(work, 0o755)
    corpus = work / f"corpus-{args.size_mb}mb"
    print(f"corpus: generating {args.size_mb} MB in {corpus} (reused when present)", flush=True)
    generate(args, corpus)
    phrases = load_phrases(args.phrases)[::max(1, args.every)]
    if args.every > 1:  # the workers read the phrases from a file
        args.phrases = work / "phrases.txt"
        args.phrases.write_text("".join(p + "\n" for p in phrases), encoding="utf-8")
    records = work / f"records-{args.size_mb}mb.tsv"
    t = build(corpus, records, phrases)
    sizes = {p.stem: p.stat().st_size for p in plan_files(corpus)}
    print(f"brute force: {len(t['plans'])} plans, {t['bytes'] / 1048576:.0f} MB, {t['records']} "
          f"line records, {len(phrases)} phrases counted in {t['seconds']:.1f} s", flush=True)
    ceiling = completeness(phrases, t["truth"], t["line_truth"])
    results = []
    steps = ([] if args.no_fangan else [("fangan", lambda: run_fangan(args, corpus, phrases, work))])
    steps.append(("rg", lambda: run_rg(args, corpus, phrases)))
    steps += [(p, lambda p=p: run_peer(args, p, records, work)) for p in peers]
    for name, step in steps:
        print(f"{name}: running", flush=True)
        t0 = time.monotonic()
        try:
            r = step()
        except Exception as e:  # one tool's failure never stops the run
            r = {"name": name, "status": "error", "reason": f"{type(e).__name__}: {e}"}
        finish(r, sizes, phrases, t["truth"], t["bytes"])
        print(f"{name}: {r.get('status')} in {time.monotonic() - t0:.0f} s"
              + (f" ({r.get('reason')})" if r.get("reason") else ""), flush=True)
        results.append(r)
    print()
    print(f"corpus {t['bytes'] / 1048576:.0f} MB, {len(t['plans'])} plans, {len(phrases)} phrases, "
          f"{sum(sum(v.values()) for v in t['truth'].values())} true occurrences; "
          f"{args.rounds} query rounds")
    print(table(results))
    print()
    print("occurrences inside one line (the most a per-line record can find): " + ", ".join(
        f"{c} {v['ratio']:.4f}" for c, v in ceiling.items() if v["ratio"] is not None))
    for r in results:
        misses = worst_misses(r)
        if misses:
            print(f"{r['name']} misses most: " + "; ".join(misses))
        errs = (r.get("queries") or {}).get("errors") or {}
        if errs:
            print(f"{r['name']} query errors ({len(errs)}): " + "; ".join(
                f"{k}: {v}" for k, v in list(errs.items())[:3]))
        if r.get("false_records"):
            print(f"{r['name']} returned {sum(r['false_records'].values())} records without "
                  f"the phrase ({len(r['false_records'])} phrases)")
    out = args.json or work / f"peers-{args.size_mb}mb.json"
    machine = {"cores": os.cpu_count(), "uname": " ".join(os.uname()),
               "loadavg_end": os.getloadavg()}
    out.write_text(json.dumps({
        "size_mb": args.size_mb, "corpus_bytes": t["bytes"], "plans": len(t["plans"]),
        "line_records": t["records"], "phrases": len(phrases), "rounds": args.rounds,
        "cap_seconds": args.cap_seconds, "machine": machine, "line_ceiling": ceiling,
        "brute_force_seconds": t["seconds"], "results": results,
    }, ensure_ascii=False, indent=1))
    print(f"raw figures: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
