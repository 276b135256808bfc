"""Real years: the 29 provincial reports of shared/corpus, 2025 and 2026, in one run.

1. Per pair (2025 → 2026, the pure per-report step, reportfigures.yearly.series): claims carried by
   id, new, gone; the 2025 targets matched to a 2026 result (met, missed, not reported);
   findings by rating in each year.
2. The three hand-checked pairs (tests/fixtures/nextyear_gov/): carried-id precision (and
   the share of the hand-checked pairs found), target↔result pairing precision and how often
   the result (or its absence) agrees with the hand-checked one.
3. Whole corpus, both years: `reportfigures corpus 2025/ 2026/` as a whole process (58
   editions, both cores, pages and tables written), against one report's edition built
   alone the same way (one process, `reportfigures corpus` on a folder pair of one report),
   times 58 divided by the cores: the goal is within 2× of that. For the record, one full
   `reportfigures build --report …` (notebooks, charts, Great Expectations).

Run: make bench (or .venv/bin/python bench/nextyear_bench.py [--corpus DIR] [--quick]).
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "tests" / "fixtures" / "nextyear_gov"
BIN = Path(sys.executable).parent


def pairs(corpus: Path) -> list[str]:
    a = {p.stem.split("-", 1)[1] for p in (corpus / "gov-work-reports-2025").glob("*.txt")}
    b = {p.stem.split("-", 1)[1] for p in (corpus / "gov-work-reports-2026").glob("*.txt")}
    return sorted(a & b)


def texts(corpus: Path, name: str) -> list[tuple[int, str]]:
    return [(y, (corpus / f"gov-work-reports-{y}" / f"{y}-{name}.txt").read_text(encoding="utf-8")) for y in (2025, 2026)]


def per_pair(corpus: Path) -> dict:
    from reportfigures.yearly import series
    from reportfigures.checks import targets
    out = {}
    print("\n1. Per pair, 2025 → 2026 (claims carried by id / new / gone; 2025 targets: met, missed, "
          "not reported; findings other than cannot_check)")
    print(f"{'report':<16}{'claims 25':>10}{'claims 26':>10}{'carried':>9}{'new':>6}{'gone':>6}"
          f"{'targets':>9}{'met':>5}{'missed':>7}{'n.r.':>6}  findings 2025 | 2026")
    total = Counter()
    for name in pairs(corpus):
        old, new = series.series(name, texts(corpus, name))
        carried = new.carried
        tg = targets.counts(new.targets or [])
        f_old = Counter(f["rating"] for f in old.findings if f["rating"] != "cannot_check")
        f_new = Counter(f["rating"] for f in new.findings if f["rating"] != "cannot_check")
        row = {"claims_2025": len(old.claims), "claims_2026": len(new.claims), "carried": carried,
               "new": len(new.claims) - carried, "gone": len(old.claims) - carried, "targets": len(new.targets or []),
               **tg}
        total.update(row)
        out[name] = (old, new)
        print(f"{name:<16}{row['claims_2025']:>10}{row['claims_2026']:>10}{carried:>9}{row['new']:>6}{row['gone']:>6}"
              f"{row['targets']:>9}{tg['met']:>5}{tg['missed']:>7}{tg['not_reported']:>6}  "
              f"{dict(f_old)} | {dict(f_new)}")
    print(f"{'total':<16}{total['claims_2025']:>10}{total['claims_2026']:>10}{total['carried']:>9}{total['new']:>6}"
          f"{total['gone']:>6}{total['targets']:>9}{total['met']:>5}{total['missed']:>7}{total['not_reported']:>6}")
    return out


def _over(span: tuple[int, int], s: str, e: str) -> bool:
    """The same printed number: the spans overlap (突破1300亿元 and 1300亿元), as in the tests."""
    return bool(s) and span[0] < int(e) and int(s) < span[1]


def _same_result(g: dict, r: dict) -> bool:
    if not g["result_start"] or r.get("result_start") is None:
        return not g["result_start"] and r.get("result_start") is None
    return _over((r["result_start"], r["result_end"]), g["result_start"], g["result_end"])


def hand_checked(eds: dict) -> None:
    print("\n2. Hand-checked pairs (tests/fixtures/nextyear_gov)")
    print(f"{'report':<12}{'carried':>8}{'right':>7}{'precision':>11}{'of gold':>9}   "
          f"{'paired':>7}{'right':>7}{'precision':>11}{'agree':>12}")
    for name in ("chongqing", "guangdong", "jilin"):
        old, new = eds[name]
        was = {cid: (int(r["start"]), int(r["end"])) for cid, r in old.reviewed.items()}
        got = [((c["start"], c["end"]), was[c["id"]]) for c in new.claims if c["id"] in was]
        with open(FIX / f"{name}.carried.csv", encoding="utf-8", newline="") as f:
            gold = list(csv.DictReader(f))
        row = {b: next((g for g in gold if _over(b, g["start"], g["end"])), {}) for b, _a in got}
        right = sum(1 for b, a in got if _over(a, row[b].get("a_start", ""), row[b].get("a_end", "")))
        gold_pairs = sum(1 for g in gold if g["a_start"])
        rows = {r["target_start"]: r for r in new.targets or []}
        with open(FIX / f"{name}.targets.csv", encoding="utf-8", newline="") as f:
            tg = [g for g in csv.DictReader(f) if g["horizon"] == "2025" and int(g["target_start"]) in rows]
        paired = [g for g in tg if rows[int(g["target_start"])].get("result_start") is not None]
        p_right = [g for g in paired if _same_result(g, rows[int(g["target_start"])])]
        agree = [g for g in tg if _same_result(g, rows[int(g["target_start"])])]
        print(f"{name:<12}{len(got):>8}{right:>7}{right / max(len(got), 1):>11.1%}{right / max(gold_pairs, 1):>9.1%}   "
              f"{len(paired):>7}{len(p_right):>7}{len(p_right) / max(len(paired), 1):>11.1%}"
              f"{len(agree):>5}/{len(tg):<3} {len(agree) / max(len(tg), 1):.0%}")
    print("   goals: carried-id precision ≥ 95 %, target↔result pairings ≥ 90 % right")


def whole_corpus(corpus: Path, repeat: int) -> None:
    print("\n3. Whole corpus, both years, built (whole processes, best of %d)" % repeat)
    exe = str(BIN / "reportfigures")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        one = tmp / "one"
        for y in (2025, 2026):
            (one / str(y)).mkdir(parents=True)
            shutil.copy(corpus / f"gov-work-reports-{y}" / f"{y}-chongqing.txt", one / str(y))

        def run(args: list[str]) -> float:
            t = time.perf_counter()
            done = subprocess.run([exe, "--root", str(ROOT), *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                  text=True)
            if done.returncode:
                sys.exit(f"bench: {' '.join(args)} failed: {done.stderr.strip().splitlines()[-1:]}")
            return time.perf_counter() - t
        one_pair = min(run(["corpus", "--quiet", "--jobs", "1", "--out", str(tmp / "o1"), str(one / "2025"), str(one / "2026")])
                       for _ in range(repeat))
        n = 2 * len(pairs(corpus))
        cores = len(os.sched_getaffinity(0))
        whole = min(run(["corpus", "--quiet", "--out", str(tmp / "all"), str(corpus / "gov-work-reports-2025"),
                         str(corpus / "gov-work-reports-2026")]) for _ in range(repeat))
        per_one = one_pair / 2
        budget = per_one * n / cores
        print(f"   one report's edition alone (one process, 2 editions / 2): {per_one:6.2f} s")
        print(f"   whole corpus, {n} editions on {cores} processes:          {whole:6.2f} s ({whole / n:.2f} s per edition)")
        print(f"   one edition × {n} / {cores} cores:                        {budget:6.2f} s → ratio {whole / budget:.2f} "
              f"(goal ≤ 2): {'PASS' if whole <= 2 * budget else 'FAIL'}")


def full_build() -> None:
    """One full edition (notebooks, charts, suites) of a report without a catalog, for the record."""
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import copy_project
    exe = str(BIN / "reportfigures")
    with tempfile.TemporaryDirectory() as tmp:
        root = copy_project(Path(tmp) / "proj")
        t = time.perf_counter()
        done = subprocess.run([exe, "--root", str(root), "build", "--report", "chongqing-gov", "--year", "2025"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if done.returncode:
            sys.exit(f"bench: build failed: {done.stderr.strip().splitlines()[-1:]}")
        print(f"   for the record, one full `reportfigures build --report chongqing-gov --year 2025` "
              f"(notebooks, charts, GX): {time.perf_counter() - t:.1f} s")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--quick", action="store_true", help="sections 1 and 2 only")
    a = ap.parse_args()
    if not (a.corpus / "gov-work-reports-2025").is_dir():
        print(f"bench: no corpus at {a.corpus}: skipped")
        return 0
    print("Real years: the corpus's reports, 2025 → 2026")
    eds = per_pair(a.corpus)
    hand_checked(eds)
    if not a.quick:
        whole_corpus(a.corpus, a.repeat)
        full_build()
    return 0


if __name__ == "__main__":
    sys.exit(main())
