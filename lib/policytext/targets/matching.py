"""Which of last year's results is the same indicator as this year's target?

Reports name one indicator in several ways (地区生产总值 / 生产总值 / GDP, 新增城镇就业 /
城镇新增就业), with region prefixes (全区, 全市, 地方财政 …) and changing wording from
year to year. Matching therefore works on *normalised* names, looks them up in a reviewed
alias table (``resources/indicator_aliases.csv``), and only pairs two quantities whose
units and kind of change can be compared (a growth rate in % is never the "same" as a
level in 元). Every match carries a confidence in [0, 1] and the method that found it;
a target with no acceptable candidate stays unmatched.
"""

from __future__ import annotations

import csv
import math
import re
import unicodedata
from functools import lru_cache
from importlib import resources

import pandas as pd

__all__ = [
    "RATE_UNITS",
    "best_matches",
    "canonical_indicator",
    "comparable",
    "load_aliases",
    "name_similarity",
    "normalize_indicator",
]

#: Units whose values are rates; a tolerance for them is in percentage points.
RATE_UNITS = frozenset({"%", "个百分点", "百分点"})

#: Prefixes that name the whole jurisdiction or the budget level, not the indicator.
#: Longest first so that 全社会 is removed before 全 could be mistaken for part of a name.
_PREFIXES = (
    "全社会", "全街道", "全区", "全市", "全省", "全县", "全州", "全旗", "全盟", "全镇", "全乡",
    "全国", "本区", "本市", "本县", "我区", "我市", "我县", "我省", "区级", "市级", "县级",
    "全年", "地方", "财政", "一年来", "今年", "去年",
)
#: Suffixes that describe how the indicator moved rather than what it is (生产总值增速).
_SUFFIXES = ("增长率", "增速", "增幅", "增长", "涨幅", "上涨", "同比", "年均",
             # the verb of a target or a result left on the name (涨幅控制在 3%, 回落到 2.6%)
             "控制在", "稳定在", "保持在", "回落到", "达到", "平均值为", "平均为", "均值",
             "为", "在", "实际", "名义")
#: Who an income belongs to: 城镇 and 农村 residents are not all residents (城乡/全体).
_SUBJECTS = re.compile(r"城镇|农村|城乡")

#: Wordings of one project stage, mapped to the plain verb.
_STAGES = {"新开工": "开工", "开工建设": "开工", "建成通车": "建成", "建成投用": "建成",
           "建成投运": "建成", "竣工投用": "竣工"}
_STAGE_WORDS = re.compile("|".join(sorted(_STAGES, key=len, reverse=True)))

_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")
_QUOTES = re.compile(r"[“”\"'‘’「」『』《》\s]")


def normalize_indicator(name: object, *, places: tuple[str, ...] = ()) -> str:
    """The indicator name without region prefixes, quotes, brackets or growth suffixes.

    ``places`` are further prefixes to strip, such as the report's own region name.

    >>> normalize_indicator("全区地方财政一般公共预算收入（不含基金）")
    '一般公共预算收入'
    >>> normalize_indicator("青山区ＧＤＰ增速", places=("青山区",))
    'GDP'
    """
    if name is None or (isinstance(name, float) and math.isnan(name)):
        return ""
    return _normalize(str(name), tuple(places))


@lru_cache(maxsize=65536)
def _normalize(name: str, places: tuple[str, ...]) -> str:
    # Matching compares every target with every actual: the same names come back thousands of
    # times per report, so the result is cached.
    text = unicodedata.normalize("NFKC", name).upper()
    text = _QUOTES.sub("", _BRACKETED.sub("", text))
    # 常住居民 and 全体居民 are how some provinces say 居民 (城镇常住居民人均可支配收入).
    text = text.replace("常住居民", "居民").replace("全体居民", "居民")
    # the jurisdiction named inside a ratio (研发经费支出相当于全市生产总值的比例)
    text = re.sub(r"(?<=.)全(?:市|省|区|国|县)(?=.)", "", text)
    # One stage of a project said several ways: 新开工 / 开工建设 / 开工, 建成通车 / 建成投用 / 建成.
    text = _STAGE_WORDS.sub(lambda m: _STAGES[m.group(0)], text)
    prefixes = tuple(sorted({*_PREFIXES, *(p for p in places if p)}, key=len, reverse=True))
    changed = True
    while changed:  # prefixes stack up: 全区 + 地方 + 财政 + 一般公共预算收入
        changed = False
        for prefix in prefixes:
            if text.startswith(prefix) and len(text) > len(prefix) + 1:
                text, changed = text[len(prefix):], True
                break
        for suffix in _SUFFIXES:
            if text.endswith(suffix) and len(text) > len(suffix) + 1:
                text, changed = text[: -len(suffix)], True
                break
    return text


@lru_cache(maxsize=1)
def _alias_map() -> dict[str, str]:
    table = load_aliases()
    return {normalize_indicator(a): normalize_indicator(c)
            for c, a in zip(table["canonical"], table["alias"])}


def load_aliases() -> pd.DataFrame:
    """The reviewed alias table (columns canonical, alias), one row per spelling.

    >>> aliases = load_aliases()
    >>> sorted(aliases.loc[aliases.canonical == "生产总值", "alias"])[:2]
    ['GDP', '国内生产总值']
    """
    source = resources.files("policytext") / "resources" / "indicator_aliases.csv"
    with source.open(encoding="utf-8-sig", newline="") as handle:
        rows = [(r["canonical"].strip(), r["alias"].strip()) for r in csv.DictReader(handle)]
    return pd.DataFrame(rows, columns=["canonical", "alias"])


def canonical_indicator(name: object, *, places: tuple[str, ...] = ()) -> str:
    """The canonical name of an indicator (via the alias table), or its normalised form.

    >>> canonical_indicator("全区地区生产总值"), canonical_indicator("新增城镇就业")
    ('生产总值', '城镇新增就业')
    """
    norm = normalize_indicator(name, places=places)
    return _alias_map().get(norm, norm)


def name_similarity(a: object, b: object, *, places: tuple[str, ...] = ()) -> tuple[float, str]:
    """How surely two indicator names mean the same thing: (score, method).

    exact 1.0 · normalized 0.95 (only prefixes differ) · alias 0.9 (the reviewed table) ·
    partial 0.7 (one canonical name holds the other, at least half its length, or all of it
    in order with a word inserted) · reordered 0.7 (the same words in the other order:
    网签安置房 / 安置房网签) · head 0.6 (the same head noun of three characters or more,
    another modifier: 公办幼儿园 / 新增幼儿园) · none 0;
    at most 0.6 when a name has only one or two characters (项目, 学位) and is no reviewed alias.

    >>> name_similarity("地区生产总值", "GDP")
    (0.9, 'alias')
    >>> name_similarity("停车泊位", "建成停车泊位")
    (0.7, 'partial')
    >>> name_similarity("生产总值", "税收")
    (0.0, 'none')
    """
    if not isinstance(a, str) or not isinstance(b, str) or not a or not b:
        return 0.0, "none"
    na, nb = normalize_indicator(a, places=places), normalize_indicator(b, places=places)
    score, method = _name_score(a, b, na, nb)
    # One- or two-character names (项目, 道路) are too generic to be sure of, even when equal,
    # unless the reviewed alias table vouches for them (经济 for 生产总值).
    if score and min(len(na), len(nb)) <= 2 and method != "alias":
        score = min(score, 0.6)
    return score, method


def _name_score(a: str, b: str, na: str, nb: str) -> tuple[float, str]:
    if a == b:
        return 1.0, "exact"
    if na and na == nb:
        return 0.95, "normalized"
    ca, cb = _alias_map().get(na, na), _alias_map().get(nb, nb)
    if ca and ca == cb:
        return 0.9, "alias"
    # the same words in the other order (网签安置房 / 安置房网签)
    if len(ca) >= 4 and len(ca) == len(cb) and cb in ca + ca:
        return 0.7, "reordered"
    short, long_ = sorted((ca, cb), key=len)
    if _SUBJECTS.findall(short) != _SUBJECTS.findall(long_) or ("人均" in short) != ("人均" in long_):
        return 0.0, "none"  # 城镇居民收入 is no part of 城乡居民收入, 人均 GDP none of GDP
    if len(short) >= 2 and short in long_ and len(short) * 2 >= len(long_):
        return 0.7, "partial"
    # one name with a word inserted (生活垃圾分类覆盖率 / 生活垃圾分类处理覆盖率)
    if len(short) >= 4 and len(short) * 5 >= len(long_) * 3 and _subsequence(short, long_):
        return 0.7, "partial"
    # the same head noun with another modifier (新回迁群众 / 村回迁群众, 公办幼儿园 / 新增幼儿园):
    # maybe the same programme, for a person to judge
    head = _common_suffix(short, long_)
    if len(head) >= 3 and len(head) * 2 >= len(short):
        return 0.6, "head"
    return 0.0, "none"


def _subsequence(short: str, long_: str) -> bool:
    chars = iter(long_)
    return all(c in chars for c in short)


def _common_suffix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return a[len(a) - n:]


def _unit(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)


def comparable(change_a: object, unit_a: object, change_b: object, unit_b: object) -> float:
    """1.0 when two quantities can be compared directly, 0.9 when nearly, else 0.

    Same kind of change and same unit compare; a level in % and a share in % (覆盖率达到70%
    vs 占…70.2%) nearly do; a growth rate never compares with a level in 元.

    >>> comparable("growth", "%", "growth", "%"), comparable("level", "%", "share", "%")
    (1.0, 0.9)
    >>> comparable("growth", "%", "level", "元")
    0.0
    """
    ua, ub = _unit(unit_a), _unit(unit_b)
    if ua != ub:
        return 0.0
    if change_a == change_b:
        return 1.0
    if ua == "%" and {change_a, change_b} <= {"level", "share"}:
        return 0.9
    return 0.0


def best_matches(
    targets: pd.DataFrame,
    candidates: pd.DataFrame,
    *,
    places: tuple[str, ...] = (),
    changes: dict[str, str] | None = None,
) -> pd.DataFrame:
    """For each target row, the best candidate row: candidate label, confidence, method.

    ``changes`` maps a target's change to the candidate change wanted instead of the same
    one (e.g. ``{"growth": "level"}`` finds the level a growth rate applies to); a target
    whose change is not in the map then finds nothing. The result is indexed like
    ``targets`` with columns ``candidate`` (label in ``candidates`` or None), ``confidence``
    and ``method``. Ties go to the earliest candidate in the text (the summary usually
    comes first), so the result is deterministic.

    >>> t = pd.DataFrame({"indicator": ["生产总值"], "change": ["growth"], "unit": ["%"]})
    >>> c = pd.DataFrame({"indicator": ["全区GDP", "GDP"], "change": ["level", "growth"],
    ...                   "unit": ["元", "%"], "start": [5, 9]})
    >>> best_matches(t, c).loc[0, ["candidate", "method"]].tolist()
    [1, 'alias']
    """
    # The candidate column carries the targets' own labels: a Series built on a fresh range
    # index would be realigned onto them and turn into NaN for any subset of a table.
    out = pd.DataFrame({"candidate": pd.Series([None] * len(targets), index=targets.index,
                                               dtype=object),
                        "confidence": 0.0, "method": "none"}, index=targets.index)
    if candidates is None or not len(candidates) or not len(targets):
        return out
    order = candidates.sort_values("start", kind="stable") if "start" in candidates else candidates
    cands = [(c_label, c_name, c_change, _unit(c_unit)) for c_label, c_name, c_change, c_unit
             in order[["indicator", "change", "unit"]].itertuples(name=None)]
    # Only a few (change, unit) pairs exist: their fit is computed once.
    fits: dict[tuple, float] = {}
    index = _NameIndex(cands, places)
    for label, name, change, unit in targets[["indicator", "change", "unit"]].itertuples(name=None):
        if changes is not None:
            if change not in changes:
                continue
            want_change, want_unit = changes[change], None
        else:
            want_change, want_unit = change, unit
        best = (0.0, None, "none")
        for c_label, c_name, c_change, c_unit in index.possible(name):
            if want_unit is None:  # the caller checks units itself (levels of any unit)
                fit = 1.0 if c_change == want_change else 0.0
            else:
                key = (want_change, want_unit, c_change, c_unit)
                fit = fits.get(key)
                if fit is None:
                    fit = fits[key] = comparable(*key)
            if fit == 0.0:
                continue
            score, method = name_similarity(name, c_name, places=places)
            if score * fit > best[0]:
                best = (round(score * fit, 3), c_label, method)
        if best[1] is not None:
            out.at[label, "candidate"] = best[1]
            out.at[label, "confidence"] = best[0]
            out.at[label, "method"] = best[2]
    return out


class _NameIndex:
    """The candidates that can score above 0 against a target name, in text order.

    Comparing every target with every result made matching quadratic (a 5 MB report took
    minutes). Every rule of `name_similarity` that scores above 0 needs one of: the same
    canonical name; a shared ending of at least three characters and half the shorter name
    (head); or every character of the shorter canonical name inside the longer one (partial,
    reordered). So candidates are looked up by canonical name, by such endings, by the
    characters a short target holds, and by the rarest character of each candidate; the full
    rules then run on those few only.
    """

    def __init__(self, cands: list[tuple], places: tuple[str, ...]) -> None:
        self.places = places
        self.cands = cands
        self.by_name: dict[str, list[int]] = {}
        # every ending of 3+ characters: a head shared with a shorter target
        self.by_ending: dict[str, list[int]] = {}
        # each candidate's own shortest possible shared head, for a longer target
        self.by_head: dict[str, list[int]] = {}
        self.by_char: dict[str, set[int]] = {}
        self.chars: list[frozenset] = []
        canon = [self._canonical(c[1]) for c in cands]
        for i, name in enumerate(canon):
            self.by_name.setdefault(name, []).append(i)
            for k in range(3, len(name) + 1):
                self.by_ending.setdefault(name[-k:], []).append(i)
            if len(name) >= 3:
                self.by_head.setdefault(name[-_head_length(name):], []).append(i)
            chars = frozenset(name)
            self.chars.append(chars)
            for ch in chars:
                self.by_char.setdefault(ch, set()).add(i)
        # Each candidate filed under its rarest character, which a longer target must hold.
        self.by_rarest: dict[str, list[int]] = {}
        for i, chars in enumerate(self.chars):
            if chars:
                rarest = min(chars, key=lambda ch: (len(self.by_char[ch]), ch))
                self.by_rarest.setdefault(rarest, []).append(i)

    def _canonical(self, name: object) -> str:
        if not isinstance(name, str) or not name:
            return ""
        normal = normalize_indicator(name, places=self.places)
        return _alias_map().get(normal, normal)

    def possible(self, name: object) -> list[tuple]:
        target = self._canonical(name)
        if not target:
            return []
        found = set(self.by_name.get(target, ()))
        if len(target) >= 3:
            found.update(self.by_ending.get(target[-_head_length(target):], ()))
            for k in range(3, len(target) + 1):
                found.update(self.by_head.get(target[-k:], ()))
        chars = frozenset(target)
        # candidates holding every character of the target (the target is the shorter name)
        buckets = sorted((self.by_char.get(ch, set()) for ch in chars), key=len)
        if buckets and buckets[0]:
            holding = set(buckets[0])
            for bucket in buckets[1:]:
                holding &= bucket
                if not holding:
                    break
            found |= holding
        # candidates whose every character the target holds (the candidate is the shorter)
        for ch in chars:
            found.update(i for i in self.by_rarest.get(ch, ()) if self.chars[i] <= chars)
        return [self.cands[i] for i in sorted(found)]


def _head_length(name: str) -> int:
    """The shortest common ending of `name` that the head rule accepts (3, or half the name)."""
    return max(3, -(-len(name) // 2))
