"""Which of a report's results can be the outcome of last year's target, and which way it counts.

A report's review states last year's results, but also figures that are no one-year outcome:
five-year figures (年均增长, 累计, 五年来, the 十四五 review of a 2026 report) and gaps against a
reference (高出全市1.4个百分点). `one_year_mask` keeps the first kind out of tracking, and
`is_ceiling` says which indicators a report promises to keep *down* (prices, unemployment,
the deficit ratio), so that 3%左右 there is a ceiling, not a floor.
"""

from __future__ import annotations

import math
import re

import pandas as pd

__all__ = ["MULTI_YEAR_WORDS", "is_ceiling", "is_multi_year", "one_year_mask"]

#: Words that make a figure span several years (年均, 累计, 五年, 十四五 …).
MULTI_YEAR_WORDS = re.compile(
    r"年均|累计|(?<![〇○零])[两三四五六七八九十]年(?!前)|十[一二三四五]五|[\d一二三四五六七八九十]{1,2}年间")
#: 连续五年增产 counts the streak, not the figure that follows it.
_STREAK = re.compile(r"连续[\d一二三四五六七八九十]+年")
#: A title that reviews a plan period (“十四五”时期发展成就, 过去五年工作回顾) ...
_PERIOD_TITLE = re.compile(r"五年|十[一二三四五]五")
#: ... unless it reviews the last year too (过去一年和五年工作回顾).
_YEAR_TITLE = re.compile(r"一年|去年|\d{4}年(?:工作)?回顾")
#: A sentence that names a single year (全年, 去年, 2025年) inside a plan-period review.
_ONE_YEAR = re.compile(r"全年|去年|上年|\d{4}年(?!以来|到|至|—|-)")
#: Indicators whose targets are ceilings: prices, unemployment, deficits, debt.
_CEILING = re.compile(r"价格|物价|CPI|失业率|赤字|负债率|债务率|能耗总量|碳排放总量")


def is_multi_year(prefix: str) -> bool:
    """True when the words before a figure in its sentence make it a several-year figure.

    >>> is_multi_year("国内生产总值增加到121万亿元，五年年均增长"), is_multi_year("粮食连续五年增产，总产量")
    (True, False)
    """
    return bool(MULTI_YEAR_WORDS.search(_STREAK.sub("", prefix or "")))


def is_ceiling(indicator: object) -> bool:
    """True for indicators a report promises to hold down, where a target is a ceiling.

    >>> is_ceiling("居民消费价格涨幅"), is_ceiling("城镇调查失业率"), is_ceiling("国内生产总值")
    (True, True, False)
    """
    return isinstance(indicator, str) and bool(_CEILING.search(indicator))


def _period_sections(sections: pd.DataFrame | None) -> set:
    """Sections (and their descendants) whose title reviews a plan period rather than one year."""
    if sections is None or not len(sections) or "title" not in sections.columns:
        return set()
    parent = dict(zip(sections["section_id"], sections["parent_id"]))
    title = dict(zip(sections["section_id"], sections["title"].fillna("").astype(str)))
    out = set()
    for sid in sections["section_id"]:
        node, seen = sid, 0
        while node is not None and not (isinstance(node, float) and math.isnan(node)) \
                and node is not pd.NA and seen < 20:
            text = title.get(node, "")
            if _PERIOD_TITLE.search(text) and not _YEAR_TITLE.search(text):
                out.add(sid)
                break
            node, seen = parent.get(node), seen + 1
    return out


def one_year_mask(results: pd.DataFrame, sentences: pd.DataFrame | None,
                  sections: pd.DataFrame | None = None) -> pd.Series:
    """True for result rows that state one year's outcome, False for several-year figures.

    A row is a several-year figure when the words before it in its sentence say so (年均,
    累计, 五年, 十四五), or when it sits in a section reviewing a plan period (“十四五”时期发展
    成就) and its sentence names no single year (全年, 去年, 2025年). Rows without a sentence
    are judged by their indicator name alone (五年城镇新增就业).

    >>> s = pd.DataFrame({"sentence_id": [1], "start": [0], "text": ["城镇新增就业1000万人，年均增长5%"]})
    >>> r = pd.DataFrame({"sentence_id": [1, 1], "start": [6, 18], "indicator": ["城镇新增就业", "增长"]})
    >>> one_year_mask(r, s).tolist()
    [True, False]
    """
    names = results["indicator"] if "indicator" in results.columns else pd.Series("", index=results.index)
    keep = ~names.fillna("").astype(str).map(is_multi_year)
    if sentences is None or not len(sentences) or not len(results):
        return keep
    sent = {sid: (int(start), str(text)) for sid, start, text
            in sentences[["sentence_id", "start", "text"]].itertuples(index=False)}
    period = _period_sections(sections)
    sec_of = (dict(zip(sentences["sentence_id"], sentences["section_id"]))
              if "section_id" in sentences.columns else {})
    for label, sid, start in results[["sentence_id", "start"]].itertuples():
        found = sent.get(sid)
        if found is None or pd.isna(start):
            continue
        s_start, text = found
        prefix = text[: max(0, int(start) - s_start)]
        in_period = sec_of.get(sid) in period and not _ONE_YEAR.search(text)
        if in_period or is_multi_year(prefix):
            keep.at[label] = False
    return keep
