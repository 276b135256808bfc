"""The words of the pages and notebooks, in Chinese and English (rules/strings.yml).

A page is in one language throughout: its chrome, its alt text and its findings. Every
string a reader sees comes from here or from the data (claims, figures, findings), so a
second page in another language is the same code with another `lang`.
"""

from __future__ import annotations

from functools import lru_cache

from ..rules import load_rules

LANGS = ("zh", "en")
HTML_LANG = {"zh": "zh-Hans", "en": "en"}


@lru_cache(maxsize=1)
def strings() -> dict:
    return load_rules("strings")


def t(key: str, lang: str = "zh", **values) -> str:
    """The string `key` in `lang`, with {names} filled in."""
    entry = strings().get(key)
    if entry is None:
        raise KeyError(f"no string '{key}' in rules/strings.yml")
    text = entry["en" if lang == "en" else "zh"]
    return text.format(**values) if values else text


_EN_NOUNS = {"contradiction": ("contradiction", "contradictions"),
             "not_reproducible": ("figure that cannot be reproduced", "figures that cannot be reproduced"),
             "misprint": ("likely misprint", "likely misprints"),
             "worth_a_look": ("point worth a look", "points worth a look"),
             "consistent": ("check that agrees", "checks that agree"),
             "cannot_check": ("claim that cannot be checked", "claims that cannot be checked")}


def summary_sentence(counts: dict[str, int], lang: str = "zh") -> str:
    """How many findings of each rating, as the one sentence a page opens with."""
    if lang != "en":
        return t("summary_counts", lang, **counts)
    def n(key: str) -> str:
        one, many = _EN_NOUNS[key]
        return f"{counts[key]} {one if counts[key] == 1 else many}"
    faults = ", ".join(n(k) for k in ("contradiction", "not_reproducible", "misprint"))
    return (f"Checked against itself, the report has {faults} and {n('worth_a_look')}; "
            f"{n('consistent')} and {n('cannot_check')}.")
