"""Matching looks up the results a target can match instead of comparing every pair.

A real-shaped report of several megabytes holds thousands of distinct indicator names; when
every target met every result, 5 MB took minutes. The index must find exactly what comparing
every pair finds: on the real reports of data/corpus/raw, and on names built to share many
characters (a modifier, a thing, a measure; words inserted, dropped, moved) so that every rule
of `name_similarity` fires. Only a flood of names the insertion rule must check one by one
meets the cap (SCAN_CAP), and then the result says so.
"""

from __future__ import annotations

import itertools
import logging
import random
from pathlib import Path

import numpy as np
import pandas as pd
import policytext
import pytest
from policytext.targets import actual_results
from policytext.targets.matching import (
    RATE_UNITS,
    SCAN_CAP,
    best_matches,
    comparable,
    name_similarity,
)
from policytext.targets.targets import report_places

RAW = Path(__file__).resolve().parents[1] / "data" / "corpus" / "raw"
LEVELS = {"growth": "level", "decrease": "level", "pp_change": "rate_level"}

MODIFIERS = ["新增", "城镇", "农村", "规模以上", "高新技术", "社会", "公共", "绿色", "数字", "海洋",
             "文化", "旅游", "现代", "特色", "重点", "民营", "外资", "科技", "生态", "智能"]
THINGS = ["工业", "企业", "投资", "消费", "住房", "道路", "学校", "医院", "公园", "园区",
          "产业", "项目", "人口", "就业", "收入", "能源", "粮食", "服务业", "出口", "农业"]
MEASURES = ["增加值", "总额", "产量", "面积", "数量", "覆盖率", "占比", "规模", "营业收入", "人数"]
# words of real names, with region prefixes, subjects, aliases and growth suffixes among them
WORDS = ["城镇", "农村", "城乡", "人均", "居民", "收入", "生产总值", "GDP", "地区", "全区", "全市",
         "新增", "增速", "增长", "就业", "安置房", "网签", "道路", "开工", "新开工", "建成", "通车",
         "覆盖率", "生活垃圾", "分类", "处理", "幼儿园", "公办", "项目", "（含基金）", "达到", "为",
         "工业", "增加值", "一般公共预算收入", "财政", "率", "值", "量", "经济", "规模以上", "企业",
         "数", "人", "投资", "固定资产", "青山区", "青山"]


def _all_pairs(targets, candidates, *, places=(), changes=None) -> dict:
    """What comparing every target with every candidate finds: {label: (candidate, conf, method)}."""
    order = candidates.sort_values("start", kind="stable")
    cands = list(order[["indicator", "change", "unit"]].itertuples(name=None))
    out = {}
    for label, name, change, unit in targets[["indicator", "change", "unit"]].itertuples(name=None):
        best = (None, 0.0, "none")
        if changes is not None and change not in changes:
            out[label] = best
            continue
        for c_label, c_name, c_change, c_unit in cands:
            if changes is None:
                fit = comparable(change, unit, c_change, "" if pd.isna(c_unit) else c_unit)
            else:
                fit = 1.0 if c_change == changes[change] else 0.0
            if fit:
                score, method = name_similarity(name, c_name, places=places)
                if score * fit > best[1]:  # ties: the earliest candidate in the text
                    best = (c_label, round(score * fit, 3), method)
        out[label] = best
    return out


def _assert_same(targets, candidates, **kw) -> None:
    found = best_matches(targets, candidates, **kw)
    expected = _all_pairs(targets, candidates, **kw)
    differ = [(targets.at[label, "indicator"], tuple(found.loc[label, ["candidate", "confidence",
                                                                         "method"]]), want)
              for label, want in expected.items()
              if tuple(found.loc[label, ["candidate", "confidence", "method"]]) != want]
    assert not differ, differ[:5]
    assert not found["note"].any()


def _frame(names: list, kind: str = "", change="level", unit="个") -> pd.DataFrame:
    return pd.DataFrame({"indicator": names, "change": change, "unit": unit, "kind": kind,
                         "start": range(len(names))})


def test_the_name_index_finds_what_comparing_every_pair_finds():
    names = ["".join(p) for p in itertools.product(MODIFIERS[:6], THINGS[:8], MEASURES[:5])]
    names += ["网签安置房", "安置房网签", "市政道路新开工", "道路开工建设", "公办幼儿园", "新增幼儿园",
              "地区生产总值", "GDP", "生活垃圾分类覆盖率", "生活垃圾分类处理覆盖率"]
    _assert_same(_frame(names, "target"), _frame(names[::-1], "actual"))


def test_every_distinct_name_still_finds_itself():
    names = ["".join(p) for p in itertools.product(MODIFIERS[:3], THINGS[:5], MEASURES[:4])]
    found = best_matches(_frame(names, "target"), _frame(names[::-1], "actual"))
    assert (found["method"] == "exact").all()
    assert [names[::-1][i] for i in found["candidate"]] == names


def _report_tables(report):
    ind = report.indicators
    targets = ind[ind["kind"] == "target"].reset_index(drop=True)
    actuals = actual_results(ind.assign(section_id=pd.NA), None)
    levels = actuals[actuals["change"].isin(["level", "share"])].copy()
    levels["change"] = np.where(levels["unit"].isin(list(RATE_UNITS)), "rate_level", "level")
    return targets, actuals, levels


@pytest.mark.slow
def test_the_real_reports_match_as_comparing_every_pair_does():
    """All 116 reports: each one's targets against its own results and levels, against the
    next report of the same place, and every target of the corpus against every result."""
    reports = [policytext.load_report(p) for p in sorted(RAW.glob("*.txt"))]
    everything_t, everything_a, last = [], [], {}
    for path, report in zip(sorted(RAW.glob("*.txt")), reports):
        places = report_places(report.metadata.region)
        targets, actuals, levels = _report_tables(report)
        _assert_same(targets, actuals, places=places)
        _assert_same(targets, levels, places=places, changes=LEVELS)
        series = path.stem.rsplit("_", 1)[0].split("_", 1)[1]
        if series in last:  # last year's targets against this year's results
            _assert_same(last[series][0], actuals, places=last[series][1])
        last[series] = (targets, places)
        everything_t.append(targets)
        everything_a.append(actuals)
    all_targets = pd.concat(everything_t, ignore_index=True)
    all_actuals = pd.concat(everything_a, ignore_index=True)
    all_actuals["start"] = range(len(all_actuals))
    assert len(all_targets) > 1000 and len(all_actuals) > 3000
    _assert_same(all_targets, all_actuals)


def _vary(rng: random.Random, name: str) -> str:
    """One way real reports reword a name: a word inserted, a character dropped, the words
    moved round, a prefix or suffix, or an unrelated name."""
    op = rng.randrange(8)
    if op == 0 and len(name) > 1:
        i = rng.randrange(1, len(name))
        return name[:i] + rng.choice(WORDS) + name[i:]
    if op == 1 and len(name) > 2:
        i = rng.randrange(len(name))
        return name[:i] + name[i + 1:]
    if op == 2 and len(name) > 3:
        i = rng.randrange(1, len(name))
        return name[i:] + name[:i]
    if op == 3:
        return rng.choice(WORDS) + name
    if op == 4:
        return name + rng.choice(WORDS)
    if op == 5 and len(name) > 3:
        i = rng.randrange(1, len(name))
        return name[:i] + rng.choice("的和与及新总") + name[i:]
    if op == 6:
        return name
    return "".join(rng.choice(WORDS) for _ in range(rng.choice([1, 2, 3, 5])))


def _variants(rng: random.Random, n: int, pool: list[str]) -> pd.DataFrame:
    rows = []
    for _ in range(n):
        name = _vary(rng, _vary(rng, rng.choice(pool)))
        rows.append((name if rng.random() > 0.02 else float("nan"),
                     rng.choice(["level", "level", "share", "growth", float("nan"), None]),
                     rng.choice(["%", "%", "元", ""]), rng.randrange(1000)))
    return pd.DataFrame(rows, columns=["indicator", "change", "unit", "start"])


@pytest.mark.parametrize(("words", "seeds"), [((1, 2, 3, 4, 5, 7), 40), ((8, 16, 24, 36, 44), 16)],
                         ids=["short names", "long names"])
def test_reworded_names_match_as_comparing_every_pair_does(words, seeds):
    """Names that share most of their characters: every rule fires, and names over
    LONG_NAME characters (not indexed by their parts) are among the long ones."""
    methods = set()
    for seed in range(seeds):
        rng = random.Random(seed)
        pool = ["".join(rng.choice(WORDS) for _ in range(rng.choice(words))) for _ in range(8)]
        targets, results = _variants(rng, 40, pool), _variants(rng, 80, pool)
        targets.index = [f"t{i}" for i in range(len(targets))]
        places = ("青山区", "青山") if seed % 2 else ()
        _assert_same(targets, results, places=places)
        _assert_same(targets, results, places=places,
                     changes={"growth": "level", "level": "share", "share": "level"})
        methods |= set(best_matches(targets, results, places=places)["method"])
    assert {"partial", "reordered", "head"} <= methods


def test_a_flood_of_one_head_is_looked_up_not_scanned():
    """Thousands of results with the same head noun (…幼儿园): one of them stands for all."""
    results = [f"{a}{b}幼儿园" for a, b in itertools.product(MODIFIERS, THINGS)] * 3
    results += ["公办幼儿园", "新建公办幼儿园"]
    targets = ["公办幼儿园", "民办幼儿园", "普惠性幼儿园", "幼儿园"]
    _assert_same(_frame(targets), _frame(results))
    found = best_matches(_frame(targets), _frame(results))
    assert found["method"].tolist() == ["exact", "head", "head", "partial"]


def test_a_flood_for_the_insertion_rule_is_capped_and_says_so(caplog):
    """Names that hold every neighbouring pair of the target but not the target in order
    (丙丁?甲乙丙 for 甲乙丙丁) must each be checked; after SCAN_CAP of them the target stops,
    notes it and logs a warning, and a real insertion further on is missed."""
    fillers = [chr(0x4E00 + 7 * k) for k in range(SCAN_CAP + 50)]
    results = [f"丙丁{x}甲乙丙" for x in fillers] + ["甲乙新丙丁"]
    targets = _frame(["甲乙丙丁", "生产总值"])
    with caplog.at_level(logging.WARNING, logger="policytext.targets.matching"):
        found = best_matches(targets, _frame(results))
    assert f"scan capped at {SCAN_CAP}" in found.at[0, "note"]
    assert found.at[1, "note"] == ""
    assert any("SCAN_CAP" in r.getMessage() and "1 of 2 targets" in r.getMessage()
               for r in caplog.records)
    assert found.at[0, "candidate"] is None  # comparing every pair finds the last result
    assert _all_pairs(targets, _frame(results))[0] == (len(results) - 1, 0.7, "partial")
    # below the cap nothing is lost
    _assert_same(targets, _frame([f"丙丁{x}甲乙丙" for x in fillers[:SCAN_CAP - 10]] + ["甲乙新丙丁"]))
