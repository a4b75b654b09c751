"""Readable summaries of a targets table: how each target reads, and how ambitious it is.

`targets_table` keeps every number in base units (1.7131e10 元) for analysis. A reader wants
the target as the report states it (增长7%左右, 确保增长6%，力争增长8%), last year's result
next to it, and the level the target implies (183.30亿元). `ambition_table` gives that for the
headline targets (主要预期目标) or for the targets that were confidently matched to last year.
"""

from __future__ import annotations

import math
import re

import pandas as pd

from policytext.read.numerals import as_number
from policytext.targets.places import place_key
from policytext.targets.targets import (
    combine_commitments,
    implied_level,
    point_value,
    report_places,
)

__all__ = ["BOUND_WORDS", "ambition_table", "describe_target", "format_difference",
           "format_level", "headline_targets"]

#: The usual word for each bound, added when the raw span does not already carry it.
BOUND_WORDS = {"approx": "左右", "lower": "以上", "upper": "以内"}
_VERBS = {"growth": "增长", "decrease": "下降"}
_SCALES = ((1e8, "亿"), (1e4, "万"))
_RATES = ("%", "个百分点", "百分点")




#: Output grows in real terms (可比价) while its level is nominal.
_REAL = re.compile(r"生产总值|增加值|GDP|经济")
_REAL_NOTE = "growth is real (可比价), the level nominal: with inflation the level grows faster"


def format_level(value: object, unit: object) -> str:
    """A level in base units as a person writes it: 1.833e10 元 -> ``183.30亿元``.

    >>> format_level(1.8330170e10, "元"), format_level(25000, "平方米"), format_level(None, "元")
    ('183.30亿元', '2.50万平方米', '')
    """
    number = as_number(value)
    if math.isnan(number):
        return ""
    unit = unit if isinstance(unit, str) else ""
    if unit not in _RATES:
        for factor, prefix in _SCALES:
            if abs(number) >= factor:
                return f"{number / factor:.2f}{prefix}{unit}"
    return f"{number:g}{unit}"


def format_difference(value: object, unit: object) -> str:
    """Target minus last year's result, signed; between two % figures in percentage points.

    >>> format_difference(-2.5, "%"), format_difference(2540000.0, "平方米"), format_difference(-319, "人")
    ('-2.5个百分点', '+254.00万平方米', '-319人')
    """
    number = as_number(value)
    if math.isnan(number):
        return ""
    sign = "+" if number > 0 else "-" if number < 0 else "±"
    if unit in _RATES:
        return f"{sign}{abs(number):.3g}个百分点"
    return sign + format_level(abs(number), unit)


def _one(raw: object, change: object, bound: object) -> str:
    text = str(raw) if isinstance(raw, str) else ""
    verb = _VERBS.get(change, "")
    word = BOUND_WORDS.get(bound, "")
    if word and text.endswith(word):
        word = ""
    return f"{verb}{text}{word}"


def describe_target(row, *, strive_raw: object = None) -> str:
    """The target as a short phrase: verb, value as written, bound and commitment.

    >>> describe_target({"raw": "7%", "change": "growth", "bound": "approx", "commitment": "none"})
    '增长7%左右'
    >>> describe_target({"raw": "6%", "change": "growth", "bound": "point",
    ...                  "commitment": "ensure"}, strive_raw="8%")
    '确保增长6%，力争增长8%'
    """
    text = _one(row.get("raw"), row.get("change"), row.get("bound"))
    commitment = row.get("commitment")
    if isinstance(strive_raw, str) and strive_raw:
        return f"确保{text}，力争{_one(strive_raw, row.get('change'), row.get('bound'))}"
    if commitment == "ensure":
        return f"确保{text}"
    if commitment == "strive":
        return f"力争{text}"
    return text


def _pick_rows(targets: pd.DataFrame, which: str, min_confidence: float) -> pd.DataFrame:
    conf = pd.to_numeric(targets["match_confidence"], errors="coerce").fillna(0)
    matched = targets["actual_value"].notna() & (conf >= min_confidence)
    headline = targets["headline"].fillna(False).astype(bool)
    if which == "headline":
        return targets[headline] if headline.any() else targets[matched]
    if which == "matched":
        return targets[matched]
    if which == "all":
        return targets
    raise ValueError(f"which must be 'headline', 'matched' or 'all', not {which!r}")


def ambition_table(report_or_targets, *, which: str = "headline",
                   min_confidence: float = 0.9) -> pd.DataFrame:
    """One row per target: as written, last year's result, difference, ratio, implied level.

    ``which`` picks the rows: ``"headline"`` (the 主要预期目标 list; the matched targets when a
    report has none), ``"matched"`` (targets matched to last year's result with at least
    ``min_confidence``) or ``"all"``. A 确保…力争 pair is one row. ``difference`` (written out,
    in percentage points between two % figures) and ``ratio`` compare the target with last
    year's result in the same unit; ``implied_level`` is the level
    a growth target reaches from last year's level (``base_level``), both written out; for
    output (生产总值, 增加值) ``note`` says that its growth is real (可比价) while the level is
    nominal, so the implied level is a lower guide, not a forecast.

    >>> t = pd.DataFrame({"indicator": ["生产总值"], "raw": ["7%"], "value": [7.0],
    ...     "unit": ["%"], "change": ["growth"], "bound": ["approx"], "commitment": ["none"],
    ...     "headline": [True], "sentence_id": [1], "start": [5], "actual_raw": ["9.5%"],
    ...     "actual_value": [9.5], "match_confidence": [1.0], "difference": [-2.5],
    ...     "ratio": [0.7368], "base_level": [1.7131e10], "base_level_unit": ["元"],
    ...     "implied_level": [1.8330e10]})
    >>> row = ambition_table(t).iloc[0]
    >>> row[["target", "last_year", "difference", "implied_level"]].tolist(), float(row["ratio"])
    (['增长7%左右', '9.5%', '-2.5个百分点', '183.30亿元'], 0.74)
    """
    targets = (report_or_targets if isinstance(report_or_targets, pd.DataFrame)
               else report_or_targets.targets)
    rows = _pick_rows(targets, which, min_confidence)
    rows = combine_commitments(rows)
    out = []
    for _, row in rows.iterrows():
        strive = as_number(row["strive_value"])
        pair = row["commitment"] == "ensure" and not math.isnan(strive)
        implied = format_level(row.get("implied_level"), row.get("base_level_unit"))
        if pair:
            high = implied_level(row["change"], row["unit"], strive, as_number(row.get("base_level")))
            high = format_level(high, row.get("base_level_unit"))
            implied = f"{implied} … {high}" if implied and high else implied
        actual = row.get("actual_raw")
        out.append({
            "indicator": row["indicator"],
            "target": describe_target(
                row, strive_raw=format_level(strive, row["unit"]) if pair else None),
            "last_year": actual if isinstance(actual, str) else "",
            "difference": format_difference(row.get("difference"), row.get("unit")),
            "ratio": round(as_number(row.get("ratio")), 2),
            "base_level": format_level(row.get("base_level"), row.get("base_level_unit")),
            "implied_level": implied,
            "confidence": as_number(row.get("match_confidence")),
            "note": _REAL_NOTE if implied and _REAL.search(str(row["indicator"])) else "",
        })
    columns = ["indicator", "target", "last_year", "difference", "ratio", "base_level",
               "implied_level", "confidence", "note"]
    return pd.DataFrame(out, columns=columns)


def headline_targets(reports) -> pd.DataFrame:
    """The headline targets (主要预期目标) of several reports, one row per place and indicator.

    Columns: place (`place_key`), year, canonical, indicator, target (as written, with its
    bound and commitment: `describe_target`), value, value_low, value_high, point (the value,
    or the middle of a range), unit, change, bound, commitment, strive_value, source. A report
    without a headline list gives no rows; an indicator named twice keeps its first row.

    >>> headline_targets([]).columns[:4].tolist()
    ['place', 'year', 'canonical', 'indicator']
    """
    rows = []
    for report in reports:
        meta = report.metadata
        place = place_key(meta)
        targets = report.targets
        head = targets[targets["headline"].fillna(False).astype(bool)]
        head = combine_commitments(head, report_places(place) + report_places(meta.region))
        seen = set()
        for _, row in head.iterrows():
            key = (row["canonical"], row["change"], row["unit"])
            if key in seen:
                continue
            seen.add(key)
            strive = as_number(row["strive_value"])
            rows.append({
                "place": place, "year": meta.year, "canonical": row["canonical"],
                "indicator": row["indicator"],
                "target": describe_target(row, strive_raw=None if math.isnan(strive)
                                          else format_level(strive, row["unit"])),
                "value": as_number(row["value"]), "value_low": as_number(row["value_low"]),
                "value_high": as_number(row["value_high"]), "point": point_value(row),
                "unit": row["unit"], "change": row["change"], "bound": row["bound"],
                "commitment": row["commitment"], "strive_value": strive,
                "source": meta.source})
    columns = ["place", "year", "canonical", "indicator", "target", "value", "value_low",
               "value_high", "point", "unit", "change", "bound", "commitment", "strive_value",
               "source"]
    return pd.DataFrame(rows, columns=columns)
