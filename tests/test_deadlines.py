"""Deadlines resolve to dates in the plan year and only count where the report plans."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from policytext.quantities import extract_deadlines, resolve_deadline


@pytest.mark.parametrize("raw,due", [
    ("4月7日", dt.date(2019, 4, 7)), ("4月30日前", dt.date(2019, 4, 30)),
    ("7月底前", dt.date(2019, 7, 31)), ("10月底前", dt.date(2019, 10, 31)),
    ("2月底", dt.date(2019, 2, 28)), ("上半年", dt.date(2019, 6, 30)),
    ("年底前", dt.date(2019, 12, 31)), ("年底", dt.date(2019, 12, 31)),
    ("三季度", dt.date(2019, 9, 30)), ("2020年底前", dt.date(2020, 12, 31)),
    ("十月底前", dt.date(2019, 10, 31)), ("6月前", dt.date(2019, 5, 31)),
    ("2022年前", dt.date(2022, 12, 31)), ("2019年前三季度", dt.date(2019, 9, 30)),
])
def test_resolve(raw, due):
    assert resolve_deadline(raw, year=2019) == due


def _frames(text: str, parts: list[tuple[int, int, str]]) -> pd.DataFrame:
    return pd.DataFrame([{"sentence_id": i, "section_id": i, "part": p, "start": a, "end": b,
                          "text": text[a:b]} for i, (a, b, p) in enumerate(parts)])


def test_only_planned_dates_count_and_link_their_clause():
    review = "2018年10月底前完成棚户区改造3000户。"
    plan = "今年6月底前完成80%的主干道改造，年底前建成公园5个。"
    text = review + plan
    sents = _frames(text, [(0, len(review), "review"), (len(review), len(text), "plan")])
    df = extract_deadlines(text, sents, None, year=2019)
    assert df.raw.tolist() == ["6月底前", "年底前"]
    assert df.due.tolist() == [dt.date(2019, 6, 30), dt.date(2019, 12, 31)]
    assert df.task.tolist() == ["完成80%的主干道改造", "建成公园5个"]
    assert [text[s] for rows in df.indicator_rows for s in rows] == ["8", "5"]


def test_speech_date_line_is_not_a_deadline():
    text = "——2019年3月15日在区人民代表大会上\n"
    sents = _frames(text, [(0, len(text), "other")])
    assert extract_deadlines(text, sents, None, year=2019).empty


def test_without_a_year_deadlines_stay_unresolved():
    text = "年底前完成老旧小区改造12个，2020年底前建成地铁3号线。"
    df = extract_deadlines(text, _frames(text, [(0, len(text), "plan")]), None, year=None)
    assert df.raw.tolist() == ["年底前", "2020年底前"]
    assert df.due.tolist() == [None, dt.date(2020, 12, 31)]
    assert df.task.tolist()[0] == "完成老旧小区改造12个"


def test_a_report_without_any_year_keeps_every_table():
    from policytext import Report

    r = Report.from_text("各位代表：\n一、2018年工作回顾\n全区生产总值增长8%。\n"
                         "二、2019年工作安排\n生产总值增长7%左右，年底前建成公园5个。")
    # No title and no meeting line: the year is the one after the year the review names.
    assert r.metadata.year == 2019
    assert r.indicators.raw.tolist() == ["8%", "7%", "5个"]
    assert r.deadlines.raw.tolist() == ["年底前"]
    assert r.deadlines.due.tolist() == [dt.date(2019, 12, 31)]
    r = Report.from_text("政府工作报告\n各位代表：\n今年生产总值增长7%左右，年底前建成公园5个。")
    assert r.metadata.year is None and len(r.indicators) == 2 and len(r.deadlines) == 1


def test_a_deadline_belongs_to_its_own_clause():
    # 全年 opening a clause dates it to the year's end; the 上半年 of the clause before is not its own
    text = "上半年完成县属国有企业整合重组，全年引进域外资金80亿元；完成全年目标任务。"
    df = extract_deadlines(text, _frames(text, [(0, len(text), "plan")]), None, year=2021)
    assert df.raw.tolist() == ["上半年", "全年"]
    assert df.due.tolist() == [dt.date(2021, 6, 30), dt.date(2021, 12, 31)]
    assert df.indicator_rows.tolist() == [[], [text.index("80亿元")]]


def test_deadline_standing_alone_governs_the_next_clause():
    text = "9月底前，全市棚户区改造项目全部开工；到2023年前，建成区绿化覆盖率达到42%。"
    df = extract_deadlines(text, _frames(text, [(0, len(text), "plan")]), None, year=2021)
    assert df.raw.tolist() == ["9月底前", "2023年前"]
    assert df.task.tolist() == ["全市棚户区改造项目全部开工", "建成区绿化覆盖率达到42%"]
    assert df.due.tolist() == [dt.date(2021, 9, 30), dt.date(2023, 12, 31)]


def test_targets_take_the_deadline_that_lists_them():
    # deadlines.csv and targets.csv must tell the same story: a quantity in a deadline's
    # indicator_rows is due on that deadline's date in the targets table too
    from pathlib import Path

    import policytext

    r = policytext.load_report(Path(__file__).resolve().parents[1] / "seeds" / "000_ad79a472d2986914.txt")
    due_of = {s: d for rows, d in zip(r.deadlines["indicator_rows"], r.deadlines["due"]) for s in rows}
    targets = r.targets[r.targets["start"].isin(due_of)]
    assert len(targets) >= 8
    assert [d for d in targets["deadline"]] == [due_of[s] for s in targets["start"]]
    # every quantity a deadline lists is a row of the indicator table
    assert set(due_of) <= set(r.indicators["start"])
    # and every dated target is listed by the deadline that dates it
    dated = r.targets[r.targets["deadline"].notna()]
    assert len(dated) >= 10 and set(dated["start"]) <= set(due_of)


@pytest.mark.parametrize("text, rows", [
    # the clauses after a deadline, up to the next ；, share it
    ("年底前新建高标准农田3万亩，改造提升农贸市场5个；完成造林1万亩。", {"年底前": ["3万亩", "5个"]}),
    # a task that only closes the work before it governs that work
    ("新建标准化厂房3万平方米，年底前全部建成投用。", {"年底前": ["3万平方米"]}),
    # a horizon dates every clause of its sentence
    ("到2025年，森林覆盖率达到35%；城镇化率达到60%。", {"到2025年": ["35%", "60%"]}),
    # a clause with its own deadline is never governed by the one before
    ("上半年完成国有企业整合重组，全年引进资金80亿元，新增就业5000人。",
     {"上半年": [], "全年": ["80亿元", "5000人"]}),
])
def test_indicator_rows_follow_the_scope_of_each_deadline(text, rows):
    df = extract_deadlines(text, _frames(text, [(0, len(text), "plan")]), None, year=2021)
    got = {raw: [q for q in find_raws(text, starts)] for raw, starts in zip(df.raw, df.indicator_rows)}
    assert got == rows


def find_raws(text, starts):
    from policytext.quantities import find_quantities

    by_start = {q.start: q.raw for q in find_quantities(text)}
    return [by_start[s] for s in starts]
