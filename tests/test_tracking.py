"""Target tracking: targets against last year's results, and against the next report's outcomes.

The reports in tests/reports/ are synthetic (a fictional 某某市青山区, 2018-2020); their README
lists the expected outcome of every tracked target.
"""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib
import pandas as pd
import pytest

matplotlib.use("Agg")

import policytext
from policytext import Report, ReportError
from policytext.plots import plot_deadline_timeline, plot_headline_targets, plot_target_vs_outcome
from policytext.targets import (
    achievement_rates,
    ambition_table,
    canonical_indicator,
    describe_target,
    export_tracking_sheet,
    load_aliases,
    name_similarity,
    normalize_indicator,
    read_tracking_sheet,
    target_status,
    targets_from_indicators,
    targets_table,
    tracking_from_corpus,
)

REPORTS = Path(__file__).parent / "reports"


def _load(year: int) -> Report:
    path = REPORTS / f"synthetic_qingshan_{year}.txt"
    return Report.from_text(path.read_text(encoding="utf-8"), source=path.name)


@pytest.fixture(scope="module")
def reports() -> dict[int, Report]:
    return {year: _load(year) for year in (2018, 2019, 2020)}


@pytest.fixture(scope="module")
def tracking(reports) -> pd.DataFrame:
    # Deliberately out of order: track() sorts by year itself.
    return policytext.track([reports[2020], reports[2018], reports[2019]])


def _row(frame: pd.DataFrame, year: int, canonical: str) -> pd.Series:
    rows = frame[(frame["year"] == year) & (frame["canonical"] == canonical)]
    assert len(rows) == 1, rows
    return rows.iloc[0]


# -- names ----------------------------------------------------------------------------------------


def test_alias_table_maps_each_spelling_to_one_canonical_name():
    aliases = load_aliases()
    assert not aliases["alias"].duplicated().any()
    assert set(aliases["canonical"]) <= set(aliases["alias"])  # every name is its own alias
    for name in ("地区生产总值", "GDP", "全区生产总值", "全市地区生产总值"):
        assert canonical_indicator(name) == "生产总值"
    assert canonical_indicator("地方财政一般公共预算收入") == "一般公共预算收入"
    assert canonical_indicator("公共财政预算收入") == "一般公共预算收入"
    assert canonical_indicator("规上工业增加值") == "规模以上工业增加值"
    assert canonical_indicator("新增城镇就业") == canonical_indicator("城镇新增就业")
    assert canonical_indicator("税收占一般公共预算收入比重") == canonical_indicator("税收占比")
    # consumer prices: a target's 涨幅 meets last year's 上涨 (or CPI)
    assert canonical_indicator("居民消费价格涨幅") == canonical_indicator("居民消费价格上涨") \
        == canonical_indicator("CPI") == "居民消费价格"


def test_names_are_normalised_but_different_indicators_never_match():
    assert normalize_indicator("全区“地方财政”一般公共预算收入（不含基金）") == "一般公共预算收入"
    assert normalize_indicator("青山区生产总值增速", places=("青山区",)) == "生产总值"
    assert name_similarity("生产总值", "一般公共预算收入") == (0.0, "none")
    assert name_similarity("城镇登记失业率", "城镇调查失业率") == (0.0, "none")
    assert name_similarity("项目", "项目")[0] <= 0.6  # too generic to be sure


# -- one report -----------------------------------------------------------------------------------


def test_targets_meet_last_years_results_of_the_same_indicator(reports):
    t = reports[2019].targets
    by = t.set_index("canonical")
    gdp = by.loc["生产总值"]
    assert (gdp["value"], gdp["bound"], gdp["actual_value"]) == (7.5, "approx", 8.3)
    assert gdp["difference"] == pytest.approx(-0.8)
    # renamed between review and plan: 新增城镇就业 -> 城镇新增就业, 新增绿化面积 -> 新增绿地
    assert by.loc["城镇新增就业", "actual_raw"] == "3250人"
    assert by.loc["城镇新增就业", "match_method"] == "alias"
    assert by.loc["新增绿地", "actual_value"] == 420000
    assert by.loc["新增绿地", "ratio"] == pytest.approx(50 / 42)
    assert 0 < by.loc["新增绿地", "match_confidence"] < 1
    assert by.loc["城镇登记失业率", "match_confidence"] == 1.0


def test_unmatched_targets_stay_without_a_match(reports):
    t = reports[2019].targets
    lone = t[t["raw"] == "200个"].iloc[0]  # 5G基站: nothing like it in the review
    assert lone["match_method"] == "none" and lone["match_confidence"] == 0
    assert pd.isna(lone["actual_value"]) and pd.isna(lone["matched_indicator"])
    # a growth rate is never matched to a level in 元, even of the same indicator
    assert (t["actual_unit"].dropna() == t.loc[t["actual_unit"].notna(), "unit"]).all()


def test_implied_levels_for_growth_and_percentage_point_targets(reports):
    t = reports[2019].targets.set_index("canonical")
    # 生产总值 120.5亿元 growing 7.5%
    assert t.loc["生产总值", "implied_level"] == pytest.approx(120.5e8 * 1.075)
    assert t.loc["生产总值", "base_level_raw"] == "120.5亿元"
    # 城镇化率 55.6% raised by 1 percentage point
    assert t.loc["常住人口城镇化率", "implied_level"] == pytest.approx(56.6)


def test_dual_target_gives_two_implied_levels(reports):
    t = reports[2018].targets
    revenue = t[t["canonical"] == "一般公共预算收入"].set_index("commitment")
    assert revenue.loc["ensure", "value"] == 6 and revenue.loc["strive", "value"] == 8
    assert revenue.loc["ensure", "implied_level"] == pytest.approx(14.2e8 * 1.06)
    assert revenue.loc["strive", "implied_level"] == pytest.approx(14.2e8 * 1.08)


def test_targets_carry_their_deadline_and_offsets(reports):
    r = reports[2019]
    t = r.targets
    old = t[t["raw"] == "10个"].iloc[0]  # 10月底前完成老旧小区改造10个
    assert str(pd.Timestamp(old["deadline"]).date()) == "2019-10-31"
    assert t.loc[t["canonical"] == "生产总值", "deadline"].isna().all()
    for _, row in t.iterrows():
        assert r.text[row["start"]:row["end"]] == row["raw"]
        assert row["raw"] in row["sentence"]


@pytest.mark.parametrize("clause, expected", [
    # a deadline after the target that brings its own task is that task's
    ("确保完成投资165亿元，6月底前完成标准化厂房二期建设", {"165亿元": None}),
    # a deadline before governs the clauses after it
    ("年底前新建高标准农田3万亩，改造农村公路20公里", {"3万亩": "2024-12-31", "20公里": "2024-12-31"}),
    # a deadline that only closes what came before
    ("新建污水处理厂2座，年底前全部建成投用", {"2座": "2024-12-31"}),
    # the deadline's own task wins over one before it in the clause
    ("年底前建成公园5个，10月底前完成60%的老旧小区改造", {"5个": "2024-12-31", "60%": "2024-10-31"}),
])
def test_a_target_gets_the_deadline_of_its_own_task(clause, expected):
    text = ("2024年某县政府工作报告\n各位代表：\n一、2023年工作回顾\n全县生产总值增长5%。\n"
            f"二、2024年工作安排\n{clause}。\n")
    t = Report.from_text(text).targets.set_index("raw")
    for raw, due in expected.items():
        got = t.loc[raw, "deadline"]
        assert (None if pd.isna(got) else str(pd.Timestamp(got).date())) == due, raw


def test_a_multi_year_target_is_not_judged_on_the_next_years_result():
    def report(year, review, plan):
        return Report.from_text(f"{year}年某市政府工作报告\n各位代表：\n一、{year - 1}年工作回顾\n"
                                f"{review}\n二、{year}年工作安排\n{plan}\n")
    r2022 = report(2022, "全市生产总值完成2630亿元，增长6%。",
                   "到2026年，全市生产总值突破3500亿元；常住人口城镇化率达到65%。"
                   "今年全市生产总值增长7%左右。")
    r2023 = report(2023, "全市生产总值完成2800亿元，增长6.9%。", "全市生产总值增长6%左右。")
    due = r2022.deadlines.set_index("raw")["due"]
    assert str(due["到2026年"]) == "2026-12-31"
    t = policytext.track([r2022, r2023]).set_index("raw")
    assert t.loc["3500亿元", "status"] == "unclear"
    assert "2026-12-31" in t.loc["3500亿元", "note"]
    assert str(r2022.targets.set_index("raw").loc["65%", "deadline"]) == "2026-12-31"
    assert t.loc["7%", "status"] == "met"  # this year's target is still judged


def test_a_growth_target_meets_a_year_of_decline():
    def report(year, review, plan):
        return Report.from_text(f"{year}年某市政府工作报告\n各位代表：\n一、{year - 1}年工作回顾\n"
                                f"{review}\n二、{year}年工作安排\n{plan}\n")
    r2020 = report(2020, "一般公共预算收入完成250亿元，增长5%。", "一般公共预算收入增长6%。")
    r2021 = report(2021, "一般公共预算收入完成244亿元，下降2.4%。", "一般公共预算收入增长6%以上。")
    last = r2021.targets.iloc[0]  # this year's target against last year's decline
    assert (last["actual_value"], last["actual_change"], last["actual_raw"]) == (-2.4, "growth", "2.4%")
    assert last["difference"] == pytest.approx(8.4)
    row = policytext.track([r2020, r2021]).iloc[0]
    assert (row["outcome_value"], row["status"]) == (-2.4, "missed")


def test_targets_from_hand_made_frames_with_the_seed_figures():
    ind = pd.DataFrame({
        "indicator": ["全区生产总值", "生产总值", "一般公共预算收入", "一般公共预算收入"],
        "raw": ["171.31亿元", "9.5%", "6%", "8%"], "value": [1.7131e10, 9.5, 6.0, 8.0],
        "unit": ["元", "%", "%", "%"], "change": ["level", "growth", "growth", "growth"],
        "bound": ["point", "point", "point", "point"],
        "commitment": ["none", "none", "ensure", "strive"],
        "kind": ["actual", "actual", "target", "target"], "headline": [False, False, True, True],
        "section_id": [1, 1, 2, 2], "sentence_id": [1, 1, 5, 5], "start": [0, 12, 90, 97],
        "end": [9, 16, 92, 99]})
    t = targets_from_indicators(ind)
    assert t["match_method"].tolist() == ["none", "none"]  # no revenue among the results
    assert t["implied_level"].isna().all()
    gdp = targets_from_indicators(ind.assign(indicator=["GDP", "GDP", "生产总值", "生产总值"]))
    assert gdp["actual_value"].tolist() == [9.5, 9.5]
    assert gdp["implied_level"].tolist() == pytest.approx([1.7131e10 * 1.06, 1.7131e10 * 1.08])


# -- status rules ---------------------------------------------------------------------------------


def test_status_follows_the_bound_with_documented_tolerances():
    assert target_status(7.4, 7, bound="approx", unit="%") == "met"  # ±0.5 pp
    assert target_status(7.6, 7, bound="approx", unit="%") == "missed"
    assert target_status(7.6, 7, bound="approx", unit="%", rate_tolerance=1.0) == "met"
    assert target_status(7.6, 7, bound="approx", unit="%", approx="at_least") == "met"
    assert target_status(104, 100, bound="approx", unit="个") == "met"  # ±5 % of the level
    assert target_status(106, 100, bound="approx", unit="个") == "missed"
    assert target_status(10, 10, bound="lower", unit="%") == "met"
    assert target_status(4.0, 4, bound="upper", unit="%") == "met"
    assert target_status(4.1, 4, bound="upper", unit="%") == "missed"
    assert target_status(11, None, bound="range", unit="家", value_low=5, value_high=10) == "missed"
    assert target_status(float("nan"), 5, bound="lower", unit="%") == "unclear"


# -- several reports ------------------------------------------------------------------------------

EXPECTED = {
    (2018, "生产总值"): "met", (2019, "生产总值"): "missed",
    (2018, "一般公共预算收入"): "met", (2019, "一般公共预算收入"): "missed",
    (2018, "规模以上工业增加值"): "met", (2019, "规模以上工业增加值"): "met",
    (2018, "固定资产投资"): "met", (2019, "固定资产投资"): "missed",
    (2018, "社会消费品零售总额"): "missed", (2019, "社会消费品零售总额"): "met",
    (2018, "城镇新增就业"): "met", (2019, "城镇新增就业"): "missed",
    (2018, "城镇登记失业率"): "met", (2019, "城镇登记失业率"): "met",
    (2018, "新增绿地"): "met", (2019, "新增绿地"): "met",
    (2018, "建成停车泊位"): "missed", (2019, "建成停车泊位"): "missed",
    (2019, "常住人口城镇化率"): "met", (2019, "培育科技型企业"): "met",
}


def test_track_judges_met_missed_and_renamed_indicators(tracking):
    got = {key: _row(tracking, *key)["status"] for key in EXPECTED}
    assert got == EXPECTED
    assert set(tracking["year"]) == {2018, 2019}  # 2020's targets have no outcome yet
    assert _row(tracking, 2019, "生产总值")["outcome_indicator"] == "GDP"


def test_track_keeps_both_sentences_as_evidence(tracking, reports):
    row = _row(tracking, 2019, "一般公共预算收入")
    assert row["target_source"] == "synthetic_qingshan_2019.txt"
    assert row["outcome_source"] == "synthetic_qingshan_2020.txt"
    assert reports[2019].text[row["target_start"]:row["target_end"]] == row["raw"]
    assert reports[2020].text[row["outcome_start"]:row["outcome_end"]] == "4.2%"
    assert "公共财政预算收入" in row["outcome_sentence"]
    assert "一般公共预算收入增长5%以上" in row["target_sentence"]


def test_dual_target_is_judged_on_ensure_with_a_strive_flag(tracking):
    row = _row(tracking, 2018, "一般公共预算收入")  # 确保6% 力争8%, outcome 7.1%
    assert (row["value"], row["strive_value"], row["outcome_value"]) == (6, 8, 7.1)
    assert (row["status"], row["strive_status"]) == ("met", "missed")


def test_unreported_targets_are_unclear_never_forced(tracking):
    lone = tracking[tracking["raw"] == "200个"].iloc[0]
    assert lone["status"] == "unclear" and pd.isna(lone["outcome_value"])
    assert "no matching result" in lone["note"]


def test_outcome_derived_from_two_levels(tracking):
    row = _row(tracking, 2019, "常住人口城镇化率")  # 55.6% -> 56.8% against 提高1个百分点
    assert row["outcome_value"] == pytest.approx(1.2)
    assert row["match_method"].startswith("derived")
    assert "55.6%" in row["note"] and "56.8%" in row["note"]


def test_pending_targets_and_duplicate_years(reports):
    pending = policytext.track([reports[2020]], include_pending=True)
    assert len(pending) and (pending["status"] == "unclear").all()
    assert pending["note"].str.contains("2021").all()
    with pytest.raises(ReportError, match="second report"):
        policytext.track([reports[2019], _load(2019)])


def test_achievement_rates(tracking):
    rates = achievement_rates(tracking).set_index("year")
    assert rates.loc[2019, "n_targets"] == (tracking["year"] == 2019).sum()
    assert rates.loc[2019, "rate"] == pytest.approx(
        rates.loc[2019, "met"] / (rates.loc[2019, "met"] + rates.loc[2019, "missed"]))
    by_bound = achievement_rates(tracking, by=["bound"]).set_index("bound")
    assert by_bound.loc["upper", "rate"] == 1.0


def test_tracking_from_corpus_tables_equals_track(reports, tracking):
    meta = pd.DataFrame([{"report_id": f"r{y}", "year": y, "region": r.metadata.region}
                         for y, r in reports.items()])
    targets = pd.concat([targets_table(r).assign(report_id=f"r{y}") for y, r in reports.items()])
    ind = pd.concat([r.indicators.assign(report_id=f"r{y}") for y, r in reports.items()])
    table = tracking_from_corpus(targets, ind, meta)
    assert table["status"].tolist() == tracking["status"].tolist()
    assert tracking_from_corpus(targets, ind, meta[meta["year"] == 2019]) is None


# -- the tracking sheet ---------------------------------------------------------------------------


def test_sheet_round_trip_gives_the_same_statuses(tmp_path, reports, tracking):
    path = export_tracking_sheet(reports[2019], tmp_path / "targets-2019.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM for Excel
    sheet = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert (sheet[["outcome_value", "outcome_unit", "outcome_source", "note"]] == "").all().all()
    fill = {"7.5%": ("6.2", ""), "50万平方米": ("52", "万平方米"), "3000个": ("2,600", "个")}
    for raw, (value, unit) in fill.items():
        sheet.loc[sheet["raw"] == raw, ["outcome_value", "outcome_unit"]] = [value, unit]
    sheet.to_csv(path, index=False, encoding="utf-8-sig")
    back = read_tracking_sheet(path)
    status = dict(zip(back["raw"], back["status"]))
    assert status["7.5%"] == "missed" and status["50万平方米"] == "met"
    assert status["3000个"] == "missed" and status["200个"] == "unclear"
    assert back.loc[back["raw"] == "50万平方米", "outcome_value"].item() == 520000
    plot_target_vs_outcome(back)  # the same charts work on a hand-filled sheet


def test_bad_sheets_raise_clear_errors(tmp_path, reports):
    path = export_tracking_sheet(reports[2019], tmp_path / "sheet.csv")
    sheet = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    sheet.loc[0, "outcome_value"] = "七点三"
    sheet.to_csv(path, index=False, encoding="utf-8-sig")
    with pytest.raises(ReportError, match=r"sheet\.csv: row 2, column outcome_value"):
        read_tracking_sheet(path)
    sheet.loc[0, ["outcome_value", "outcome_unit"]] = ["7", "元"]
    sheet.to_csv(path, index=False, encoding="utf-8-sig")
    with pytest.raises(ReportError, match="does not fit"):
        read_tracking_sheet(path)
    sheet.drop(columns="outcome_value").to_csv(path, index=False, encoding="utf-8-sig")
    with pytest.raises(ReportError, match="missing column"):
        read_tracking_sheet(path)
    with pytest.raises(ReportError, match="no such"):
        read_tracking_sheet(tmp_path / "absent.csv")


# -- charts ---------------------------------------------------------------------------------------


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=40)
    matplotlib.pyplot.close(fig)
    return buf.getvalue()


def test_headline_chart_shows_every_headline_target(reports):
    fig = plot_headline_targets(reports[2019])
    labels = [t.get_text() for ax in fig.axes for t in ax.get_yticklabels()]
    assert any(label.startswith("生产总值") for label in labels)
    assert sum(reports[2019].targets["headline"]) == len(labels)
    matplotlib.pyplot.close(fig)


def test_charts_are_deterministic(reports, tracking):
    assert _png(plot_deadline_timeline(reports[2019])) == _png(
        plot_deadline_timeline(reports[2019]))
    few = ["生产总值", "一般公共预算收入", "城镇新增就业"]
    a, b = (_png(plot_target_vs_outcome(tracking, indicators=few)) for _ in range(2))
    assert a == b


def test_headline_chart_labels_read_like_the_report(reports):
    fig = plot_headline_targets(reports[2018])
    labels = [t.get_text() for ax in fig.axes for t in ax.get_yticklabels()]
    assert "一般公共预算收入  确保增长6%，力争增长8%" in labels  # one row for the dual target
    assert "城镇登记失业率  4%以内" in labels
    for ax in fig.axes:
        assert ax.get_xlim()[0] <= 0  # bars and dots compare from zero
    matplotlib.pyplot.close(fig)


def test_deadline_timeline_groups_by_section_and_ends_at_year_end(reports):
    fig = plot_deadline_timeline(reports[2019])
    ax = fig.axes[0]
    fig.canvas.draw()
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert ticks[0] == "1月" and ticks[-1] == "年底"
    texts = [t.get_text() for t in ax.texts]
    assert any(t.startswith("10月底前") for t in texts)
    assert ax.get_legend() is None  # section names are row headers, not a legend
    matplotlib.pyplot.close(fig)


# -- readable summaries ---------------------------------------------------------------------------


def test_ambition_table_writes_targets_as_the_report_does(reports):
    table = ambition_table(reports[2018]).set_index("indicator")
    dual = table.loc["一般公共预算收入"]
    assert dual["target"] == "确保增长6%，力争增长8%"
    assert dual["implied_level"] == "15.05亿元 … 15.34亿元"  # 14.2亿元 × 1.06 and × 1.08
    gdp = table.loc["地区生产总值"]
    assert (gdp["target"], gdp["last_year"], gdp["difference"]) == ("增长8%左右", "8.6%", "-0.6个百分点")
    assert table.loc["城镇新增就业", "difference"] == "+100人"
    assert len(table) == len(reports[2018].targets.query("headline and commitment != 'strive'"))


def test_ambition_table_matched_rows_need_confidence(reports):
    targets = reports[2019].targets
    matched = ambition_table(targets, which="matched", min_confidence=0.9)
    assert len(matched) == (targets["match_confidence"] >= 0.9).sum()
    assert len(ambition_table(targets, which="all")) >= len(matched)
    with pytest.raises(ValueError, match="which"):
        ambition_table(targets, which="some")
    row = {"raw": "5-10家", "change": "level", "bound": "range", "commitment": "none"}
    assert describe_target(row) == "5-10家"


def test_tracking_table_uses_one_missing_marker_and_sheets_keep_integer_years(tmp_path, reports,
                                                                             tracking):
    assert tracking["strive_status"].map(lambda v: v is None or isinstance(v, str)).all()
    path = export_tracking_sheet(reports[2019], tmp_path / "s.csv")
    assert read_tracking_sheet(path)["year"].tolist()[0] == 2019
