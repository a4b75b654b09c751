"""Indicator records from sentences of the genre (written fresh, not copied from the seed)."""

from __future__ import annotations

import pandas as pd
import pytest
from policytext.quantities import COLUMNS, extract_indicators


def _rows(text: str, part: str = "plan", year: int = 2020) -> pd.DataFrame:
    sentences = pd.DataFrame([{"sentence_id": 0, "section_id": 1, "part": part,
                               "start": 0, "end": len(text), "text": text}])
    return extract_indicators(text, sentences, None, year=year)


def test_columns_and_offsets_point_into_text():
    text = "全县地区生产总值完成85.2亿元，同比增长7.1%。"
    df = _rows(text, "review")
    assert list(df.columns) == COLUMNS
    assert all(text[s:e] == raw for s, e, raw in zip(df.start, df.end, df.raw))


def test_elided_subject_and_change_types():
    df = _rows("全县地区生产总值完成85.2亿元，同比增长7.1%，高出全省0.8个百分点；"
               "城镇居民人均可支配收入下降1.2%，财政支出占全市的12.5%。", "review")
    assert df.indicator.tolist()[:3] == ["地区生产总值"] * 3
    # 高出全省0.8个百分点 is a gap to the province, not a change of the county's own rate
    assert df.change.tolist() == ["level", "growth", "gap", "decrease", "share"]
    assert df.reference.tolist() == ["", "", "全省", "", ""]
    assert set(df.kind) == {"actual"}


def test_a_span_of_time_in_the_subject_slot_continues_the_subject():
    # 五年年均增长, 十年增加: the years say over how long, not what grew
    df = _rows("过去五年，国内生产总值增加到121万亿元，五年年均增长5.2%，十年增加近70万亿元；"
               "三年来新增就业3.6万人。", "review")
    assert df.indicator.tolist()[:3] == ["国内生产总值"] * 3
    assert df.indicator.tolist()[3] == "新增就业"


def test_from_x_to_y_names_both_numbers_and_reads_levels():
    df = _rows("全市生产总值由1850亿元增加到2630亿元；高新技术企业由156家增加到512家。", "review")
    assert df.indicator.tolist() == ["生产总值"] * 2 + ["高新技术企业"] * 2
    assert set(df.change) == {"level"}


def test_a_bare_speed_or_size_word_is_the_previous_indicator():
    df = _rows("全市地区生产总值完成3215.7亿元，增长3.1%，增速高于全省0.8个百分点；"
               "旅游收入增长12%，总量突破300亿元。", "review")
    assert df.indicator.tolist() == ["地区生产总值"] * 3 + ["旅游收入"] * 2


def test_headline_list_one_target_per_line():
    text = ("今年主要预期目标是：\n1.地区生产总值增长6.5%左右；\n2.一般公共预算收入增长5%；\n"
            "（3）城镇新增就业1.2万人。\n（一）做强实体经济。实施重点项目80个。")
    df = extract_indicators(text)
    assert df.indicator.tolist() == ["地区生产总值", "一般公共预算收入", "城镇新增就业", "实施重点项目"]
    assert df.headline.tolist() == [True, True, True, False]


def test_dual_commitment_gives_two_rows():
    df = _rows("税收收入确保增长5%，力争增长7%。")
    assert df[["value", "commitment"]].values.tolist() == [[5.0, "ensure"], [7.0, "strive"]]
    assert df.indicator.tolist() == ["税收收入", "税收收入"]


def test_enumerated_subjects_pair_with_values():
    df = _rows("农村自来水普及率、集中供水率分别达到95%、80%以上。")
    assert df[["indicator", "value", "bound"]].values.tolist() == [
        ["农村自来水普及率", 95.0, "lower"], ["集中供水率", 80.0, "lower"]]
    df = _rows("投诉受理率、回复率均为100%。", "review")
    assert df.indicator.tolist() == ["投诉受理率", "回复率"] and df.start.nunique() == 1
    df = _rows("SO2、NO2排放量不高于1.2、3.4万吨。")
    assert df.indicator.tolist() == ["SO2排放量", "NO2排放量"]
    assert df.value.tolist() == [12000.0, 34000.0]


def test_counted_noun_after_the_number_names_it():
    df = _rows("新建学校等6所寄宿制学校，改造12个老旧小区。")
    assert df.indicator.tolist() == ["寄宿制学校", "老旧小区"]


def test_gap_bound_goes_to_the_unbounded_number():
    df = _rows("全年至少引进投资10亿元以上项目2个，至少建成5个社区食堂。")
    assert df[["raw", "bound"]].values.tolist() == [["2个", "lower"], ["5个", "lower"]]
    assert df.indicator.tolist()[0] == "引进投资10亿元以上项目"


def test_kind_follows_part_and_wording():
    assert _rows("新增就业1200人。", "review").kind.tolist() == ["actual"]
    assert _rows("新增就业1200人。", "plan").kind.tolist() == ["target"]
    assert _rows("去年新增就业1200人。", "plan").kind.tolist() == ["actual"]
    assert _rows("今年将新增就业1500人。", "other").kind.tolist() == ["target"]


def test_headline_paragraph():
    text = "今年主要预期目标是：地区生产总值增长6.5%左右；城镇登记失业率控制在4.5%以内。\n新建道路8条。"
    df = _rows(text)
    assert df.headline.tolist() == [True, True, False]
    assert df.bound.tolist() == ["approx", "upper", "point"]


def test_ratio_and_range_rows():
    df = _rows("三次产业结构调整为8.1:40.2:51.7，培育龙头企业3-5家。", "review")
    assert df.change.tolist()[0] == "ratio" and df.indicator.tolist()[0] == "三次产业结构"
    assert df[["value_low", "value_high", "bound"]].values.tolist()[1] == [3.0, 5.0, "range"]


@pytest.mark.parametrize("text", ["树牢“四个意识”。", "开通地铁5号线。", "召开第三届博览会。"])
def test_no_rows_for_names_and_slogans(text):
    assert _rows(text).empty


def test_works_without_structure_frames():
    df = extract_indicators("今年力争粮食产量稳定在45万吨以上。", year=2020)
    assert df[["indicator", "commitment", "kind", "bound"]].values.tolist() == [
        ["粮食产量", "strive", "target", "lower"]]


def test_respectively_after_separate_subjects():
    df = _rows("工业用电量达到12.5亿千瓦时，货运量达到3200万吨，分别增长6.2%、4.4%。", "review")
    assert df.indicator.tolist()[2:] == ["工业用电量", "货运量"]


def test_names_keep_per_capita_and_average():
    df = _rows("农民人均纯收入增长9%，PM10平均浓度下降到70微克/立方米。", "review")
    assert df.indicator.tolist() == ["农民人均纯收入", "PM10平均浓度"]


def test_bare_verb_clauses_continue_the_subject():
    df = _rows("旅游总收入增长15%，力争突破80亿元；税收收入占比提高。其中增值税8亿元，占比40%。")
    assert df.indicator.tolist() == ["旅游总收入", "旅游总收入", "增值税", "增值税占比"]
    assert df.change.tolist() == ["growth", "level", "level", "share"]


def test_size_class_names_the_noun_it_qualifies():
    # the threshold is a property of the projects: only the count is a quantity
    df = _rows("新开工5000万元以上产业项目20个。")
    assert df.indicator.tolist() == ["新开工5000万元以上产业项目"]
    assert df.bound.tolist() == ["point"]


def test_price_rise_is_growth():
    assert _rows("居民消费价格涨幅控制在3%左右。").change.tolist() == ["growth"]


@pytest.mark.parametrize("sentence, expected", [
    ("新引进投资超百亿元项目2个，新签约项目30个。",
     [("2个", "新引进投资超百亿元项目"), ("30个", "新签约项目")]),
    ("培育产值超百亿元的产业集群2个。", [("2个", "培育产值超百亿元的产业集群")]),
    ("新引进亿元以上项目28个。", [("28个", "新引进亿元以上项目")]),
    ("形成2个产值超百亿元的产业集群。", [("2个", "产值超百亿元的产业集群")]),
    # a threshold that is the measure itself stays: 突破百亿元大关, 130亿元以上，
    ("服务业增加值突破百亿元大关，引进资金130亿元以上。",
     [("百亿元", "服务业增加值"), ("130亿元", "引进资金")]),
])
def test_thresholds_of_a_counted_noun_are_not_amounts(sentence, expected):
    df = _rows(sentence)
    assert df[["raw", "indicator"]].values.tolist() == [list(x) for x in expected]


@pytest.mark.parametrize("sentence, kept", [
    ("加快构建城市15分钟健身圈，打造1小时经济圈。", []),
    ("依托辖区5所高校，引进人才200名。", ["200名"]),
    ("按“一核两翼”3个层次布局，建成公园12个。", ["12个"]),
    ("审批时限压缩至15分钟以内。", ["15分钟"]),
])
def test_names_and_descriptions_holding_numbers_are_not_quantities(sentence, kept):
    assert _rows(sentence).raw.tolist() == kept


@pytest.mark.parametrize("sentence, expected", [
    # the object of the first verb carries over ， to a clause that has only a verb
    ("开工安置房260万平方米，竣工230万平方米。", ["开工安置房", "安置房竣工"]),
    ("谋划建设市政道路205条，新开工99条，建成50条。",
     ["谋划建设市政道路", "市政道路新开工", "市政道路建成"]),
    ("谋划建设市政道路205条、新开工99条、建成50条。",  # the same over 、
     ["谋划建设市政道路", "市政道路新开工", "市政道路建成"]),
    ("23个教育项目加快实施，4个建成投用。", ["教育项目加快实施", "教育项目建成投用"]),
    # after a measure word the counted noun is what is counted; the rest names the next number
    ("11个村回迁群众4.6万人。", ["村", "回迁群众"]),
    ("完成金河路等12条道路约17.8公里架空线入地改造。", ["道路", "架空线入地改造"]),
    ("建成保合寨等9个小型污水处理站和花园口村污水处理泵站。", ["小型污水处理站"]),
    ("开展开办企业等10个对标提升专项行动。", ["对标提升专项行动"]),
    ("全年整治提升支路背街小巷43条。", ["整治提升支路背街小巷"]),
])
def test_names_carry_their_object(sentence, expected):
    assert _rows(sentence).indicator.tolist() == expected


def test_fenbie_splits_a_two_sided_subject():
    df = _rows("城乡居民人均可支配收入分别增长5%、6%。")
    assert df[["indicator", "value"]].values.tolist() == [
        ["城镇居民人均可支配收入", 5.0], ["农村居民人均可支配收入", 6.0]]
    # one number with 分别/均 holds for each side
    df = _rows("城乡居民人均可支配收入均增长7%。")
    assert df.indicator.tolist() == ["城镇居民人均可支配收入", "农村居民人均可支配收入"]
    assert df.value.tolist() == [7.0, 7.0] and df.start.nunique() == 1
    # 年均 is no 均 of several subjects
    assert _rows("城乡居民人均可支配收入年均增长7%。", "review").indicator.tolist() == [
        "城乡居民人均可支配收入"]


def test_gaps_name_their_reference():
    df = _rows("规模以上工业增加值增长4.3%，高出市定目标2.3个百分点；增速比全国高0.5个百分点，"
               "税收占比提高1.2个百分点。", "review")
    assert df[["change", "reference"]].values.tolist() == [
        ["growth", ""], ["gap", "市定目标"], ["gap", "全国"], ["pp_change", ""]]
    assert df.indicator.tolist()[:3] == ["规模以上工业增加值"] * 3


def test_after_a_split_subject_an_elided_one_is_the_joint_subject():
    df = _rows("城乡居民人均可支配收入分别增长6%、7%，增速高于全省0.5个百分点。")
    assert df.indicator.tolist() == ["城镇居民人均可支配收入", "农村居民人均可支配收入",
                                     "城乡居民人均可支配收入"]
    assert df.reference.tolist()[-1] == "全省"


def test_cite_names_report_section_and_sentence_for_any_table_row():
    from pathlib import Path

    import policytext

    r = policytext.load_report(Path(__file__).resolve().parents[1] / "seeds" / "000_ad79a472d2986914.txt")
    gap = r.indicators[r.indicators["reference"] == "市定目标"].iloc[0]
    quote = r.cite(gap)
    assert quote.startswith("2019年郑州市惠济区政府工作报告（郑州市惠济区，2019年）｜一、2018年工作回顾｜")
    assert "高出市定目标2.3个百分点" in quote and len(quote) < 200  # the ；-part, not the paragraph
    deadline = next(r.deadlines.itertuples())
    assert "›" in r.cite(deadline) and r.text[deadline.start:deadline.end] in r.cite(deadline)
    assert r.cite(int(r.targets["start"].iloc[0])) == r.cite(r.targets.iloc[0])


@pytest.mark.parametrize("sentence, expected", [
    # a bound word between two values does not break their enumeration
    ("二氧化硫、氮氧化物排放要分别减少3%左右和5%左右。", [("3%", "二氧化硫"), ("5%", "氮氧化物排放")]),
    # a bounded count right before a noun and its own count is a class of that noun
    ("全年新开工20层以上高层13栋。", [("13栋", "20层以上高层")]),
    # but a bounded count of people stays a count
    ("完成1000万以上农村贫困人口脱贫任务。", [("1000万", "农村贫困人口脱贫任务")]),
    ("新开工保障性安居工程666万套，基本建成544万套。",
     [("666万套", "新开工保障性安居工程"), ("544万套", "保障性安居工程基本建成")]),
])
def test_enumerations_classes_and_carried_objects_in_other_reports(sentence, expected):
    assert [tuple(x) for x in _rows(sentence)[["raw", "indicator"]].values] == expected
