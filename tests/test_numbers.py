"""The quantity grammar: scales, units, bounds, Chinese numerals, and what is not a quantity."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from policytext.quantities import find_quantities, parse_quantity, quantity_spans
from policytext.read import cn_to_number

CASES = [
    # raw, value, unit, bound
    ("171.31亿元", 1.7131e10, "元", "point"),
    ("1.8万个", 18000, "个", "point"),
    ("1.7亿美元", 1.7e8, "美元", "point"),
    ("3个工作日", 3, "个工作日", "point"),
    ("16.3万人次", 163000, "人次", "point"),
    ("1.4个百分点", 1.4, "个百分点", "point"),
    ("百分之三", 3, "%", "point"),
    ("突破百亿元", 1e10, "元", "lower"),
    ("超千万人次", 1e7, "人次", "lower"),
    ("80余万平方米", 8e5, "平方米", "lower"),
    ("约36万平方米", 3.6e5, "平方米", "approx"),
    ("近30公里", 30, "公里", "approx"),
    ("7%左右", 7, "%", "approx"),
    ("10%以上", 10, "%", "lower"),
    ("不低于80%", 80, "%", "lower"),
    ("不少于50个", 50, "个", "lower"),
    ("百分之三以下", 3, "%", "upper"),
    ("控制在3.5%以内", 3.5, "%", "upper"),
    ("一千五百亩", 1500, "亩", "point"),
    ("两千多人", 2000, "人", "lower"),
    ("100千瓦", 100, "千瓦", "point"),
    ("5万千瓦", 5e4, "千瓦", "point"),
    ("1,234万元", 1.234e7, "元", "point"),
    ("650亿斤以上", 6.5e10, "斤", "lower"),
    ("亿元以上", 1e8, "元", "lower"),
    ("千万元及以上", 1e7, "元", "lower"),
    ("翻一番", 2, "倍", "point"),
    ("翻两番", 4, "倍", "point"),
]


@pytest.mark.parametrize("raw,value,unit,bound", CASES)
def test_parse_quantity_hard_cases(raw, value, unit, bound):
    q = parse_quantity(raw)
    assert math.isclose(q.value, value) and q.unit == unit and q.bound == bound


def test_ranges_and_ratios():
    q = parse_quantity("5-10家")
    assert (q.value_low, q.value_high, q.bound, q.unit) == (5, 10, "range", "家")
    assert parse_quantity("1～2家").value_high == 2
    r = parse_quantity("2.2:38.4:59.4")
    assert r.form == "ratio" and r.parts == (2.2, 38.4, 59.4)


def test_small_chinese_numerals_count_in_ranges_only():
    q = parse_quantity("两至三个")
    assert (q.value_low, q.value_high, q.unit, q.numeral) == (2, 3, "个", "chinese")
    assert find_quantities("实施三年行动，落实两个责任") == []


def test_age_brackets_name_groups():
    assert find_quantities("为65岁及以上老年人免费体检") == []
    assert [q.value for q in find_quantities("人均预期寿命达到79.5岁以上。")] == [79.5]


def test_enumerations_share_unit_and_bound():
    qs = find_quantities("PM2.5、PM10年均浓度不高于56、102微克/立方米")
    assert [(q.raw, q.value, q.unit, q.bound) for q in qs] == [
        ("56", 56, "微克/立方米", "upper"), ("102微克/立方米", 102, "微克/立方米", "upper")]
    qs = find_quantities("城镇调查失业率、登记失业率控制在5%、4%以内")
    assert [(q.value, q.bound) for q in qs] == [(5, "upper"), (4, "upper")]
    qs = find_quantities("分别达到3、5万元")
    assert [q.value for q in qs] == [3e4, 5e4]


@pytest.mark.parametrize("text", [
    "2018年，全区", "2019年3月15日", "第二届马拉松", "党的十九大", "地铁2号线二期", "S312征迁",
    "动漫6#楼", "PM2.5浓度", "“12349”平台", "新型产业用地（M0）", "“四个意识”",
    "“8个100%”标准", "9:00-18:00", "建国70周年", "十亿级建筑企业", "区委三届十一次全会",
    "千斤重担", "千家万户", "居全省前10名", "《2019年规划》", "5G基站", "3A级景区", "7月底前",
    "2019-2020年", "万元GDP能耗", "每千人口",
])
def test_not_quantities(text):
    assert find_quantities(text) == []


def test_spans_cover_number_scale_and_unit():
    text = "拆除违法建设80余万平方米，PM2.5年均浓度不高于56微克/立方米"
    assert [text[a:b] for a, b in quantity_spans(text)] == ["80余万平方米", "56微克/立方米"]


def test_chinese_numerals():
    assert cn_to_number("一千五百") == 1500
    assert cn_to_number("一千五") == 1500
    assert cn_to_number("一万二") == 12000
    assert cn_to_number("十三") == 13
    assert cn_to_number("三千零五") == 3005
    assert cn_to_number("一亿二千万") == 1.2e8


# --- property tests: generated quantities parse back to the value that generated them -----
SCALES = {"": 1, "万": 1e4, "亿": 1e8, "千万": 1e7}
UNITS = ["元", "美元", "平方米", "人次", "个", "家", "亩", "吨", "公里", "微克/立方米", "%"]
PREFIX = {"": "point", "约": "approx", "超过": "lower", "不低于": "lower", "不高于": "upper",
          "至少": "lower"}
SUFFIX = {"": None, "左右": "approx", "以上": "lower", "以内": "upper", "以下": "upper"}
DIGITS = "零一二三四五六七八九"


def _cn(n: int) -> str:
    """Write 1..99999999 in Chinese numerals the standard way."""
    def below(k: int) -> str:
        out, zero = "", False
        for unit, char in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = k // unit % 10
            if d:
                out += ("零" if zero and out else "") + DIGITS[d] + char
                zero = False
            else:
                zero = True
        return out
    hi, lo = divmod(n, 10000)
    if not hi:
        return below(lo)
    s = below(hi) + "万"
    if lo:
        s += ("零" if lo < 1000 else "") + below(lo)
    return s


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 99999), st.integers(0, 2), st.sampled_from(sorted(SCALES)),
       st.sampled_from(UNITS), st.sampled_from(sorted(PREFIX)), st.sampled_from(sorted(SUFFIX)))
def test_generated_quantities_parse_back(n, decimals, scale, unit, prefix, suffix):
    number = n / 10 ** decimals
    if unit == "%":
        scale = ""
    written = f"{number:.{decimals}f}"
    q = parse_quantity(f"完成{prefix}{written}{scale}{unit}{suffix}，")
    assert math.isclose(q.value, float(written) * SCALES[scale], rel_tol=1e-12)
    assert q.unit == unit
    assert q.bound == (SUFFIX[suffix] or PREFIX[prefix])


@settings(max_examples=200, deadline=None)
@given(st.integers(100, 99999999), st.sampled_from(["亩", "人次", "元", "个"]))
def test_generated_chinese_numerals_parse_back(n, unit):
    q = parse_quantity(f"接待{_cn(n)}{unit}")
    assert q.value == n and q.unit == unit and q.numeral == "chinese"


@given(st.integers(1, 100))
def test_chinese_percent_parses_back(n):
    assert parse_quantity(f"降至百分之{_cn(n)}").value == n


def test_traditional_script_keeps_offsets():
    text = "生產總值171.31億元，提高0.5個百分點，不低於80%"
    qs = find_quantities(text)
    assert [(text[q.start:q.end], q.raw, q.value, q.unit) for q in qs] == [
        ("171.31億元", "171.31億元", 1.7131e10, "元"), ("0.5個百分點", "0.5個百分點", 0.5, "个百分点"),
        ("80%", "80%", 80, "%")]
    assert qs[-1].bound == "lower"
