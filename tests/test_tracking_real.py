"""Target tracking on the real series of the development corpus (data/corpus/raw).

National reports (国务院) 2003–2016, the 28 provinces 2025 → 2026 and Hailar 2012–2016: no crash in
any order, one series per place however the place is written, no pair across a missing year, and
five-year figures never taken for one year's outcome.
"""

from __future__ import annotations

import random
from pathlib import Path

import pandas as pd
import policytext
import pytest
from policytext.targets import (
    best_matches,
    canonical_indicator,
    canonical_place,
    name_similarity,
    one_year_mask,
    outcome_candidates,
    place_key,
    point_value,
    tracking_from_corpus,
)

RAW = Path(__file__).resolve().parents[1] / "data" / "corpus" / "raw"


def _year(path: Path) -> int:
    return int(path.stem.rsplit("_", 1)[-1])


def _load(pattern: str, years=None) -> list:
    paths = sorted(RAW.glob(pattern))
    return [policytext.load_report(p) for p in paths if years is None or _year(p) in years]


@pytest.fixture(scope="module")
def national():
    return _load("*_national_*", range(2008, 2013))


@pytest.fixture(scope="module")
def national_tracking(national):
    return policytext.track(national)


@pytest.fixture(scope="module")
def hailar():
    return _load("*_hailaer_*")


@pytest.fixture(scope="module")
def guangxi():
    return _load("*_province_guangxi_*")


def _headline(table: pd.DataFrame, canonical: str, change: str = "growth") -> pd.DataFrame:
    rows = table[table["headline"].fillna(False).astype(bool) & (table["canonical"] == canonical)
                 & (table["change"] == change)]
    return rows.drop_duplicates("year").set_index("year")


def test_national_series_tracks_without_crash_and_in_any_order(national, national_tracking):
    shuffled = list(national)
    random.Random(7).shuffle(shuffled)
    again = policytext.track(shuffled)
    cols = ["region", "year", "indicator", "raw", "outcome_raw", "status"]
    pd.testing.assert_frame_equal(national_tracking[cols], again[cols])
    assert set(national_tracking["region"]) == {"中国"}
    assert sorted(national_tracking["year"].unique()) == [2008, 2009, 2010, 2011]


def test_national_gdp_targets_meet_the_next_reports_results(national_tracking):
    gdp = _headline(national_tracking, "生产总值")
    # 2009 report: 比上年增长9%; 2011 report: 过去一年…国内生产总值增长10.3% (not 年均增长11.2%)
    assert gdp.loc[2008, "outcome_value"] == pytest.approx(9.0)
    assert gdp.loc[2010, "outcome_value"] == pytest.approx(10.3)
    assert set(gdp["status"]) == {"met"}


def test_cpi_target_is_a_ceiling(national_tracking):
    cpi = _headline(national_tracking, "居民消费价格")
    # 2010: 3%左右; the 2011 report: 居民消费价格涨幅控制在3.3% — within the tolerance
    assert cpi.loc[2010, "outcome_value"] == pytest.approx(3.3)
    assert cpi.loc[2010, "status"] == "met"


def test_five_year_figures_are_no_one_year_outcome(national):
    r2011 = next(r for r in national if r.metadata.year == 2011)
    ind = r2011.indicators
    rows = ind[ind["raw"].isin(["11.2%", "5771万人"])]
    assert len(rows) >= 2
    assert not one_year_mask(rows, r2011.sentences, r2011.sections, r2011.text).any()


def test_a_missing_year_is_no_pair():
    reports = _load("*_national_*", (2016, 2019))
    table = policytext.track(reports)
    assert table.empty
    assert any("2016 → 2019 is not a consecutive pair" in n for n in table.attrs["notes"])
    pending = policytext.track(reports, include_pending=True)
    assert pending["outcome_value"].isna().all()
    assert set(pending["status"]) == {"unclear"}


def test_a_place_written_two_ways_is_one_series(guangxi):
    # The titles spell the place two ways: 广西 (2025, Word) and 广西壮族自治区 (2026, CSV).
    assert len({r.metadata.title for r in guangxi}) == 2
    assert {r.metadata.place_key for r in guangxi} == {"广西壮族自治区"}
    table = policytext.track(guangxi)
    assert set(table["region"]) == {"广西壮族自治区"}
    assert set(table["reported_in"]) == {2026}
    gdp = _headline(table, "生产总值")
    assert gdp.loc[2025, "status"] == "met"


def test_hailar_series_pairs_every_consecutive_year(hailar):
    table = policytext.track(hailar)
    assert sorted(table["year"].unique()) == [2012, 2013, 2014, 2015]
    assert table["status"].isin(["met", "missed", "unclear"]).all()
    assert (table["status"] != "unclear").sum() >= 10


def test_corpus_tables_group_by_place_not_by_spelling(guangxi):
    targets, indicators, meta = [], [], []
    for k, report in enumerate(guangxi):
        rid = f"r{k}"
        targets.append(report.targets.assign(report_id=rid))
        indicators.append(report.indicators.assign(report_id=rid))
        m = report.metadata
        meta.append({"report_id": rid, "year": m.year, "region": m.region,
                     "province": m.province, "level": m.level})
    table = tracking_from_corpus(pd.concat(targets), pd.concat(indicators), pd.DataFrame(meta))
    assert table is not None and set(table["region"]) == {"广西壮族自治区"}
    assert {"outcome_value", "status"} <= set(table.columns)


def test_canonical_places():
    assert canonical_place("中华人民共和国国务院") == canonical_place("国务院") == "中国"
    assert canonical_place("宁夏") == "宁夏回族自治区"
    assert canonical_place("2017") is None
    assert place_key({"region": "x", "place_key": "内蒙古自治区呼伦贝尔市海拉尔区"}).endswith("海拉尔区")


def test_best_matches_keeps_the_labels_of_a_subset():
    targets = pd.DataFrame({"indicator": ["生产总值", "税收"], "change": ["growth"] * 2,
                            "unit": ["%"] * 2}, index=[7, 11])
    cands = pd.DataFrame({"indicator": ["GDP"], "change": ["growth"], "unit": ["%"], "start": [0]})
    found = best_matches(targets, cands)
    assert found.at[7, "candidate"] == 0
    assert found.at[11, "candidate"] is None


def test_gaps_against_a_reference_are_no_outcome():
    a = pd.DataFrame({"indicator": ["城镇居民人均可支配收入", "城镇居民人均可支配收入"],
                      "value": [1.4, 5.0], "unit": ["个百分点", "%"], "change": ["gap", "growth"],
                      "reference": ["全市", None]})
    kept = outcome_candidates(a)
    assert kept["change"].tolist() == ["growth"]


def test_urban_and_rural_incomes_never_match_all_residents():
    assert name_similarity("城镇居民人均可支配收入", "城乡居民人均可支配收入")[0] == 0
    assert name_similarity("农村常住居民人均可支配收入", "农村居民人均可支配收入")[0] >= 0.9


# -- against the hand-made gold (data/annotations/tracking, rules in its README) ----------------

GOLD = Path(__file__).resolve().parents[1] / "data" / "annotations" / "tracking"


def _pick(table: pd.DataFrame, gold_row) -> pd.Series | None:
    """The library's row for one gold target: same place and year, same indicator, same value."""
    rows = table[(table["region"] == gold_row.place_key) & (table["year"] == gold_row.target_year)]
    best, best_score = None, 0.0
    for _, row in rows.iterrows():
        same = max(name_similarity(gold_row.indicator, row["indicator"])[0],
                   float(canonical_indicator(gold_row.indicator) == row["canonical"]))
        if same < 0.7:
            continue
        values = [point_value(row), row["value"], row["value_low"], row["strive_value"]]
        want = gold_row.target_value
        if pd.isna(want):
            fits = pd.isna(row["value"])
        else:
            # the library keeps base units (900万人 -> 9e6 人), the gold the unit as written
            fits = any(pd.notna(v) and any(abs(float(v) - float(want) * f) <= 1e-6 * abs(
                float(want) * f) + 1e-9 for f in (1, 1e4, 1e8)) for v in values)
        if not fits:
            continue
        score = same + (0.5 if row["headline"] is True else 0)
        if score > best_score:
            best, best_score = row, score
    return best


def agreement(table: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Gold status against the library's status per gold row (no library row counts as unclear)."""
    out = []
    for g in gold.itertuples(index=False):
        row = _pick(table, g)
        if row is None:
            mine = "unclear"
        elif g.commitment == "strive" and isinstance(row["strive_status"], str):
            mine = row["strive_status"]
        else:
            mine = row["status"]
        out.append({"place": g.place_key, "year": g.target_year, "indicator": g.indicator,
                    "gold": g.status, "mine": mine})
    return pd.DataFrame(out)


@pytest.fixture(scope="module")
def national_gold():
    return pd.read_csv(GOLD / "national_gold.csv")


def test_national_gold_2008_2011(national_tracking, national_gold):
    gold = national_gold[national_gold["target_year"].between(2008, 2011)]
    scored = agreement(national_tracking, gold)
    assert len(scored) == 8
    assert (scored["gold"] == scored["mine"]).mean() >= 0.95, scored


@pytest.mark.slow
def test_national_gold_every_pair(national_gold):
    # The reports' own metadata: every year and region is read from the text (2017 and 2022
    # too, which have no year line).
    reports = _load("*_national_*", range(2003, 2026))
    table = policytext.track(reports, include_pending=True)
    scored = agreement(table, national_gold)
    assert (scored["gold"] == scored["mine"]).mean() >= 0.95, scored[scored["gold"] != scored["mine"]]


@pytest.fixture(scope="module")
def provinces_gold():
    return pd.read_csv(GOLD / "provinces_gold.csv")


def _province_pairs(gold: pd.DataFrame, places) -> list:
    files = gold.loc[gold["place_key"].isin(places), ["province_file_2025", "province_file_2026"]]
    names = sorted(set(files.to_numpy().ravel()))
    return [policytext.load_report(RAW / n) for n in names]


def test_provinces_gold_sample(provinces_gold):
    places = ["北京市", "河北省", "广西壮族自治区", "新疆维吾尔自治区"]
    table = policytext.track(_province_pairs(provinces_gold, places))
    gold = provinces_gold[provinces_gold["place_key"].isin(places)]
    scored = agreement(table, gold)
    assert len(scored) == len(gold) >= 30
    assert (scored["gold"] == scored["mine"]).mean() >= 0.95, scored[scored["gold"] != scored["mine"]]


@pytest.mark.slow
def test_provinces_gold_every_province(provinces_gold):
    table = policytext.track(_province_pairs(provinces_gold, provinces_gold["place_key"].unique()))
    scored = agreement(table, provinces_gold)
    # 四川's 2026 page loads as its title only (a reading problem, not tracking's): its targets
    # stay unclear, so the bar is set on the other provinces and the whole table is reported.
    readable = scored[scored["place"] != "四川省"]
    assert (readable["gold"] == readable["mine"]).mean() >= 0.95, scored[scored["gold"] != scored["mine"]]
    assert (scored["gold"] == scored["mine"]).mean() >= 0.9
