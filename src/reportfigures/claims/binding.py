"""Binding last year's claims to this year's numbers: one assignment over a score matrix.

Greedy matching claim by claim depends on the order and lets one early mistake push later
claims onto the wrong number. Here every catalog claim is scored against every claimable
number at once and `scipy.optimize.linear_sum_assignment` picks the pairs with the highest
total: each claim takes at most one number, each number at most one claim. A score adds
weak signals that a decoy cannot fake together: the catalog locator (unit, part, keywords),
the counted noun, last year's clause and sentence, the neighbouring numbers, the section
and the claim's subject. A claim whose best number scores under THRESHOLD stays unbound
("missing"). Each binding keeps its runner-up and the margin, for the reviewer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .catalog import ClaimDef, contexts, matches, mention_part
from ..extract.mention import Mention
from ..text.document import Document

THRESHOLD = 0.35  # soft score under which a claim without an exact locator match stays unbound
CARRY_THRESHOLD = 0.55  # the same for a claim carried from last year without keywords (no catalog)
MIN_WORDS = 0.5  # a carried claim's noun or clause must come back at least this much
LOCATOR_BONUS = 1.0  # an exact locator match outranks any soft evidence
LOW_MARGIN = 0.15  # a binding this close to its runner-up is flagged for the reviewer
MIN_RESEMBLANCE = 0.2  # last year's sentence or clause must come back at least this much
_IMPOSSIBLE = -1e6
_STRIP = str.maketrans("", "", "0123456789０１２３４５６７８９.．%％〇零一二两三四五六七八九十百千万亿余多近约超，,。；;：:、“”\"（）() \u3000⟨⟩")


@dataclass(frozen=True)
class Profile:
    """How a claim stood in the base year's text: what the new year's number should resemble."""
    context: str
    sentence: str
    noun: str
    section: str
    neighbours: tuple[str, ...]
    verb: str = ""
    qualifier: str = ""
    horizon: str = "year"  # year | period | from (measures.horizon_of)
    stance: str = ""


@dataclass
class Binding:
    claim: ClaimDef
    status: str  # found | missing | pinned | absent
    mention: Mention | None = None
    score: float = 0.0
    runner_up: Mention | None = None
    runner_up_score: float = 0.0
    how: str = ""  # locator | assignment | override | reviewer

    @property
    def margin(self) -> float:
        return self.score - self.runner_up_score if self.mention is not None else 0.0


@dataclass
class Evidence:
    """What the scorer needs of each number of the new text."""
    mention: Mention
    context: str
    noun: str
    section: str
    neighbours: tuple[str, ...] = field(default_factory=tuple)
    verb: str = ""
    measure: str = ""  # the standard indicator the number measures (measures.py), if any
    horizon: str = "year"
    stance: str = ""  # stock (达到195个) | new (新增10个) | "" (measures.stance_of)


def bigrams(s: str) -> set[str]:
    s = s.translate(_STRIP)
    return {s[i:i + 2] for i in range(len(s) - 1)} or ({s} if s else set())


def containment(old: str, new: str) -> float:
    """Share of the old text's character bigrams found again in the new one."""
    a, b = bigrams(old), bigrams(new)
    return len(a & b) / len(a) if a else 0.0


def overlap(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    if not a and not b:
        return 1.0
    sa, sb = set(a), set(b)
    return len(sa & sb) / max(len(sa), len(sb))


def compatible(claim: ClaimDef, m: Mention) -> bool:
    """Unit and part must agree; a list count may have lost (or gained) its list."""
    if m.unit != claim.unit or mention_part(m) != claim.part:
        return False
    return m.kind == claim.kind or {m.kind, claim.kind} == {"metric", "list_count"}


VERB_MISMATCH = 0.3  # 采用200篇 is not 报送860余篇: another verb is another measure
QUALIFIER_MISMATCH = 0.1  # 860余篇 (at least) and 200篇 (exact) are seldom one measure reworded


STRONG_CONTEXT = 0.7  # a clause that must come back nearly whole when the noun says nothing
_WEAK_NOUNS = frozenset(("突破", "增长", "下降", "提高", "达到", "超过", "合计", "占全国", "占比", "新增", "实现", "完成",
                         "建成", "获得", "惠及", "覆盖", "累计", "总计", "分别", "地区", "全国",
                         "项目"))  # 亿元以上项目 with its threshold a number of its own: 项目 alone names no kind


def _weak(noun: str, verb: str) -> bool:
    """A counted noun that names no thing: empty, the verb itself, or a word of degree."""
    n = noun.removesuffix("合计")
    return len(n) < 2 or n == verb or n in _WEAK_NOUNS or any(n == w + v for w in ("",) for v in _WEAK_NOUNS)


_RANK_RULES = frozenset(("rank_first", "rank_first_after_verb", "rank_top", "ordinal_di"))  # rules/numbers.yml


def _rank_or_streak(m: Mention, context: str) -> bool:
    """A rank reached (居全国首位, 第4位) or a streak (连续8年; the context holds ⟨⟩ where the
    number stands): what is ranked, or kept up, is elsewhere in the clause."""
    return m.rule in _RANK_RULES or "连续⟨⟩" in context


def carried_score(claim: ClaimDef, ev: Evidence, profile: Profile | None) -> float:
    """A claim carried from last year's automatic claims (a report without a catalog): no
    keywords, only how it stood last year. The same horizon (a year's figure is not a
    five-year total), and its counted noun or its clause must come back; a number of the
    same standard indicator outranks everything else."""
    m = ev.mention
    if profile is None or not compatible(claim, m) or ev.horizon != profile.horizon or ev.horizon == "from":
        return _IMPOSSIBLE
    if claim.measure and ev.measure and claim.measure != ev.measure:
        return _IMPOSSIBLE
    if {profile.stance, ev.stance} == {"stock", "new"}:
        return _IMPOSSIBLE  # a level reached (达到195个) is not what was added (新增10个)
    noun = 1.0 if ev.noun and ev.noun == profile.noun else min(containment(profile.noun, ev.noun),
                                                               containment(ev.noun, profile.noun))
    context = containment(profile.context, ev.context)
    named = bool(claim.measure) and ev.measure == claim.measure
    if _weak(profile.noun, profile.verb) or _weak(ev.noun, ev.verb) or _rank_or_streak(m, ev.context):
        noun = 0.0  # 突破, 增长, 占全国, 居全国首位, 连续8年: says how, not what; the clause must say what
        if not named and context < STRONG_CONTEXT:
            return _IMPOSSIBLE / 2
    if not named and max(noun, context) < MIN_WORDS:
        return _IMPOSSIBLE / 2  # shares a unit and little else: never the same measure
    soft = (0.35 * noun + 0.25 * context + 0.15 * containment(profile.sentence, m.sentence)
            + 0.10 * overlap(profile.neighbours, ev.neighbours) + 0.10 * containment(claim.subject_zh, ev.context)
            + 0.05 * containment(profile.section, ev.section))
    if profile.verb and ev.verb and profile.verb != ev.verb and profile.verb not in ev.context:
        soft -= VERB_MISMATCH
    if profile.qualifier and profile.qualifier != m.qualifier:
        soft -= QUALIFIER_MISMATCH
    if named:
        return soft + LOCATOR_BONUS
    if claim.measure or ev.measure:
        soft -= 0.3  # one of the two names a standard indicator, the other does not
    return soft


def score(claim: ClaimDef, ev: Evidence, profile: Profile | None) -> float:
    """How well a number's context matches a claim; LOCATOR_BONUS added for an exact
    locator match, or for the same standard indicator (measures.py). Without last year's
    profile only the catalog's own words count; a claim carried from last year's automatic
    claims has no keywords, only its profile."""
    m = ev.mention
    if not claim.near:
        return carried_score(claim, ev, profile)
    if not compatible(claim, m):
        return _IMPOSSIBLE
    if claim.measure and ev.measure and claim.measure != ev.measure:
        return _IMPOSSIBLE  # two named indicators, or two aspects of one: never the same measure
    near = sum(w in ev.context for w in claim.near) / len(claim.near)
    blocked = any(w in ev.context for w in claim.not_near)
    subject = containment(claim.subject_zh, ev.context + m.sentence)
    if profile is None:
        soft = 0.6 * near + 0.25 * subject + 0.15 * (ev.noun in claim.subject_zh if ev.noun else 0)
    else:
        noun = 1.0 if ev.noun and ev.noun == profile.noun else containment(profile.noun, ev.noun)
        context = containment(profile.context, ev.context)
        soft = (0.25 * near + 0.15 * noun + 0.15 * context
                + 0.10 * subject + 0.15 * containment(profile.sentence, m.sentence)
                + 0.15 * overlap(profile.neighbours, ev.neighbours) + 0.05 * containment(profile.section, ev.section))
        if profile.verb and ev.verb and profile.verb != ev.verb and profile.verb not in ev.context:
            soft -= VERB_MISMATCH
        if profile.qualifier and profile.qualifier != m.qualifier:
            soft -= QUALIFIER_MISMATCH
    if blocked:
        soft -= 0.3
    if profile is not None and max(containment(profile.sentence, m.sentence),
                                   containment(profile.context, ev.context)) < MIN_RESEMBLANCE:
        # the keywords in an unrelated sentence (another report, another topic): never bound
        return soft * 0.5
    return soft + (LOCATOR_BONUS if matches(claim, m, ev.context) else 0.0)


def evidence(doc: Document, mentions: list[Mention], measures: dict[int, str] | None = None) -> dict[int, Evidence]:
    """Context, counted noun, verb, section title, sentence neighbours, standard indicator
    (`measures`: start → measure key) and horizon of every number."""
    from . import subjects
    from .measures import horizons, stances
    from ..text.parts import parts_of

    ctx = contexts(doc, mentions)
    sents = {m.start: m.sentence for m in mentions}
    secs = {m.start: doc.section_at(m.start).title for m in mentions}
    subs = subjects.describe(ctx, mentions, sents, secs)
    by_sentence: dict[str, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    hz = horizons(doc, mentions, parts_of(doc).reviewed_year)
    st = stances(doc, mentions)
    out = {}
    for m in mentions:
        nb = tuple(sorted(f"{subs[o.start].noun}:{o.unit}" for o in by_sentence[m.sentence] if o.start != m.start))
        out[m.start] = Evidence(m, ctx[m.start], subs[m.start].noun, secs[m.start], nb, subs[m.start].verb,
                                (measures or {}).get(m.start, ""), hz[m.start], st[m.start])
    return out


def profiles(doc: Document, mentions: list[Mention], bound: dict[str, int]) -> dict[str, Profile]:
    """The base year's profile of each claim, from the numbers its review bound (claim → start)."""
    ev = evidence(doc, mentions)
    return {cid: Profile(ev[s].context, ev[s].mention.sentence, ev[s].noun, ev[s].section, ev[s].neighbours,
                         ev[s].verb, ev[s].mention.qualifier, ev[s].horizon, ev[s].stance)
            for cid, s in bound.items() if s in ev}


def assign(catalog: list[ClaimDef], doc: Document, mentions: list[Mention], *,
           base: dict[str, Profile] | None = None, pinned: dict[str, int] | None = None,
           absent: set[str] = frozenset(), measures: dict[int, str] | None = None) -> list[Binding]:
    """Bind every catalog claim to at most one number. `pinned` (claim → start) are the
    reviewer's overrides and `absent` the claims the reviewer declared absent: both are
    taken as given, and the rest is assigned around them."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    base = base or {}
    pinned = dict(pinned or {})
    ev = evidence(doc, mentions, measures)
    by_start = {m.start: m for m in mentions}
    out: dict[str, Binding] = {}
    for c in catalog:
        if c.id in absent:
            out[c.id] = Binding(c, "absent", how="reviewer")
        elif c.id in pinned:
            m = by_start.get(pinned[c.id])
            out[c.id] = Binding(c, "pinned" if m else "missing", m, LOCATOR_BONUS if m else 0.0, how="override")
    taken = {b.mention.start for b in out.values() if b.mention is not None}
    rows = [c for c in catalog if c.id not in out]
    cols = [m for m in mentions if m.start not in taken]
    n, k = len(rows), len(cols)
    scores = np.full((n, k), _IMPOSSIBLE)
    for i, c in enumerate(rows):
        for j, m in enumerate(cols):
            scores[i, j] = score(c, ev[m.start], base.get(c.id))
    floor = np.array([THRESHOLD if c.near else CARRY_THRESHOLD for c in rows]).reshape(-1, 1)
    keep = np.where(scores >= floor, scores, _IMPOSSIBLE)
    # one "stay unbound" column per claim, worth the threshold: a claim binds only above it
    stay = np.full((n, n), _IMPOSSIBLE)
    np.fill_diagonal(stay, floor.ravel() if n else [])
    r_idx, c_idx = linear_sum_assignment(np.hstack([keep, stay]) if n else np.zeros((0, 0)), maximize=True)
    chosen = dict(zip(r_idx, c_idx))
    for i, c in enumerate(rows):
        j = chosen.get(i, k + i)
        order = np.argsort(-scores[i]) if k else []
        if j < k:
            rest = [x for x in order if x != j and scores[i, x] > _IMPOSSIBLE / 2]
            ru = rest[0] if rest else None
            out[c.id] = Binding(c, "found", cols[j], float(scores[i, j]),
                                cols[ru] if ru is not None else None, float(scores[i, ru]) if ru is not None else 0.0,
                                "locator" if scores[i, j] >= LOCATOR_BONUS else "assignment")
        else:
            best = [x for x in order if scores[i, x] > _IMPOSSIBLE / 2]
            ru = best[0] if best else None
            out[c.id] = Binding(c, "missing", None, 0.0, cols[ru] if ru is not None else None,
                                float(scores[i, ru]) if ru is not None else 0.0)
    return [out[c.id] for c in catalog]
