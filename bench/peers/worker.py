#!/usr/bin/env python3
"""Runs one peer in a process of its own (so its CPU and memory are its own, and a crash
stops only it): ingest the records under a time limit, time the phrase queries, then
collect every matching record for the completeness count. Writes one JSON result.

    worker.py --check PEER
    worker.py PEER --records FILE --phrases FILE --workdir DIR --out FILE
              [--rounds N] [--cap-seconds S]
"""
import argparse
import importlib
import json
import os
import resource
import sys
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from engines import ENGINES  # noqa: E402
from procstat import PeakSampler, tree_cpu_seconds, vmhwm_mb  # noqa: E402
from report import found_by_plan, percentile  # noqa: E402
from truth import load_phrases, norm, read_records  # noqa: E402


def engine_class(peer):
    return importlib.import_module("engines." + ENGINES[peer]).Engine


def self_cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def servers_cpu(engine):
    return sum(tree_cpu_seconds(p) for p in engine.server_pids())


def run(args):
    Engine = engine_class(args.peer)
    result = {"name": args.peer, "setup": Engine.setup, "python": sys.executable,
              "records": "one per non-empty line (normalised: NFKC, no white space)"}
    os.makedirs(args.workdir, exist_ok=True)
    engine = Engine(args.workdir)
    try:
        engine.start()
        phrases = load_phrases(args.phrases)
        with PeakSampler(engine.server_pids()) as sampler:
            # ---- ingest, stopped at a plan boundary once the time limit has passed
            cpu0, srv0, t0 = self_cpu(), servers_cpu(engine), time.monotonic()
            deadline = t0 + args.cap_seconds
            plans, nbytes, capped = [], 0, False
            for plan, rows in read_records(args.records):
                if time.monotonic() > deadline:
                    capped = True
                    break
                engine.add_plan(plan, rows)
                plans.append(plan)
                nbytes += sum(len(t.encode("utf-8")) for _, t in rows)
            engine.finish()
            wall = time.monotonic() - t0
            cpu = self_cpu() - cpu0 + servers_cpu(engine) - srv0
            result["status"] = "capped" if capped else "ok"
            result["cap_seconds"] = args.cap_seconds
            result["plans_ingested"] = plans
            result["ingest"] = {"seconds": wall, "cpu_seconds": cpu, "record_bytes": nbytes}
            result["index_bytes"] = engine.index_bytes()
            # ---- timed queries: 10 hits with snippets and the total, `rounds` times
            times, per_phrase, errors = [], {}, {}
            for _ in range(args.rounds):
                for ph in phrases:
                    q = norm(ph)
                    t = time.perf_counter()
                    try:
                        total, hits = engine.search(q, 10)
                    except Exception as e:  # a query the peer cannot run counts as 0 hits
                        errors[ph] = f"{type(e).__name__}: {e}"[:200]
                        total, hits = 0, []
                    took = (time.perf_counter() - t) * 1000
                    times.append(took)
                    per_phrase.setdefault(ph, {"total": total, "ms": []})["ms"].append(took)
                    if hits and "example" not in per_phrase[ph]:
                        per_phrase[ph]["example"] = [str(x) for x in hits[0]]
            result["queries"] = {
                "runs": len(times), "p50_ms": percentile(times, 0.5),
                "p99_ms": percentile(times, 0.99), "max_ms": max(times) if times else None,
                "errors": errors,
            }
            result["per_phrase"] = per_phrase
        result["peak_mb"] = vmhwm_mb() + sampler.peak_mb
        result["peak_detail"] = {"worker_vmhwm_mb": vmhwm_mb(), "servers_pss_mb": sampler.peak_mb}
        # ---- completeness: every record the peer returns, counted against the phrase
        found, false_records = {}, {}
        for ph in phrases:
            try:
                f, bad = found_by_plan(ph, engine.matches(norm(ph)))
            except Exception as e:
                errors.setdefault(ph, f"{type(e).__name__}: {e}"[:200])
                f, bad = {}, 0
            found[ph] = f
            if bad:
                false_records[ph] = bad
        result["found"] = found
        result["false_records"] = false_records
    finally:
        engine.close()
    return result


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("peer", choices=sorted(ENGINES))
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--records")
    ap.add_argument("--phrases")
    ap.add_argument("--workdir")
    ap.add_argument("--out")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--cap-seconds", type=float, default=600)
    args = ap.parse_args(argv)
    if args.check:
        try:
            reason = engine_class(args.peer).check()
        except Exception as e:
            reason = f"{type(e).__name__}: {e}"
        print(json.dumps({"ok": reason is None, "reason": reason}))
        return 0
    try:
        result = run(args)
    except Exception as e:
        result = {"name": args.peer, "status": "error", "reason": f"{type(e).__name__}: {e}",
                  "traceback": traceback.format_exc()[-2000:]}
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
