"""The charts' house style: font, widths, palette, units' titles, and how labels wrap.
"""

from __future__ import annotations


FONT = "Noto Sans CJK SC"
WIDTH = 520
NARROW_WIDTH = 230  # the phone version: its text stays legible on a 360-400 px screen
LANGS = ("zh", "en")
TEXT = "#1a1a1a"
MUTED = "#555555"
# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
RATING_COLOURS = {"contradiction": "#D55E00", "not_reproducible": "#E69F00", "misprint": "#CC79A7",
                  "worth_a_look": "#56B4E9", "consistent": "#009E73", "cannot_check": "#999999"}
BOUND_KEY = {"zh": "虚线框：下限或约数，标签注明“至少”“约”。",
             "en": "Dashed box: a lower bound or an approximate figure, labelled “at least” or “about”."}
VALUE_KIND = {"zh": {False: "确数", True: "下限或约数（虚线框）"},
              "en": {False: "exact figure", True: "lower bound or approximate (dashed)"}}
UNIT_TITLE_EN = {"%": "per cent", "元": "yuan", "人次": "person-visits", "件": "items", "批次": "groups", "篇": "pieces",
                 "次": "times", "项": "items", "个": "items", "场": "events", "名": "people", "处": "places",
                 "条": "items", "期": "sessions", "家": "organisations", "个百分点": "percentage points"}


def _unit_title(unit: str, lang: str) -> str:
    if lang == "en":
        return UNIT_TITLE_EN.get(unit, "count")
    return unit


def _text_width(s: str, size: float = 10) -> float:
    """About how wide a line is drawn: a CJK character takes an em, a Latin one about half."""
    return sum(size if "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" else size * 0.55 for ch in s)


def _latin(line: str, size: float = 10) -> bool:
    """Mostly Latin text: broken at spaces, not between characters."""
    return _text_width(line, size) < len(line) * size * 0.8


def wrap(line: str, limit: float, size: float = 10) -> list[str]:
    """A footer line broken to fit the chart (Vega draws one text line; it does not wrap):
    at spaces in English, between characters (never before punctuation) in Chinese; a word
    wider than the line (Chinese in an English label) breaks between its characters."""
    latin = _latin(line, size)
    glued: list[tuple[str, str]] = []  # (piece, what joins it to the piece before)
    for i, tok in enumerate(line.split(" ") if latin else list(line)):
        if latin and _text_width(tok, size) > limit:
            glued += [(ch, " " if j == 0 and i else "") for j, ch in enumerate(tok)]
        else:
            glued.append((tok, " " if latin and i else ""))
    out: list[str] = []
    cur = ""
    for tok, sep in glued:
        trial = f"{cur}{sep}{tok}" if cur else tok
        if cur and _text_width(trial, size) > limit and tok[:1] not in "，。；：、）”’,.;:)":
            out.append(cur)
            cur = tok
        else:
            cur = trial
    return out + [cur] if cur else out


LABEL_LIMIT = {"zh": 220, "en": 260}
LABEL_SIZE = 11


def label_limit(lang: str, width: int) -> int:
    """The label column: fixed on the page's width, about half the plot on a narrow one."""
    return LABEL_LIMIT[lang] if width >= WIDTH else max(100, round(width * 0.5))


def wrap_label(label: str, limit: float, lines: int = 2) -> str:
    """A bar's label in at most `lines` lines of `limit` pixels, joined by newlines (the axis
    splits them); only what still does not fit ends in an ellipsis."""
    parts = wrap(label, limit - LABEL_SIZE, LABEL_SIZE)  # room for punctuation that ends a line (、 never opens one)
    if len(parts) <= lines:
        return "\n".join(parts)
    last = (" " if _latin(label, LABEL_SIZE) else "").join(parts[lines - 1:])
    while last and _text_width(last + "…", LABEL_SIZE) > limit:
        last = last[:-1].rstrip()
    return "\n".join(parts[:lines - 1] + [last + "…"])
