"""Targets against last year's results, and targets against the outcomes the next report gives.

`track` follows one jurisdiction over several reports: each year's targets meet the results
that the next year's report gives, and a status says whether the target was met.

Status rules (`target_status`): a lower bound (以上, 不低于, 超) is met at or above it, an upper
bound (以内, 不高于, 以下) at or below it. `track` reads the other bounds the way the reports do
(``approx="at_least"``): 左右 and a bare figure (增长7.5%) are met unless the outcome falls short
by more than a tolerance (0.5 percentage points for rates, 2 % of the target for levels: keyword
arguments), so 8.3% and 7.6% meet 8%左右 while 7.4% misses it; a range (6.5%－7%) is met inside
it or on its better side. ``approx="within"`` asks for both sides and reads a bare figure as a
floor. Indicators a report holds down (prices, unemployment, deficits: `is_ceiling`) read the
other way round: there 3%左右 and a bare 3% are ceilings. A dual target (确保6%，力争8%) is judged
on its ensure value; the strive value gets its own flag.
"""

from __future__ import annotations

import itertools
import math
import re

import numpy as np
import pandas as pd

from policytext.errors import ReportError
from policytext.read.numerals import as_number
from policytext.targets.matching import (
    RATE_UNITS,
    best_matches,
    canonical_indicator,
)
from policytext.targets.outcomes import (
    flat_prices,
    is_ceiling,
    judge_statements,
    judge_sync,
    one_year_mask,
    outcome_candidates,
    past_year_mask,
    split_subjects,
    threshold_mask,
    unnumbered_targets,
)
from policytext.targets.places import place_key
from policytext.targets.targets import (
    TARGET_FIELDS,
    actual_results,
    combine_commitments,
    point_value,
    report_places,
    targets_table,
    with_columns,
)

__all__ = [
    "TRACKING_COLUMNS",
    "achievement_rates",
    "judge_rows",
    "target_status",
    "track",
    "track_targets",
    "tracking_from_corpus",
]

#: Changes that describe a movement from a level, so that a level plus the change gives a level.
_RELATIVE = ("growth", "decrease", "pp_change")
#: Indicators whose growth rates are real (at comparable prices): output and value added.
_REAL_GROWTH = r"生产总值|增加值|GDP|经济"


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
    ceiling: bool = False,
) -> str:
    """``"met"``, ``"missed"`` or ``"unclear"`` for one outcome against one target.

    ``rate_tolerance`` (percentage points, for % targets) and ``level_tolerance`` (a share of
    the target, for levels) say how close a 左右 target must be; ``approx="at_least"`` also
    counts an overshoot of a 左右 target as met. A plain figure (bound ``point``) is a floor;
    for a ``ceiling`` indicator (prices, unemployment: see `is_ceiling`) it is a ceiling, and
    ``at_least`` then forgives an undershoot instead.

    >>> target_status(2.6, 3.5, bound="approx", unit="%", approx="at_least", ceiling=True)
    'met'

    >>> target_status(8.3, 8, bound="approx", unit="%"), target_status(6.2, 7.5, bound="approx", unit="%")
    ('met', 'missed')
    >>> target_status(3.4, 4, bound="upper", unit="%"), target_status(8, None, bound="range",
    ...     unit="家", value_low=5, value_high=10)
    ('met', 'met')
    >>> target_status(None, 3000, bound="point", unit="人")
    'unclear'
    """
    out, tgt = as_number(outcome), as_number(target)
    if math.isnan(out):
        return "unclear"
    if bound == "range":
        low, high = as_number(value_low), as_number(value_high)
        if math.isnan(low) or math.isnan(high):
            return "unclear"
        eps = 1e-9 * max(1.0, abs(high))
        if approx == "at_least":  # the better side of a range is no miss
            return "met" if (out <= high + eps if ceiling else out >= low - eps) else "missed"
        return "met" if low - eps <= out <= high + eps else "missed"
    if math.isnan(tgt):
        return "unclear"
    eps = 1e-9 * max(1.0, abs(tgt))
    if bound == "point" and approx == "at_least":
        bound = "approx"  # a bare figure is read like 左右 (增长7.5%: 7.4% is no failure)
    if bound == "lower" or (bound == "point" and not ceiling):
        return "met" if out >= tgt - eps else "missed"
    if bound in ("upper", "point"):
        return "met" if out <= tgt + eps else "missed"
    if bound == "approx":
        tol = rate_tolerance if unit in RATE_UNITS else level_tolerance * abs(tgt)
        if approx == "at_least" and ceiling:
            return "met" if out <= tgt + tol + eps else "missed"
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


#: Columns `track_targets` adds for the outcome, before judging.
_OUTCOME_FIELDS = ["outcome_value", "outcome_unit", "outcome_change", "outcome_raw",
                   "outcome_indicator", "match_confidence", "match_method", "note",
                   "outcome_start", "outcome_end", "outcome_sentence"]


def _derived_outcomes(targets, actuals, places):
    """Outcome changes computed from two levels when the next report gives only the level.

    城镇化率 55.6% (last year's report) and 56.8% (next report) give +1.2 percentage points
    for a target 提高1个百分点; 生产总值 111.2亿元 → 120.5亿元 gives growth 8.4%.
    """
    levels = actuals[actuals["change"].isin(["level", "share"])]
    want = targets[targets["change"].isin(_RELATIVE) & targets["base_level"].notna()]
    # Output growth is real (可比价) while its levels are nominal: two levels of GDP give
    # nominal growth, which is no outcome of a real-growth target.
    want = want[~want["indicator"].fillna("").astype(str).str.contains(_REAL_GROWTH)]
    if not len(want) or not len(levels):
        return {}
    levels = levels.assign(change="level")
    found = best_matches(want, levels, places=places,
                         changes={c: "level" for c in _RELATIVE})
    out = {}
    for label, row in want.iterrows():
        cand = found.at[label, "candidate"]
        if cand is None or pd.isna(cand) or levels.at[cand, "unit"] != row["base_level_unit"]:
            continue
        new, old = as_number(levels.at[cand, "value"]), as_number(row["base_level"])
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


def judge_rows(frame: pd.DataFrame, *, rate_tolerance, level_tolerance, approx) -> pd.DataFrame:
    kw = {"rate_tolerance": rate_tolerance, "level_tolerance": level_tolerance, "approx": approx}
    status, strive, gap, tol = [], [], [], []
    for _, row in frame.iterrows():
        point = point_value(row)
        same_unit = isinstance(row["outcome_unit"], str) and row["outcome_unit"] == row["unit"]
        outcome = as_number(row["outcome_value"]) if same_unit else math.nan
        ceiling = is_ceiling(row.get("indicator")) or is_ceiling(row.get("canonical"))
        status.append(target_status(outcome, row["value"], bound=row["bound"], unit=row["unit"],
                                    value_low=row["value_low"], value_high=row["value_high"],
                                    ceiling=ceiling, **kw))
        has_strive = not math.isnan(as_number(row.get("strive_value")))
        strive.append(target_status(outcome, row["strive_value"], bound=row["bound"],
                                    unit=row["unit"], ceiling=ceiling, **kw)
                      if has_strive else None)
        gap.append(round(outcome - point, 9))
        tol.append(_tolerance(row["bound"], row["unit"], point, rate_tolerance, level_tolerance))
    return frame.assign(status=status, strive_status=strive, gap=gap, tolerance=tol)


def _growth_named_in_sentence(targets: pd.DataFrame) -> pd.DataFrame:
    """A % target read as a level although its sentence says X增长 (经济增长预期目标为7%左右)."""
    level = targets["change"].eq("level") & targets["unit"].eq("%")
    if not level.any() or "sentence" not in targets.columns:
        return targets
    out = targets.copy()
    for label in out.index[level]:
        name, text = out.at[label, "indicator"], out.at[label, "sentence"]
        if isinstance(name, str) and isinstance(text, str) and name \
                and re.search(re.escape(name) + r"(?:的)?(?:增长|增速)", re.sub(r"\s", "", text)):
            out.at[label, "change"] = "growth"
    return out


def track_targets(
    targets: pd.DataFrame,
    actuals: pd.DataFrame,
    *,
    places: tuple[str, ...] = (),
    rate_tolerance: float = 0.5,
    level_tolerance: float = 0.02,
    approx: str = "at_least",
    min_confidence: float = 0.7,
    statements: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One year's targets (a `targets_table`) against the next report's results (actual rows).

    Returns the target columns plus outcome_* columns, match_confidence, match_method,
    status, strive_status, gap (outcome minus target), tolerance and note. A match below
    ``min_confidence`` (a one- or two-character name such as 投资 or 项目) keeps its evidence
    but is not judged: status "unclear", with a note asking a person to check it. With the next
    report's ``statements`` (its sentences), a target it gives no figure for is judged on what
    it says of it (超额完成…目标 / 没有完成…目标: `stated_verdict`).

    >>> t = pd.DataFrame({"indicator": ["固定资产投资"], "value": [10.0], "unit": ["%"],
    ...     "change": ["growth"], "bound": ["lower"], "commitment": ["none"],
    ...     "sentence_id": [3], "start": [50]})
    >>> a = pd.DataFrame({"indicator": ["全社会固定资产投资"], "value": [12.4], "unit": ["%"],
    ...     "change": ["growth"], "raw": ["12.4%"], "start": [7]})
    >>> track_targets(t, a)[["outcome_value", "status"]].values.tolist()
    [[12.4, 'met']]
    """
    cols = [*TARGET_FIELDS, "canonical", "deadline", "sentence", "base_level",
            "base_level_unit", "base_level_raw"]
    t = combine_commitments(with_columns(targets, cols), places)
    a = outcome_candidates(with_columns(actuals, [
        "indicator", "value", "unit", "change", "raw", "start", "end", "sentence", "sentence_id",
        "one_year"]))
    if t["canonical"].isna().all():
        t["canonical"] = [canonical_indicator(n, places=places) for n in t["indicator"]]
    t = _growth_named_in_sentence(t)
    split = split_subjects(t)
    if not split["indicator"].equals(t["indicator"]):
        t = split.assign(canonical=[canonical_indicator(n, places=places)
                                    for n in split["indicator"]])
    several = ~a["one_year"].astype(bool)
    match = best_matches(t, a[~several], places=places)
    derived = _derived_outcomes(t[match["candidate"].isna()], a[~several], places)
    # Several-year figures (年均, 累计) are no outcome, but a reader should know they were there.
    wider = best_matches(t, a[several], places=places) if several.any() else None
    rows = []
    for label, row in t.iterrows():
        cand, conf, method = match.loc[label, ["candidate", "confidence", "method"]]
        value = unit = None
        note = ""
        if cand is not None:
            value, unit = a.at[cand, "value"], a.at[cand, "unit"]
        elif label in derived:
            cand, value, unit, conf, method, note = derived[label]
        elif wider is not None and wider.at[label, "candidate"] is not None:
            other = a.loc[wider.at[label, "candidate"]]
            note = (f"the next report gives only a several-year figure ({other['indicator']} "
                    f"{other['raw']}), not a one-year outcome")
        elif pd.isna(row.get("value")) and pd.isna(row.get("value_low")):
            note = "a target without a number: judged only where the next report states it"
        else:
            note = "no matching result in the next report"
        def get(col, cand=cand):
            return a.at[cand, col] if cand is not None else pd.NA

        rows.append({
            "outcome_value": as_number(value), "outcome_unit": unit if unit is not None else pd.NA,
            "outcome_change": get("change") if not note.startswith("outcome derived")
            else row["change"],
            "outcome_raw": get("raw"), "outcome_indicator": get("indicator"),
            "match_confidence": conf, "match_method": method, "note": note,
            "outcome_start": get("start"), "outcome_end": get("end"),
            "outcome_sentence": get("sentence"),
        })
    # Named columns: a year without targets must still give the outcome columns.
    found = pd.DataFrame(rows, index=range(len(t)), columns=_OUTCOME_FIELDS)
    # The target's own match to last year's result is not the outcome's match: keep one.
    t = t.drop(columns=[c for c in found.columns if c in t.columns]).reset_index(drop=True)
    out = pd.concat([t, found], axis=1)
    out = out.rename(columns={"start": "target_start", "end": "target_end",
                              "sentence": "target_sentence"})
    out = judge_rows(out, rate_tolerance=rate_tolerance, level_tolerance=level_tolerance,
                     approx=approx)
    judge_sync(out, a)
    judge_statements(out, statements, places)
    conf = pd.to_numeric(out["match_confidence"], errors="coerce").fillna(0)
    weak = (conf < min_confidence) & out["outcome_value"].notna()
    if weak.any():
        out["status"] = out["status"].astype(object)
        out["note"] = out["note"].astype(object)
        out.loc[weak, "note"] = [f"weak match ({c:g}) to {i} {r}: check by hand" for c, i, r
                                 in zip(conf[weak], out.loc[weak, "outcome_indicator"],
                                        out.loc[weak, "outcome_raw"])]
        out.loc[weak, "status"] = "unclear"
        out.loc[weak, "strive_status"] = None
    return out


def _report_entry(report) -> dict:
    meta = report.metadata
    if meta.year is None or pd.isna(meta.year):
        # Dates (deadlines) cannot be resolved without the year: the entry is left out anyway.
        return {"region": place_key(meta), "year": None,
                "source": meta.source or report.report_id}
    indicators = with_columns(report.indicators, [*TARGET_FIELDS, "kind"])
    actuals = actual_results(indicators, report.sections)
    recalled = indicators[indicators["kind"].eq("target")]
    recalled = recalled[past_year_mask(recalled, report.sentences, report.text)]
    flat = flat_prices(report.sentences)
    if len(recalled) or len(flat):
        actuals = pd.concat([actuals, actual_results(recalled.assign(kind="actual"), None),
                             flat], ignore_index=True)
    actuals = actuals[~threshold_mask(actuals, report.sentences)]
    sentences = report.sentences.set_index("sentence_id")["text"]
    actuals = actuals.assign(sentence=actuals["sentence_id"].map(sentences),
                             one_year=one_year_mask(actuals, report.sentences, report.sections,
                                                      report.text))
    targets = report.targets if hasattr(report, "targets") else targets_table(report)
    extra = unnumbered_targets(targets, report.sentences)
    if len(extra):
        targets = pd.concat([targets, extra], ignore_index=True)
    return {"region": place_key(meta), "year": meta.year,
            "source": meta.source or report.report_id, "targets": targets, "actuals": actuals,
            "places": report_places(meta.region) + report_places(place_key(meta)),
            "sentences": report.sentences}


def _series(entries: list[dict], duplicates: str, notes: list[str]) -> dict[str, dict[int, dict]]:
    """Entries grouped by place and year; entries without a year are left out with a note.

    An entry without a place joins the series when every other entry names the same place
    (a list given to `track` is one jurisdiction); otherwise it is left out with a note.
    """
    # Only entries that can be tracked vouch for the series' place.
    places = {e["region"] for e in entries if e["region"] and e["year"] is not None
              and not pd.isna(e["year"])}
    by_place: dict[str, dict[int, dict]] = {}
    for entry in sorted(entries, key=lambda e: (str(e["region"] or ""), e["year"] or 0,
                                                str(e["source"]))):
        if entry["year"] is None or pd.isna(entry["year"]):
            notes.append(f"{entry['source']}: the report's year is unknown, left out")
            continue
        place = entry["region"]
        if not place:
            if len(places) != 1:
                notes.append(f"{entry['source']}: the report's place is unknown, left out")
                continue
            place = next(iter(places))
            notes.append(f"{entry['source']}: no place in the metadata, taken as {place}")
            entry = {**entry, "region": place}
        years = by_place.setdefault(str(place), {})
        year = int(entry["year"])
        if year in years:
            if duplicates == "error":
                raise ReportError(entry["source"], f"a second report for {place} "
                                  f"{year} (the first is {years[year]['source']})")
            notes.append(f"{entry['source']}: a second report for {place} {year}, left out")
            continue
        years[year] = entry
    for place, years in by_place.items():
        present = sorted(years)
        for a, b in itertools.pairwise(present):
            if b > a + 1:
                notes.append(f"{place}: no report between {a} and {b}; the {a} targets have "
                             f"no outcome here ({a} → {b} is not a consecutive pair)")
    return by_place


def _track_entries(entries: list[dict], *, duplicates: str, include_pending: bool,
                   **kw) -> pd.DataFrame:
    frames = []
    notes: list[str] = []
    for years in _series(entries, duplicates, notes).values():
        for year, entry in sorted(years.items()):
            nxt = years.get(year + 1)
            if nxt is None and not include_pending:
                continue
            actuals = nxt["actuals"] if nxt is not None else None
            part = track_targets(entry["targets"], actuals, places=entry["places"],
                                 statements=nxt.get("sentences") if nxt is not None else None,
                                 **kw)
            if nxt is None:
                part["note"] = f"no {year + 1} report in the series"
            _leave_later_targets_unjudged(part, year)
            part.insert(0, "region", entry["region"])
            part.insert(1, "year", year)
            part.insert(2, "reported_in", year + 1 if nxt is not None else pd.NA)
            part["target_source"] = entry["source"]
            part["outcome_source"] = np.where(part["outcome_value"].notna(),
                                              nxt["source"] if nxt is not None else None, None)
            frames.append(part)
    if not frames:
        out = pd.DataFrame(columns=TRACKING_COLUMNS)
        out.attrs["notes"] = notes
        return out
    out = pd.concat(frames, ignore_index=True)
    out = with_columns(out, TRACKING_COLUMNS)[TRACKING_COLUMNS]
    # Years without a dual target would otherwise show NaN where others show None.
    out["strive_status"] = out["strive_status"].astype(object).where(
        out["strive_status"].notna(), None)
    out = out.sort_values(["region", "year", "target_start"], kind="stable").reset_index(drop=True)
    out.attrs["notes"] = notes
    return out


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
    level_tolerance: float = 0.02,
    approx: str = "at_least",
    include_pending: bool = False,
    min_confidence: float = 0.7,
) -> pd.DataFrame:
    """Follow the targets of one jurisdiction's reports (any order) to the next year's results.

    Each year's targets are joined with the results that the following year's report gives
    for the same indicator, and judged met / missed / unclear (see `target_status`; the
    tolerances are keyword arguments; matches below ``min_confidence`` stay unclear with a
    note). Both sentences stay as evidence (target_sentence,
    outcome_sentence and their offsets). Targets of the last year have no outcome yet and are
    left out unless ``include_pending``. Two reports of the same place and year are an error.
    Reports are grouped by place (`place_key`: 国务院 and 中华人民共和国国务院 are one series);
    a report without a year, and a year whose next report is missing (2017 → 2019), are left
    out with a note in ``table.attrs["notes"]``.

    >>> import policytext
    >>> table = policytext.track([r2019, r2020])  # doctest: +SKIP
    >>> table[["indicator", "value", "outcome_value", "status"]].head(2)  # doctest: +SKIP
    """
    entries = [_report_entry(r) for r in reports]
    return _track_entries(entries, duplicates="error", include_pending=include_pending,
                          rate_tolerance=rate_tolerance, level_tolerance=level_tolerance,
                          approx=approx, min_confidence=min_confidence)


def tracking_from_corpus(targets: pd.DataFrame, indicators: pd.DataFrame,
                         metadata: pd.DataFrame, **kw) -> pd.DataFrame | None:
    """`track` on the corpus tables (each with a leading report_id; metadata has year, region).

    Reports are grouped by the metadata's ``place_key`` column when it has one, else by the
    canonical place of the region (`place_key`). Returns None unless some place has reports
    for at least two years. When one place and year has several reports (copies from two
    websites), the first report_id is used. Optional keywords ``sentences`` and ``sections``
    (corpus tables with report_id) let several-year figures be recognised by their sentence.

    >>> tracking_from_corpus(pd.DataFrame(), pd.DataFrame(), pd.DataFrame()) is None
    True
    """
    sentences, sections = kw.pop("sentences", None), kw.pop("sections", None)
    need = {"report_id", "year"}
    if metadata is None or not need <= set(metadata.columns) \
            or not ({"region", "place_key"} & set(metadata.columns)) or targets is None \
            or "report_id" not in getattr(targets, "columns", ()) or indicators is None \
            or "report_id" not in getattr(indicators, "columns", ()):
        return None
    meta = metadata.assign(_place=[place_key(row) for _, row in metadata.iterrows()])
    meta = meta.dropna(subset=["year", "_place"])
    if not (meta.groupby("_place")["year"].nunique() >= 2).any():
        return None

    def own(table, rid):
        if table is None or "report_id" not in getattr(table, "columns", ()):
            return None
        return table[table["report_id"] == rid].drop(columns="report_id")

    entries = []
    for rid, place, year in meta[["report_id", "_place", "year"]].itertuples(index=False):
        ind = with_columns(own(indicators, rid), [*TARGET_FIELDS, "kind"])
        actuals = actual_results(ind, own(sections, rid))
        sent = own(sentences, rid)
        actuals = actuals.assign(one_year=one_year_mask(actuals, sent, own(sections, rid)))
        if sent is not None:
            actuals["sentence"] = actuals["sentence_id"].map(sent.set_index("sentence_id")["text"])
        entries.append({"region": place, "year": int(year), "source": rid,
                        "targets": own(targets, rid), "actuals": actuals,
                        "places": report_places(place), "sentences": sent})
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
