"""Report structure: heading tree, parts, points, lead sentences, sentences and topic shares.

Expectations for the seed were made by hand from the page; the other reports are short
synthetic texts in the genre's forms (province, county, national style) written for these
tests, not real documents.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from policytext.read import clean_document, read_document, report_year
from policytext.structure import (
    classify_part,
    find_sections,
    load_topics,
    split_sentences,
    title_topic,
    topic_shares,
)

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_ad79a472d2986914.txt"

SEED_HEADINGS = [  # (level, number, title, part), in order
    (1, "一", "2018年工作回顾", "review"),
    (2, "（一）", "持续发展特色产业，质量效益同步提高", "review"),
    (2, "（二）", "持续提升生态优势，“金字招牌”更加亮丽", "review"),
    (2, "（三）", "持续建设品质城区，承载能力大幅提升", "review"),
    (2, "（四）", "持续激发潜力动能，改革开放创新活力迸发", "review"),
    (2, "（五）", "持续增进民生福祉，人民群众得到更多实惠", "review"),
    (1, "二", "2019年重点工作", "plan"),
    (2, "（一）", "着力统筹城乡，加速新型城镇化，为新一轮发展优化空间形态", "plan"),
    (2, "（二）", "着力提质提升，改善生态环境，为新一轮发展增创生态优势", "plan"),
    (2, "（三）", "着力调整结构，推进转型升级，为新一轮发展夯实产业支撑", "plan"),
    (2, "（四）", "着力攻坚改革，提速开放创新，为新一轮发展积蓄强劲动能", "plan"),
    (2, "（五）", "着力改善民生，增进群众福祉，为新一轮发展凝心聚力", "plan"),
    (2, "（六）", "着力完善机制，创新社会治理，为新一轮发展营造和谐环境", "plan"),
    (1, "三", "切实加强政府自身建设", "self_improvement"),
]

PROVINCE = """2020年某某省政府工作报告
——2020年1月12日在某某省第十三届人民代表大会第三次会议上
某某省人民政府省长 王某某
各位代表：
现在，我代表省人民政府，向大会报告工作，请予审议，并请省政协委员和其他列席人员提出意见。
一、2019年工作回顾
过去一年，全省经济运行总体平稳，生产总值增长7%。
（一）坚持稳中求进，经济运行稳中向好。全年新开工项目1-2家之外又新增120个。工业增加值增长8%。
（二）坚持改革开放，发展活力不断增强。一是深化放管服改革，二是扩大对外开放，实际利用外资增长5%。
（三）坚持以人民为中心，民生福祉持续改善。城镇新增就业110万人。
同时，我们也清醒地看到，发展中还存在不少困难和问题。
二、2020年工作安排
2020年是全面建成小康社会和“十三五”规划收官之年。
今年经济社会发展的主要预期目标是：生产总值增长6.5%左右。
（一）着力推动高质量发展
1.加快制造业转型升级。实施技术改造项目500个。
2.大力发展现代服务业。服务业增加值增长7%。
（1）发展现代物流。建设物流园区3个。
（2）发展文化旅游。接待游客增长10%。
（二）着力打好三大攻坚战
1.打好污染防治攻坚战。PM2.5平均浓度下降5%。
3.这一段不是标题，因为前面没有第二点。
三、政府自身建设
我们要坚持依法行政，建设人民满意的服务型政府。
各位代表！
让我们紧密团结在以习近平同志为核心的党中央周围，为全面建成小康社会而努力奋斗！"""

COUNTY = """2019年某县政府工作报告
各位代表：
现在，我代表县人民政府，向大会作工作报告，请予审议。
过去一年，全县上下攻坚克难，各项事业取得新进展。
（一）农业农村发展加快。粮食总产量达到30万吨。
（二）城乡面貌明显改善。新建农村道路80公里。
2019年是决胜全面建成小康社会的关键一年。
（一）大力实施乡村振兴战略
粮食播种面积稳定在50万亩以上。
（二）加快补齐基础设施短板
新建改建农村公路100公里。
加强政府自身建设。我们将坚持依法行政，持续改进作风。
各位代表，让我们撸起袖子加油干！"""

NATIONAL = """政府工作报告
——2019年3月5日在第十三届全国人民代表大会第二次会议上
国务院总理 某某某
各位代表：
现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协委员提出意见。
一、2018年工作回顾
过去一年，我国经济运行保持在合理区间。
二、2019年经济社会发展总体要求和政策取向
今年是新中国成立70周年，是全面建成小康社会关键之年。
三、2019年政府工作任务
（一）继续创新和完善宏观调控，确保经济运行在合理区间。实施更大规模的减税。
（二）激发市场主体活力，着力优化营商环境。深化放管服改革。
（三）坚定不移推进改革开放，推动全方位对外开放。加快推进农业农村现代化。
各位代表！
让我们更加紧密地团结在以习近平同志为核心的党中央周围，为决胜全面建成小康社会作出新的更大贡献！"""

# The review has no heading: it runs from 过去一年 to the first level-1 heading.
UNTITLED_REVIEW = """2021年某市政府工作报告
各位代表：
现在，我代表市人民政府，向大会报告工作，请予审议。
过去一年，我们统筹疫情防控和经济社会发展，生产总值增长3%。
一年来，城乡居民收入稳步增长。
一、2021年主要任务
今年要做好以下工作。
二、加强政府自身建设
坚持依法行政。"""


@pytest.fixture(scope="module")
def seed_text() -> str:
    return clean_document(read_document(SEED)).text


@pytest.fixture(scope="module")
def seed_sections(seed_text: str) -> pd.DataFrame:
    return find_sections(seed_text)


def headings(sections: pd.DataFrame) -> list[tuple]:
    rows = sections[sections["kind"] == "heading"]
    return list(zip(rows["level"], rows["number"], rows["title"], rows["part"]))


def check_tree(text: str, sections: pd.DataFrame) -> None:
    """Invariants every section frame keeps: ids, sorting, nesting, offsets, shares."""
    assert sections["section_id"].tolist() == list(range(len(sections)))
    assert sections.iloc[0][["level", "start", "end"]].tolist() == [0, 0, len(text)]
    assert list(zip(sections["start"], sections["level"])) == sorted(
        zip(sections["start"], sections["level"])
    )
    by_id = sections.set_index("section_id")
    for row in sections.iloc[1:].itertuples():
        parent = by_id.loc[int(row.parent_id)]
        assert parent.start <= row.start < row.end <= parent.end
        assert parent.level < row.level
        assert row.heading_start >= row.start and row.heading_end <= row.end
        assert row.part == parent.part or parent.level == 0
    for _, group in sections.iloc[1:].groupby("parent_id"):
        assert (group["start"].to_numpy()[1:] >= group["end"].to_numpy()[:-1]).all()
    assert (sections["n_chars"] == sections["end"] - sections["start"]).all()
    assert sections["share"].tolist() == pytest.approx((sections["n_chars"] / len(text)).tolist())
    assert set(sections["part"]) <= {"review", "plan", "self_improvement", "other"}


# --- the seed -----------------------------------------------------------------------------


def test_seed_has_the_14_headings_of_levels_1_and_2_with_exact_titles(seed_sections):
    top = seed_sections[seed_sections["level"].between(1, 2)]
    assert headings(top) == SEED_HEADINGS


def test_seed_self_improvement_points_are_level_2_items_not_headings(seed_sections):
    # 一要…四要 open the paragraphs of 三、切实加强政府自身建设: they are that part's
    # numbered points (kind "item"), so the 14 numbered headings stay 14.
    items = seed_sections[seed_sections["kind"] == "item"]
    assert items["number"].tolist() == ["一要", "二要", "三要", "四要"]
    assert items["title"].tolist()[:2] == ["强化政治意识，提高政治站位", "强化法治意识，推进依法行政"]
    assert (items["level"] == 2).all()
    assert (items["part"] == "self_improvement").all()
    parent = seed_sections.loc[seed_sections["section_id"] == items["parent_id"].iloc[0]]
    assert parent["title"].item() == "切实加强政府自身建设"


def test_seed_enumerations_inside_paragraphs_are_not_headings(seed_text, seed_sections):
    # "一是发展质量亟待提高…二是…" is a list inside the problems paragraph.
    assert "一是发展质量" in seed_text
    assert not seed_sections["number"].str.contains("是").any()
    assert len(seed_sections[seed_sections["kind"].isin(["heading", "item"])]) == 18


def test_seed_parts(seed_text, seed_sections):
    check_tree(seed_text, seed_sections)
    level1 = seed_sections[seed_sections["level"] == 1]
    assert level1["part"].tolist() == ["review", "plan", "self_improvement"]
    # Greeting before the first heading and the closing call after the last are "other".
    sentences = split_sentences(seed_text, seed_sections)
    first = sentences[sentences["text"].str.startswith("现在，我代表")]
    last = sentences[sentences["text"].str.startswith("各位代表，实干成就梦想")]
    assert first["part"].tolist() == ["other"] and last["part"].tolist() == ["other"]
    assert last["section_id"].tolist() == [0]
    self_part = seed_sections[seed_sections["part"] == "self_improvement"]
    assert self_part["end"].max() < last["start"].item()


def test_seed_sections_nest_and_inline_headings_hold_their_paragraph(seed_text, seed_sections):
    check_tree(seed_text, seed_sections)
    review2 = seed_sections[(seed_sections["level"] == 2) & (seed_sections["part"] == "review")]
    for row in review2.itertuples():
        # Each review point is one paragraph: it starts at its number and has no line break.
        assert "\n" not in seed_text[row.start : row.end]
        assert seed_text[row.heading_end - 1] == "。"
    plan2 = seed_sections[(seed_sections["level"] == 2) & (seed_sections["part"] == "plan")]
    for row in plan2.itertuples():
        assert seed_text[row.heading_end] == "\n"  # stand-alone heading lines


def test_seed_lead_sentences(seed_text, seed_sections):
    leads = seed_sections[seed_sections["level"] == 6]
    titles = leads["title"].tolist()
    for expected in ["产业发展路径更加明晰", "产业发展平台建设实现突破", "空气质量持续改善",
                     "综合实力在拼搏奋进中迈上新台阶", "坚持以改革强动力", "加快推进新组团高起点建设",
                     "加强社会保障，实现共建共享", "社会秩序和谐稳定", "必须坚持以人民为中心"]:
        assert expected in titles
    # Ordinary short sentences are not lead sentences.
    assert not any(t.startswith(("村（社区）", "对此", "各位代表")) for t in titles)
    assert (leads["kind"] == "lead").all() and (leads["number"] == "").all()
    for row in leads.itertuples():
        assert seed_text[row.start : row.heading_end].rstrip("。").lstrip("—") == row.title
    # Each review point of the seed opens three or four topic runs; each plan point three.
    parents = seed_sections.set_index("section_id")
    per_point = leads.groupby("parent_id").size()
    plan_points = [i for i in per_point.index if parents.loc[i, "level"] == 2
                   and parents.loc[i, "part"] == "plan"]
    assert [per_point[i] for i in plan_points] == [3, 3, 3, 3, 3, 3]


def test_seed_sentences_point_into_the_text(seed_text, seed_sections):
    sentences = split_sentences(seed_text, seed_sections)
    assert sentences["sentence_id"].tolist() == list(range(len(sentences)))
    for row in sentences.itertuples():
        assert seed_text[row.start : row.end] == row.text
    assert (sentences["start"].diff().dropna() > 0).all()
    # Ratios and decimals are not sentence ends; a stop inside quotes is not either.
    assert sentences["text"].str.contains("2.2:38.4:59.4", regex=False).sum() == 1
    assert sentences["text"].str.endswith(("。", "！", "？", "：", "”")).mean() > 0.9
    lead = seed_sections[seed_sections["title"] == "空气质量持续改善"]
    inside = sentences[sentences["section_id"] == lead["section_id"].item()]
    assert inside["text"].iloc[0] == "空气质量持续改善。"


def test_seed_shares_add_up(seed_text, seed_sections):
    level1 = seed_sections[seed_sections["level"] == 1]
    assert level1["share"].sum() < 1
    assert level1["share"].sum() > 0.95  # preamble and closing are short
    parents = seed_sections.set_index("section_id")
    for pid, group in seed_sections.iloc[1:].groupby("parent_id"):
        assert group["n_chars"].sum() <= parents.loc[pid, "n_chars"]
    plan = level1[level1["part"] == "plan"]
    assert plan["share"].item() == pytest.approx(0.52, abs=0.02)


def test_seed_topic_shares(seed_text, seed_sections):
    shares = topic_shares(seed_text, seed_sections)
    assert shares["share"].sum() == pytest.approx(1.0)
    assert shares["n_chars"].sum() == len(seed_text) - seed_text.count("\n")
    assert shares["topic"].is_unique
    assert {"生态环境", "民生", "产业", "城乡建设", "改革开放", "政府建设"} <= set(shares["topic"])
    plan = topic_shares(seed_text, seed_sections, part="plan").set_index("topic")
    assert plan["share"].sum() == pytest.approx(1.0)
    assert plan.index[0] == "城乡建设"  # the plan's longest point is 统筹城乡
    plan_ids = set(seed_sections.loc[seed_sections["part"] == "plan", "section_id"])
    assert set().union(*plan["sections"]) <= plan_ids


def test_topic_dictionary_is_clean_and_picks_the_longest_keyword():
    topics = load_topics()
    assert topics["keyword"].is_unique
    assert {"经济发展", "产业", "城乡建设", "生态环境", "改革开放", "创新", "民生", "社会治理",
            "政府建设"} == set(topics["topic"])
    assert title_topic("着力完善机制，创新社会治理") == "社会治理"
    assert title_topic("持续激发潜力动能，改革开放创新活力迸发") == "改革开放"
    assert title_topic("空气质量持续改善") == "生态环境"
    assert title_topic("2019年重点工作") is None


# --- other reports ------------------------------------------------------------------------


def test_province_report_with_skipped_and_deeper_levels():
    s = find_sections(PROVINCE)
    check_tree(PROVINCE, s)
    got = [(lv, n, t) for lv, n, t, _ in headings(s)]
    assert got == [
        (1, "一", "2019年工作回顾"),
        (2, "（一）", "坚持稳中求进，经济运行稳中向好"),
        (2, "（二）", "坚持改革开放，发展活力不断增强"),
        (2, "（三）", "坚持以人民为中心，民生福祉持续改善"),
        (1, "二", "2020年工作安排"),
        (2, "（一）", "着力推动高质量发展"),
        (3, "1", "加快制造业转型升级"),
        (3, "2", "大力发展现代服务业"),
        (4, "（1）", "发展现代物流"),
        (4, "（2）", "发展文化旅游"),
        (2, "（二）", "着力打好三大攻坚战"),
        (3, "1", "打好污染防治攻坚战"),
        (1, "三", "政府自身建设"),
    ]
    by_title = s.set_index("title")
    assert by_title.loc["发展现代物流", "parent_id"] == by_title.loc["大力发展现代服务业",
                                                                    "section_id"]
    assert by_title.loc[["2019年工作回顾", "2020年工作安排", "政府自身建设"], "part"].tolist() == [
        "review", "plan", "self_improvement"]
    # "3.这一段…" does not continue a sequence, "一是…二是…" sits inside a paragraph.
    assert not s["title"].str.contains("不是标题").any()
    assert s["kind"].isin(["root", "heading", "lead"]).all()
    # The closing call (各位代表！ 让我们…) is outside every section.
    closing = PROVINCE.index("各位代表！")
    assert (s.loc[s["level"] > 0, "end"] <= closing).all()


def test_county_report_without_part_headings_gets_parts_from_openers():
    s = find_sections(COUNTY)
    check_tree(COUNTY, s)
    implicit = s[s["kind"] == "implicit"]
    assert implicit["part"].tolist() == ["review", "plan", "self_improvement"]
    assert (implicit["level"] == 1).all()
    assert COUNTY[implicit["start"].iloc[0]:].startswith("过去一年")
    assert COUNTY[implicit["start"].iloc[1]:].startswith("2019年是")
    points = s[s["kind"] == "heading"]
    assert points["number"].tolist() == ["（一）", "（二）", "（一）", "（二）"]
    assert points["part"].tolist() == ["review", "review", "plan", "plan"]
    # A point never runs over into the next part.
    assert (points["end"] <= implicit["start"].iloc[2]).all()
    sentences = split_sentences(COUNTY, s)
    assert sentences["part"].iloc[-1] == "other"
    assert sentences[sentences["text"] == "粮食总产量达到30万吨。"]["part"].item() == "review"


def test_national_style_report():
    s = find_sections(NATIONAL)
    check_tree(NATIONAL, s)
    level1 = s[s["level"] == 1]
    assert level1["title"].tolist() == [
        "2018年工作回顾", "2019年经济社会发展总体要求和政策取向", "2019年政府工作任务"]
    assert level1["part"].tolist() == ["review", "plan", "plan"]
    level2 = s[s["level"] == 2]
    assert level2["title"].tolist()[0] == "继续创新和完善宏观调控，确保经济运行在合理区间"
    assert (level2["part"] == "plan").all()
    assert report_year(NATIONAL) == 2019


def test_review_without_heading_before_the_first_level_1_heading():
    s = find_sections(UNTITLED_REVIEW)
    check_tree(UNTITLED_REVIEW, s)
    review = s[s["kind"] == "implicit"]
    assert review["part"].tolist() == ["review"]
    assert UNTITLED_REVIEW[review["start"].item():].startswith("过去一年")
    assert s[s["kind"] == "heading"]["part"].tolist() == ["plan", "self_improvement"]


def test_level_1_heading_without_part_word_follows_the_previous_part():
    text = ("2019年某区政府工作报告\n一、2018年工作回顾\n去年完成了各项任务。\n"
            "二、2019年工作安排\n今年要稳增长。\n三、深化改革开放\n力争引进项目10个。")
    s = find_sections(text)
    assert s[s["level"] == 1]["part"].tolist() == ["review", "plan", "plan"]


def test_a_list_set_out_line_by_line_is_not_a_run_of_headings():
    text = ("2023年某区政府工作报告\n各位代表：\n一、2023年工作安排\n主要预期目标是：\n"
            "1.地区生产总值增长6.5%左右；\n2.一般公共预算收入增长5%；\n3.城镇新增就业1.2万人。\n"
            "（一）做强实体经济。实施重点项目80个。\n1.做强工业。技改投资增长10%。")
    s = find_sections(text)
    check_tree(text, s)
    headings = s[s["kind"] == "heading"]
    assert headings["number"].tolist() == ["一", "（一）", "1"]
    assert headings["title"].tolist()[-1] == "做强工业"


def test_parts_numbered_di_yi_bu_fen_are_level_1_headings():
    text = ("2024年某县政府工作报告\n各位代表：\n第一部分　2023年工作回顾\n（一）产业提质。去年新增企业5家。\n"
            "第二部分　2024年工作安排\n（一）扩大投资。今年实施项目130个。\n第三部分　加强政府自身建设\n依法行政。")
    s = find_sections(text)
    check_tree(text, s)
    top = s[s["level"] == 1]
    assert top["number"].tolist() == ["第一部分", "第二部分", "第三部分"]
    assert top["title"].tolist() == ["2023年工作回顾", "2024年工作安排", "加强政府自身建设"]
    assert top["part"].tolist() == ["review", "plan", "self_improvement"]
    assert s[s["level"] == 2]["part"].tolist() == ["review", "plan"]


def test_part_titles_above_numbered_headings_set_their_parts():
    # 第二部分 above 一、: the 一、 headings say nothing of their part, the part title does
    text = ("2024年某县政府工作报告\n各位代表：\n第一部分　2023年工作回顾\n一、产业提质\n新增企业5家。\n"
            "第二部分　2024年工作安排\n一、扩大有效投资\n实施项目130个。\n二、推进乡村振兴\n新建农田3万亩。")
    s = find_sections(text)
    check_tree(text, s)
    top = s[s["level"] == 1]
    assert top["number"].tolist() == ["一", "一", "二"]
    assert top["part"].tolist() == ["review", "plan", "plan"]


@pytest.mark.parametrize(
    ("title", "part"),
    [("2018年工作回顾", "review"), ("过去一年工作回顾", "review"), ("工作回顾", "review"),
     ("2019年重点工作", "plan"), ("2019年工作安排", "plan"), ("今年工作任务", "plan"),
     ("政府自身建设", "self_improvement"), ("全面加强政府自身建设", "self_improvement"),
     ("坚持创新驱动", None)],
)
def test_classify_part(title, part):
    assert classify_part(title, year=2019) == part


@pytest.mark.parametrize(
    ("line", "level", "number"),
    [("一、2018年工作回顾", 1, "一"), ("十一、其他工作。全年完成任务。", None, None),
     ("十一、其他工作", 1, "十一"), ("（一）加快发展", 2, "（一）"),
     ("1.做强工业", 3, "1"), ("1．做强工业", 3, "1"), ("1、做强工业", 3, "1"),
     ("（1）发展物流", 4, "（1）"), ("①建设园区", 5, "①"),
     ("1.5万人次参加培训。", None, None), ("2019年是关键一年。", None, None),
     ("1-2家企业落户。", None, None)],
)
def test_heading_numbers_at_paragraph_start(line, level, number):
    s = find_sections("某县政府工作报告\n" + line)
    rows = s[s["kind"] == "heading"]
    # An inline 十一、 without 一 … 十 before it is no heading; a short stand-alone line is
    # (a heading lost in scraping).
    if level is None:
        assert rows.empty
    else:
        assert rows[["level", "number"]].values.tolist() == [[level, number]]


def test_sentences_respect_quotes_brackets_and_semicolons():
    text = "某县政府工作报告\n一、2019年工作安排\n提出“稳中求进。奋发有为”的要求。推进（一期。二期）工程；完成验收！"
    s = find_sections(text)
    got = split_sentences(text, s)["text"].tolist()
    assert got[2:] == ["提出“稳中求进。奋发有为”的要求。", "推进（一期。二期）工程；完成验收！"]
    semi = split_sentences(text, s, semicolon=True)["text"].tolist()
    assert semi[3:] == ["推进（一期。二期）工程；", "完成验收！"]


# --- invariants on generated reports -------------------------------------------------------

LINES = st.sampled_from([
    "一、2018年工作回顾", "二、2019年重点工作", "三、政府自身建设", "（一）加快发展。全年增长5%。",
    "（二）改善民生", "（三）推进改革。深化放管服。", "1.做强工业", "2.做优农业。农业增产。",
    "（1）发展物流", "①建设园区", "一要强化意识，提高站位。", "二要依法行政。", "一是加强管理。",
    "过去一年，经济稳步增长。", "今年是关键一年。", "空气质量持续改善。PM2.5浓度下降5%。",
    "产业发展路径更加明晰。引入团队。产业发展平台建设实现突破。成效明显。",
    "各位代表！", "让我们携手奋斗！", "提出“稳中求进。奋发有为”的要求。", "",
])


@settings(max_examples=60, deadline=None)
@given(st.lists(LINES, max_size=14))
def test_any_sequence_of_paragraphs_gives_a_nested_tree(lines):
    text = "\n".join(["2019年某县政府工作报告", *lines])
    s = find_sections(text)
    check_tree(text, s)
    sentences = split_sentences(text, s)
    for row in sentences.itertuples():
        assert text[row.start : row.end] == row.text
    shares = topic_shares(text, s)
    assert shares["share"].sum() == pytest.approx(1.0) or shares.empty


# --- older national habits: bare numerals, 第一部分, no headings at all -----------------------

OLD_BODY = "我们的农业生产有了很大的发展，粮食产量增加了。" * 3


def test_bare_numerals_alone_on_their_line_are_untitled_parts():
    text = f"1960年政府工作报告\n各位代表：\n一\n{OLD_BODY}\n二\n{OLD_BODY}\n三\n各位代表，让我们为提前实现纲要而努力奋斗。"
    s = find_sections(text)
    check_tree(text, s)
    parts = s[s["level"] == 1]
    assert parts["number"].tolist() == ["一", "二", "三"] and set(parts["title"]) == {""}
    # the last part's only paragraph opens with 各位代表: it is the part's body, not a closing
    assert parts["end"].iloc[-1] == len(text)


def test_a_numeral_inside_prose_is_no_heading():
    text = f"1960年政府工作报告\n各位代表：\n一九五九年粮食丰收。\n{OLD_BODY}"
    assert (find_sections(text)["level"] == 1).sum() == 0


def test_parts_numbered_di_yi_bu_fen_are_level_one():
    text = f"1955年国务院政府工作报告\n各位代表：\n第一部分\u3000过去的工作\n{OLD_BODY}\n第二部分\u3000今后的任务\n{OLD_BODY}"
    s = find_sections(text)
    check_tree(text, s)
    assert s.loc[s["level"] == 1, "number"].tolist() == ["第一部分", "第二部分"]


def test_a_report_without_any_heading_has_only_the_root_and_implicit_parts():
    text = f"1975年国务院政府工作报告\n各位代表！\n{OLD_BODY}\n各位代表！\n{OLD_BODY}\n让我们团结起来，争取更大的胜利！"
    s = find_sections(text)
    check_tree(text, s)
    assert not (s["kind"] == "heading").any()
    split_sentences(text, s)  # no crash downstream either
