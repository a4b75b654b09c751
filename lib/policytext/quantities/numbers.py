"""Quantity grammar: digits and Chinese numerals, 万/亿 scales, units, bounds, ranges, ratios.

A *quantity* is a number that measures something: ``171.31亿元``, ``80余万平方米``,
``百分之三``, ``5-10家``, ``2.2:38.4:59.4``. Years and dates (2018年, 3月15日), ordinals
(第二届, 十九大), names holding digits (地铁2号线, S312, 6#楼, PM2.5, "12349"), quoted
formulations (“四个意识”, “8个100%”) and clock times (9:00-18:00) are not quantities.

``Quantity.raw`` is the *core* as written (number, 余/多, scale, unit); the words that bound
it (约, 不低于, 以内 ...) are read from the text around it into ``bound`` / ``bound_text``.
"""

from __future__ import annotations

import bisect
import csv
import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from policytext.read.numerals import cn_to_number

__all__ = [
    "SCALES",
    "Quantity",
    "find_quantities",
    "parse_quantity",
    "quantity_spans",
    "unit_table",
]

SCALES = {
    "万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9, "亿": 1e8,
    "千万": 1e7, "百万": 1e6, "十万": 1e5, "万": 1e4, "千": 1e3, "百": 1e2,
}

# Words right before a number that bound it. Longest first so 不低于 wins over 低于.
PREFIX_BOUNDS = {
    "约": "approx", "大约": "approx", "约为": "approx", "近": "approx", "接近": "approx",
    "将近": "approx",
    "超": "lower", "超过": "lower", "逾": "lower", "突破": "lower", "高于": "lower",
    "大于": "lower", "多于": "lower", "不低于": "lower", "不少于": "lower", "至少": "lower",
    "最少": "lower", "不小于": "lower",
    "不高于": "upper", "不超过": "upper", "最多": "upper", "低于": "upper", "少于": "upper",
    "小于": "upper", "不大于": "upper", "控制在": "upper", "控制到": "upper",
}
SUFFIX_BOUNDS = {
    "左右": "approx", "上下": "approx", "以上": "lower", "及以上": "lower", "之上": "lower",
    "以内": "upper", "之内": "upper", "以下": "upper", "及以下": "upper", "之下": "upper",
}
_PREFIX_RE = re.compile("(?:" + "|".join(sorted(PREFIX_BOUNDS, key=len, reverse=True)) + ")$")
_SUFFIX_RE = re.compile("|".join(sorted(SUFFIX_BOUNDS, key=len, reverse=True)))


@lru_cache(maxsize=1)
def unit_table() -> dict[str, str]:
    """Known units (resources/units.csv) mapped to their category.

    >>> unit_table()["微克/立方米"]
    'concentration'
    """
    text = (Path(__file__).resolve().parents[1] / "resources" / "units.csv").read_text("utf-8")
    return {row["unit"]: row["category"] for row in csv.DictReader(text.splitlines())}


@dataclass(frozen=True)
class Quantity:
    """One quantity found in a text; offsets are [start, end) of ``raw``."""

    raw: str
    start: int
    end: int
    value: float
    value_low: float
    value_high: float
    unit: str
    scale: float = 1.0
    bound: str = "point"  # point / approx / lower / upper / range
    approx: bool = False  # 约/近/左右/余/多: the value is not exact
    bound_text: str = ""  # the words that set the bound, e.g. "不低于" or "以内"
    form: str = "number"  # number / range / ratio
    numeral: str = "digits"  # digits / chinese
    group: int = -1  # members of one 、-enumeration (56、102微克/立方米) share an id
    parts: tuple[float, ...] = ()  # ratio components
    bound_start: int = -1  # span of the bounding words, extending [start, end); -1: the number's
    bound_end: int = -1

    def __post_init__(self) -> None:
        # Without bound words the bounding span is the number's own (set here, not by replace():
        # a reader finds tens of thousands of quantities per corpus).
        if self.bound_start < 0:
            object.__setattr__(self, "bound_start", self.start)
        if self.bound_end < 0:
            object.__setattr__(self, "bound_end", self.end)


# Traditional forms of the characters numbers, scales and units are written with (one to one).
_TRADITIONAL = str.maketrans(
    "萬億兩個點項戶畝噸裡張臺棟輛間場條處隻頭塊冊類種層餘約於內臨",
    "万亿两个点项户亩吨里张台栋辆间场条处只头块册类种层余约于内临",
)
_HAS_TRADITIONAL = re.compile("[" + "".join(map(chr, _TRADITIONAL)) + "]")

# --- the regular expressions -------------------------------------------------------------
_AR = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# a Chinese numeral never starts with 万/亿 (万人空巷) and is checked for magnitude later
_CN = r"[一二两三四五六七八九十百千][零〇一二两三四五六七八九十百千万亿]*"
_SCALE = "|".join(sorted(SCALES, key=len, reverse=True))


@lru_cache(maxsize=1)
def _quantity_re() -> re.Pattern[str]:
    units = sorted(unit_table(), key=len, reverse=True)
    # units that begin with a scale character (千瓦, 百分点) must win over scale + rest
    scale_first = [u for u in units if u[0] in "十百千万亿"]
    unit_alt = "|".join(re.escape(u) for u in units)
    scale_unit_alt = "|".join(re.escape(u) for u in scale_first)
    # The lookahead names every character a quantity can start with: the engine then skips
    # the rest of the text at once instead of trying each alternative there.
    pattern = rf"""
      (?=[\d翻万亿一二两三四五六七八九十百千])(?:
        (?P<ratio>\d+(?:\.\d+)?(?:[:：]\d+(?:\.\d+)?)+)          # 2.2:38.4:59.4 (or a clock time)
      | 翻(?P<fan>[一两二三四五六七八九]|\d)番                       # 翻一番: doubled (x2), 翻两番 x4
      # 亿元以上项目: a size class whose implicit numeral is 一 (digits and 千万 are read below)
      | (?<![零〇一二两三四五六七八九十百千万亿\d.])(?P<bare>万亿|亿|万)(?P<bare_unit>元|美元)(?=及?以上)
      | 百分之(?P<pct>[零〇一二两三四五六七八九十百千]+(?:点[零〇一二两三四五六七八九]+)?)
      | (?P<num>{_AR}|{_CN})(?P<pct1>%|％)?
        (?:(?P<sep>-|－|—|–|~|～|至|到)(?P<num2>{_AR}|{_CN}))?       # 5-10家, 5%-10%
        (?P<yu>余|多)?
        (?:(?P<unit_a>{scale_unit_alt})
          |(?P<scale>{_SCALE})?(?P<yu2>余|多)?(?P<unit>{unit_alt})?))
    """
    return re.compile(pattern, re.VERBOSE)


# Spans that never hold quantities: quoted formulations, titles, dates, years, clock times.
_MASK_RE = re.compile(
    r"(?=[“「《\d千万百])(?:“[^“”\n]{1,20}”|「[^「」\n]{1,20}」|《[^《》\n]{1,60}》"
    r"|(?:19|20)\d\d(?:年|-\d{1,2}-\d{1,2})"
    r"|(?:19|20)\d\d[-—~～至到](?:19|20)\d\d年"
    r"|\d{1,2}月(?:\d{1,2}[日号])?"
    r"|\d{1,2}[:：]\d\d(?:[-—~～至]\d{1,2}[:：]\d\d)?(?!\.\d)"
    r"|千家万户|万家灯火|千方百计|万无一失|千钧|千斤|千秋|百年大计)"
)
# what may not stand right before/after a number for it to be a quantity
_BAD_BEFORE = re.compile(r"[A-Za-z0-9.#_/第]$")
_BAD_AFTER = re.compile(r"[A-Za-z#]|号|级|周年|届|强|代")
_BARE_OK_AFTER = re.compile(r"[、，；。）)\s]|$|以|左右|上下|之")


def _num_value(s: str) -> tuple[float, str]:
    if s[0].isdigit():
        return float(s.replace(",", "")), "digits"
    return cn_to_number(s), "chinese"


def _masked(spans: list[tuple[int, int]], starts: list[int], a: int, b: int) -> bool:
    i = bisect.bisect_right(starts, a) - 1
    for s, e in spans[max(i, 0): i + 2]:
        if s < b and a < e:
            return True
    return False


def _is_time(parts: list[str]) -> bool:
    return all(len(p) == 2 and p.isdigit() for p in parts[1:]) and float(parts[0]) <= 24


def _candidate(m: re.Match[str], text: str) -> Quantity | None:
    """Turn one regex match into a Quantity, or None when it is not a measure."""
    start, end = m.span()
    before = text[max(0, start - 1):start]
    if _BAD_BEFORE.search(before):
        return None
    if m.group("ratio"):
        parts = re.split("[:：]", m.group("ratio"))
        if _is_time(parts):
            return None
        nums = tuple(float(p) for p in parts)
        return Quantity(m.group(0), start, end, math.nan, math.nan, math.nan, "ratio",
                        form="ratio", parts=nums)
    if m.group("fan"):
        n = m.group("fan")
        times = 2.0 ** (int(n) if n.isdigit() else cn_to_number(n))
        return Quantity(m.group(0), start, end, times, times, times, "倍",
                        numeral="digits" if n.isdigit() else "chinese")
    if m.group("bare"):
        v = SCALES[m.group("bare")]
        return Quantity(m.group(0), start, end, v, v, v, m.group("bare_unit"), v,
                        numeral="chinese")
    if m.group("pct"):
        v = cn_to_number(m.group("pct"))
        return Quantity(m.group(0), start, end, v, v, v, "%", numeral="chinese")
    num, num2 = m.group("num"), m.group("num2")
    value, numeral = _num_value(num)
    unit = m.group("unit_a") or m.group("unit") or ("%" if m.group("pct1") else "")
    scale_word = m.group("scale") or ""
    if numeral == "chinese" and not _chinese_ok(num, unit, text, start, is_range=num2 is not None):
        return None
    if num2 is not None:
        if num2[0].isdigit() != num[0].isdigit():
            return None
        value2, _ = _num_value(num2)
        if value2 <= value:  # 2-1 is not a range (a code, a date); keep the first number only
            return _reparse_first(m, text)
    after = text[end:end + 2]
    if _BAD_AFTER.match(after) and unit not in unit_table() or after.startswith(("号", "#")):
        return None
    if unit == "年" and value >= 1000:
        return None
    if unit in ("名", "位") and text[max(0, start - 1):start] == "前":
        return None  # 前10名 is a rank
    scale = SCALES.get(scale_word, 1.0)
    if not unit and scale_word and scale < 1e4:
        return None  # 3千 without a unit is too ambiguous
    yu = bool(m.group("yu") or m.group("yu2"))
    if numeral == "chinese" and unit == "%":
        return None
    unit = "%" if unit == "％" else unit
    if num2 is not None:
        lo, hi = value * scale, _num_value(num2)[0] * scale
        return Quantity(m.group(0), start, end, (lo + hi) / 2, lo, hi, unit, scale,
                        bound="range", form="range", numeral=numeral)
    v = value * scale
    bound = "lower" if yu else "point"
    return Quantity(m.group(0), start, end, v, v, math.nan if yu else v, unit, scale,
                    bound=bound, approx=yu, numeral=numeral)


def _reparse_first(m: re.Match[str], text: str) -> Quantity | None:
    first = _quantity_re().match(text, m.start(), m.start("sep"))
    return _candidate(first, text) if first else None


def _chinese_ok(num: str, unit: str, text: str, start: int, *, is_range: bool = False) -> bool:
    """Chinese numerals count only as magnitudes (百亿元, 一千五百亩), never as slogans (四个意识).

    A range with a unit (三至五个) is a measure even with small numerals: slogans are never ranges.
    """
    if is_range and unit:
        return True
    if not any(ch in num for ch in "百千万亿"):
        return False
    if not unit and not any(ch in num for ch in "万亿"):
        return False
    if len(num) == 1:  # 千家 alone is idiom; 超千家 is a measure
        return bool(_PREFIX_RE.search(text[max(0, start - 3):start]))
    return True


def _is_bare(q: Quantity) -> bool:
    return q.form == "number" and not q.unit and q.scale == 1.0


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text`` with value, unit, scale and bound, sorted by start.

    >>> [(q.raw, q.value, q.unit, q.bound) for q in find_quantities("拆除违法建设80余万平方米，增长7%左右")]
    [('80余万平方米', 800000.0, '平方米', 'lower'), ('7%', 7.0, '%', 'approx')]
    """
    if len(text) > _SHARED_CHARS:
        # A text far longer than any report (a whole corpus in one string) would keep its
        # hundreds of thousands of quantities alive in the cache: find them afresh instead.
        return list(_find_quantities.__wrapped__(text))
    return list(_find_quantities(text))


#: Texts up to this length share their quantities through the cache (reports are 10-200 K).
_SHARED_CHARS = 2_000_000


@lru_cache(maxsize=8)
def _find_quantities(text: str) -> tuple[Quantity, ...]:
    # Indicators, deadlines and the tokenizer all read the quantities of the same report text;
    # Quantity is frozen, so the one result can be shared.
    original = text
    # pages in traditional script (億元, 萬人, 個百分點): read a one-to-one simplified copy, so
    # every offset still points into the original and ``raw`` is taken from it
    if _HAS_TRADITIONAL.search(text):  # translate() looks up every character
        text = text.translate(_TRADITIONAL)
    mask = [m.span() for m in _MASK_RE.finditer(text)]
    mask_starts = [s for s, _ in mask]
    found: list[Quantity] = []
    for m in _quantity_re().finditer(text):
        if _masked(mask, mask_starts, *m.span()):
            # a year glued to a range start (2019-2020年) or a date: skip the whole match
            continue
        try:
            q = _candidate(m, text)
        except ValueError:  # 千万千万…: scale words that make no numeral
            q = None
        if q is not None:
            found.append(q)
    found = _with_groups(found, text)
    found = [_with_bounds(q, text) for q in found]
    found = _propagate_group_bounds(found)
    found = [q for q in found if (not _is_bare(q) or q.bound_text) and not _is_age_group(q, text)]
    if original != text:  # translate() returns a new object even when nothing changed
        found = [replace(q, raw=original[q.start:q.end]) for q in found]
    return tuple(found)


def _is_age_group(q: Quantity, text: str) -> bool:
    """60岁以上老年人 / 3岁以下婴幼儿 name a population group, like 规模以上 names a firm class."""
    return (q.unit == "岁" and q.bound_text in SUFFIX_BOUNDS
            and bool(re.match(r"的?[\u4e00-\u9fff]", text[q.bound_end:q.bound_end + 2])))


_ENUM_SEPARATORS = frozenset({"、", "和", "与", "及"})


def _separator(between: str) -> str:
    """The text between two values without a bound word right after the first (左右和 -> 和)."""
    m = _SUFFIX_RE.match(between)
    return between[m.end():] if m and m.end() < len(between) else between


def _with_groups(found: list[Quantity], text: str) -> list[Quantity]:
    """Link enumerated numbers (、 or 和/与/及 between two values); bare members take the unit of the last.

    分别增长8%和9% is the same enumeration as 分别增长8%、9%: the conjunction only
    counts when nothing else stands between the two values but the first one's bound
    (分别减少3%左右和5%左右).
    """
    out = list(found)
    i, gid = 0, 0
    while i < len(out):
        j = i
        while j + 1 < len(out) and _separator(text[out[j].end:out[j + 1].start]) in _ENUM_SEPARATORS:
            j += 1
        if j > i:
            last = out[j]
            for k in range(i, j + 1):
                q = out[k]
                if _is_bare(q) and last.unit:
                    v = q.value * last.scale
                    q = replace(q, value=v, value_low=v, value_high=v, unit=last.unit,
                                scale=last.scale)
                out[k] = replace(q, group=gid)
            gid += 1
        i = j + 1
    # a bare number outside a group is kept only when bound words frame it (不高于56)
    return [q for q in out if not _is_bare(q) or _BARE_OK_AFTER.match(text, q.end)]


def _with_bounds(q: Quantity, text: str) -> Quantity:
    if q.form == "ratio":
        return q
    pre = _PREFIX_RE.search(text[max(0, q.start - 3):q.start])
    suf = _SUFFIX_RE.match(text, q.end)
    bound, words, b0, b1 = q.bound, "", q.start, q.end
    approx = q.approx
    if pre:
        bound, words, b0 = PREFIX_BOUNDS[pre.group(0)], pre.group(0), q.start - len(pre.group(0))
    if suf:  # the suffix is the sharper statement: 控制在3%左右 is approx, 控制在5%以内 upper
        bound, b1 = SUFFIX_BOUNDS[suf.group(0)], suf.end()
        words = (words + "…" if words else "") + suf.group(0)
    if not words:
        return q if (q.bound_start, q.bound_end) == (b0, b1) else replace(
            q, bound_start=b0, bound_end=b1)
    approx = approx or bound == "approx"
    if q.form == "range":
        bound = "range"
    return _set_bound(q, bound, approx, words, b0, b1)


def _set_bound(q: Quantity, bound: str, approx: bool, words: str, b0: int, b1: int) -> Quantity:
    v = q.value
    lo, hi = q.value_low, q.value_high
    if bound == "lower":
        lo, hi = v, math.nan
    elif bound == "upper":
        lo, hi = math.nan, v
    elif bound in ("approx", "point"):
        lo, hi = v, v
    return replace(q, bound=bound, approx=approx, bound_text=words, value_low=lo,
                   value_high=hi, bound_start=b0, bound_end=b1)


def _propagate_group_bounds(found: list[Quantity]) -> list[Quantity]:
    """不高于56、102 and 5%、4%以内: a bound on one end of an enumeration holds for all."""
    groups: dict[int, list[int]] = {}
    for i, q in enumerate(found):
        if q.group >= 0:
            groups.setdefault(q.group, []).append(i)
    for idx in groups.values():
        first, last = found[idx[0]], found[idx[-1]]
        source = None
        if last.bound_text and last.bound_end > last.end:
            source = last
        elif first.bound_text and first.bound_start < first.start:
            source = first
        if source is None:
            continue
        for i in idx:
            q = found[i]
            if not q.bound_text:
                found[i] = _set_bound(q, source.bound, source.approx, source.bound_text,
                                      q.start, q.end)
    return found


def quantity_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of every quantity (number, scale and unit) so a tokenizer keeps it whole.

    >>> t = "新增绿地126万平方米，PM2.5年均浓度不高于56微克/立方米"
    >>> [t[a:b] for a, b in quantity_spans(t)]
    ['126万平方米', '56微克/立方米']
    """
    return [(q.start, q.end) for q in find_quantities(text)]


def parse_quantity(raw: str) -> Quantity:
    """Parse one quantity written on its own, with its bound words.

    >>> q = parse_quantity("突破百亿元")
    >>> q.value, q.unit, q.bound
    (10000000000.0, '元', 'lower')
    >>> parse_quantity("百分之三以下").value_high
    3.0
    """
    found = find_quantities(raw)
    if not found:
        raise ValueError(f"no quantity in {raw!r}")
    return found[0]
