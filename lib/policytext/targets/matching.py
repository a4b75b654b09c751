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
import logging
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
    ``targets`` with columns ``candidate`` (label in ``candidates`` or None), ``confidence``,
    ``method`` and ``note``. Ties go to the earliest candidate in the text (the summary
    usually comes first), so the result is deterministic.

    The result is the one comparing every target with every candidate would give, but found
    through an index (see `_NameIndex`), so time grows with the size of the tables, not with
    their product. Only where the index must scan does a cap apply: a target checks at most
    `SCAN_CAP` candidate names by scanning, the earliest in the text first. A target cut
    short there says so in ``note``, and a warning is logged.

    >>> t = pd.DataFrame({"indicator": ["生产总值"], "change": ["growth"], "unit": ["%"]})
    >>> c = pd.DataFrame({"indicator": ["全区GDP", "GDP"], "change": ["level", "growth"],
    ...                   "unit": ["元", "%"], "start": [5, 9]})
    >>> best_matches(t, c).loc[0, ["candidate", "method"]].tolist()
    [1, 'alias']
    """
    labels = targets.index
    found: list = [None] * len(targets)
    confidence, method, note = [0.0] * len(targets), ["none"] * len(targets), [""] * len(targets)
    if candidates is not None and len(candidates) and len(targets):
        order = candidates.sort_values("start", kind="stable") if "start" in candidates \
            else candidates
        cands = [(c_label, c_name, c_change, _unit(c_unit)) for c_label, c_name, c_change, c_unit
                 in order[["indicator", "change", "unit"]].itertuples(name=None)]
        index = _NameIndex(cands, places, by_unit=changes is None)
        rows = targets[["indicator", "change", "unit"]].itertuples(index=False, name=None)
        for row, (name, change, unit) in enumerate(rows):
            if changes is not None:
                if change not in changes:
                    continue
                groups = index.groups_for(changes[change], None)
            else:
                groups = index.groups_for(change, unit)
            value, pos, method[row], cut = index.best(name, groups)
            if cut:
                note[row] = f"scan capped at {SCAN_CAP} candidate names: a later one may fit better"
            if pos is not None:
                found[row], confidence[row] = cands[pos][0], value
        capped = sum(map(bool, note))
        if capped:
            _log.warning("best_matches: %d of %d targets checked only the first %d candidate "
                         "names a scan offered (SCAN_CAP); their match may be a weaker one",
                         capped, len(targets), SCAN_CAP)
    # The candidate column carries the targets' own labels: a Series built on a fresh range
    # index would be realigned onto them and turn into NaN for any subset of a table.
    return pd.DataFrame({"candidate": pd.Series(found, index=labels, dtype=object),
                         "confidence": pd.Series(confidence, index=labels, dtype=float),
                         "method": pd.Series(method, index=labels, dtype=object),
                         "note": pd.Series(note, index=labels, dtype=object)}, index=labels)


#: At most this many candidate names does one target check by scanning (see `_NameIndex`).
SCAN_CAP = 1000
#: Names longer than this (canonical, in characters) are scanned, not indexed by their parts.
LONG_NAME = 48

_log = logging.getLogger(__name__)


@lru_cache(maxsize=65536)
def _features(name: str, places: tuple[str, ...]) -> tuple[str, str, str, bool]:
    """(normalised name, canonical name, subjects, too short to be sure) of an indicator."""
    normal = _normalize(name, places)
    canon = _alias_map().get(normal, normal)
    subjects = ",".join(_SUBJECTS.findall(canon)) + (";人均" if "人均" in canon else "")
    return normal, canon, subjects, len(normal) <= 2


class _Group:
    """The candidates of one (change, unit) pair, filed under the keys of the name rules."""

    def __init__(self) -> None:
        self.first: dict[tuple, int] = {}  # rule key -> earliest position
        self.full: dict[tuple, int] = {}  # the same, where the earliest name is too short
        self.alias: dict[str, list] = {}  # canonical -> [(pos, normal), pos of another normal]
        # the insertion rule: distinct names (canonical, short, first position, subjects), each
        # under its pairs of characters at most 2/5 of its length apart, and under its rarest
        # neighbouring pair
        self.ids: dict[tuple, int] = {}
        self.names: list[tuple] = []
        self.pairs: dict[str, list[int]] | None = None  # filed at the first scan
        self.rarest: dict[str, list[int]] = {}
        self.long: list[int] = []  # names over LONG_NAME characters
        self.short: set[int] = set()  # positions of names too short to be sure of

    def add(self, pos: int, raw: str, normal: str, canon: str, subjects: str, short: bool) -> None:
        keys = [("r", raw)]
        size = len(canon)
        if normal:
            keys.append(("n", normal))
        if canon:
            keys.append(("c", canon))
            slot = self.alias.get(canon)
            if slot is None:
                self.alias[canon] = [(pos, normal), None]
            elif slot[1] is None and slot[0][1] != normal:
                slot[1] = pos
        if size > LONG_NAME:
            self.long.append(pos)
            # the heads a target of at most LONG_NAME characters can share
            keys += [("e", canon[-k:], subjects) for k in range(3, LONG_NAME // 2 + 1)]
        else:
            # the proper parts of at least half the name: a shorter target it holds (partial)
            keys += [("s", canon[start:start + k], subjects)
                     for k in range(max(2, -(-size // 2)), size)
                     for start in range(size - k + 1)]
            if size >= 3:
                # the endings a target no longer than this name shares as its head, and this
                # name's own head, which a longer target ends with
                head = _head_length(canon)
                keys += [("e", canon[-k:], subjects) for k in range(3, head + 1)]
                keys.append(("h", canon[-head:], subjects))
            if size >= 4 and (canon, short) not in self.ids:
                self.ids[canon, short] = len(self.names)
                self.names.append((canon, short, pos, subjects))
        first, full = self.first, self.full
        if short:
            self.short.add(pos)
            for key in keys:
                first.setdefault(key, pos)
        else:
            short = self.short
            for key in keys:
                if first.setdefault(key, pos) in short:
                    full.setdefault(key, pos)

    def finish(self) -> None:
        """File the distinct names under their pairs of characters for the insertion rule."""
        pairs, rarest = self.pairs, self.rarest = {}, {}
        for number, (canon, _, _, subjects) in enumerate(self.names):
            for pair in _pairs(canon, subjects, 1 + 2 * len(canon) // 5):
                pairs.setdefault(pair, []).append(number)
        for number, (canon, _, _, subjects) in enumerate(self.names):
            # under its rarest neighbouring pair, which a longer name holding it in order has
            # within 2/5 of its length
            rare, count = "", math.inf
            for pair in _pairs(canon, subjects, 1):
                if len(pairs[pair]) < count or (len(pairs[pair]) == count and pair < rare):
                    rare, count = pair, len(pairs[pair])
            rarest.setdefault(rare, []).append(number)

    def reps(self, raw: str, normal: str, canon: str, subjects: str, found: set) -> None:
        """The earliest candidate under every key a target name can share with a match."""
        keys = [("r", raw)]
        if normal:
            keys.append(("n", normal))
        if canon:
            slot = self.alias.get(canon)
            if slot is not None:  # the earliest with another normal form (method alias)
                pos = slot[0][0] if slot[0][1] != normal else slot[1]
                if pos is not None:
                    found.add(pos)
        size = len(canon)
        if 0 < size <= LONG_NAME:
            if size >= 4:  # the same words in the other order
                keys += [("c", r) for r in {canon[k:] + canon[:k] for k in range(1, size)}
                         if r != canon]
            if size >= 2:
                keys.append(("s", canon, subjects))
            if size >= 3:
                keys.append(("e", canon[-_head_length(canon):], subjects))
        # a name of half the target or more inside it (partial; longer names are scanned)
        keys += [("c", canon[start:start + k])
                 for k in range(max(2, -(-size // 2)), min(size - 1, LONG_NAME) + 1)
                 for start in range(size - k + 1)]
        if size >= 3:  # a shorter name's head that the target ends with
            keys += [("h", canon[-k:], subjects)
                     for k in range(3, min(_head_length(canon), LONG_NAME // 2) + 1)]
        first, full, short = self.first, self.full, self.short
        for key in keys:
            pos = first.get(key)
            if pos is not None:
                found.add(pos)
                if pos in short and key in full:
                    found.add(full[key])

    def scan(self, canon: str, subjects: str, short: bool, limit: float, budget: list) -> set:
        """Candidates for the insertion rule or of a long name, earliest first, capped."""
        found: set[int] = set()
        size = len(canon)
        if size > LONG_NAME // 2:  # names over LONG_NAME characters it may share half with
            for pos in self.long:
                if pos > limit or not _spend(budget):
                    break
                found.add(pos)
        if size < 4 or 3 * size > 5 * LONG_NAME:
            return found
        if self.pairs is None:
            self.finish()
        # Longer names holding the target in order hold each of its neighbouring pairs (with
        # at most 2/5 of their length between): the rarest pair's names are checked. Shorter
        # names are filed under a neighbouring pair of theirs, which the target holds with at
        # most 2/5 of its length between.
        lists = [("into", min((self.pairs.get(p, ()) for p in _pairs(canon, subjects, 1)),
                              key=len))] if size <= LONG_NAME else []
        lists += [("outof", self.rarest[p])
                  for p in sorted(_pairs(canon, subjects, 1 + 2 * size // 5)) if p in self.rarest]
        for kind, numbers in lists:
            for number in numbers:
                other, other_short, pos, _ = self.names[number]
                if pos > limit or not _spend(budget):
                    break
                n = len(other)
                if kind == "into":
                    hit = size < n and 3 * n <= 5 * size and _subsequence(canon, other)
                else:
                    hit = 4 <= n < size and 5 * n >= 3 * size and _subsequence(other, canon)
                if hit:
                    found.add(pos)
                    if short or not other_short:  # nothing later in this list scores more
                        break
        return found


def _pairs(canon: str, subjects: str, reach: int) -> set[str]:
    """The ordered pairs of characters at most `reach` apart (with the subjects, which must
    agree for the insertion rule)."""
    size = len(canon)
    return {canon[i] + canon[j] + subjects
            for i in range(size - 1) for j in range(i + 1, min(size, i + reach + 1))}


class _NameIndex:
    """The candidates that can be the best match of a target name, found without a scan.

    Comparing every target with every result made matching quadratic (a 5 MB report took
    minutes). Candidates are grouped by their (change, unit) pair, and within a group filed
    under keys that a rule of `name_similarity` needs: raw, normalised and canonical name
    (exact, normalized, alias), the canonical name and its parts of at least half its length
    (reordered, partial), its endings and its head (head). All candidates under one key score
    alike against a target (or at least as high as those whose best rule that key is), so the
    earliest of each key stands for all: a lookup returns a handful of positions per key.

    The insertion rule (all of one name inside the other, in order, with words between) has
    no such key. A name inside another in order shares each of its neighbouring pairs of
    characters with it, at most 2/5 of the longer name apart: a target checks the distinct
    names holding its rarest neighbouring pair (longer names), and those filed under their
    own rarest neighbouring pair that the target holds (shorter names). Names over
    `LONG_NAME` characters are not indexed by their parts: a target over `LONG_NAME` // 2
    characters, which may share half of itself with them, checks them all. The checks go list
    by list, each earliest in the text first, and stop where nothing left can beat what the
    lookup found. The cap: at most `SCAN_CAP` names per target; `best_matches` notes and
    logs each target it cut short.
    """

    def __init__(self, cands: list[tuple], places: tuple[str, ...], *, by_unit: bool) -> None:
        self.places = places = tuple(places)
        self.by_unit = by_unit
        self.names = [c[1] for c in cands]
        self.group_of: list[object] = []
        self.groups: dict[object, _Group] = {}
        self.units: dict[str, list] = {}  # unit -> group keys holding it
        self.fits: dict[tuple, dict] = {}
        for pos, (_, name, change, unit) in enumerate(cands):
            if isinstance(change, float) and math.isnan(change):
                change = "\0nan"  # NaN equals nothing, not even itself: one group for all
            key = (change, unit) if by_unit else change
            self.group_of.append(key)
            group = self.groups.get(key)
            if group is None:
                group = self.groups[key] = _Group()
                self.units.setdefault(unit, []).append(key)
            if isinstance(name, str) and name:
                group.add(pos, name, *_features(name, places))

    def groups_for(self, change: object, unit: object) -> dict[object, float]:
        """The groups a target of this change (and unit, unless None) may match, with the fit."""
        if not self.by_unit:
            try:
                return {change: 1.0} if change in self.groups else {}
            except TypeError:
                return {}
        try:
            return self.fits[change, unit]
        except (KeyError, TypeError):
            pass
        fits = {}
        for key in self.units.get(_unit(unit), ()):
            c_change = float("nan") if key[0] == "\0nan" else key[0]
            fit = comparable(change, unit, c_change, key[1])
            if fit:
                fits[key] = fit
        try:
            self.fits[change, unit] = fits
        except TypeError:
            pass
        return fits

    def best(self, name: object, fits: dict[object, float]) -> tuple[float, int | None, str, bool]:
        """(confidence, position, method, capped) of the best candidate for `name`."""
        best = [0.0, None, "none"]
        if not fits or not isinstance(name, str) or not name:
            return 0.0, None, "none", False
        normal, canon, subjects, short = _features(name, self.places)
        found: set[int] = set()
        for key in fits:
            self.groups[key].reps(name, normal, canon, subjects, found)
        self._score(name, found, fits, best)
        budget = [SCAN_CAP, False]
        # the most a scan can add: the rules without a key score 0.7 at most (0.6 when short)
        top = 0.6 if short else 0.7
        more: set[int] = set()
        for key, fit in fits.items():
            if best[0] > top * fit:
                continue  # nothing in a scan can beat what the lookup found
            limit = best[1] if best[0] == top * fit else math.inf
            more |= self.groups[key].scan(canon, subjects, short, limit, budget)
        self._score(name, more - found, fits, best)
        return best[0], best[1], best[2], budget[1]

    def _score(self, name: str, positions: set, fits: dict, best: list) -> None:
        for pos in sorted(positions):
            fit = fits[self.group_of[pos]]
            score, method = name_similarity(name, self.names[pos], places=self.places)
            value = round(score * fit, 3)
            if value > best[0] or (value == best[0] and value > 0 and pos < best[1]):
                best[:] = [value, pos, method]


def _head_length(name: str) -> int:
    """The shortest common ending of `name` that the head rule accepts (3, or half the name)."""
    return max(3, -(-len(name) // 2))


def _spend(budget: list) -> bool:
    """Take one name-by-name check from ``budget`` ([left, capped]); False once none is left."""
    if budget[0] <= 0:
        budget[1] = True
        return False
    budget[0] -= 1
    return True
