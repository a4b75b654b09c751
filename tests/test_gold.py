"""Score indicator and deadline extraction against the hand-made gold tables of the seed."""

from __future__ import annotations

import csv
import datetime as dt
import math
from collections import defaultdict
from pathlib import Path

import pytest
from policytext.quantities.gold import same_name

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_ad79a472d2986914.txt"
GOLD = ROOT / "data" / "annotations"


@pytest.fixture(scope="module")
def report():
    import policytext

    r = policytext.load_report(SEED)
    try:
        sentences = r.sentences
    except ImportError:  # structure.split_sentences not there yet: fall back to sections
        sentences = None
    return r.text, sentences, r.sections, r.metadata.year


def _locate(text: str, rows: list[dict]) -> list[dict]:
    """Gold rows carry raw + the text right before it; find their offsets in the cleaned text."""
    seen: dict[str, int] = defaultdict(int)
    out = []
    for row in rows:
        key = row["context"] + row["raw"]
        pos = -1
        for _ in range(seen[key] + 1):
            pos = text.find(key, pos + 1)
        # 办结率、答复率均为100%: two gold rows share one span
        assert pos >= 0, f"gold row not in text: {key}"
        out.append({**row, "start": pos + len(row["context"])})
    for row in rows:
        seen[row["context"] + row["raw"]] = 0
    return out


def _read(name: str) -> list[dict]:
    with open(GOLD / name, encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def _same_name(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    sa, sb = set(a), set(b)
    return len(sa & sb) / len(sa | sb) >= 0.5


def _scores(text, sentences, sections, year) -> dict[str, float]:
    from policytext.quantities import extract_indicators

    gold = _locate(text, _read("indicators_gold.csv"))
    got = extract_indicators(text, sentences, sections, year=year).to_dict("records")
    by_key_gold, by_key_got = defaultdict(list), defaultdict(list)
    for g in gold:
        by_key_gold[(g["start"], g["raw"])].append(g)
    for e in got:
        by_key_got[(e["start"], e["raw"])].append(e)
    pairs = []
    for key, gs in by_key_gold.items():
        es = by_key_got.get(key, [])
        pairs += list(zip(gs, es))
    n = len(pairs)

    def acc(field, same=lambda g, e: str(g) == str(e)) -> float:
        return sum(same(g[field], e.get(field, "")) for g, e in pairs) / n

    def close(g, e) -> bool:
        if g == "":
            return isinstance(e, float) and math.isnan(e)
        return math.isclose(float(g), float(e), rel_tol=1e-9)

    return {
        "gold": len(gold), "extracted": len(got), "matched": n,
        "precision": n / len(got), "recall": n / len(gold),
        "value": acc("value", close), "unit": acc("unit"),
        "bound": acc("bound"), "commitment": acc("commitment"), "kind": acc("kind"),
        "change": acc("change"), "headline": acc("headline"), "reference": acc("reference"),
        "indicator": acc("indicator", _same_name),
        "indicator_strict": acc("indicator", same_name),
        "missed": sorted(k for k in by_key_gold if k not in by_key_got),
        "spurious": sorted(k for k in by_key_got if k not in by_key_gold),
    }


def test_indicator_extraction_meets_gold(report):
    s = _scores(*report)
    print("\nindicators vs gold:", {k: round(v, 3) if isinstance(v, float) else v
                                    for k, v in s.items() if k not in ("missed", "spurious")})
    print("missed:", s["missed"], "spurious:", s["spurious"])
    assert s["precision"] >= 0.97 and s["recall"] >= 0.97
    for field in ("bound", "commitment", "kind", "change", "reference"):
        assert s[field] >= 0.95, field
    assert s["value"] >= 0.97 and s["unit"] >= 0.97
    assert s["indicator_strict"] >= 0.9  # names cut to a bare verb (竣工) or run on fail here


def test_deadlines_all_found_with_dates(report):
    from policytext.quantities import extract_deadlines

    text, sentences, sections, year = report
    gold = _locate(text, _read("deadlines_gold.csv"))
    got = extract_deadlines(text, sentences, sections, year=year)
    found = {(r.start, r.raw): r.due for r in got.itertuples()}
    hits = [found.get((g["start"], g["raw"])) == dt.date.fromisoformat(g["due"]) for g in gold]
    print(f"\ndeadlines: gold {len(gold)}, extracted {len(got)}, correct {sum(hits)}")
    assert all(hits)
    assert len(got) == len(gold)  # no date of the review or the title line counts


def test_library_scores_agree_with_this_test(report):
    """The score table lesson 03 shows is computed by the library: it must say what this test says."""
    import policytext
    from policytext.quantities import gold_scores

    r = policytext.load_report(SEED)
    table = gold_scores(r, GOLD).set_index("measure")
    s = _scores(*report)
    assert table.loc["quantities: precision", "score"] == round(s["precision"], 3)
    assert table.loc["quantities: recall", "score"] == round(s["recall"], 3)
    for field in ("value", "unit", "bound", "commitment", "kind", "change", "reference"):
        assert table.loc[f"field: {field}", "score"] == round(s[field], 3), field
    assert table.loc["field: indicator", "score"] == round(s["indicator_strict"], 3)
    assert table.loc["deadlines: recall (right date)", "right"] == 13
