"""Numbered formulations (提法) found by general rules, not by a list of slogans."""

from __future__ import annotations

from pathlib import Path

import policytext
import pytest
from policytext.words import formulation_spans, formulations

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_ad79a472d2986914.txt"


@pytest.fixture(scope="module")
def table():
    return formulations(policytext.load_report(SEED).text)


def test_issue_examples_are_found(table):
    found = set(table.formulation)
    assert {"四个意识", "两个维护", "四个自信", "三大攻坚战", "一核三带六园", "四重点一稳定一保证",
            "8个100%", "双随机一公开", "七个一工作法", "三河一渠七沟", "十二字"} <= found


def test_counts_and_offsets(table):
    row = table.set_index("formulation").loc["四个意识"]
    assert row["count"] == 2
    text = policytext.load_report(SEED).text
    assert text[row["first_start"]:row["first_end"]] == "四个意识"
    assert "【四个意识】" in row["context"]


@pytest.mark.parametrize("text", [
    "建成投用绿环路等3个转运站", "十九届二中三中全会", "区委三届十一次全会", "第四次全国经济普查",
    "提供一站式服务", "一是发展质量亟待提高", "一产比重首次降至百分之三以下", "“12349”养老服务",
    "加快推进“二次选商”",
])
def test_quantities_and_ordinals_are_not_formulations(text):
    assert formulation_spans(text).empty


@pytest.mark.parametrize("text,expected", [
    ("落实一岗双责", "一岗双责"), ("坚持两学一做", "两学一做"), ("做到“三下降、一好转”", "三下降、一好转"),
    ("严格“8个100%”标准", "8个100%"), ("牢记三个代表", "三个代表"),
])
def test_unseen_formulations(text, expected):
    assert formulation_spans(text).formulation.tolist() == [expected]


@pytest.mark.parametrize("text,expected", [
    ("加快一核三带六园建设", "一核三带六园"), ("坚持两学一做学习教育", "两学一做"),
    ("落实一岗双责制度", "一岗双责"), ("三河一渠七沟治理", "三河一渠七沟"),
    ("推进一带一路建设", "一带一路"),
    # A two-character last head that is a word stays whole.
    ("实现双随机一公开监管", "双随机一公开"), ("落实两不愁三保障要求", "两不愁三保障"),
])
def test_unquoted_chain_stops_before_the_next_word(text, expected):
    assert formulation_spans(text).formulation.tolist() == [expected]
