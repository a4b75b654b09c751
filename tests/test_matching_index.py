"""Matching looks up the results a target can match instead of comparing every pair.

A real-shaped report of several megabytes holds thousands of distinct indicator names; when
every target met every result, 5 MB took minutes. The index must find exactly what comparing
every pair finds. The names are built like the genre's (a modifier, a thing, a measure) so
that they share characters the way real names do.
"""

from __future__ import annotations

import itertools

import pandas as pd
from policytext.targets.matching import best_matches, name_similarity

MODIFIERS = ["新增", "城镇", "农村", "规模以上", "高新技术", "社会", "公共", "绿色", "数字", "海洋",
             "文化", "旅游", "现代", "特色", "重点", "民营", "外资", "科技", "生态", "智能"]
THINGS = ["工业", "企业", "投资", "消费", "住房", "道路", "学校", "医院", "公园", "园区",
          "产业", "项目", "人口", "就业", "收入", "能源", "粮食", "服务业", "出口", "农业"]
MEASURES = ["增加值", "总额", "产量", "面积", "数量", "覆盖率", "占比", "规模", "营业收入", "人数"]


def _frame(names: list[str], kind: str) -> pd.DataFrame:
    return pd.DataFrame({"indicator": names, "change": "level", "unit": "个", "kind": kind,
                         "start": range(len(names))})


def test_the_name_index_finds_what_comparing_every_pair_finds():
    names = ["".join(p) for p in itertools.product(MODIFIERS[:6], THINGS[:8], MEASURES[:5])]
    names += ["网签安置房", "安置房网签", "市政道路新开工", "道路开工建设", "公办幼儿园", "新增幼儿园",
              "地区生产总值", "GDP", "生活垃圾分类覆盖率", "生活垃圾分类处理覆盖率"]
    targets, results = _frame(names, "target"), _frame(names[::-1], "actual")
    found = best_matches(targets, results)
    for label, name in enumerate(names):
        scores = [name_similarity(name, other)[0] for other in results["indicator"]]
        best = max(scores)
        expected = scores.index(best) if best > 0 else None  # ties: the earliest result
        assert found.at[label, "candidate"] == expected, name
        assert found.at[label, "confidence"] == round(best, 3), name


def test_every_distinct_name_still_finds_itself():
    names = ["".join(p) for p in itertools.product(MODIFIERS[:3], THINGS[:5], MEASURES[:4])]
    found = best_matches(_frame(names, "target"), _frame(names[::-1], "actual"))
    assert (found["method"] == "exact").all()
    assert [names[::-1][i] for i in found["candidate"]] == names
