"""Where a report comes from, read from its own opening lines: body, date, session, speaker.

A government work report opens with its title (2026年重庆市政府工作报告), where it was
delivered (——2026年1月28日在重庆市第六届人民代表大会第四次会议上), who delivered it
(重庆市人民政府市长 胡衡华) and, as copied from the web, the outlet and date it was published
(来源：重庆日报, 时间：2026-02-03). Each fact found is recorded with `source: text`; a fact
the text does not state is "unknown", never guessed. The patterns are rules/provenance.yml.

In comes the text (and the year it is filed under); out comes the archive metadata that
report.meta.yml holds for the CPPCC report: title, body, years, facts and known gaps.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..rules import load_rules

HEAD = 1600  # characters: the opening lines, before the report's first part


@lru_cache(maxsize=1)
def _rules() -> dict:
    r = load_rules("provenance")
    return {k: re.compile(v) if isinstance(v, str) and k.endswith("_re") else v for k, v in r.items()}


def _pinyin(s: str, sep: str = "") -> str:
    from pypinyin import lazy_pinyin
    return sep.join(lazy_pinyin(s)).replace("ü", "u")


def region_en(region: str) -> str:
    """重庆市 → Chongqing Municipality; 广西壮族自治区 → Guangxi Zhuang Autonomous Region."""
    r = _rules()
    for zh, en in r["regions_en"].items():
        if region.startswith(zh):
            return en
    for suffix, en in r["suffixes_en"].items():
        if region.endswith(suffix) and len(region) > len(suffix):
            return f"{_pinyin(region[:-len(suffix)]).title()} {en}"
    return _pinyin(region).title() or region


def person_en(name: str) -> str:
    """Surname first, as Chinese names are written in English: 胡衡华 → Hu Henghua."""
    name = re.sub(r"\s+", "", name)
    if not name:
        return ""
    return f"{_pinyin(name[0]).title()} {_pinyin(name[1:]).title()}".strip()


def read(text: str, year: int, reviewed_year: int | None = None) -> dict:
    """The archive metadata of a report, from its opening lines."""
    r = _rules()
    head = text[:HEAD]
    title_m = r["title_re"].search(head)
    title = re.sub(r"\s+", "", title_m.group(0)) if title_m else ""
    region = title_m.group("region") if title_m else ""
    kind = title_m.group("kind") if title_m else ""
    body_m = r["body_re"].search(text[:HEAD * 3])
    body = body_m.group("body") if body_m else ""  # 我代表省人民政府: the region comes from the title
    facts = []
    when = r["delivered_re"].search(head)
    if not region and when:  # 2026年政府工作报告: the region is the session's
        region = re.match(r"[\u4e00-\u9fff]*?(省|市|自治区)", re.sub(r"\s+", "", when.group("session")))
        region = region.group(0) if region else ""
    if body in ("人民政府", "省人民政府", "市人民政府", "自治区人民政府") and region:
        body = region + "人民政府"
    if not body and region:
        body = region + "人民政府"
    if when:
        y, mth, d = (_number(when.group(k)) for k in ("y", "m", "d"))
        facts.append(_fact("delivered_on", f"{y}年{mth}月{d}日", f"{y:04d}-{mth:02d}-{d:02d}"))
        session = re.sub(r"\s+", "", when.group("session"))
        facts.append(_fact("session", session, _session_en(session)))
    else:
        facts += [_unknown("delivered_on"), _unknown("session")]
    who = r["speaker_after_re"].search(head) or r["speaker_re"].search(head)
    if who:
        name = re.sub(r"\s+", "", who.group("name"))
        role = _trim_role(re.sub(r"\s+", "", who.group("role")), region)
        facts.append(_fact("delivered_by", f"{role}{name}", f"{person_en(name)} ({r['roles_en'].get(role[-2:], role)})"))
    else:
        facts.append(_unknown("delivered_by"))
    outlet = r["outlet_re"].search(head)
    facts.append(_fact("printed_in", outlet.group("outlet").strip(), f"{outlet.group('outlet').strip()} (as the copy names it)")
                 if outlet else _unknown("printed_in"))
    published = r["published_re"].search(head)
    facts.append(_fact("published_on", published.group("date"), published.group("date")) if published
                 else _unknown("published_on"))
    chrome = [ln.strip() for ln in head.splitlines()[:12] if ln.strip() in r["chrome_lines"] or ln.strip().startswith("【字号")]
    gaps_zh, gaps_en = [], []
    if chrome:
        gaps_zh.append(f"文本开头有网页界面文字（{'、'.join(dict.fromkeys(chrome))}），不属于报告正文")
        gaps_en.append(f"the text opens with web-page chrome ({', '.join(dict.fromkeys(chrome))}), which is not part of the report")
    reg_en = region_en(region) if region else ""
    meta = {
        "title": title or f"{year}年政府工作报告",
        "title_en": f"{year} Government Work Report of {reg_en}" if reg_en else f"{year} government work report",
        "body": body or "未知",
        "body_en": f"People's Government of {reg_en}" if reg_en else "unknown",
        "kind": kind or "政府工作报告",
        "medium": "web copy" if chrome or outlet else "text copy",
        "reviewed_year": reviewed_year if reviewed_year is not None else year - 1,
        "task_year": (reviewed_year if reviewed_year is not None else year - 1) + 1,
        "facts": facts,
        "gaps_zh": gaps_zh,
        "gaps_en": gaps_en,
    }
    return meta


def _trim_role(role: str, region: str) -> str:
    """The office alone: 三次会议上北京市市长 → 北京市市长, 日海南省省长 → 海南省省长."""
    if region and region in role:
        return role[role.index(region):]
    for mark in ("会议上", "日"):
        if mark in role:
            role = role[role.rindex(mark) + len(mark):]
    return role


def _number(s: str) -> int:
    """2026, 二〇二六, 1, 十二, 二十七."""
    if s.isdigit():
        return int(s)
    if s.startswith("二") and len(s) == 4 and "十" not in s:
        return int("".join(str("〇一二三四五六七八九".index(c.replace("零", "〇"))) for c in s))
    from .document import small_cn_int
    return small_cn_int(s)


def _fact(key: str, zh: str, en: str) -> dict:
    return {"key": key, "zh": zh, "en": en, "source": "text"}


def _unknown(key: str) -> dict:
    return {"key": key, "zh": "未知（文本未注明）", "en": "unknown (the text does not say)", "source": "text"}


_CN = "〇一二三四五六七八九十"


def _session_en(session: str) -> str:
    """重庆市第六届人民代表大会第四次会议 → the 4th session of the 6th People's Congress of Chongqing Municipality."""
    m = re.match(r"(?P<region>.+?)第?(?P<term>[一二三四五六七八九十]+)届人民代表大会第(?P<n>[一二三四五六七八九十]+)次会议", session)
    if not m:
        return session
    from .document import small_cn_int
    term, n = small_cn_int(m.group("term")), small_cn_int(m.group("n"))
    return f"the {_ordinal(n)} session of the {_ordinal(term)} People's Congress of {region_en(m.group('region'))}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
