"""Which quantities measure something, and which only describe or name a thing.

The grammar (``numbers``) finds every number with a unit; three kinds of them are not
amounts a report achieves or plans:

- **size classes**: a bounded amount that qualifies a noun (投资超百亿元项目2个, 产值超百亿元的
  产业集群, 亿元以上项目28个). The threshold is a property of the noun; the count of such nouns
  is the quantity, and it is named with its class.
- **names holding a number**: 15分钟健身圈, 1小时经济圈 (a planning label, not a duration).
- **descriptions**: a count after 依托/借助/按照 … (依托辖区5所高校, 按…5个层次) tells what a plan
  rests on, not what it produces.

Indicators and deadlines both read ``measured_quantities`` so their rows agree.
"""

from __future__ import annotations

import re
from functools import lru_cache

from policytext.quantities.numbers import Quantity, find_quantities, unit_table

__all__ = ["NOT_MEASURE_REASONS", "measured_quantities", "not_measures"]

#: Why a quantity found by the grammar is not a measure.
NOT_MEASURE_REASONS = ("size_class", "name", "description")

# Head nouns a size class qualifies: the things the genre counts by class.
_CLASS_HEAD = (r"项目|企业|集群|园区|楼宇|产业|工程|基地|市场|商圈|综合体|景区|品牌|平台|大户|主体"
               r"|城市|城镇|乡镇|街区|商场|展会|活动|门店|总部")
# a threshold that is the measure itself: 突破百亿元大关, 达到千亿元目标
_NOT_CLASS = re.compile(r"的?(?:大关|关口|台阶|目标|任务|水平|规模|量级)")
# a short modifier at most between the threshold and its head (亿元以上重大工业项目)
_CLASS_NOUN = re.compile(rf"的?[\u4e00-\u9fff]{{0,6}}?(?:{_CLASS_HEAD})")
_CLASS_BOUNDS = frozenset({"超", "超过", "逾", "突破", "以上", "及以上", "以下", "及以下", "不低于",
                           "不少于"})
# 15分钟健身圈, 半小时经济圈, 24小时城市书房: a duration glued to a label
_NAMED_DURATION = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:圈|书房|驿站)")
# prepositions of basis: what follows is what the plan rests on or how it is laid out
_BASIS = re.compile(r"(?:依托|借助|依靠|按照|依据|根据|围绕|立足|凭借|按)(?:[^，；。：\n“”]|“[^“”]*”){0,24}$")
_VERB_IN_BASIS = re.compile(r"建设|建成|完成|实现|新增|引进|开工|达到|增长|提升|打造|培育")


def _is_size_class(q: Quantity, text: str, nxt: Quantity | None) -> bool:
    if q.unit in ("%", "个百分点", "百分点", "倍") or q.form == "ratio" or not q.unit:
        return False
    words = q.bound_text.split("…")
    if not any(w in _CLASS_BOUNDS for w in words):
        return False
    end = q.bound_end if q.bound_end >= 0 else q.end
    if unit_table().get(q.unit) in ("count", "time", "people"):
        # 新开工20层以上高层13栋: a bounded count right before a noun and its own count is a
        # class; 建成农贸市场8家以上, 1000万以上农村贫困人口 are counts
        between = text[end:nxt.start] if nxt is not None else ""
        return bool(re.fullmatch(r"的?[\u4e00-\u9fff]{1,8}", between)) and not _VERB_IN_BASIS.search(between)
    if _NOT_CLASS.match(text, end):
        return False
    return bool(_CLASS_NOUN.match(text, end))


def _is_named(q: Quantity, text: str) -> bool:
    if q.unit not in ("分钟", "小时") or q.bound_text:
        return False
    return bool(_NAMED_DURATION.match(text, q.end))


def _is_description(q: Quantity, text: str) -> bool:
    if unit_table().get(q.unit) != "count":
        return False
    lo = max(0, q.start - 40)
    before = text[lo:q.start]
    m = _BASIS.search(before)
    if not m:
        return False
    outside_quotes = re.sub(r"“[^“”]*”", "", m.group(0))
    return not _VERB_IN_BASIS.search(outside_quotes)


def not_measures(text: str) -> dict[int, str]:
    """Start offset of every quantity that is no measure, with the reason.

    >>> t = "新引进投资超百亿元项目2个，加快构建城市15分钟健身圈，依托辖区5所高校"
    >>> sorted(not_measures(t).values())
    ['description', 'name', 'size_class']
    """
    return dict(_not_measures(text))


@lru_cache(maxsize=8)
def _not_measures(text: str) -> tuple[tuple[int, str], ...]:
    out = []
    found = find_quantities(text)
    for k, q in enumerate(found):
        if _is_size_class(q, text, found[k + 1] if k + 1 < len(found) else None):
            out.append((q.start, "size_class"))
        elif _is_named(q, text):
            out.append((q.start, "name"))
        elif _is_description(q, text):
            out.append((q.start, "description"))
    return tuple(out)


def measured_quantities(text: str) -> list[Quantity]:
    """The quantities of ``text`` that measure something (``find_quantities`` minus ``not_measures``).

    >>> [q.raw for q in measured_quantities("新引进亿元以上项目28个，实际利用外资1.8亿美元以上")]
    ['28个', '1.8亿美元']
    """
    skip = _not_measures(text)
    starts = {s for s, _ in skip}
    return [q for q in find_quantities(text) if q.start not in starts]
