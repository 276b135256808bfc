"""Benchmark of our Chinese number extractor against Microsoft Recognizers-Text.

    python bench/extract_bench.py [--corpus DIR] [--repeat N] [--quick]

Prints a plain-text report: accuracy on the hand-labelled 2024 report, on the anchor's own
published test cases (our report-like selection, then the whole specs per form), on hand-labelled
samples of reports the rules were not written against, agreement with the anchor on a corpus
nobody labelled, speed of both in one process and as whole processes (imports apart), growth
with input size, and the goals. A measurement, not a test: the exit code is 0 unless something crashed.
"""

from __future__ import annotations

import argparse
import csv
import math
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "data" / "raw" / "2024" / "report.txt"
GOLD = ROOT / "tests" / "fixtures" / "numbers_2024.csv"
DEFAULT_CORPUS = ROOT / ".." / "shared" / "corpus" / "gov-work-reports-2026"
FIELD_KINDS = ("metric", "target", "list_count")  # kinds whose value/unit/qualifier must be right
SHOW = 25  # how many misses / false positives to list

sys.path.insert(0, str(Path(__file__).resolve().parent))
from anchor import Anchor  # noqa: E402  (import error tells the user to `make bench`)
from cases import anchor_right, load_cases, ours_right, score  # noqa: E402
from size_bench import size_section  # noqa: E402
from spec_cases import AnchorModels, report as spec_report  # noqa: E402
from unseen import report as unseen_report  # noqa: E402

from reportfigures.extract.extraction import extract  # noqa: E402
from reportfigures.source.read import read_text  # noqa: E402


# --- matching ----------------------------------------------------------------------------

def load_gold(path: Path) -> list[dict]:
    """The fixture rows with offsets as ints and values as numbers."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        r["start"], r["end"] = int(r["start"]), int(r["end"])
        r["value"] = _number(r["value"])
    return rows


def _number(s) -> float | int | None:
    if s in (None, ""):
        return None
    v = float(s)
    return int(v) if v.is_integer() else v


def same_value(a, b) -> bool:
    """Numeric equality; 98.16 == 98.16000000001 (the anchor goes through strings)."""
    return a is not None and b is not None and math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)


def overlap(s1: int, e1: int, s2: int, e2: int) -> bool:
    return s1 < e2 and s2 < e1


def match(preds: list[tuple], gold: list[dict]) -> tuple[set[int], set[int]]:
    """(matched gold indices, matched prediction indices): spans overlap and values equal.

    Surfaces may differ: the anchor gives `59` where the gold has `59项`."""
    g_hit, p_hit = set(), set()
    for gi, g in enumerate(gold):
        for pi, (s, e, _surf, v) in enumerate(preds):
            if overlap(s, e, g["start"], g["end"]) and same_value(v, g["value"]):
                g_hit.add(gi)
                p_hit.add(pi)
    return g_hit, p_hit


def ours_for(gold_row: dict, mentions: list) -> object | None:
    """Our mention standing for a gold row: the exact span, else the first overlapping one."""
    over = [m for m in mentions if overlap(m.start, m.end, gold_row["start"], gold_row["end"])]
    exact = [m for m in over if (m.start, m.end) == (gold_row["start"], gold_row["end"])]
    return (exact or over or [None])[0]


def as_tuples(mentions: list) -> list[tuple]:
    return [(m.start, m.end, m.surface, m.value) for m in mentions]


def pct(n: int, d: int) -> float:
    return 100.0 * n / d if d else float("nan")


def context(text: str, s: int, e: int, width: int = 3) -> str:
    """`surface` with a few characters each side, on one line, to show why it is (not) a number."""
    left = text[max(0, s - width):s].replace("\n", "⏎")
    right = text[e:e + width].replace("\n", "⏎")
    return f"{left}[{text[s:e]}]{right}"


# --- 1. the 2024 report against the gold ----------------------------------------------------

def report_section(text: str, gold: list[dict], ours: list, anchor: list[tuple]) -> dict:
    """Recall/precision of both tools, field and kind accuracy of ours, the anchor's errors."""
    print("== 1. 2024 report vs gold ==")
    print(f"report {REPORT.relative_to(ROOT)}: {len(text)} chars; gold {GOLD.relative_to(ROOT)}: {len(gold)} mentions")
    print("a prediction matches a gold mention when the spans overlap and the values are equal\n")
    print(f"{'tool':<8}{'found':>7}{'gold hit':>10}{'recall':>9}{'pred ok':>9}{'precision':>11}")
    res = {}
    for name, preds in (("ours", as_tuples(ours)), ("anchor", anchor)):
        g_hit, p_hit = match(preds, gold)
        rec, prec = pct(len(g_hit), len(gold)), pct(len(p_hit), len(preds))
        res[name] = dict(recall=rec, precision=prec, g_hit=g_hit, p_hit=p_hit, preds=preds)
        print(f"{name:<8}{len(preds):>7}{len(g_hit):>10}{rec:>8.1f}%{len(p_hit):>9}{prec:>10.1f}%")
    ours_details(text, gold, ours, res["ours"])
    anchor_errors(text, gold, res["anchor"])
    return res


def ours_details(text: str, gold: list[dict], ours: list, r: dict) -> None:
    """Exact spans, value/unit/qualifier on quantities, kind: what the anchor cannot tell."""
    exact = {(m.start, m.end) for m in ours}
    n_exact = sum((g["start"], g["end"]) in exact for g in gold)
    print("\nours only:")
    print(f"  exact-span recall: {n_exact}/{len(gold)} = {pct(n_exact, len(gold)):.1f}%")
    field_rows = [g for g in gold if g["kind"] in FIELD_KINDS]
    field_fail, kind_ok, kind_fail = [], 0, []
    for g in gold:
        m = ours_for(g, ours)
        if g["kind"] in FIELD_KINDS:
            got = (m.value, m.unit, m.qualifier) if m else None
            if not (m and same_value(m.value, g["value"]) and m.unit == g["unit"] and m.qualifier == g["qualifier"]):
                field_fail.append((g, got))
        if m and m.kind == g["kind"]:
            kind_ok += 1
        else:
            kind_fail.append((g, m.kind if m else "not found"))
    n_ok = len(field_rows) - len(field_fail)
    r.update(field_ok=n_ok, field_n=len(field_rows), kind_acc=pct(kind_ok, len(gold)))
    print(f"  value/unit/qualifier right on {'/'.join(FIELD_KINDS)}: {n_ok}/{len(field_rows)} = {pct(n_ok, len(field_rows)):.1f}%")
    for g, got in field_fail:
        print(f"    FAIL {g['start']:>5} {g['surface']}: gold ({g['value']}, {g['unit']!r}, {g['qualifier']}) got {got}")
    print(f"  kind accuracy: {kind_ok}/{len(gold)} = {pct(kind_ok, len(gold)):.1f}%")
    for g, got in kind_fail:
        print(f"    {g['start']:>5} {g['surface']}: gold {g['kind']}, ours {got}")
    missed = [g for i, g in enumerate(gold) if i not in r["g_hit"]]
    extra = [p for i, p in enumerate(r["preds"]) if i not in r["p_hit"]]
    for g in missed:
        print(f"    missed {g['start']:>5} {context(text, g['start'], g['end'])} ({g['kind']})")
    for s, e, _surf, v in extra:
        print(f"    false positive {s:>5} {context(text, s, e)} value {v}")


def anchor_errors(text: str, gold: list[dict], r: dict) -> None:
    """The anchor's misses by gold kind, then its false positives, first SHOW of each."""
    missed = [g for i, g in enumerate(gold) if i not in r["g_hit"]]
    by_kind = Counter(g["kind"] for g in missed)
    print(f"\nanchor misses ({len(missed)} gold mentions not found; by kind: "
          + ", ".join(f"{k} {n}" for k, n in by_kind.most_common()) + "):")
    for g in missed[:SHOW]:
        print(f"  {g['start']:>5} {context(text, g['start'], g['end']):<16} {g['kind']}")
    if len(missed) > SHOW:
        print(f"  … and {len(missed) - SHOW} more")
    extra = [p for i, p in enumerate(r["preds"]) if i not in r["p_hit"]]
    print(f"\nanchor false positives ({len(extra)} predictions matching no gold mention):")
    for s, e, _surf, v in extra[:SHOW]:
        print(f"  {s:>5} {context(text, s, e):<16} value {v}")
    if len(extra) > SHOW:
        print(f"  … and {len(extra) - SHOW} more")


# --- 3. the corpus: agreement without gold --------------------------------------------------

def _mask(spans: list[tuple], length: int) -> bytearray:
    """One byte per character, set where some span covers it: overlap tests in O(span)."""
    mark = bytearray(length + 1)
    for s, e, *_ in spans:
        mark[s:e] = b"\x01" * (e - s)
    return mark


def covered(spans: list[tuple], others: list[tuple], length: int) -> list[bool]:
    """For each of `spans`: does it share at least one character with one of `others`?"""
    mark = _mask(others, length)
    return [any(mark[s:e]) for s, e, *_ in spans]


def corpus_section(files: list[Path], anchor: Anchor) -> tuple[list[str], list[str]]:
    """Per-file counts and span agreement; returns the texts ours handled (to time) and crashes."""
    print("\n== 3. corpus: agreement with the anchor (no gold) ==")
    print(f"{len(files)} files; 'A in ours' = share of anchor mentions overlapped by one of ours, "
          "'ours in A' = the reverse\n")
    print(f"{'file':<28}{'chars':>7}{'ours':>6}{'anchor':>8}{'A in ours':>11}{'ours in A':>11}  anchor lines lost")
    texts, crashes = [], []
    tot = Counter()
    only_ours, only_anchor = Counter(), Counter()
    for path in files:
        text = read_text(path).text
        try:
            ours = as_tuples(extract(text))
        except Exception as e:  # a crash is a finding: report it, keep measuring
            crashes.append(f"{path.name}: {type(e).__name__}: {e}")
            print(f"{path.name:<28}{len(text):>7}  CRASH {type(e).__name__}: {e}")
            continue
        texts.append(text)  # timed later: only texts ours gets through
        anc = anchor.recognize(text)
        a_cov, o_cov = covered(anc, ours, len(text)), covered(ours, anc, len(text))
        a_in, o_in = sum(a_cov), sum(o_cov)
        lost = anchor.failed_lines(text)
        tot.update(chars=len(text), ours=len(ours), anchor=len(anc), a_in=a_in, o_in=o_in, lost=len(lost))
        only_ours.update(m[2] for m, c in zip(ours, o_cov) if not c)
        only_anchor.update(m[2] for m, c in zip(anc, a_cov) if not c)
        lost_s = "; ".join(f"@{o} {text[o:o + 8]}… ({msg.split(':')[0]})" for o, msg in lost)
        print(f"{path.stem:<28}{len(text):>7}{len(ours):>6}{len(anc):>8}"
              f"{pct(a_in, len(anc)):>10.1f}%{pct(o_in, len(ours)):>10.1f}%  {lost_s}")
    print(f"{'TOTAL':<28}{tot['chars']:>7}{tot['ours']:>6}{tot['anchor']:>8}"
          f"{pct(tot['a_in'], tot['anchor']):>10.1f}%{pct(tot['o_in'], tot['ours']):>10.1f}%  {tot['lost']} line(s)")
    print("\n(the anchor returns [] for a whole input when one mention fails to parse; it is run line by line,")
    print(" so such a failure only loses its line: those lines are listed above)")
    print("\nmost frequent surfaces found by ours only: " + top(only_ours))
    print("most frequent surfaces found by the anchor only: " + top(only_anchor))
    return texts, crashes


def top(counter: Counter, n: int = 15) -> str:
    return "  ".join(f"{w}×{c}" for w, c in counter.most_common(n)) or "(none)"


# --- 4. speed ------------------------------------------------------------------------------

def best_times(fns: list, texts: list[str], repeat: int) -> list[float]:
    """Best of `repeat` passes of each fn over all texts, passes interleaved so that a
    burst of machine load does not fall on one tool only."""
    best = [math.inf] * len(fns)
    for _ in range(repeat):
        for i, fn in enumerate(fns):
            t0 = time.perf_counter()
            for t in texts:
                fn(t)
            best[i] = min(best[i], time.perf_counter() - t0)
    return best


def speed_section(texts: list[str], anchor: Anchor, repeat: int) -> float:
    """Seconds and chars/s of both tools over the same texts; returns how many times faster ours is."""
    chars = sum(map(len, texts))
    print(f"\n== 4. speed in one process: {len(texts)} texts, {chars} chars, best of {repeat} ==")
    print("ours = extract(text) (text model included); anchor = number + percentage model parse,")
    print("models built once outside the timing, both imported beforehand\n")
    t_ours, t_anchor, t_whole = best_times([extract, anchor.recognize, anchor.recognize_whole], texts, repeat)
    for name, t in (("ours", t_ours), ("anchor (line by line, as scored)", t_anchor),
                    ("anchor (whole text, for reference)", t_whole)):
        print(f"  {name:<36}{t:>8.3f} s {chars / t:>12,.0f} chars/s")
    ratio = t_anchor / t_ours
    print(f"\n  ours is {ratio:.1f}× faster than the anchor" if ratio >= 1
          else f"\n  ours is {1 / ratio:.1f}× slower than the anchor")
    return ratio


# --- 2. the anchor's own published cases ---------------------------------------------------

def cases_section(anchor: Anchor) -> dict:
    """Accuracy of both tools on tests/fixtures/recognizers_cases.csv (see bench/cases.py)."""
    rows = load_cases()
    ours_ok, ours_wrong = score(rows, ours_right, [extract(r["text"]) for r in rows])
    anc_ok, anc_wrong = score(rows, anchor_right, [anchor.recognize(r["text"]) for r in rows])
    by_model = Counter(r["model"] for r in rows)
    print("\n== 2. the anchor's published Chinese test cases, report-like selection ==")
    print(f"{len(rows)} cases ({', '.join(f'{k} {n}' for k, n in sorted(by_model.items()))}) in "
          "tests/fixtures/recognizers_cases.csv; ours must get value, unit, qualifier and span right,")
    print("the anchor only the value its own spec gives\n")
    for name, ok, wrong in (("ours", ours_ok, ours_wrong), ("anchor", anc_ok, anc_wrong)):
        print(f"  {name:<8}{ok:>4}/{len(rows)} = {pct(ok, len(rows)):.1f}%")
        for r in wrong[:SHOW]:
            print(f"    wrong: {r['text']}  (expected {r['surface'] or 'nothing'} {r['value']}{r['unit']} {r['qualifier']})")
    return {"ours": pct(ours_ok, len(rows)), "anchor": pct(anc_ok, len(rows))}


# --- 5. whole processes --------------------------------------------------------------------

def _timed(cmd: list[str], **kw) -> float:
    t0 = time.perf_counter()
    res = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)
    if res.returncode:
        raise RuntimeError(f"{' '.join(cmd[:3])}… exited {res.returncode}: {res.stderr.decode()[-300:]}")
    return time.perf_counter() - t0


def _timed_together(cmds: list[list[str]]) -> float:
    """Wall time of several processes started together, until the last one ends."""
    t0 = time.perf_counter()
    procs = [subprocess.Popen(c, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for c in cmds]
    for c, p in zip(cmds, procs):
        _, err = p.communicate()
        if p.returncode:
            raise RuntimeError(f"{' '.join(c[:3])}… exited {p.returncode}: {err.decode()[-300:]}")
    return time.perf_counter() - t0


def whole_process_section(files: list[Path], repeat: int) -> dict | None:
    """Start-up, imports, reading and CSV writing included, best of `repeat`, interleaved.

    The corpus as a user extracts it: `reportfigures extract CORPUS/` (one table, two
    processes: both cores), the same with `--jobs 1`, and the 29 files named one by one;
    against the anchor's `anchor.py` run as a script over the 29 reports in one process,
    and split over two processes started together (both cores for it too). For the record:
    ours on the 29 reports joined into one file, and one `reportfigures extract` process per
    report, with what start-up alone costs. Returns the anchor/ours ratios and throughput."""
    if not files:
        print("\n== 5. whole processes: SKIPPED (no corpus) ==")
        return None
    exe = shutil.which("reportfigures", path=str(Path(sys.executable).parent)) or "reportfigures"
    # an installed command compiles its bytecode on first run; PYTHONDONTWRITEBYTECODE (set in
    # some sandboxes) prevents that, so compile once, as uv does for site-packages
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src" / "reportfigures")], check=True)
    chars = sum(len(read_text(f).text) for f in files)
    mib = sum(f.stat().st_size for f in files) / 2**20
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        for f in files:
            shutil.copy(f, folder / f.name)
        joined = Path(tmp) / "corpus.txt"
        joined.write_text("\n\n".join(read_text(f).text for f in files), encoding="utf-8")
        anchor_py = str(Path(__file__).resolve().parent / "anchor.py")
        anchor_cmd = [sys.executable, anchor_py, *map(str, files)]
        half = (len(files) + 1) // 2
        anchor_two = [[sys.executable, anchor_py, *map(str, files[:half])],
                      [sys.executable, anchor_py, *map(str, files[half:])]]
        anchor_import = [sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); from anchor import Anchor; "
                         "Anchor()", str(Path(__file__).resolve().parent)]
        ours_import = [sys.executable, "-c", "import reportfigures.command, reportfigures.corpus.extract_command, "
                       "reportfigures.corpus.numbers as n; n._warm()"]
        keys = ("anchor", "anchor2", "folder", "serial", "files", "joined", "each", "python", "version",
                "anchor_import", "ours_import")
        best = dict.fromkeys(keys, math.inf)
        for _ in range(repeat):
            best["anchor"] = min(best["anchor"], _timed(anchor_cmd))
            best["anchor2"] = min(best["anchor2"], _timed_together(anchor_two))
            best["folder"] = min(best["folder"], _timed([exe, "extract", str(folder)]))
            best["serial"] = min(best["serial"], _timed([exe, "extract", str(folder), "--jobs", "1"]))
            best["files"] = min(best["files"], _timed([exe, "extract", *map(str, files)]))
            best["joined"] = min(best["joined"], _timed([exe, "extract", str(joined)]))
            best["each"] = min(best["each"], sum(_timed([exe, "extract", str(f)]) for f in files))
            best["python"] = min(best["python"], _timed([sys.executable, "-c", "pass"]))
            best["version"] = min(best["version"], _timed([exe, "--version"]))
            best["anchor_import"] = min(best["anchor_import"], _timed(anchor_import))
            best["ours_import"] = min(best["ours_import"], _timed(ours_import))
    ratio = best["anchor"] / best["folder"]
    where = subprocess.run([sys.executable, "-c", _WHERE, str(files[0].parent)], capture_output=True, text=True)
    rate = lambda t: f"{chars / t / 1000:>6.0f}k chars/s {len(files) / t:>5.1f} reports/s"  # noqa: E731
    print(f"\n== 5. whole processes: {len(files)} reports ({chars:,} chars, {mib:.1f} MiB), best of {repeat} ==")
    print("start-up, imports, reading and writing included; CSV to /dev/null\n")
    print(f"  {'':<52}{'anchor':>9}{'ours':>9}")
    print(f"  {'a whole process over the 29 reports (its best way)':<52}{best['anchor']:>8.2f}s{best['folder']:>8.2f}s"
          f"   anchor/ours = {ratio:.1f}×")
    print(f"  {'of which: start, imports, models or rules built':<52}{best['anchor_import']:>8.2f}s"
          f"{best['ours_import']:>8.2f}s   (a process that only imports; python alone {best['python']:.2f}s)")
    print(f"  {'the rest: reading, extracting, writing the table':<52}{best['anchor'] - best['anchor_import']:>8.2f}s"
          f"{best['folder'] - best['ours_import']:>8.2f}s   anchor/ours = "
          f"{(best['anchor'] - best['anchor_import']) / max(1e-9, best['folder'] - best['ours_import']):.1f}×")
    print("  (anchor: bench/anchor.py, Recognizers-Text's number and percentage models, one process, report by")
    print("   report, line by line as scored; ours: `reportfigures extract CORPUS/`, two processes: the parent and a forked child)\n")
    print(f"  anchor: one process, report by report              {best['anchor']:>7.2f} s  {rate(best['anchor'])}")
    print(f"  anchor: two processes together (both cores)         {best['anchor2']:>7.2f} s  {rate(best['anchor2'])}")
    print(f"  ours: `reportfigures extract CORPUS/` (2 processes) {best['folder']:>7.2f} s  {rate(best['folder'])}"
          f"   anchor/ours = {ratio:.1f}× (anchor on two: {best['anchor2'] / best['folder']:.1f}×)")
    print(f"  ours: the {len(files)} files named (2 processes)            {best['files']:>7.2f} s  {rate(best['files'])}"
          f"   anchor/ours = {best['anchor'] / best['files']:.1f}×")
    print(f"  ours: `extract CORPUS/ --jobs 1` (one process)      {best['serial']:>7.2f} s  {rate(best['serial'])}"
          f"   anchor/ours = {best['anchor'] / best['serial']:.1f}×; two processes gain "
          f"{best['serial'] / best['folder']:.2f}×")
    print(f"  ours: the {len(files)} reports joined into one file          {best['joined']:>7.2f} s   "
          f"anchor/ours = {best['anchor'] / best['joined']:.1f}×")
    print(f"  ours: one process per report ({len(files)} processes)       {best['each']:>7.2f} s   "
          f"anchor/ours = {best['anchor'] / best['each']:.1f}×")
    print(f"    start-up alone: `python -c pass` {best['python'] * 1000:.0f} ms, "
          f"`reportfigures --version` {best['version'] * 1000:.0f} ms per process")
    print("  where ours spends its time, one process over the folder (ms): "
          + (where.stdout.strip() or where.stderr.strip()[-200:]))
    return {"ratio": ratio, "ratio_two": best["anchor2"] / best["folder"], "chars_per_s": chars / best["folder"],
            "anchor_import": best["anchor_import"], "ours_import": best["ours_import"]}


_WHERE = """
import io, sys, time
t = [time.perf_counter()]
def lap(name, out=[]):
    t.append(time.perf_counter()); out.append(f"{name} {1000 * (t[-1] - t[-2]):.0f}"); return out
import reportfigures.command, reportfigures.corpus.extract_command; lap("command (argparse)")
from pathlib import Path
from reportfigures.extract import extraction, mention, vocabulary
from reportfigures.source import read
from reportfigures.text import document, parts; lap("other modules")
vocabulary.vocabulary(); document.text_rules(); parts._vocab(); lap("rules (YAML, regexes)")
files = sorted(Path(sys.argv[1]).glob("*.txt"))
texts = [read.read_text(f).text for f in files]; lap("reading")
docs = [document.Document(s) for s in texts]; lap("text model")
for d in docs: parts.parts_of(d)
lap("parts")
found = [extraction.extract(d) for d in docs]; lap("extraction")
sink = io.StringIO()
for piece in mention.mention_tables(zip(map(str, files), found)): sink.write(piece)
out = lap("CSV")
print(", ".join(out))
"""


# --- 7. goals ------------------------------------------------------------------------------

def goals(res: dict, ratio: float | None, cases: dict | None = None, whole: dict | None = None,
          linear: bool | None = None, spec: dict | None = None, unseen: dict | None = None) -> None:
    o = res["ours"]
    rows = [
        ("recall 100% on the 2024 report", o["recall"] >= 100.0, f"{o['recall']:.1f}%"),
        ("precision >= 99%", o["precision"] >= 99.0, f"{o['precision']:.1f}%"),
        (f"value/unit/qualifier right on every {'/'.join(FIELD_KINDS)} mention",
         o["field_ok"] == o["field_n"], f"{o['field_ok']}/{o['field_n']}"),
        ("kind right on >= 95%", o["kind_acc"] >= 95.0, f"{o['kind_acc']:.1f}%"),
        (">= 5x anchor speed (in one process)", ratio is not None and ratio >= 5.0,
         f"{ratio:.1f}x" if ratio is not None else "not measured"),
    ]
    if cases is not None:
        rows.append(("ahead of the anchor on its own published cases", cases["ours"] > cases["anchor"],
                     f"{cases['ours']:.1f}% vs {cases['anchor']:.1f}%"))
    w = whole or {}
    rows.append((">= 8x anchor speed, whole processes, each its best way", w.get("ratio", 0) >= 8.0,
                 f"{w['ratio']:.1f}x, {w['chars_per_s'] / 1000:.0f}k chars/s" if w else "not measured"))
    if spec is not None:
        rows.append(("whole spec: >= 95% of the printable cases in every form", spec["min_form"] >= 0.95,
                     f"lowest form {100 * spec['min_form']:.1f}%, all {spec['ours']:.1f}%"))
        if spec["anchor"] is not None:
            rows.append(("whole spec: ahead of the anchor (hand-checked and published answers)",
                         spec["ours"] > spec["anchor"] and spec["ours_spec"] > spec["anchor_spec"],
                         f"{spec['ours']:.1f}% vs {spec['anchor']:.1f}%; {spec['ours_spec']:.1f}% vs {spec['anchor_spec']:.1f}%"))
    if unseen is not None:
        rows.append((f"unseen reports ({unseen['held_out']}): claim-like found >= 99%", unseen["found"] >= 99.0,
                     f"{unseen['found']:.1f}% (certain rows {unseen['found_certain']:.1f}%)"))
        rows.append((f"unseen reports ({unseen['held_out']}): kind right >= 97%", unseen["kind"] >= 97.0,
                     f"{unseen['kind']:.1f}% (certain rows {unseen['kind_certain']:.1f}%)"))
    rows.append(("time, memory and output linear in the input, any shape", bool(linear),
                 "yes" if linear else ("not measured" if linear is None else "no")))
    print("\n== 7. goals ==")
    for label, ok, got in rows:
        print(f"  {'PASS' if ok else 'FAIL'}  {label:<66} {got}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                    help="folder of *.txt reports (default: ../shared/corpus/gov-work-reports-2026 from the repo root)")
    ap.add_argument("--repeat", type=int, default=3, help="timing runs, the best is kept (default 3)")
    ap.add_argument("--quick", action="store_true", help="skip the whole-process and size sections")
    args = ap.parse_args(argv)

    anchor = Anchor()  # built once, outside every timing
    text = read_text(REPORT).text
    gold = load_gold(GOLD)
    res = report_section(text, gold, extract(text), anchor.recognize(text))
    cases = cases_section(anchor)
    spec = spec_report(extract, AnchorModels())
    seen = unseen_report(extract)

    corpus = args.corpus.resolve()
    files = sorted(corpus.glob("*.txt")) if corpus.is_dir() else []
    crashes = []
    texts = [text]
    if files:
        more, crashes = corpus_section(files, anchor)
        texts += more
    else:
        print(f"\n== 3. corpus: SKIPPED, no *.txt in {corpus} (give one with --corpus DIR) ==")
    ratio = speed_section(texts, anchor, max(1, args.repeat))
    whole = linear = None
    if not args.quick:
        # best of at least 5: a run of 0.2 s on both cores swings by 10% on a shared machine,
        # the anchor's 1.5 s much less; more runs take the best of both, as the others
        whole = whole_process_section(files, max(5, args.repeat))
        linear = size_section(corpus)
    goals(res, ratio, cases, whole, linear, spec, seen)
    if crashes:
        print("\nCRASHES (exit 1):\n  " + "\n  ".join(crashes))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
