"""Scoring and the printed tables: completeness per phrase length, query percentiles,
and one table of ratios against fangan."""
from truth import LENGTH_CLASSES, length_class, norm


def percentile(values, p):
    """The p-quantile (0..1) of `values` by nearest rank, as fangan-bench computes it."""
    if not values:
        return None
    v = sorted(values)
    return v[round((len(v) - 1) * p)]


def found_by_plan(phrase, records):
    """Occurrences of `phrase` in the texts a tool returned, per plan: `records` is an
    iterable of (plan, text). Returns ({plan: occurrences}, records without the phrase)."""
    q = norm(phrase)
    found, false_records = {}, 0
    for plan, text in records:
        n = norm(text).count(q)
        if n:
            found[plan] = found.get(plan, 0) + n
        else:
            false_records += 1
    return found, false_records


def completeness(phrases, truth, found, plans=None):
    """Occurrences found against the brute-force count, per length class and overall.

    `truth` is {phrase: {plan: n}}, `found` {phrase: {plan: n}} (a phrase missing from
    `found` found nothing). A plan's found count is capped at its true count, so extra
    matches never make up for missed ones. `plans`, when given, limits the truth to the
    plans the tool ingested (an ingest stopped by its time limit). Returns
    {class: {"found", "truth", "ratio", "phrases", "exact"}} with class "all" too.
    """
    keep = None if plans is None else set(plans)
    out = {c: {"found": 0, "truth": 0, "phrases": 0, "exact": 0} for c in LENGTH_CLASSES + ("all",)}
    for ph in phrases:
        t = truth.get(ph, {})
        if keep is not None:
            t = {p: n for p, n in t.items() if p in keep}
        f = found.get(ph, {})
        got = sum(min(f.get(p, 0), n) for p, n in t.items())
        exact = all(f.get(p, 0) >= n for p, n in t.items())
        for c in (length_class(ph), "all"):
            out[c]["found"] += got
            out[c]["truth"] += sum(t.values())
            out[c]["phrases"] += 1
            out[c]["exact"] += exact
    for v in out.values():
        v["ratio"] = v["found"] / v["truth"] if v["truth"] else None
    return out


# --------------------------------------------------------------------- tables
COLUMNS = [
    # key, header, format of the absolute value
    ("ingest_mb_s", "ingest MB/s", "{:.2f}"),
    ("cpu_s_per_mb", "CPU-s/MB", "{:.3f}"),
    ("index_mb", "index MB", "{:.0f}"),
    ("peak_mb", "peak MB", "{:.0f}"),
    ("p50_ms", "p50 ms", "{:.2f}"),
    ("p99_ms", "p99 ms", "{:.2f}"),
]


def row_figures(result):
    """The flat figures of one tool's result dict (None where not measured)."""
    ing = result.get("ingest") or {}
    q = result.get("queries") or {}
    comp = result.get("completeness") or {}
    fig = {
        "ingest_mb_s": ing.get("mb_per_s"),
        "cpu_s_per_mb": ing.get("cpu_s_per_mb"),
        "index_mb": None if result.get("index_bytes") is None else result["index_bytes"] / 1048576,
        "peak_mb": result.get("peak_mb"),
        "p50_ms": q.get("p50_ms"),
        "p99_ms": q.get("p99_ms"),
    }
    for c in LENGTH_CLASSES + ("all",):
        fig["complete_" + c] = (comp.get(c) or {}).get("ratio")
    return fig


def ratio(a, b):
    if a is None or b is None or b == 0:
        return None
    return a / b


def fmt(v, pattern="{:.2f}"):
    return "—" if v is None else pattern.format(v)


def status_note(result):
    s = result.get("status", "ok")
    if s == "ok":
        return ""
    if s == "capped":
        return f"ingest capped at {result.get('cap_seconds')} s: {result['ingest'].get('mb', 0):.0f} MB"
    return f"{s}: {result.get('reason', '')}"[:110]


def table(results, reference="fangan"):
    """Two text tables: absolute figures, and ratios (tool / fangan) with completeness.

    Ratios read: ingest MB/s above 1 = faster than fangan; CPU-s/MB, index, memory, p50 and
    p99 below 1 = cheaper or faster than fangan. Completeness is a fraction of the
    brute-force occurrences (fangan's own is in its row)."""
    ref = next((row_figures(r) for r in results if r["name"] == reference), {})
    comp_heads = ["2 ch", "3 ch", "4-5 ch", "6+ ch", "all"]
    lines = []
    head = ["tool"] + [h for _, h, _ in COLUMNS] + ["complete " + h for h in comp_heads]
    absolute = []
    ratios = []
    notes = []
    for r in results:
        f = row_figures(r)
        note = status_note(r)
        if r.get("status") in ("skipped", "failed", "error"):
            notes.append(f"{r['name']}: {note}")
            continue
        if note:
            notes.append(f"{r['name']}: {note}")
        comp = [fmt(f["complete_" + c], "{:.3f}") for c in LENGTH_CLASSES + ("all",)]
        absolute.append([r["name"]] + [fmt(f[k], p) for k, _, p in COLUMNS] + comp)
        ratios.append([r["name"]] + [fmt(ratio(f[k], ref.get(k)), "{:.2f}×") for k, _, _ in COLUMNS] + comp)
    lines.append("Absolute figures")
    lines += render(head, absolute)
    lines.append("")
    lines.append(f"Ratios against {reference} (tool ÷ {reference}); completeness = share of "
                 "brute-force occurrences found")
    lines += render(head, ratios)
    if notes:
        lines.append("")
        lines += notes
    return "\n".join(lines)


def render(head, rows):
    """A GitHub-flavoured markdown table (also readable as plain text)."""
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        out.append("| " + " | ".join(row) + " |")
    return out
