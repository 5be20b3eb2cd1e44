"""Tests of the pure parts of the peers benchmark: brute-force counting, result parsing,
completeness scoring and the ratio table. Run: python3 -m unittest bench/peers/test_peers.py"""
import os
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import peers  # noqa: E402
from report import completeness, found_by_plan, percentile, table  # noqa: E402
from truth import build, escape, length_class, norm, read_records, unescape  # noqa: E402


class Truth(unittest.TestCase):
    def test_norm_folds_width_and_drops_white_space_and_bold(self):
        self.assertEqual(norm("**牵头单位**： 县 发改局\n（ＡＢ）"), "牵头单位:县发改局(AB)")

    def test_length_classes_count_normalised_characters(self):
        self.assertEqual(length_class("农田"), "2")
        self.assertEqual(length_class("农 田"), "2")
        self.assertEqual(length_class("发改局"), "3")
        self.assertEqual(length_class("专精特新"), "4-5")
        self.assertEqual(length_class("一般公共预算"), "6+")

    def test_escape_round_trips_backslashes(self):
        self.assertEqual(unescape(escape("a\\b\\\\c")), "a\\b\\\\c")

    def test_build_counts_whole_plans_and_lines_and_writes_records(self):
        with tempfile.TemporaryDirectory() as d:
            corpus = Path(d, "corpus")
            corpus.mkdir()
            # 高标准农田 crosses a line break once; residue lines are not plan text
            Path(corpus, "a.txt").write_text(
                "建设高标准农田，高标准\n农田改造\n来源：农田网\n\n牵头单位：县农业农村局\n",
                encoding="utf-8")
            Path(corpus, "b.txt").write_text("农田水利　农田\n", encoding="utf-8")
            Path(corpus, "README.md").write_text("农田", encoding="utf-8")
            rec = Path(d, "records.tsv")
            t = build(corpus, rec, ["高标准农田", "农田", "农村局", "牵 头"])
            self.assertEqual(t["plans"], ["a", "b"])
            self.assertEqual(t["truth"]["高标准农田"], {"a": 2})
            self.assertEqual(t["line_truth"]["高标准农田"], {"a": 1})
            self.assertEqual(t["truth"]["农田"], {"a": 2, "b": 2})  # not in the residue line
            self.assertEqual(t["truth"]["牵 头"], {"a": 1})
            rows = list(read_records(rec))
            self.assertEqual([p for p, _ in rows], ["a", "b"])
            self.assertEqual(rows[0][1], [(1, "建设高标准农田,高标准"), (2, "农田改造"),
                                          (5, "牵头单位:县农业农村局")])
            self.assertEqual(rows[1][1], [(1, "农田水利农田")])


class Scoring(unittest.TestCase):
    truth = {"农田": {"a": 3, "b": 2}, "一般公共预算收入": {"a": 2}, "专精特新": {}}

    def test_found_counts_occurrences_in_returned_texts(self):
        found, false = found_by_plan("农田", [("a", "农田农田"), ("a", "农 田"), ("b", "水利")])
        self.assertEqual(found, {"a": 3})
        self.assertEqual(false, 1)

    def test_completeness_caps_each_plan_and_groups_by_length(self):
        found = {"农田": {"a": 5, "b": 1}, "一般公共预算收入": {"a": 1}}
        c = completeness(list(self.truth), self.truth, found)
        self.assertEqual((c["2"]["found"], c["2"]["truth"]), (4, 5))  # a capped at 3
        self.assertAlmostEqual(c["6+"]["ratio"], 0.5)
        self.assertIsNone(c["4-5"]["ratio"])  # no occurrence to find
        self.assertEqual(c["4-5"]["exact"], 1)
        self.assertEqual((c["all"]["found"], c["all"]["truth"]), (5, 7))
        self.assertEqual(c["all"]["exact"], 1)

    def test_completeness_of_a_capped_ingest_counts_only_its_plans(self):
        c = completeness(["农田"], self.truth, {"农田": {"a": 3}}, plans=["a"])
        self.assertEqual(c["2"]["ratio"], 1.0)

    def test_percentile_is_nearest_rank(self):
        v = list(range(1, 101))
        self.assertEqual(percentile(v, 0.5), 51)
        self.assertEqual(percentile(v, 0.99), 99)
        self.assertIsNone(percentile([], 0.5))


class Parsing(unittest.TestCase):
    def test_fangan_bench_query_line(self):
        out = ("corpus: x (100 MB)\nindex size: 190 MB\n  slow: \"局牵头\" 9.1 ms (3 clauses)\n"
               "phrase queries with snippets: 760 runs, p50 1.04 ms, p99 25.49 ms, "
               "max 36.96 ms (14585 highlights)\n")
        self.assertEqual(peers.parse_fangan_bench(out),
                         {"runs": 760, "p50_ms": 1.04, "p99_ms": 25.49, "max_ms": 36.96})

    def test_fangan_bench_without_query_line_is_an_error(self):
        with self.assertRaises(ValueError):
            peers.parse_fangan_bench("ingest: failed\n")

    def test_rg_counts_per_plan(self):
        out = "/c/plan000001-2019.txt:3\n/c/plan000002-2020.txt:1\nC:/x:y/plan3.txt:2\n"
        self.assertEqual(peers.parse_rg_counts(out),
                         {"plan000001-2019": 3, "plan000002-2020": 1, "plan3": 2})

    def test_phrases_are_quoted_for_fangan(self):
        self.assertEqual(peers.quote('a"b\\c'), '"a\\"b\\\\c"')


class Table(unittest.TestCase):
    def result(self, name, mbs, cpu, size, peak, p50, p99, ratio2, status="ok"):
        comp = {c: {"ratio": r} for c, r in zip(("2", "3", "4-5", "6+", "all"),
                                                 (ratio2, 1.0, 1.0, 1.0, 0.9))}
        return {"name": name, "status": status, "ingest": {"mb_per_s": mbs, "cpu_s_per_mb": cpu, "mb": 100},
                "index_bytes": size * 1048576, "peak_mb": peak,
                "queries": {"p50_ms": p50, "p99_ms": p99}, "completeness": comp}

    def test_ratios_are_tool_over_fangan(self):
        rows = [self.result("fangan", 10, 0.2, 190, 700, 1.0, 20.0, 1.0),
                self.result("fts5", 30, 0.05, 380, 70, 0.5, 40.0, 0.0),
                {"name": "groonga", "status": "skipped", "reason": "groonga not found"}]
        text = table(rows)
        fts5 = [l for l in text.splitlines() if l.startswith("| fts5")]
        self.assertEqual(len(fts5), 2)
        cells = [c.strip() for c in fts5[1].strip("|").split("|")]
        self.assertEqual(cells[1:7], ["3.00×", "0.25×", "2.00×", "0.10×", "0.50×", "2.00×"])
        self.assertEqual(cells[7], "0.000")
        self.assertIn("groonga: skipped: groonga not found", text)
        self.assertNotIn("| groonga", text)

    def test_capped_ingest_is_noted(self):
        rows = [self.result("fangan", 10, 0.2, 190, 700, 1.0, 20.0, 1.0),
                self.result("whoosh", 0.1, 9.0, 50, 300, 9.0, 90.0, 0.7, status="capped")]
        rows[1]["cap_seconds"] = 600
        self.assertIn("whoosh: ingest capped at 600 s: 100 MB", table(rows))


if __name__ == "__main__":
    unittest.main()
