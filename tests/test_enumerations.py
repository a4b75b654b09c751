"""Enumerations joined by 和/与/及 and shared head nouns: each value gets its own indicator."""

import pytest
from policytext.quantities import extract_indicators


@pytest.mark.parametrize("sentence, expected", [
    ("城乡居民人均可支配收入分别增长8%和9%。",
     [("城镇居民人均可支配收入", 8.0), ("农村居民人均可支配收入", 9.0)]),
    ("城镇、农村居民人均可支配收入分别增长8%和9%。",
     [("城镇居民人均可支配收入", 8.0), ("农村居民人均可支配收入", 9.0)]),
    ("新建学校3所和幼儿园5所。", [("新建学校", 3.0), ("幼儿园", 5.0)]),
    ("粮食、油料总产量分别达到120万吨与15万吨。",
     [("粮食总产量", 1.2e6), ("油料总产量", 1.5e5)]),
])
def test_each_enumerated_value_has_its_own_indicator(sentence, expected):
    rows = extract_indicators(sentence)
    assert list(zip(rows["indicator"], rows["value"])) == expected


def test_a_second_fenbie_pairs_with_the_enumeration_just_before():
    # 分别达到…，分别增长…: the growth rates belong to the levels' subject, not to an earlier one
    rows = extract_indicators("一般公共预算收入完成12.4亿元，增长7.5%；城乡居民人均可支配收入"
                              "分别达到42150元、18630元，分别增长4.9%和7.2%。")
    names = dict(zip(rows["raw"], rows["indicator"]))
    assert names["4.9%"] == names["42150元"] == "城镇居民人均可支配收入"
    assert names["7.2%"] == names["18630元"] == "农村居民人均可支配收入"
    assert names["7.5%"] == "一般公共预算收入"
