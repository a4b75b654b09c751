"""How often the extractor is wrong: indicator and deadline tables against hand-made gold rows.

The gold tables (``data/annotations``) locate each row by its ``raw`` text and the characters
right before it (``context``), not by offsets, so small changes of cleaning do not break them.
A gold quantity is found when an extracted row has the same start and ``raw``; its fields are
then compared one by one. See ``data/annotations/README.md`` for the rules of the annotation.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd

__all__ = ["GOLD_FIELDS", "gold_scores", "locate_gold", "same_name"]

#: The indicator fields scored on matched quantities, in the order of the score table.
GOLD_FIELDS = ("value", "unit", "bound", "commitment", "kind", "change", "reference", "indicator")


def locate_gold(text: str, gold: pd.DataFrame) -> pd.DataFrame:
    """``gold`` plus ``start``: where each row's ``raw`` stands, found by context + raw.

    Rows repeating the same context and raw share one span: 办结率、答复率均为100% is one value
    of two subjects, two gold rows. A row that is not in the text raises ``ValueError``.

    >>> locate_gold("再增长7%", pd.DataFrame({"raw": ["7%"], "context": ["增长"]}))["start"].tolist()
    [3]
    """
    starts = []
    for raw, context in zip(gold["raw"], gold["context"]):
        pos = text.find(str(context) + str(raw))
        if pos < 0:
            raise ValueError(f"gold row not in the text: {context}{raw}")
        starts.append(pos + len(str(context)))
    return gold.assign(start=starts)


def same_name(want: str, got: str) -> bool:
    """An extracted name is right when it holds the gold name's characters with at most 4 extra
    (新增, 占比), or lacks at most 2; word order may differ (竣工安置房 / 安置房竣工).

    >>> same_name("安置房竣工", "竣工安置房"), same_name("安置房竣工", "竣工")
    (True, False)
    """
    if not want or not got:
        return False
    w, g = Counter(want), Counter(got)
    if not w - g:
        return sum((g - w).values()) <= 4
    return not g - w and sum((w - g).values()) <= 2


def _same(field: str, want: object, got: object) -> bool:
    if field == "indicator":
        return same_name(str(want), str(got))
    if field == "value":
        if want in ("", None) or (isinstance(want, float) and math.isnan(want)):
            return isinstance(got, float) and math.isnan(got)
        return math.isclose(float(want), float(got), rel_tol=1e-9)
    empty = ("", None)
    want = "" if want in empty or (isinstance(want, float) and math.isnan(want)) else want
    got = "" if got in empty or (isinstance(got, float) and math.isnan(got)) else got
    return str(want) == str(got)


def gold_scores(report, folder: str | Path) -> pd.DataFrame:
    """Precision, recall and field accuracy of ``report``'s tables against the gold in ``folder``.

    One row per measure: ``score`` (0 to 1), ``right`` and ``of`` (the counts behind it).
    Precision is the share of extracted quantities that are gold quantities; recall the share of
    gold quantities found; a field's accuracy is counted on the quantities found.
    """
    folder = Path(folder)
    text = report.text
    gold = locate_gold(text, pd.read_csv(folder / "indicators_gold.csv", dtype=str,
                                         keep_default_na=False, encoding="utf-8-sig"))
    got = report.indicators
    by_gold = defaultdict(list)
    for g in gold.to_dict("records"):
        by_gold[(g["start"], g["raw"])].append(g)
    by_got = defaultdict(list)
    for e in got.to_dict("records"):
        by_got[(e["start"], e["raw"])].append(e)
    pairs = [p for key, gs in by_gold.items() for p in zip(gs, by_got.get(key, []))]
    rows = [("quantities: precision", len(pairs), len(got)),
            ("quantities: recall", len(pairs), len(gold))]
    for field in GOLD_FIELDS:
        if field in gold.columns:
            rows.append((f"field: {field}", sum(_same(field, g[field], e.get(field, ""))
                                                for g, e in pairs), len(pairs)))
    dl_gold = locate_gold(text, pd.read_csv(folder / "deadlines_gold.csv", dtype=str,
                                            keep_default_na=False, encoding="utf-8-sig"))
    found = {(int(s), r): d for s, r, d in report.deadlines[["start", "raw", "due"]].values}
    right = sum(found.get((s, r)) == dt.date.fromisoformat(d)
                for s, r, d in dl_gold[["start", "raw", "due"]].values)
    rows += [("deadlines: precision (right date)", right, len(found)),
             ("deadlines: recall (right date)", right, len(dl_gold))]
    table = pd.DataFrame(rows, columns=["measure", "right", "of"])
    table.insert(1, "score", (table["right"] / table["of"].where(table["of"] > 0)).round(3))
    return table
