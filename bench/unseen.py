"""Scoring on reports the rules were not written against (tests/fixtures/unseen_mentions*/).

Hand-labelled samples of whole paragraphs, each labelled by reading without running the
extractor: the first eight from one seeded draw over the 2025 and 2026 reports of hainan,
hubei, ningxia, shanxi, xinjiang and yunnan, the ninth on from a second draw over guangxi,
jiangxi, qinghai, shaanxi, shanghai and zhejiang. For each claim-like mention (metric,
target, list_count):

- found: one of our mentions overlaps its span and has its value (a range: both ends);
- kind right: that mention's kind is the labelled one (a target is whatever the report
  plans for a coming year or period; a metric is what happened; a list count counts the
  items named beside it).

Rows the labeller marked `uncertain:` are counted like the others and listed apart.
"""

from __future__ import annotations

import csv
import math
from collections import Counter
from pathlib import Path

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "unseen_mentions"
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
CLAIM_KINDS = ("metric", "target", "list_count")


def load(path: Path = FIXTURE / "mentions.csv") -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def text_of(document: str, corpus: Path = CORPUS) -> str:
    year = document[:4]
    return (corpus / f"gov-work-reports-{year}" / document).read_text(encoding="utf-8")


def _close(a, b) -> bool:
    """Equal values; the labels write a fraction to six places (近1/3 → 0.333333)."""
    if a in (None, "") or b in (None, ""):
        return a in (None, "") and b in (None, "")
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9) or round(float(a), 6) == round(float(b), 6)


def match(gold: dict, mentions: list):
    """Our mention for a gold row: overlapping, same value (and high end), or None."""
    s, e = int(gold["start"]), int(gold["end"])
    for m in mentions:
        if m.start < e and s < m.end and m.value is not None and _close(m.value, gold["value"]) \
                and _close(m.high, gold["high"] or None):
            return m
    return None


def score(rows: list[dict], extract, corpus: Path = CORPUS) -> dict:
    """found / kind-right counts over the claim-like rows, with the misses listed."""
    by_doc: dict[str, list] = {}
    for d in sorted({r["document"] for r in rows}):
        by_doc[d] = extract(text_of(d, corpus))
    claim = [r for r in rows if r["kind"] in CLAIM_KINDS]
    missed, wrong_kind, confusion = [], [], Counter()
    for r in claim:
        m = match(r, by_doc[r["document"]])
        if m is None:
            missed.append(r)
            continue
        confusion[(r["kind"], m.kind)] += 1
        if m.kind != r["kind"]:
            wrong_kind.append((r, m))
    found = len(claim) - len(missed)
    return {"claim_like": len(claim), "found": found, "kind_right": found - len(wrong_kind),
            "missed": missed, "wrong_kind": wrong_kind, "confusion": confusion}


# Each sample, in the order it was drawn, and whether the rules were changed after reading it.
SAMPLES = [
    ("unseen_mentions", "ranks 1–99", "read while the rules were written (development)"),
    ("unseen_mentions_fresh", "ranks 100–185", "measured before any change, then read (development)"),
    ("unseen_mentions_final", "ranks 186–262", "measured before the last changes, then read (development)"),
    ("unseen_mentions_check", "ranks 263–353", "measured once, then read (development)"),
    ("unseen_mentions_last", "ranks 354–473", "held out once (found 99.1%, kind 95.5%), then read (development)"),
    # two labellers at once, each its fixed half of the draw; scored as one sample
    ("unseen_mentions_sixth_a+unseen_mentions_sixth_b", "ranks 474–605",
     "held out once (found 97.8%, kind 95.6%), then read (development)"),
    # three labellers at once, each its fixed third of the draw; scored as one sample
    ("unseen_mentions_seventh_a+unseen_mentions_seventh_b+unseen_mentions_seventh_c", "ranks 606–737",
     "held out once (found 98.6%, kind 95.2%), then read (development)"),
    ("unseen_mentions_eighth_a+unseen_mentions_eighth_b+unseen_mentions_eighth_c", "ranks 738–950",
     "held out once (found 97.0%, kind 94.4%), then read (development)"),
    # a new draw (seed 20261205) over six provinces no file of the repository named, drawn at random
    # from the thirteen such; four labellers at once, each its fixed quarter
    ("unseen_mentions_ninth_a+unseen_mentions_ninth_b+unseen_mentions_ninth_c+unseen_mentions_ninth_d",
     "new: ranks 1–192", "held out once (found 98.7%, kind 97.1%), then read (development)"),
    ("unseen_mentions_tenth_a+unseen_mentions_tenth_b+unseen_mentions_tenth_c", "new: ranks 193–336",
     "held out once (found 98.7%, kind 92.6%), then read (development)"),
    ("unseen_mentions_eleventh_a+unseen_mentions_eleventh_b+unseen_mentions_eleventh_c", "new: ranks 337–480",
     "held out once (found 98.6%, kind 96.6%), then read (development)"),
    ("unseen_mentions_twelfth_a+unseen_mentions_twelfth_b+unseen_mentions_twelfth_c", "new: ranks 481–624",
     "held out once (found 99.3%, kind 97.5%); the rules measured are the rules shipped"),
]

# The held-out measurements, each taken once with the rules frozen at the commit named, on a
# sample nobody had read; after it the sample was read and the rules changed, so running it
# again measures development, not unseen text. The first draw is exhausted with the eighth
# sample (every line of its 12 texts labelled); the ninth starts a second draw over six other
# provinces' 12 texts, which no rule had been written from.
HELD_OUT = [
    # (sample, rules at commit, claim-like rows, found %, kind %, found % certain, kind % certain)
    ("unseen_mentions_last", "(session of issue 17)", 335, 99.1, 95.5, None, None),
    ("unseen_mentions_sixth_a+unseen_mentions_sixth_b", "30ae05c", 446, 97.8, 95.6, 98.4, 97.1),
    ("unseen_mentions_seventh_a+unseen_mentions_seventh_b+unseen_mentions_seventh_c", "ef123eb", 420,
     98.57, 95.17, 99.49, 96.92),
    ("unseen_mentions_eighth_a+unseen_mentions_eighth_b+unseen_mentions_eighth_c", "7af455a", 495,
     96.97, 94.38, 98.43, 97.49),
    # guangxi, jiangxi, qinghai, shaanxi, shanghai, zhejiang (2025 and 2026): 663 of 672 found, 644 kind
    ("unseen_mentions_ninth_a+unseen_mentions_ninth_b+unseen_mentions_ninth_c+unseen_mentions_ninth_d",
     "0bee310", 672, 98.66, 97.13, 99.84, 98.12),
    # the same texts, ranks 193–336 (nobody had read them): 461 of 467 found, 427 kind; 25 of the 34
    # kinds missed stand in one paragraph, the 十四五 review that opens 2026-shanghai's plan part
    ("unseen_mentions_tenth_a+unseen_mentions_tenth_b+unseen_mentions_tenth_c", "704351c", 467,
     98.72, 92.62, 99.31, 93.26),
    # ranks 337–480 (nobody had read them), rules at 1708dc2 (b5d1d48 reads the same): 436 of 442 found,
    # 421 kind; all six numbers not found are rows the labellers marked uncertain
    ("unseen_mentions_eleventh_a+unseen_mentions_eleventh_b+unseen_mentions_eleventh_c", "1708dc2", 442,
     98.64, 96.56, 100.0, 98.31),
    # ranks 481–624 (nobody had read them), rules at ba83d0e: 435 of 442 found, 424 kind; the three numbers
    # not found are rows marked uncertain (I—Ⅲ类 with a Latin I twice, 千座公园城市)
    ("unseen_mentions_twelfth_a+unseen_mentions_twelfth_b+unseen_mentions_twelfth_c", "ba83d0e", 438,
     99.32, 97.47, 100.0, 99.51),
]


def load_sample(name: str) -> list[dict]:
    """A sample's gold rows; `a+b` joins samples labelled side by side."""
    return [row for part in name.split("+") for row in load(FIXTURE.parent / part / "mentions.csv")]


def _certain(r: dict) -> bool:
    return not r["note"].startswith("uncertain")


def report(extract) -> dict:
    """Found and kind-right per sample now (all development once read), and the held-out
    measurements as they were taken; the last of them is the figure the goals are held to."""
    print("\n== 3b. reports the rules were not written against: hainan, hubei, ningxia, shanxi, xinjiang, "
          "yunnan, then guangxi, jiangxi, qinghai, shaanxi, shanghai, zhejiang (2025 and 2026) ==")
    print("claim-like = metric, target or list_count by the hand label; found = a mention overlaps it with its")
    print("value; kind = that mention's kind is the label's. Eight samples of one seeded draw over every line")
    print("of the first 12 texts, then samples of a second draw over the other 12, each labelled by reading only.")
    print("Today's rules on each (each read once measured):\n")
    print(f"  {'sample':<24}{'draw':<20}{'claim-like':>10}{'found':>16}{'kind right':>16}"
          f"{'found (certain)':>18}{'kind (certain)':>16}")
    out = {}
    for name, ranks, status in SAMPLES:
        if not all((FIXTURE.parent / part / "mentions.csv").exists() for part in name.split("+")):
            continue
        rows = load_sample(name)
        r = score(rows, extract)
        sure = score([x for x in rows if _certain(x)], extract)
        n, f, k = r["claim_like"], r["found"], r["kind_right"]
        sn, sf, sk = sure["claim_like"], sure["found"], sure["kind_right"]
        short = name.replace("unseen_mentions_", "").replace("+", " + ")
        short = short if len(short) < 24 else short.split(" + ")[0].rstrip("_abcd") + " (" + "+".join(p[-1] for p in name.split("+")) + ")"
        print(f"  {short:<24}{ranks:<20}{n:>10}{f'{f} {100 * f / n:.1f}%':>16}{f'{k} {100 * k / f:.1f}%':>16}"
              f"{f'{100 * sf / sn:.1f}%':>18}{f'{100 * sk / sf:.1f}%':>16}   {status}")
        out[name] = {"found": 100 * f / n, "kind": 100 * k / f, "rows": n, "result": r}
    total = [sum(v["result"][k] for v in out.values()) for k in ("claim_like", "found", "kind_right")]
    if total[0]:
        print(f"  {'all':<44}{total[0]:>10}{f'{total[1]} {100 * total[1] / total[0]:.1f}%':>16}"
              f"{f'{total[2]} {100 * total[2] / total[1]:.1f}%':>16}")
    print("\n  held out, each measured once with the rules frozen (the sample unread until then):")
    for name, commit, n, f, k, fc, kc in HELD_OUT:
        short = name.replace("unseen_mentions_", "").split("+")[0].rstrip("_abcd")
        sure = f"; certain rows found {fc:.1f}%, kind {kc:.1f}%" if fc is not None else ""
        print(f"    {short:<10} rules at {commit:<22} {n} claim-like: found {f:.1f}%, kind {k:.1f}%{sure}")
    name, commit, n, f, k, fc, kc = HELD_OUT[-1]
    r = out.get(name, {}).get("result")
    if r is not None:
        print(f"\n  {name}, with today's rules (read since): not found ({len(r['missed'])})")
        for g in r["missed"]:
            print(f"    {g['document']} {g['start']} {g['surface']} ({g['kind']}): {g['note'][:80]}")
        print(f"  another kind ({len(r['wrong_kind'])})")
        for g, m in r["wrong_kind"]:
            print(f"    {g['document']} {g['start']} {g['surface']}: labelled {g['kind']}, read {m.kind}: {g['note'][:70]}")
    return {"held_out": f"{name.replace('unseen_mentions_', '').split('+')[0].rstrip('_abcd')} sample, rules at {commit}",
            "found": f, "kind": k, "found_certain": fc, "kind_certain": kc}
