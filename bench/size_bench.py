"""Time, memory and output of `reportfigures extract` as inputs grow, whatever their shape.

    python bench/size_bench.py [--corpus DIR]

Each input is written to a temporary file and extracted by a fresh process (the command as a
user runs it), which reports its own peak memory; the output goes to a file, to be counted.
Shapes: the corpus joined 1, 2 and 4 times (report-like text); a report with its sentence
ends removed, as one line (every row used to repeat the whole line); runs of digits (once
quadratic, and a traceback past 4,300 digits); numeral characters without end; many items
(一是) and many part headings, which exercise the text model and the parts; 400 nines
before .5件 (once Infinity in JSON).
Each shape is measured at sizes n, 2n and 4n: growth is linear when the cost from 2n to 4n is
about twice the cost from n to 2n (start-up cancels out), quadratic when it is four times.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "data" / "raw" / "2024" / "report.txt"
DEFAULT_CORPUS = ROOT / ".." / "shared" / "corpus" / "gov-work-reports-2026"
# The child reports its own peak memory: VmHWM of /proc/self/status (ru_maxrss would carry the
# bench's own peak over fork and exec on Linux).
_CHILD = ("import resource, sys\n"
          "from reportfigures.cli import main\n"
          "code = main(sys.argv[1:])\n"
          "try:\n"
          "    kb = next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM'))\n"
          "except OSError:\n"
          "    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
          "sys.stderr.write(f'\\nmaxrss_kb={kb}\\n')\n"
          "sys.exit(code)\n")


def best_extract(text: str, repeat: int = 3) -> dict:
    """`run_extract` `repeat` times; the fastest run (the machine may be busy)."""
    return min((run_extract(text) for _ in range(repeat)), key=lambda r: r["secs"])


def run_extract(text: str, fmt: str = "csv") -> dict:
    """One `extract` process on `text`: seconds, peak MB, output bytes, exit code, stderr."""
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "in.txt", Path(tmp) / "out"
        src.write_text(text, encoding="utf-8")
        t0 = time.perf_counter()
        with open(out, "wb") as f:
            res = subprocess.run([sys.executable, "-c", _CHILD, "extract", str(src), "--format", fmt],
                                 stdout=f, stderr=subprocess.PIPE, text=True)
        secs = time.perf_counter() - t0
        m = re.search(r"maxrss_kb=(\d+)", res.stderr)
        body = out.read_bytes()
    return {"secs": secs, "mb": int(m.group(1)) / 1024 if m else float("nan"), "out": len(body),
            "code": res.returncode, "err": res.stderr.split("\nmaxrss")[0].strip(), "body": body}


def shapes(corpus: Path) -> list[tuple[str, list[str], int]]:
    """(family, [inputs of size n, 2n, 4n], runs to keep the fastest of) for every shape."""
    report = REPORT.read_text(encoding="utf-8")
    files = sorted(corpus.glob("*.txt")) if corpus.is_dir() else []
    joined = "\n\n".join(p.read_text(encoding="utf-8") for p in files) or report
    line = re.sub(r"[。！？!?\n]", "", report)
    long_line = line * (1_600_000 // len(line) + 1)
    sizes = lambda n: (n, 2 * n, 4 * n)  # noqa: E731
    return [
        ("corpus joined ×1, ×2, ×4", [joined, joined * 2, joined * 4], 3),
        ("one line without 。 (400k…1.6M chars)", [long_line[:n] for n in sizes(400_000)], 3),
        ("a run of digits (2M…8M)", ["共" + "1" * n + "件" for n in sizes(2_000_000)], 3),
        ("numeral characters without end (2M…8M)", ["一二三四五六七八九十百千万亿" * (n // 14) for n in sizes(2_000_000)], 3),
        ("items 一是… one a line (4k…16k lines)", ["一是，共收到提案1件。\n" * n for n in sizes(4_000)], 1),
        ("part headings with a body (8k…32k)", ["".join(f"{'一二三四五六七八九'[i % 9]}、第{i}部分\n2025年共收到提案"
                                                f"{i}件。\n" for i in range(n)) for n in sizes(8_000)], 1),
    ]


def growth(a: float, b: float, c: float, floor: float) -> float:
    """How the increments grow from n→2n to 2n→4n: 2 when linear, 4 when quadratic (start-up
    cancels out). Increments below `floor` are noise: reported as linear (2)."""
    d1, d2 = b - a, c - b
    return 2.0 if d2 <= floor else d2 / max(d1, floor / 2)


def size_section(corpus: Path) -> bool:
    """Print the table; returns whether every family grew linearly."""
    print("\n== 6. sizes: one `reportfigures extract` process per input, fastest of 3 (1 when slow) ==")
    print("growth = (cost from 2n to 4n) / (cost from n to 2n): 2 when linear, 4 when quadratic; "
          "linear: ≤ 3\n")
    print(f"{'input':<42}{'chars':>11}{'s':>8}{'chars/s':>11}{'peak MB':>9}{'out/in':>8}")
    linear = True
    for family, texts, repeat in shapes(corpus):
        rows = []
        for t in texts:
            r = best_extract(t, repeat)
            rows.append((len(t), r))
            flag = "" if r["code"] == 0 else f"  exit {r['code']}: {r['err'][:60]}"
            print(f"{family if len(rows) == 1 else '':<42}{len(t):>11,}{r['secs']:>8.2f}{len(t) / r['secs']:>11,.0f}"
                  f"{r['mb']:>9.0f}{r['out'] / max(1, len(t.encode('utf-8'))):>8.2f}{flag}")
        t_g = growth(*(r["secs"] for _, r in rows), floor=0.15)
        m_g = growth(*(r["mb"] for _, r in rows), floor=8.0)
        o_g = growth(*(r["out"] for _, r in rows), floor=64_000)
        ok = max(t_g, m_g, o_g) <= 3.0
        linear &= ok
        print(f"{'':<42}{'growth:':>11} time {t_g:.1f}, memory {m_g:.1f}, output {o_g:.1f}  "
              f"{'linear' if ok else 'NOT LINEAR'}")
    edge = run_extract("增长" + "9" * 400 + ".5件，" + "1" * 5000 + "件。", fmt="json")
    data = json.loads(edge["body"] or b"[]")
    print(f"{'400 nines .5件 and a 5,000-digit number (JSON)':<42} exit {edge['code']}, "
          f"{len(data)} mentions, values {[d['value'] for d in data]}  (no Infinity, no traceback)")
    t0 = time.perf_counter()
    res = subprocess.run([sys.executable, "-m", "reportfigures.cli", "extract", "/dev/zero"],
                         capture_output=True, text=True)
    print(f"{'extract /dev/zero':<42} exit {res.returncode} in {time.perf_counter() - t0:.2f} s: {res.stderr.strip()}")
    return linear


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = ap.parse_args(argv)
    return 0 if size_section(args.corpus.resolve()) else 1


if __name__ == "__main__":
    sys.exit(main())
