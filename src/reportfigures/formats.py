"""One number formatter for text, tables, tooltips and axes, in Chinese publishing style.

Counts below 10,000 are printed whole and ungrouped (1551件); larger numbers take the
units a Chinese reader counts in (4.6万, 3.45亿) with at most two decimals; rates keep
their printed precision (98.16%). Bounds say they are bounds (至少800篇), never a bare 800.
`axis_expr()` is the same rule as a Vega expression, so chart axes agree with the text.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

QUALIFIER_WORDS = {"at_least": "至少", "at_most": "至多", "approx": "约", "exact": ""}
QUALIFIER_EN = {"at_least": "at least ", "at_most": "at most ", "approx": "about ", "exact": ""}
_STEPS = ((Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万"))


def _trim(d: Decimal, places: int = 2) -> str:
    q = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    s = format(q, "f")
    return s.rstrip("0").rstrip(".") if "." in s else s


def number(value: int | float | None, unit: str = "") -> str:
    """1551 → '1551', 46000 → '4.6万', 345000000 → '3.45亿', 98.16 with % → '98.16'."""
    if value is None:
        return "–"
    d = Decimal(str(value))
    if unit in ("%", "‰", "个百分点"):
        return _trim(d, 2)
    sign = "-" if d < 0 else ""
    d = abs(d)
    for step, word in _STEPS:
        if d >= step:
            return f"{sign}{_trim(d / step)}{word}"
    return sign + _trim(d)


_BOTH_ENDS = ("%", "‰", "‱")  # 4.5%–5%: a per-cent sign follows each end; 3–5个: a unit the last


def quantity(value: int | float | None, unit: str = "", qualifier: str = "exact",
             high: int | float | None = None) -> str:
    """'1551件', '至少800篇', '98.16%', '约120亿元': the value as a reader should read it;
    a range with its high end: '3–5个', '4.5%–5%', '1万–2万人'."""
    if qualifier == "range" and high is not None:
        return f"{number(value, unit)}{unit if unit in _BOTH_ENDS else ''}–{number(high, unit)}{unit}"
    return f"{QUALIFIER_WORDS.get(qualifier, '')}{number(value, unit)}{unit}"


def number_en(value: int | float | None, unit: str = "", high: int | float | None = None) -> str:
    """The English text's form: 1551, 160 million, 98.16%; a range: 3–5, 4.5%–5%."""
    if high is not None and value is not None:
        low, top = number_en(value, unit), number_en(high, unit)
        return f"{low.removesuffix(' yuan') if top.endswith(' yuan') else low}–{top}"
    if value is None:
        return "–"
    d = Decimal(str(value))
    if unit in ("%", "‰"):
        return _trim(d, 2) + unit
    for step, word in ((10**12, "trillion"), (10**9, "billion"), (10**6, "million")):
        if abs(d) >= step:
            return f"{_trim(d / step)} {word}" + (" yuan" if unit == "元" else "")
    s = _trim(d)
    whole, _, frac = s.partition(".")
    return f"{int(whole):,}" + (f".{frac}" if frac else "") + (" yuan" if unit == "元" else "")


def change(old: float | None, new: float | None, unit: str = "") -> str:
    """'+120件 (+7.7%)': the difference between editions, with its sign."""
    if old is None or new is None:
        return "–"
    diff = Decimal(str(new)) - Decimal(str(old))
    sign = "+" if diff > 0 else ""
    out = f"{sign}{number(float(diff), unit)}{'个百分点' if unit == '%' else unit}"
    if old and unit != "%":
        pct = diff / Decimal(str(old)) * 100
        out += f" ({'+' if pct > 0 else ''}{_trim(pct, 1)}%)"
    return out


def axis_expr(field: str = "datum.value") -> str:
    """The same rule for Vega axis labels (labelExpr): 万 and 亿 with at most two decimals."""
    def fixed(scale: str) -> str:
        return f"replace(format({field}{scale}, '.2f'), /\\.?0+$/, '')"
    return (f"abs({field}) >= 1e8 ? {fixed(' / 1e8')} + '亿' : "
            f"abs({field}) >= 1e4 ? {fixed(' / 1e4')} + '万' : {fixed('')}")


UNIT_EN = {"个百分点": " percentage points", "百分点": " percentage points", "倍": "-fold"}


def quantity_en(value: int | float | None, unit: str = "", qualifier: str = "exact",
                high: int | float | None = None) -> str:
    """The English text's form of a quantity: 'at least 800', '98.16%', '0.37 percentage points';
    a range with its high end: '4.5%–5%'."""
    if qualifier == "range" and high not in (None, ""):
        return f"{number_en(value, unit, float(high))}{UNIT_EN.get(unit, '')}"
    return f"{QUALIFIER_EN.get(qualifier, '')}{number_en(value, unit)}{UNIT_EN.get(unit, '')}"


def axis_expr_en(field: str = "datum.value") -> str:
    """Axis labels for the English charts: thousands separators, millions and billions."""
    def fixed(scale: str) -> str:
        return f"replace(format({field}{scale}, '.2f'), /\\.?0+$/, '')"
    return (f"abs({field}) >= 1e9 ? {fixed(' / 1e9')} + ' bn' : "
            f"abs({field}) >= 1e6 ? {fixed(' / 1e6')} + ' m' : format({field}, ',~r')")
