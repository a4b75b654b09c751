"""A tracking sheet to fill in by hand when the next report is not available yet.

`export_tracking_sheet` writes a report's targets as CSV (UTF-8 with BOM, so Excel shows the
Chinese) with empty outcome columns; a teacher or researcher types the outcomes in (from a
statistical bulletin, the next report, a news item); `read_tracking_sheet` validates the file
and returns the same table as `policytext.track`, so the status rules and charts apply.
"""

from __future__ import annotations

import math
import os
import unicodedata
from pathlib import Path

import pandas as pd

from policytext.errors import ReportError
from policytext.targets.matching import canonical_indicator
from policytext.targets.targets import combine_commitments, with_columns
from policytext.targets.tracking import TRACKING_COLUMNS, judge_rows

__all__ = ["OUTCOME_COLUMNS", "SHEET_COLUMNS", "export_tracking_sheet", "read_tracking_sheet"]

#: Columns to fill in by hand.
OUTCOME_COLUMNS = ["outcome_value", "outcome_unit", "outcome_source", "note"]
#: Every column of a sheet, in order.
SHEET_COLUMNS = [
    "region", "year", "indicator", "canonical", "raw", "value", "value_low", "value_high",
    "unit", "change", "bound", "commitment", "headline", "deadline", "section_id",
    "sentence_id", "start", "end", "sentence", "actual_value", "actual_unit", "actual_raw",
    *OUTCOME_COLUMNS,
]
_REQUIRED = ["indicator", "value", "unit", "bound", "outcome_value"]
_NUMERIC = ["year", "value", "value_low", "value_high", "outcome_value"]
#: Scale prefixes a person may type in outcome_unit (万平方米 for a target in 平方米).
_SCALES = {"万亿": 1e12, "千万": 1e7, "百万": 1e6, "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2}


def export_tracking_sheet(report_or_targets, path: str | os.PathLike[str]) -> Path:
    """Write the targets (of a `Report` or a `targets_table`) as a CSV sheet to fill in.

    Values are in base units (元, 平方米, %); ``raw`` shows them as written. The outcome
    columns are empty.

    >>> import tempfile, pandas as pd
    >>> t = pd.DataFrame({"indicator": ["城镇新增就业"], "raw": ["2500人"], "value": [2500.0],
    ...                   "unit": ["人"], "bound": ["point"]})
    >>> path = export_tracking_sheet(t, tempfile.mkdtemp() + "/sheet.csv")
    >>> path.read_text(encoding="utf-8-sig").splitlines()[0].split(",")[-4:]
    ['outcome_value', 'outcome_unit', 'outcome_source', 'note']
    """
    if isinstance(report_or_targets, pd.DataFrame):
        sheet = report_or_targets.copy()
    else:
        report = report_or_targets
        sheet = report.targets.copy()
        sheet.insert(0, "region", report.metadata.region)
        sheet.insert(1, "year", report.metadata.year)
    for col in SHEET_COLUMNS:
        if col not in sheet.columns:
            sheet[col] = pd.NA
    sheet = sheet[SHEET_COLUMNS]
    for col in OUTCOME_COLUMNS:
        sheet[col] = ""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    sheet.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\n")
    return path


def _number(text: object, where: str, source: Path) -> float:
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return math.nan
    cleaned = unicodedata.normalize("NFKC", str(text)).strip().replace(",", "").rstrip("%")
    if not cleaned:
        return math.nan
    try:
        return float(cleaned)
    except ValueError:
        raise ReportError(source, f"{where}: {text!r} is not a number") from None


def _scale(outcome_unit: str, unit: object) -> tuple[float, str] | None:
    """(factor, base unit) when outcome_unit is the target's unit, maybe with 万/亿 in front."""
    if not isinstance(unit, str):
        return None
    if outcome_unit == unit:
        return 1.0, unit
    for prefix, factor in _SCALES.items():
        if outcome_unit == prefix + unit:
            return factor, unit
    return None


def read_tracking_sheet(
    path: str | os.PathLike[str],
    *,
    rate_tolerance: float = 0.5,
    level_tolerance: float = 0.02,
    approx: str = "at_least",
) -> pd.DataFrame:
    """Read a filled-in sheet and judge each target as `policytext.track` does.

    Blank outcome_value leaves a target unclear; a blank outcome_unit means the target's unit;
    a scaled unit (万平方米 for a target in 平方米) is converted. A missing column, a number
    that is not a number or an outcome unit that does not fit raises `ReportError` naming the
    file, the row and the column.
    """
    source = Path(path)
    if not source.is_file():
        raise ReportError(source, "no such tracking sheet")
    try:
        sheet = pd.read_csv(source, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as err:
        raise ReportError(source, f"not a readable CSV sheet ({err})") from None
    missing = [c for c in _REQUIRED if c not in sheet.columns]
    if missing:
        raise ReportError(source, f"missing column(s) {', '.join(missing)}; "
                          "export a sheet with export_tracking_sheet to get them all")
    sheet = with_columns(sheet.replace({"": pd.NA}), SHEET_COLUMNS)
    for col in _NUMERIC:
        sheet[col] = [_number(v, f"row {i + 2}, column {col}", source)
                      for i, v in enumerate(sheet[col])]
    sheet["year"] = sheet["year"].astype("Int64")  # 2019, not 2019.0
    units = []
    for i, row in sheet.iterrows():
        outcome_unit = row["outcome_unit"] if isinstance(row["outcome_unit"], str) else ""
        outcome_unit = outcome_unit.strip() or (row["unit"] if isinstance(row["unit"], str)
                                                else "")
        if math.isnan(row["outcome_value"]):
            units.append(outcome_unit or pd.NA)
            continue
        scaled = _scale(outcome_unit, row["unit"])
        if scaled is None:
            raise ReportError(source, f"row {i + 2}, column outcome_unit: {outcome_unit!r} does "
                              f"not fit the target's unit {row['unit']!r}")
        sheet.at[i, "outcome_value"] = row["outcome_value"] * scaled[0]
        units.append(scaled[1])
    sheet["outcome_unit"] = units
    for col in ("headline",):
        sheet[col] = sheet[col].map(lambda v: str(v).strip().lower() in ("true", "1", "yes"))
    if sheet["canonical"].isna().all():
        sheet["canonical"] = [canonical_indicator(n) for n in sheet["indicator"]]
    sheet = sheet.rename(columns={"start": "target_start", "end": "target_end",
                                  "sentence": "target_sentence"})
    sheet = combine_commitments(sheet.rename(columns={"target_start": "start"}))
    sheet = sheet.rename(columns={"start": "target_start"})
    sheet["outcome_source"] = sheet["outcome_source"].fillna(str(source))
    sheet["match_method"] = "sheet"
    sheet["match_confidence"] = 1.0
    sheet["note"] = sheet["note"].fillna("")
    out = judge_rows(sheet, rate_tolerance=rate_tolerance, level_tolerance=level_tolerance,
                      approx=approx)
    out["target_source"] = str(source)
    return with_columns(out, TRACKING_COLUMNS)[TRACKING_COLUMNS]
