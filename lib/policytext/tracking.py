"""Targets against last year's results, and targets against the outcomes the next report gives.

A work report reviews last year and sets this year's targets. `targets_table` pairs every
target with the same indicator among last year's results (see `policytext.matching`) and
derives how ambitious it is (the difference to last year, the level a growth rate implies).
`track` follows one jurisdiction over several reports: each year's targets meet the results
that the next year's report gives, and a status says whether the target was met.

Status rules (`target_status`): a lower bound (以上, 不低于, 超) is met at or above it, an upper
bound (以内, 不高于, 以下) at or below it, a range (5-10家) inside it, 左右 within a tolerance
(±0.5 percentage points for rates, ±5 % of the target for levels: both keyword arguments), and
a plain figure (增长3%, 新增绿地50万平方米) is read as a floor, the genre's usual meaning. A
dual target (确保6%，力争8%) is judged on its ensure value; the strive value gets its own flag.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd

from .errors import ReportError
from .matching import RATE_UNITS, best_matches, canonical_indicator, name_similarity

__all__ = [
    "OUTCOME_COLUMNS",
    "SHEET_COLUMNS",
    "achievement_rates",
    "ambition_table",
    "describe_target",
    "export_tracking_sheet",
    "plot_deadline_timeline",
    "plot_headline_targets",
    "plot_target_vs_outcome",
    "read_tracking_sheet",
    "target_status",
    "targets_from_indicators",
    "targets_table",
    "track",
    "track_targets",
    "tracking_from_corpus",
]

#: Columns of an indicator record that a target keeps, in this order.
_TARGET_FIELDS = ["indicator", "raw", "value", "value_low", "value_high", "unit", "change",
                  "bound", "commitment", "headline", "section_id", "sentence_id", "start", "end"]
#: Changes that describe a movement from a level, so that a level plus the change gives a level.
_RELATIVE = ("growth", "decrease", "pp_change")

# -- one report ---------------------------------------------------------------------------------


def _places(region: object) -> tuple[str, ...]:
    """The report's own place names, to strip from indicator names (青山区生产总值)."""
    if not isinstance(region, str) or not region:
        return ()
    parts = re.findall(r".+?(?:自治区|自治州|地区|省|市|州|盟|县|区|旗|镇|乡)", region)
    names = {region, *parts}
    names |= {p[:-1] for p in parts if len(p) >= 3}  # 青山区 -> 青山
    return tuple(sorted(names, key=len, reverse=True))


def _with_columns(frame: pd.DataFrame | None, columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(columns=columns) if frame is None else frame.copy()
    for col in columns:
        if col not in frame.columns:
            frame[col] = pd.NA
    return frame


def _point(row) -> float:
    """The single number a target stands for: its value, or the middle of its range."""
    value = _num(row.get("value"))
    if not math.isnan(value):
        return value
    low, high = _num(row.get("value_low")), _num(row.get("value_high"))
    if not math.isnan(low) and not math.isnan(high):
        return (low + high) / 2
    return low if not math.isnan(low) else high


def _num(value: object) -> float:
    try:
        out = float(value)
    except (TypeError, ValueError):
        return math.nan
    return out


def _implied_level(change: object, unit: object, value: float, base: float) -> float:
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


def _actuals(indicators: pd.DataFrame, sections: pd.DataFrame | None) -> pd.DataFrame:
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
    ind = _with_columns(indicators, [*_TARGET_FIELDS, "kind", "value_low", "value_high"])
    targets = ind[ind["kind"] == "target"].sort_values("start", kind="stable")
    targets = targets.reset_index(drop=True)
    actuals = _actuals(ind, sections)

    match = best_matches(targets, actuals, places=places)
    # A growth/decrease rate applies to a level in a non-rate unit; a change in percentage
    # points applies to a rate level (城镇化率 55.6% + 1个百分点).
    levels = actuals[actuals["change"].isin(["level", "share"])].copy()
    levels["change"] = np.where(levels["unit"].isin(list(RATE_UNITS)), "rate_level", "level")
    base = best_matches(targets, levels, places=places,
                        changes={"growth": "level", "decrease": "level", "pp_change": "rate_level"})

    out = targets[_TARGET_FIELDS].copy()
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
    points = np.array([_point(r) for _, r in targets.iterrows()], dtype=float)
    actual = pd.to_numeric(out["actual_value"], errors="coerce").to_numpy(dtype=float)
    out["difference"] = points - actual
    with np.errstate(divide="ignore", invalid="ignore"):
        out["ratio"] = np.where(actual != 0, points / actual, np.nan)

    b = base["candidate"].tolist()
    out["base_level"] = pd.to_numeric(pd.Series(pick(levels, b, "value")), errors="coerce").values
    out["base_level_unit"] = pick(levels, b, "unit")
    out["base_level_raw"] = pick(levels, b, "raw")
    out["implied_level"] = [
        _implied_level(c, u, p, lvl) for c, u, p, lvl
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
        sections=report.sections, places=_places(report.metadata.region))


# -- status -------------------------------------------------------------------------------------


def target_status(
    outcome: object,
    target: object,
    *,
    bound: object,
    unit: object,
    value_low: object = None,
    value_high: object = None,
    rate_tolerance: float = 0.5,
    level_tolerance: float = 0.05,
    approx: str = "within",
) -> str:
    """``"met"``, ``"missed"`` or ``"unclear"`` for one outcome against one target.

    ``rate_tolerance`` (percentage points, for % targets) and ``level_tolerance`` (a share of
    the target, for levels) say how close a 左右 target must be; ``approx="at_least"`` also
    counts an overshoot of a 左右 target as met. A plain figure (bound ``point``) is a floor.

    >>> target_status(8.3, 8, bound="approx", unit="%"), target_status(6.2, 7.5, bound="approx", unit="%")
    ('met', 'missed')
    >>> target_status(3.4, 4, bound="upper", unit="%"), target_status(8, None, bound="range",
    ...     unit="家", value_low=5, value_high=10)
    ('met', 'met')
    >>> target_status(None, 3000, bound="point", unit="人")
    'unclear'
    """
    out, tgt = _num(outcome), _num(target)
    if math.isnan(out):
        return "unclear"
    if bound == "range":
        low, high = _num(value_low), _num(value_high)
        if math.isnan(low) or math.isnan(high):
            return "unclear"
        eps = 1e-9 * max(1.0, abs(high))
        return "met" if low - eps <= out <= high + eps else "missed"
    if math.isnan(tgt):
        return "unclear"
    eps = 1e-9 * max(1.0, abs(tgt))
    if bound in ("lower", "point"):
        return "met" if out >= tgt - eps else "missed"
    if bound == "upper":
        return "met" if out <= tgt + eps else "missed"
    if bound == "approx":
        tol = rate_tolerance if unit in RATE_UNITS else level_tolerance * abs(tgt)
        if approx == "at_least":
            return "met" if out >= tgt - tol - eps else "missed"
        return "met" if abs(out - tgt) <= tol + eps else "missed"
    return "unclear"


def _tolerance(bound: object, unit: object, target: float, rate_tol: float, level_tol: float):
    if bound != "approx" or math.isnan(target):
        return math.nan
    return rate_tol if unit in RATE_UNITS else level_tol * abs(target)


# -- several reports ----------------------------------------------------------------------------

#: Columns of the tracking table, in order.
TRACKING_COLUMNS = [
    "region", "year", "reported_in", "indicator", "canonical", "raw", "value", "value_low",
    "value_high", "unit", "change", "bound", "commitment", "strive_value", "headline", "deadline",
    "outcome_value", "outcome_unit", "outcome_change", "outcome_raw", "outcome_indicator",
    "match_confidence", "match_method", "status", "strive_status", "gap", "tolerance", "note",
    "target_source", "target_start", "target_end", "target_sentence",
    "outcome_source", "outcome_start", "outcome_end", "outcome_sentence",
]


def _combine_commitments(targets: pd.DataFrame, places: tuple[str, ...] = ()) -> pd.DataFrame:
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
            t.at[same.index[0], "strive_value"] = _point(row)
            drop.append(label)
    return t.drop(index=drop).reset_index(drop=True)


def _derived_outcomes(targets, actuals, places):
    """Outcome changes computed from two levels when the next report gives only the level.

    城镇化率 55.6% (last year's report) and 56.8% (next report) give +1.2 percentage points
    for a target 提高1个百分点; 生产总值 111.2亿元 → 120.5亿元 gives growth 8.4%.
    """
    levels = actuals[actuals["change"].isin(["level", "share"])]
    want = targets[targets["change"].isin(_RELATIVE) & targets["base_level"].notna()]
    if not len(want) or not len(levels):
        return {}
    levels = levels.assign(change="level")
    found = best_matches(want, levels, places=places,
                         changes={c: "level" for c in _RELATIVE})
    out = {}
    for label, row in want.iterrows():
        cand = found.at[label, "candidate"]
        if cand is None or levels.at[cand, "unit"] != row["base_level_unit"]:
            continue
        new, old = _num(levels.at[cand, "value"]), _num(row["base_level"])
        if math.isnan(new) or math.isnan(old) or old == 0:
            continue
        if row["change"] == "pp_change":
            value, unit = new - old, row["unit"]
        elif row["change"] == "growth":
            value, unit = (new / old - 1) * 100, "%"
        else:
            value, unit = (1 - new / old) * 100, "%"
        out[label] = (cand, round(value, 6), unit, round(found.at[label, "confidence"] * 0.8, 3),
                      f"derived:{found.at[label, 'method']}",
                      (f"outcome derived from levels {row['base_level_raw']} → "
                       f"{levels.at[cand, 'raw']}"))
    return out


def _judge_rows(frame: pd.DataFrame, *, rate_tolerance, level_tolerance, approx) -> pd.DataFrame:
    kw = {"rate_tolerance": rate_tolerance, "level_tolerance": level_tolerance, "approx": approx}
    status, strive, gap, tol = [], [], [], []
    for _, row in frame.iterrows():
        point = _point(row)
        same_unit = isinstance(row["outcome_unit"], str) and row["outcome_unit"] == row["unit"]
        outcome = _num(row["outcome_value"]) if same_unit else math.nan
        status.append(target_status(outcome, row["value"], bound=row["bound"], unit=row["unit"],
                                    value_low=row["value_low"], value_high=row["value_high"],
                                    **kw))
        has_strive = not math.isnan(_num(row.get("strive_value")))
        strive.append(target_status(outcome, row["strive_value"], bound=row["bound"],
                                    unit=row["unit"], **kw) if has_strive else None)
        gap.append(round(outcome - point, 9))
        tol.append(_tolerance(row["bound"], row["unit"], point, rate_tolerance, level_tolerance))
    return frame.assign(status=status, strive_status=strive, gap=gap, tolerance=tol)


def track_targets(
    targets: pd.DataFrame,
    actuals: pd.DataFrame,
    *,
    places: tuple[str, ...] = (),
    rate_tolerance: float = 0.5,
    level_tolerance: float = 0.05,
    approx: str = "within",
) -> pd.DataFrame:
    """One year's targets (a `targets_table`) against the next report's results (actual rows).

    Returns the target columns plus outcome_* columns, match_confidence, match_method,
    status, strive_status, gap (outcome minus target), tolerance and note.

    >>> t = pd.DataFrame({"indicator": ["固定资产投资"], "value": [10.0], "unit": ["%"],
    ...     "change": ["growth"], "bound": ["lower"], "commitment": ["none"],
    ...     "sentence_id": [3], "start": [50]})
    >>> a = pd.DataFrame({"indicator": ["全社会固定资产投资"], "value": [12.4], "unit": ["%"],
    ...     "change": ["growth"], "raw": ["12.4%"], "start": [7]})
    >>> track_targets(t, a)[["outcome_value", "status"]].values.tolist()
    [[12.4, 'met']]
    """
    cols = [*_TARGET_FIELDS, "canonical", "deadline", "sentence", "base_level",
            "base_level_unit", "base_level_raw"]
    t = _combine_commitments(_with_columns(targets, cols), places)
    a = _with_columns(actuals, ["indicator", "value", "unit", "change", "raw", "start", "end",
                                "sentence", "sentence_id"])
    if t["canonical"].isna().all():
        t["canonical"] = [canonical_indicator(n, places=places) for n in t["indicator"]]
    match = best_matches(t, a, places=places)
    derived = _derived_outcomes(t[match["candidate"].isna()], a, places)
    rows = []
    for label, row in t.iterrows():
        cand, conf, method = match.loc[label, ["candidate", "confidence", "method"]]
        value = unit = None
        note = ""
        if cand is not None:
            value, unit = a.at[cand, "value"], a.at[cand, "unit"]
        elif label in derived:
            cand, value, unit, conf, method, note = derived[label]
        else:
            note = "no matching result in the next report"
        def get(col, cand=cand):
            return a.at[cand, col] if cand is not None else pd.NA

        rows.append({
            "outcome_value": _num(value), "outcome_unit": unit if unit is not None else pd.NA,
            "outcome_change": get("change") if not note.startswith("outcome derived")
            else row["change"],
            "outcome_raw": get("raw"), "outcome_indicator": get("indicator"),
            "match_confidence": conf, "match_method": method, "note": note,
            "outcome_start": get("start"), "outcome_end": get("end"),
            "outcome_sentence": get("sentence"),
        })
    found = pd.DataFrame(rows, index=range(len(t)))
    # The target's own match to last year's result is not the outcome's match: keep one.
    t = t.drop(columns=[c for c in found.columns if c in t.columns]).reset_index(drop=True)
    out = pd.concat([t, found], axis=1)
    out = out.rename(columns={"start": "target_start", "end": "target_end",
                              "sentence": "target_sentence"})
    return _judge_rows(out, rate_tolerance=rate_tolerance, level_tolerance=level_tolerance,
                       approx=approx)


def _report_entry(report) -> dict:
    meta = report.metadata
    actuals = _actuals(_with_columns(report.indicators, [*_TARGET_FIELDS, "kind"]),
                       report.sections)
    sentences = report.sentences.set_index("sentence_id")["text"]
    actuals = actuals.assign(sentence=actuals["sentence_id"].map(sentences))
    targets = report.targets if hasattr(report, "targets") else targets_table(report)
    return {"region": meta.region, "year": meta.year, "source": meta.source or report.report_id,
            "targets": targets, "actuals": actuals, "places": _places(meta.region)}


def _track_entries(entries: list[dict], *, duplicates: str, include_pending: bool,
                   **kw) -> pd.DataFrame:
    frames = []
    by_region: dict[str, dict[int, dict]] = {}
    for entry in sorted(entries, key=lambda e: (str(e["region"]), e["year"] or 0,
                                                str(e["source"]))):
        if entry["year"] is None or pd.isna(entry["year"]):
            raise ReportError(entry["source"], "the report's year is unknown, cannot track it")
        years = by_region.setdefault(str(entry["region"] or ""), {})
        year = int(entry["year"])
        if year in years:
            if duplicates == "error":
                raise ReportError(entry["source"], f"a second report for {entry['region']} "
                                  f"{year} (the first is {years[year]['source']})")
            continue
        years[year] = entry
    for years in by_region.values():
        for year, entry in sorted(years.items()):
            nxt = years.get(year + 1)
            if nxt is None and not include_pending:
                continue
            actuals = nxt["actuals"] if nxt is not None else None
            part = track_targets(entry["targets"], actuals, places=entry["places"], **kw)
            if nxt is None:
                part["note"] = f"no report for {year + 1} yet"
            _leave_later_targets_unjudged(part, year)
            part.insert(0, "region", entry["region"])
            part.insert(1, "year", year)
            part.insert(2, "reported_in", year + 1 if nxt is not None else pd.NA)
            part["target_source"] = entry["source"]
            part["outcome_source"] = np.where(part["outcome_value"].notna(),
                                              nxt["source"] if nxt is not None else None, None)
            frames.append(part)
    if not frames:
        return pd.DataFrame(columns=TRACKING_COLUMNS)
    out = pd.concat(frames, ignore_index=True)
    out = _with_columns(out, TRACKING_COLUMNS)[TRACKING_COLUMNS]
    # Years without a dual target would otherwise show NaN where others show None.
    out["strive_status"] = out["strive_status"].astype(object).where(
        out["strive_status"].notna(), None)
    return out.sort_values(["region", "year", "target_start"], kind="stable").reset_index(drop=True)


def _leave_later_targets_unjudged(part: pd.DataFrame, year: int) -> None:
    """Targets due after their report's year (到2026年…突破3500亿元) are not judged on one year.

    A five-year target measured against next year's result would read as missed; such rows
    keep their outcome for reference, with status "unclear" and a note saying when they are due.
    """
    if "deadline" not in part.columns or part.empty:
        return
    due = pd.to_datetime(part["deadline"], errors="coerce")
    later = (due.dt.year > year).fillna(False).to_numpy(dtype=bool)
    if not later.any():
        return
    part["status"] = part["status"].astype(object)
    part["strive_status"] = part["strive_status"].astype(object)
    part["note"] = part["note"].astype(object)
    part.loc[later, "status"] = "unclear"
    part.loc[later, "strive_status"] = None
    part.loc[later, "note"] = [f"due {d.date()}: a target for a later year, not judged on "
                               f"the {year + 1} report" for d in due[later]]


def track(
    reports,
    *,
    rate_tolerance: float = 0.5,
    level_tolerance: float = 0.05,
    approx: str = "within",
    include_pending: bool = False,
) -> pd.DataFrame:
    """Follow the targets of one jurisdiction's reports (any order) to the next year's results.

    Each year's targets are joined with the results that the following year's report gives
    for the same indicator, and judged met / missed / unclear (see `target_status`; the
    tolerances are keyword arguments). Both sentences stay as evidence (target_sentence,
    outcome_sentence and their offsets). Targets of the last year have no outcome yet and are
    left out unless ``include_pending``. Two reports of the same place and year are an error.

    >>> import policytext
    >>> table = policytext.track([r2019, r2020])  # doctest: +SKIP
    >>> table[["indicator", "value", "outcome_value", "status"]].head(2)  # doctest: +SKIP
    """
    entries = [_report_entry(r) for r in reports]
    return _track_entries(entries, duplicates="error", include_pending=include_pending,
                          rate_tolerance=rate_tolerance, level_tolerance=level_tolerance,
                          approx=approx)


def tracking_from_corpus(targets: pd.DataFrame, indicators: pd.DataFrame,
                         metadata: pd.DataFrame, **kw) -> pd.DataFrame | None:
    """`track` on the corpus tables (each with a leading report_id; metadata has year, region).

    Returns None unless some region has reports for at least two years. When one place and
    year has several reports (copies from two websites), the first report_id is used.

    >>> tracking_from_corpus(pd.DataFrame(), pd.DataFrame(), pd.DataFrame()) is None
    True
    """
    need = {"report_id", "year", "region"}
    if metadata is None or not need <= set(metadata.columns) or targets is None \
            or "report_id" not in getattr(targets, "columns", ()) or indicators is None \
            or "report_id" not in getattr(indicators, "columns", ()):
        return None
    meta = metadata.dropna(subset=["year", "region"])
    if not (meta.groupby("region")["year"].nunique() >= 2).any():
        return None
    entries = []
    for rid, region, year in meta[["report_id", "region", "year"]].itertuples(index=False):
        ind = _with_columns(indicators[indicators["report_id"] == rid],
                            [*_TARGET_FIELDS, "kind"])
        entries.append({"region": region, "year": int(year), "source": rid,
                        "targets": targets[targets["report_id"] == rid].drop(columns="report_id"),
                        "actuals": _actuals(ind, None), "places": _places(region)})
    return _track_entries(entries, duplicates="first", include_pending=False, **kw)


def achievement_rates(tracking: pd.DataFrame, *, by: str | list[str] = "year") -> pd.DataFrame:
    """Counts of met / missed / unclear targets and the rate met / (met + missed) per group.

    ``by`` is one or more columns of the tracking table (year, canonical, bound, commitment,
    headline, region …). ``strive_met`` counts dual targets whose 力争 value was reached too.

    >>> t = pd.DataFrame({"year": [2018, 2018, 2018], "status": ["met", "missed", "unclear"],
    ...                   "strive_status": [None, None, None]})
    >>> achievement_rates(t)[["met", "missed", "unclear", "rate"]].values.tolist()
    [[1.0, 1.0, 1.0, 0.5]]
    """
    keys = [by] if isinstance(by, str) else list(by)
    t = tracking.copy()
    for name in ("met", "missed", "unclear"):
        t[name] = (t["status"] == name).astype(int)
    t["strive_met"] = (t.get("strive_status") == "met").astype(int)
    out = t.groupby(keys, dropna=False, sort=True)[["met", "missed", "unclear", "strive_met"]].sum()
    out.insert(0, "n_targets", out[["met", "missed", "unclear"]].sum(axis=1))
    judged = out["met"] + out["missed"]
    out["rate"] = np.where(judged > 0, out["met"] / judged.where(judged > 0, 1), np.nan)
    return out.reset_index()


# -- the tracking sheet and the charts live in their own modules; re-exported here ---------------

from .tracking_plots import (
    plot_deadline_timeline,
    plot_headline_targets,
    plot_target_vs_outcome,
)
from .tracking_sheet import (
    OUTCOME_COLUMNS,
    SHEET_COLUMNS,
    export_tracking_sheet,
    read_tracking_sheet,
)
from .tracking_summary import ambition_table, describe_target
