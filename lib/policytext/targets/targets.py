"""This year's targets against last year's results, from the tables of one report.

A work report reviews last year and sets this year's targets. `targets_table` pairs every
target with the same indicator among last year's results (see `policytext.targets.matching`)
and derives how ambitious it is (the difference to last year, the level a growth rate
implies), with the deadline that governs it and its sentence as evidence.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd

from policytext.read.numerals import as_number
from policytext.targets.matching import (
    RATE_UNITS,
    best_matches,
    canonical_indicator,
    name_similarity,
)
from policytext.targets.outcomes import threshold_mask

__all__ = [
    "TARGET_FIELDS",
    "actual_results",
    "combine_commitments",
    "implied_level",
    "point_value",
    "report_places",
    "targets_from_indicators",
    "targets_table",
    "with_columns",
]

#: Columns of an indicator record that a target keeps, in this order.
TARGET_FIELDS = ["indicator", "raw", "value", "value_low", "value_high", "unit", "change",
                  "bound", "commitment", "headline", "section_id", "sentence_id", "start", "end"]
def report_places(region: object) -> tuple[str, ...]:
    """The report's own place names, to strip from indicator names (青山区生产总值)."""
    if not isinstance(region, str) or not region:
        return ()
    parts = re.findall(r".+?(?:自治区|自治州|地区|省|市|州|盟|县|区|旗|镇|乡)", region)
    names = {region, *parts}
    names |= {p[:-1] for p in parts if len(p) >= 3}  # 青山区 -> 青山
    return tuple(sorted(names, key=len, reverse=True))


def with_columns(frame: pd.DataFrame | None, columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(columns=columns) if frame is None else frame.copy()
    for col in columns:
        if col not in frame.columns:
            frame[col] = pd.NA
    return frame


def point_value(row) -> float:
    """The single number a target stands for: its value, or the middle of its range."""
    value = as_number(row.get("value"))
    if not math.isnan(value):
        return value
    low, high = as_number(row.get("value_low")), as_number(row.get("value_high"))
    if not math.isnan(low) and not math.isnan(high):
        return (low + high) / 2
    return low if not math.isnan(low) else high


def implied_level(change: object, unit: object, value: float, base: float) -> float:
    """The level reached if ``base`` moves by the target (growth 7% on 171.31亿元 -> 183.3亿元)."""
    if math.isnan(value) or math.isnan(base):
        return math.nan
    if change == "growth" and unit == "%":
        return base * (1 + value / 100)
    if change == "decrease" and unit == "%":
        return base * (1 - value / 100)
    if change == "pp_change" and unit in RATE_UNITS:
        return base + value
    return math.nan


def actual_results(indicators: pd.DataFrame, sections: pd.DataFrame | None) -> pd.DataFrame:
    """Last year's results: actual rows, restricted to the review part when parts are known."""
    ind = indicators[indicators["kind"] == "actual"]
    part = ind["part"] if "part" in ind.columns else None
    if part is None and sections is not None and len(sections) and "part" in sections.columns:
        part = ind["section_id"].map(sections.set_index("section_id")["part"])
    if part is not None and part.notna().any():
        ind = ind[part.fillna("review") == "review"]
    return _with_mirrored_rates(ind)


def _with_mirrored_rates(actuals: pd.DataFrame) -> pd.DataFrame:
    """Add, for every rate of growth or decrease, the same result read the other way round.

    下降2.4% is a growth of -2.4%: a growth target (增长6%) then meets a year of decline, and a
    decrease target (能耗下降3%) a year of rise. The mirrored rows keep the raw text and offsets
    of the original, so the evidence still reads 下降2.4%.

    >>> a = pd.DataFrame({"indicator": ["收入"], "value": [2.4], "unit": ["%"],
    ...                   "change": ["decrease"], "raw": ["2.4%"]})
    >>> _with_mirrored_rates(a)[["change", "value", "raw"]].values.tolist()
    [['decrease', 2.4, '2.4%'], ['growth', -2.4, '2.4%']]
    """
    if not {"change", "unit", "value"} <= set(actuals.columns):
        return actuals
    rates = actuals[actuals["unit"].eq("%") & actuals["change"].isin(["growth", "decrease"])]
    if not len(rates):
        return actuals
    mirror = rates.assign(change=rates["change"].map({"growth": "decrease", "decrease": "growth"}),
                          value=-pd.to_numeric(rates["value"], errors="coerce"))
    if {"value_low", "value_high"} <= set(rates.columns):
        mirror["value_low"] = -pd.to_numeric(rates["value_high"], errors="coerce")
        mirror["value_high"] = -pd.to_numeric(rates["value_low"], errors="coerce")
    return pd.concat([actuals, mirror], ignore_index=True)


def _deadline_for(targets: pd.DataFrame, deadlines: pd.DataFrame | None,
                  sentences: pd.DataFrame | None) -> pd.DataFrame:
    """The due date of each target, from the deadlines of its clause (between ；) of its sentence.

    In order: a deadline whose task holds the target (10月底前完成60%…, 6月底前，50个项目开工);
    else the nearest deadline before it in the clause (年底前新建A 3万亩，改造B 5个); else a
    bare closing deadline after it (新建A 3万亩，年底前全部完成). A deadline after the target that
    brings its own task (…165亿元，6月底前完成厂房建设) is that task's, not the target's. A
    horizon (到2026年，…) earlier in the sentence covers clauses without a deadline of their own.
    """
    due: list = [pd.NaT] * len(targets)
    raw: list = [None] * len(targets)
    if deadlines is not None and len(deadlines) and len(targets):
        sent = {} if sentences is None else {
            sid: (start, text) for sid, start, text
            in sentences[["sentence_id", "start", "text"]].itertuples(index=False)}
        # Plain tuples, not frames: this runs once per target of every report.
        by_sentence: dict = {}
        cols = ["sentence_id", "start", "raw", "due", "indicator_rows", "task"]
        for sid, d_start, d_raw, d_due, rows, task in deadlines[cols].itertuples(index=False):
            by_sentence.setdefault(sid, []).append(
                (int(d_start), d_raw, d_due, _row_starts(rows), _closes_preceding(str(task))))
        for cands in by_sentence.values():
            cands.sort(key=lambda c: c[0])
        for k, (sid, start) in enumerate(zip(targets["sentence_id"], targets["start"])):
            pick = _pick_deadline(by_sentence.get(sid), sent.get(sid), int(start))
            if pick is not None:
                due[k], raw[k] = pick[2], pick[1]
    return pd.DataFrame({"deadline": pd.Series(due, dtype=object, index=targets.index),
                         "deadline_raw": pd.Series(raw, dtype=object, index=targets.index)})


def _pick_deadline(cands, sentence, start: int):
    """The deadline tuple (start, raw, due, row starts, closing) that governs a target at `start`."""
    if not cands:
        return None
    lo, hi = -math.inf, math.inf
    if sentence is not None:
        s_start, s_text = sentence
        rel = start - s_start
        lo = s_start + max(s_text.rfind(c, 0, rel) for c in "；;") + 1
        ends = [i for i in (s_text.find(c, rel) for c in "；;") if i >= 0]
        hi = s_start + (min(ends) if ends else len(s_text))
    inside = [c for c in cands if lo <= c[0] < hi]
    if not inside:
        # 到2026年，A…；B…: a horizon opening the sentence covers all its clauses
        horizon = [c for c in cands if c[0] < lo and str(c[1]).startswith(("到", "至"))]
        return horizon[-1] if horizon else None
    own = [c for c in inside if start in c[3]]
    before = [c for c in inside if c[0] <= start]
    after = [c for c in inside if c[0] > start and c[4]]
    return own[-1] if own else before[-1] if before else after[0] if after else None


def _row_starts(rows) -> frozenset[int]:
    """Quantity starts of a deadline's ``indicator_rows``: a list, or "12;40" read from a CSV."""
    if isinstance(rows, str):
        return frozenset(int(x) for x in re.findall(r"\d+", rows))
    if rows is None or (isinstance(rows, float) and math.isnan(rows)):
        return frozenset()
    return frozenset(int(x) for x in rows)


#: Tasks that only close what came before them in the clause (年底前全部完成, 6月底前建成投用).
_CLOSING_TASK = re.compile(r"(?:全部|全面|基本|如期|按期|均)?(?:完成|建成|竣工|投用|投运|投产|开工|达标|到位)"
                           r"(?:投用|投运|投产|运营|使用|任务|目标)?")


def _closes_preceding(task: str) -> bool:
    """True when a deadline's task is only a closing verb, so it governs the clause before it.

    >>> _closes_preceding("全部建成投用"), _closes_preceding("完成县经开区标准化厂房二期建设")
    (True, False)
    """
    return bool(_CLOSING_TASK.fullmatch(task.strip("，,。；; ")))


def targets_from_indicators(
    indicators: pd.DataFrame,
    *,
    deadlines: pd.DataFrame | None = None,
    sentences: pd.DataFrame | None = None,
    sections: pd.DataFrame | None = None,
    places: tuple[str, ...] = (),
) -> pd.DataFrame:
    """Every target of one report, matched to last year's result of the same indicator.

    Works on the tables of one report (`Report.indicators` etc.); see `targets_table`.

    >>> ind = pd.DataFrame({
    ...     "indicator": ["生产总值", "生产总值", "地区生产总值"],
    ...     "raw": ["171.31亿元", "9.5%", "7%左右"], "value": [1.7131e10, 9.5, 7.0],
    ...     "unit": ["元", "%", "%"], "change": ["level", "growth", "growth"],
    ...     "bound": ["point", "point", "approx"], "kind": ["actual", "actual", "target"],
    ...     "start": [10, 20, 90], "end": [18, 24, 94]})
    >>> t = targets_from_indicators(ind)
    >>> float(t.loc[0, "actual_value"]), float(t.loc[0, "difference"]), t.loc[0, "match_method"]
    (9.5, -2.5, 'alias')
    >>> round(float(t.loc[0, "implied_level"]) / 1e8, 1)  # 171.31亿元 growing 7%
    183.3
    """
    ind = with_columns(indicators, [*TARGET_FIELDS, "kind", "value_low", "value_high"])
    targets = ind[ind["kind"] == "target"].sort_values("start", kind="stable")
    targets = targets.reset_index(drop=True)
    actuals = actual_results(ind, sections)

    # 5亿元以上项目: a per-project threshold pairs with nothing
    match = best_matches(targets[~threshold_mask(targets, sentences)],
                         actuals[~threshold_mask(actuals, sentences)], places=places)
    match = match.reindex(targets.index)
    match["candidate"] = match["candidate"].astype(object).where(match["candidate"].notna(), None)
    match["confidence"] = match["confidence"].fillna(0.0)
    match["method"] = match["method"].fillna("none")
    # A growth/decrease rate applies to a level in a non-rate unit; a change in percentage
    # points applies to a rate level (城镇化率 55.6% + 1个百分点).
    levels = actuals[actuals["change"].isin(["level", "share"])].copy()
    levels["change"] = np.where(levels["unit"].isin(list(RATE_UNITS)), "rate_level", "level")
    base = best_matches(targets, levels, places=places,
                        changes={"growth": "level", "decrease": "level", "pp_change": "rate_level"})

    out = targets[TARGET_FIELDS].copy()
    out.insert(1, "canonical", [canonical_indicator(n, places=places) for n in out["indicator"]])
    out = out.join(_deadline_for(targets, deadlines, sentences))
    if sentences is not None and len(sentences):
        out["sentence"] = out["sentence_id"].map(sentences.set_index("sentence_id")["text"])
    else:
        out["sentence"] = pd.NA

    def pick(frame, labels, col):
        return [frame.at[i, col] if i is not None else pd.NA for i in labels]

    hit = match["candidate"].tolist()
    out["matched_indicator"] = pick(actuals, hit, "indicator")
    for col in ("value", "unit", "change", "raw", "start", "end", "sentence_id"):
        out[f"actual_{col}"] = pick(actuals, hit, col)
    out["match_confidence"] = match["confidence"].to_numpy()
    out["match_method"] = match["method"].to_numpy()
    points = np.array([point_value(r) for _, r in targets.iterrows()], dtype=float)
    actual = pd.to_numeric(out["actual_value"], errors="coerce").to_numpy(dtype=float)
    out["difference"] = points - actual
    with np.errstate(divide="ignore", invalid="ignore"):
        out["ratio"] = np.where(actual != 0, points / actual, np.nan)

    b = base["candidate"].tolist()
    out["base_level"] = pd.to_numeric(pd.Series(pick(levels, b, "value")), errors="coerce").values
    out["base_level_unit"] = pick(levels, b, "unit")
    out["base_level_raw"] = pick(levels, b, "raw")
    out["implied_level"] = [
        implied_level(c, u, p, lvl) for c, u, p, lvl
        in zip(out["change"], out["unit"], points, out["base_level"])]
    return out.sort_values("start", kind="stable").reset_index(drop=True)


def targets_table(report) -> pd.DataFrame:
    """Every target of a `Report`, matched to last year's result of the same indicator.

    Columns: the target (indicator, canonical, raw, value, value_low, value_high, unit, change,
    bound, commitment, headline, section_id, sentence_id, start, end), its ``deadline`` (due
    date of a deadline in the same clause) and ``sentence``; the match (matched_indicator,
    actual_value, actual_unit, actual_change, actual_raw, actual_start, actual_end,
    match_confidence 0..1, match_method); derived figures: ``difference`` and ``ratio`` of
    target to last year's result, and ``implied_level`` where a growth rate meets a level
    (``base_level``). Unmatched targets keep empty match columns.

    >>> from policytext import load_report
    >>> report = load_report("tests/reports/synthetic_qingshan_2019.txt")  # doctest: +SKIP
    >>> targets_table(report).loc[0, ["indicator", "raw", "actual_raw"]].tolist()  # doctest: +SKIP
    ['生产总值', '7.5%', '8.3%']
    """
    return targets_from_indicators(
        report.indicators, deadlines=report.deadlines, sentences=report.sentences,
        sections=report.sections, places=report_places(report.metadata.region))


def combine_commitments(targets: pd.DataFrame, places: tuple[str, ...] = ()) -> pd.DataFrame:
    """Fold each 力争 (strive) row into the 确保 (ensure) row of the same indicator and sentence."""
    t = targets.reset_index(drop=True).copy()
    t["strive_value"] = np.nan
    drop = []
    ensure = t[t["commitment"] == "ensure"]
    for label, row in t[t["commitment"] == "strive"].iterrows():
        same = ensure[(ensure["sentence_id"] == row["sentence_id"])
                      & (ensure["unit"] == row["unit"])
                      & (ensure["change"] == row["change"])]
        same = same[[name_similarity(n, row["indicator"], places=places)[0] > 0
                     for n in same["indicator"]]]
        if len(same):
            t.at[same.index[0], "strive_value"] = point_value(row)
            drop.append(label)
    return t.drop(index=drop).reset_index(drop=True)
