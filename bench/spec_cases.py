"""Scoring on the whole Chinese number specs of Recognizers-Text (tests/fixtures/recognizers_spec/).

Every case of the four spec files whose input an official report could print (`plausible`),
read by our extractor as it reads a report, and compared with the spec's answer in the
spec's own notation, per spec model:

- NumberModel: every number with a value (8 of 一千多万 → 10000000; a percentage → 55.579%);
- PercentModel: the per-cent quantities only (%, ％, 个百分点, and 成 as tenths: 九成 → 90%);
- NumberRangeModel: the bounded quantities only, as intervals: [20,100] for 20—100, (500,)
  for 五百多 or 超过 500, [500,) for 五百以上 or 不少于 500, (,170) for 170之下;
- OrdinalModel: the ordinals (第二百五十 → 250).

A case is right when our readings and the answer are the same list: same count, same
values (both ends and their brackets for an interval), and each of our spans overlaps the
answer's text. The answer is the spec's, except on the 19 cases where the spec is wrong or
unhelpful for official Chinese (`spec_wrong`, with the reason in the fixture): there it is
the hand-checked `expected`. Both figures are reported, so nothing is hidden in that choice.
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections import Counter
from pathlib import Path

SPEC = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "recognizers_spec"
PERCENT_UNITS = {"%": 1, "％": 1, "个百分点": 1, "百分点": 1, "成": 10, "‰": 0.1}
# qualifier words that exclude the bound (大于 20 is (20,); 以上 and 不少于 include it)
_OPEN_LOW = re.compile(r"超过|超|逾|(?<!不)大于(?!(?:或者?)?等于)|多于|(?<!不)高于|(?<![最至])[多余]|之间")
_OPEN_HIGH = re.compile(r"不到|不足|(?<!不)低于|(?<!不)小于(?!(?:或者?)?等于)|之下|(?<!不)少于|之间")


def load(path: Path = SPEC / "cases.csv") -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def plausible(rows: list[dict]) -> list[dict]:
    return [r for r in rows if r["plausible"] == "yes"]


def answer(row: dict, spec: bool = False) -> list[dict]:
    """The answer a case is scored against: the hand-checked one where the spec is wrong
    for official Chinese, unless `spec` (then the spec's own, as published)."""
    if row["spec_wrong"] == "yes" and not spec:
        return json.loads(row["expected"])
    return json.loads(row["spec_results"])


def _fmt(x: float) -> str:
    return repr(float(x))


def reading(m, model: str) -> str | None:
    """Our mention in the spec's notation for `model`, or None when the model does not read
    such a quantity (a count for PercentModel, an exact number for NumberRangeModel)."""
    if m.value is None:
        return None
    unit = m.unit or ""
    pct = PERCENT_UNITS.get(unit)
    scale = pct if pct is not None else 1
    suffix = "%" if pct is not None else ""
    v = float(m.value) * scale
    if model == "OrdinalModel":
        # a rank reached (第一名, 居全国第二) is read as a figure of the year, yet it is a position
        return _fmt(v) if m.kind == "ordinal" or m.rule == "ordinal_di" else None
    if model == "PercentModel" and pct is None:
        return None
    if model == "NumberRangeModel":
        s = m.surface
        if m.qualifier == "range" and m.high is not None:
            lo, hi = ("(" if _OPEN_LOW.search(s) else "["), (")" if _OPEN_HIGH.search(s) else "]")
            return f"{lo}{_fmt(v)}{suffix},{_fmt(float(m.high) * scale)}{suffix}{hi}"
        if m.qualifier == "at_least":
            return f"{'(' if _OPEN_LOW.search(s) else '['}{_fmt(v)}{suffix},)"
        if m.qualifier == "at_most":
            return f"(,{_fmt(v)}{suffix}{')' if _OPEN_HIGH.search(s) else ']'}"
        return None
    if m.qualifier == "range" and m.high is not None and model == "PercentModel":
        return f"[{_fmt(v)}{suffix},{_fmt(float(m.high) * scale)}{suffix}]"
    return f"{_fmt(v)}{suffix}"  # NumberModel has no ranges: 二十几万 is 200000, as the spec reads it


def _norm(value: str) -> str:
    """The spec's value in the notation of `reading`: 10000000 → 10000000.0, [20%,30%] kept."""
    value = value.strip()
    m = re.fullmatch(r"([\[(])([^,]*),([^\])]*)([\])])", value)
    if m:
        lo, hi = m.group(2).strip(), m.group(3).strip()
        f = lambda s: "" if not s else _fmt(float(s.rstrip("%"))) + ("%" if s.endswith("%") else "")  # noqa: E731
        return f"{m.group(1)}{f(lo)},{f(hi)}{m.group(4)}"
    return _fmt(float(value.rstrip("%"))) + ("%" if value.endswith("%") else "")


def _same(a: str, b: str) -> bool:
    if a == b:
        return True
    na, nb = re.findall(r"-?[0-9.e+]+", a), re.findall(r"-?[0-9.e+]+", b)
    shape = lambda s: re.sub(r"-?[0-9.e+]+", "#", s)  # noqa: E731
    return shape(a) == shape(b) and len(na) == len(nb) and all(
        math.isclose(float(x), float(y), rel_tol=1e-9) for x, y in zip(na, nb))


def spans(text: str, results: list[dict]) -> list[tuple[int, int]]:
    """Each answer's [start, end) in the input: the spec's offsets, or its text found in order."""
    out, pos = [], 0
    for r in results:
        if r.get("start") is not None:
            out.append((r["start"], r["end"] + 1))
            continue
        i = text.find(r["text"], pos)
        i = text.find(r["text"]) if i < 0 else i
        out.append((i, i + len(r["text"])) if i >= 0 else (0, len(text)))
        pos = max(pos, i + len(r["text"]))
    return out


def judge(row: dict, mentions: list, spec: bool = False) -> tuple[bool, list[str], list[str]]:
    """(right, our readings, the answer's readings) of one case."""
    results = answer(row, spec)
    ours = [(m, r) for m in mentions if (r := reading(m, row["model"])) is not None]
    want = [_norm(r["value"]) for r in results]
    got = [r for _m, r in ours]
    ok = len(got) == len(want) and all(_same(g, w) for g, w in zip(got, want)) and all(
        m.start < e and s < m.end for (m, _r), (s, e) in zip(ours, spans(row["input"], results)))
    return ok, got, want


def score(rows: list[dict], extract, spec: bool = False) -> dict:
    """Per form: (right, cases, wrong rows with our readings and the answer's)."""
    out: dict[str, list] = {}
    for row in rows:
        ok, got, want = judge(row, extract(row["input"]), spec)
        cell = out.setdefault(row["form"], [0, 0, []])
        cell[0] += ok
        cell[1] += 1
        if not ok:
            cell[2].append((row, got, want))
    return out


def forms(rows: list[dict]) -> Counter:
    return Counter(r["form"] for r in rows)


# --- the anchor on the same cases, and the bench's report ------------------------------------

class AnchorModels:
    """The anchor's own model for each spec file (its Python port has no NumberRangeModel)."""

    def __init__(self) -> None:
        from recognizers_number import Culture, NumberRecognizer
        r = NumberRecognizer(Culture.Chinese)
        self.models = {"NumberModel": r.get_number_model(), "PercentModel": r.get_percentage_model(),
                       "OrdinalModel": r.get_ordinal_model()}

    def readings(self, row: dict) -> list[tuple[int, int, str]] | None:
        """(start, end, value in spec notation) of the anchor's answer; None: no such model."""
        model = self.models.get(row["model"])
        if model is None:
            return None
        try:
            found = model.parse(row["input"])
        except Exception:  # noqa: BLE001 — the anchor's own failure is its answer: nothing
            return []
        out = []
        for r in found:
            value = (r.resolution or {}).get("value")
            if value is None:
                continue
            try:
                out.append((r.start, r.end + 1, _norm(str(value))))
            except ValueError:
                continue
        return out


def anchor_judge(row: dict, found: list | None, spec: bool = False) -> bool:
    if found is None:
        return False
    results = answer(row, spec)
    want = [_norm(r["value"]) for r in results]
    return len(found) == len(want) and all(_same(g, w) for (_s, _e, g), w in zip(found, want)) and all(
        s < e2 and s2 < e for (s, e, _g), (s2, e2) in zip(found, spans(row["input"], results)))


def report(extract, anchor: AnchorModels | None) -> dict:
    """Print the per-form table of both tools, both answer keys, and the cases the spec gets wrong."""
    rows = plausible(load())
    ours = {k: score(rows, extract, spec=k) for k in (False, True)}
    anc = {}
    if anchor is not None:
        readings = [anchor.readings(r) for r in rows]
        for k in (False, True):
            cells: dict[str, list[int]] = {}
            for r, f in zip(rows, readings):
                c = cells.setdefault(r["form"], [0, 0])
                c[0] += anchor_judge(r, f, k)
                c[1] += 1
            anc[k] = cells
    print(f"\n== 2b. the whole Chinese number specs of Recognizers-Text ({len(load())} cases, "
          f"{len(rows)} an official report could print), per form ==")
    print("ours: extract() on the bare input, read in the spec's notation (bench/spec_cases.py); anchor: its own")
    print("model for the spec file. 'hand-checked': the spec's answer, except the 19 cases where it is wrong")
    print("for official Chinese; 'spec': the spec's answer as published, wrong ones included.\n")
    print(f"  {'form':<20}{'cases':>6}  {'ours hand-checked':>20}  {'ours spec':>14}  {'anchor hand-checked':>20}  {'anchor spec':>14}")
    tot = {"o": 0, "os": 0, "a": 0, "as": 0, "n": 0}
    for form in sorted(ours[False], key=lambda f: -ours[False][f][1]):
        ok, n, _w = ours[False][form]
        ok_s = ours[True][form][0]
        a, a_s = (anc[False][form][0], anc[True][form][0]) if anc else (None, None)
        tot["o"] += ok
        tot["os"] += ok_s
        tot["n"] += n
        tot["a"] += a or 0
        tot["as"] += a_s or 0
        fmt = lambda x: f"{x}/{n} {100 * x / n:5.1f}%" if x is not None else "—"  # noqa: E731
        print(f"  {form:<20}{n:>6}  {fmt(ok):>20}  {fmt(ok_s):>14}  {fmt(a):>20}  {fmt(a_s):>14}")
    n = tot["n"]
    print(f"  {'all':<20}{n:>6}   {tot['o']}/{n} {100 * tot['o'] / n:.1f}%  spec {100 * tot['os'] / n:.1f}%"
          + (f"   anchor {100 * tot['a'] / n:.1f}%  spec {100 * tot['as'] / n:.1f}%" if anc else ""))
    print("\n  still read wrong by ours (hand-checked answer):")
    for form, (_ok, _n, wrong) in sorted(ours[False].items()):
        for row, got, want in wrong:
            print(f"    {form}: {row['model']} {row['index']} {row['input'][:30]!r}: ours {got}, answer {want}")
    print("\n  where the spec's answer is wrong for official Chinese (the hand check's reason; counted as")
    print("  the spec says in the 'spec' columns):")
    for r in rows:
        if r["spec_wrong"] == "yes":
            spec_v = [x["value"] for x in json.loads(r["spec_results"])] or ["nothing"]
            hand = [x["value"] for x in json.loads(r["expected"])] or ["nothing"]
            print(f"    {r['model']} {r['index']} {r['input'][:24]!r}: spec {', '.join(spec_v)}; "
                  f"read as {', '.join(hand)}: {r['why_spec_wrong'][:90]}")
    return {"ours": 100 * tot["o"] / n, "ours_spec": 100 * tot["os"] / n,
            "anchor": 100 * tot["a"] / n if anc else None, "anchor_spec": 100 * tot["as"] / n if anc else None,
            "min_form": min(ok / k for ok, k, _w in ours[False].values())}
