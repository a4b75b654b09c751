"""Metadata read from the report's opening lines; unknown fields are None, never guessed."""

from __future__ import annotations

import json

import pytest
from policytext.read import (
    FLAGS,
    Metadata,
    clean_document,
    counties,
    damage_flags,
    document_from_string,
    level_of,
    place_key_of,
    prefectures,
    province_of,
    provinces,
    read_document,
    read_metadata,
)


def meta_of(doc) -> Metadata:
    return read_metadata(clean_document(doc).text, doc)


def test_seed_metadata(seed_doc, seed_cleaned):
    meta = read_metadata(seed_cleaned.text, seed_doc)
    assert meta.to_dict() == {
        "title": "2019年郑州市惠济区政府工作报告",
        "year": 2019,
        "region": "郑州市惠济区",
        "province": "河南省",  # 郑州市 is in 河南省 (prefectures.txt); the page also has a [河南] tag
        "level": "district",
        "meeting": "郑州市惠济区第三届人民代表大会第四次会议",
        "date": "2019-03-15",
        "speaker": "丁文霞",
        "speaker_title": "惠济区人民政府代区长",
        "source": str(seed_doc.source),
        "sha256": seed_doc.sha256,
        "encoding": "utf-8",
        "place_key": "河南省郑州市惠济区",
        "flags": [],
    }


def test_seed_metadata_spans_point_into_the_text(seed_doc, seed_cleaned):
    meta = read_metadata(seed_cleaned.text, seed_doc)
    text = seed_cleaned.text
    for name in ("title", "meeting", "speaker", "speaker_title", "region"):
        start, end = meta.spans[name]
        assert text[start:end] == getattr(meta, name), name
    start, end = meta.spans["date"]
    assert text[start:end] == "2019年3月15日"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "province_site.html",
            {"title": "2021年江西省政府工作报告", "year": 2021, "region": "江西省",
             "province": "江西省", "level": "province", "date": "2021-01-25",
             "meeting": "江西省第十三届人民代表大会第五次会议",
             "speaker": "赵某某", "speaker_title": "江西省省长", "encoding": "utf-8"},
        ),
        (
            "national_crlf.txt",
            {"title": "政府工作报告", "year": 2022, "region": "国务院", "province": None,
             "level": "national", "date": "2022-03-05",
             "meeting": "第十三届全国人民代表大会第五次会议",
             "speaker": "某某某", "speaker_title": "国务院总理", "encoding": "utf-8-sig"},
        ),
        (
            # the county report names 安徽省 in its text twice
            "county_gbk.txt",
            {"region": "青石县", "province": "安徽省", "level": "county", "year": 2020,
             "date": "2020-01-08", "speaker": "孙某某", "encoding": "gbk"},
        ),
        (
            "traditional.txt",
            {"title": "2018年臨江市政府工作報告", "region": "臨江市", "level": "city",
             "province": None, "meeting": "臨江市第八屆人民代表大會第二次會議",
             "date": "2018-01-20", "speaker": "周某某", "speaker_title": "臨江市市長"},
        ),
    ],
)
def test_sample_metadata(samples_dir, name, expected):
    meta = meta_of(read_document(samples_dir / name)).to_dict()
    assert {k: meta[k] for k in expected} == expected


def test_unknown_fields_are_none_not_guessed():
    text = ("政府工作报告\n各位代表：\n一、过去一年工作回顾\n过去一年，我们坚持稳中求进，经济运行总体平稳。\n"
            "二、今年工作安排\n今年要着力扩大内需，稳定就业，保障和改善民生。")
    meta = meta_of(document_from_string(text))
    assert meta.title == "政府工作报告"
    assert (meta.year, meta.region, meta.province, meta.level, meta.meeting, meta.date,
            meta.speaker, meta.speaker_title) == (None,) * 8


def test_year_from_meeting_date_when_title_has_none():
    text = ("某某市政府工作报告\n——二〇二一年一月十八日在某某市第十六届人民代表大会第五次会议上\n"
            "代市长\n李某\n各位代表：\n一、工作回顾\n全市经济运行稳中向好，主要指标好于预期。")
    meta = meta_of(document_from_string(text))
    assert (meta.year, meta.date, meta.region, meta.level) == (2021, "2021-01-18", "某某市", "city")
    assert (meta.speaker_title, meta.speaker) == ("代市长", "李某")


@pytest.mark.parametrize(
    ("region", "level"),
    [
        ("国务院", "national"), ("河南省", "province"), ("广西壮族自治区", "province"),
        ("北京市", "province"), ("重庆市", "province"),  # 直辖市 are province-level units
        ("郑州市", "city"), ("延边朝鲜族自治州", "city"), ("锡林郭勒盟", "city"),
        ("北京市海淀区", "district"), ("郑州市惠济区", "district"),
        ("兰考县", "county"), ("鄂温克族自治旗", "county"), ("某某", None),
    ],
)
def test_level_from_region_suffix(region, level):
    assert level_of(region) == level


def test_province_table():
    names = [full for full, _, _ in provinces()]
    assert len(names) == 34 and len(set(names)) == 34
    assert province_of("内蒙古呼和浩特市") == "内蒙古自治区"
    assert province_of("上海市浦东新区") == "上海市"
    # a county-level name alone only through the reviewed table (resources/counties.txt)
    assert province_of("惠济区") == "河南省" and province_of("海拉尔区") == "内蒙古自治区"
    assert province_of("新城区") is None  # in several cities: never in the table


def test_to_dict_is_json_ready(seed_doc, seed_cleaned):
    meta = read_metadata(seed_cleaned.text, seed_doc)
    assert json.loads(json.dumps(meta.to_dict(), ensure_ascii=False)) == meta.to_dict()
    with pytest.raises(AttributeError):
        meta.year = 2020  # frozen


# Province from the region's prefecture (resources/prefectures.txt): title-only reports
# whose text never names a province.
BODY = "\n各位代表：\n一、过去一年工作回顾\n全市经济运行稳中向好，主要指标好于预期。"


def title_only(title: str, page: str | None = None) -> Metadata:
    text = title + BODY
    return read_metadata(text, document_from_string(page or text))


@pytest.mark.parametrize(
    ("title", "region", "province", "level"),
    [
        ("2021年洛阳市政府工作报告", "洛阳市", "河南省", "city"),
        ("2020年苏州市政府工作报告", "苏州市", "江苏省", "city"),
        ("2019年绵阳市政府工作报告", "绵阳市", "四川省", "city"),
        ("2022年吉林市政府工作报告", "吉林市", "吉林省", "city"),
        ("2021年来宾市政府工作报告", "来宾市", "广西壮族自治区", "city"),
        ("2019年郑州市惠济区政府工作报告", "郑州市惠济区", "河南省", "district"),
        ("2020年郑州高新区政府工作报告", "郑州高新区", "河南省", "district"),  # short name + district
        ("2020年延边朝鲜族自治州政府工作报告", "延边朝鲜族自治州", "吉林省", "city"),
        ("2021年海南藏族自治州政府工作报告", "海南藏族自治州", "青海省", "city"),  # not 海南省
        ("2021年海南省政府工作报告", "海南省", "海南省", "province"),
        ("2020年阿拉善盟政府工作报告", "阿拉善盟", "内蒙古自治区", "city"),
        ("2019年大兴安岭地区政府工作报告", "大兴安岭地区", "黑龙江省", "city"),
        ("2021年仙桃市政府工作报告", "仙桃市", "湖北省", "city"),  # directly under the province
        ("2020年石河子市政府工作报告", "石河子市", "新疆维吾尔自治区", "city"),
        ("2010年襄樊市政府工作报告", "襄樊市", "湖北省", "city"),  # former name of 襄阳市
    ],
)
def test_province_from_prefecture_of_region(title, region, province, level):
    meta = title_only(title)
    assert (meta.region, meta.province, meta.level) == (region, province, level)


def test_region_unknown_to_the_table_needs_the_text_or_a_tag():
    assert title_only("2019年青石县政府工作报告").province is None
    named = read_metadata("2019年青石县政府工作报告\n安徽省青石县。全县在安徽省率先脱贫。",
                          document_from_string("2019年青石县政府工作报告"))
    assert named.province == "安徽省"
    page = "[洛阳] 2019年青石县政府工作报告" + BODY  # a prefecture's short name as the tag
    assert title_only("2019年青石县政府工作报告", page).province == "河南省"


def test_region_wins_over_the_page_tag():
    page = "[河北] 2021年洛阳市政府工作报告" + BODY
    assert title_only("2021年洛阳市政府工作报告", page).province == "河南省"


@pytest.mark.parametrize(
    ("name", "province"),
    [
        ("洛阳", "河南省"), ("洛阳市西工区", "河南省"), ("洛阳偃师区", "河南省"),
        ("吉林市", "吉林省"), ("吉林", "吉林省"), ("海南藏族自治州共和县", "青海省"),
        ("内蒙古阿拉善盟", "内蒙古自治区"), ("阿拉善左旗", "内蒙古自治区"), ("阿里", "西藏自治区"),
        ("济源市", "河南省"), ("神农架林区", "湖北省"), ("琼中黎族苗族自治县", "海南省"),
        # a short name plus a bare suffix is another unit: 朝阳区 is in 北京, 中山区 in 大连
        ("朝阳区", None), ("中山区", None), ("兴安县", None), ("朝阳市", "辽宁省"),
        ("中山大学", None),  # short name before an ordinary word
        ("新星", None),  # units directly under a province match by full name only
        ("某某市", None), ("惠济区", "河南省"), ("城关区", None),
    ],
)
def test_province_of_prefecture_names(name, province):
    assert province_of(name) == province


def _sections() -> dict[str, list[tuple[str, str]]]:
    found: dict[str, list[tuple[str, str]]] = {}
    for full, province, section in prefectures():
        found.setdefault(section, []).append((full, province))
    return found


def test_prefecture_table_is_sane():
    known = {full for full, _, _ in provinces()}
    rows = prefectures()
    assert all(province in known for _, province, _ in rows)
    names = [full for full, _, _ in rows]
    assert len(names) == len(set(names)), "a name listed twice"
    sections = _sections()
    assert set(sections) == {"prefecture", "former", "direct"}
    main = sections["prefecture"]
    assert 320 <= len(main) <= 360
    assert all(full.endswith(("市", "地区", "自治州", "盟")) for full, _ in main)
    assert not any(full in known for full in names), "a province-level unit is not a prefecture"
    # every row's own name finds its province (no longer name of another province shadows it)
    assert all(province_of(full) == province for full, province, _ in rows)


def test_prefecture_counts_per_province():
    per = {}
    for _, province in _sections()["prefecture"]:
        per[province] = per.get(province, 0) + 1
    assert per["广东省"] == 21 and per["河南省"] == 17 and per["新疆维吾尔自治区"] == 14
    assert per["海南省"] == 4 and "北京市" not in per and "台湾省" not in per


def test_a_province_short_name_needs_a_name_of_its_own_after_it():
    # 海南区 is a district of 乌海 (内蒙古), not of 海南省; 广西南宁市 and a [河南] tag still work
    assert province_of("海南区") is None
    assert province_of("乌海市海南区") == "内蒙古自治区"
    assert province_of("广西南宁市") == "广西壮族自治区"
    assert province_of("河南") == "河南省"
    assert province_of("上海浦东新区") == "上海市"


# --- the real corpus's variety (issue 12) -----------------------------------------------------

SPEECH = ("各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。\n一、2021年工作回顾\n"
        "过去一年，国内生产总值增长8.1%，城镇新增就业1269万人。\n二、2022年经济社会发展总体要求和政策取向\n"
        "今年发展主要预期目标是：国内生产总值增长5.5%左右。\n各位代表！让我们不懈奋斗！")


def test_national_report_without_title_or_meeting_line():
    # 2022: the file starts at the salutation; the year is the one after the year reviewed
    meta = meta_of(document_from_string(SPEECH))
    assert (meta.year, meta.region, meta.level, meta.province, meta.place_key) == (
        2022, "国务院", "national", None, "中国")


@pytest.mark.parametrize("title", ["2017政府工作报告", "2017年中华人民共和国国务院政府工作报告",
                                   "2017年国务院政府工作报告"])
def test_every_spelling_of_a_national_title(title):
    meta = meta_of(document_from_string(f"{title}\n{SPEECH}"))
    assert (meta.year, meta.region, meta.level, meta.place_key) == (2017, "国务院", "national", "中国")


def test_meeting_line_with_the_speaker_glued_after_it():
    text = ("1960年政府工作报告\n——1960年4月6日在第二届全国人民代表大会第二次会议上\u00a0\u00a0国务院副总理某某某\n"
            + SPEECH)
    meta = meta_of(document_from_string(text))
    assert meta.meeting == "第二届全国人民代表大会第二次会议" and meta.region == "国务院"


def test_short_province_name_gives_the_full_name_and_one_place_key():
    for title in ("2025年广西政府工作报告", "2025年广西壮族自治区政府工作报告"):
        meta = meta_of(document_from_string(f"{title}\n{SPEECH.replace('国务院', '自治区人民政府')}"))
        assert (meta.region, meta.province, meta.level, meta.place_key) == (
            "广西壮族自治区", "广西壮族自治区", "province", "广西壮族自治区")


def test_the_pages_fuller_title_before_a_bare_one():
    # a Word file: the title, a 来源 line, then the heading 政府工作报告 again
    text = ("2025年湖南省政府工作报告\n来源：湖南日报\n政府工作报告\n"
            "2025年1月14日在湖南省第十四届人民代表大会第三次会议上省长某某某作政府工作报告。\n"
            + SPEECH.replace("国务院", "省人民政府"))
    meta = meta_of(document_from_string(text))
    assert (meta.title, meta.region, meta.year, meta.level) == (
        "2025年湖南省政府工作报告", "湖南省", 2025, "province")


def test_a_subtitle_line_is_the_meeting_not_the_title():
    text = ("2025年上海市政府工作报告\n来源：上海发布\n"
            "----2025年1月15日某某市长在上海市第十六届人民代表大会第三次会议的政府工作报告\n" + SPEECH)
    meta = meta_of(document_from_string(text))
    assert (meta.title, meta.region, meta.meeting) == (
        "2025年上海市政府工作报告", "上海市", "上海市第十六届人民代表大会第三次会议")


@pytest.mark.parametrize(
    ("region", "province", "level", "key"),
    [
        ("国务院", None, "national", "中国"),
        ("北京市", "北京市", "province", "北京市"),
        ("海拉尔区", None, "district", "内蒙古自治区呼伦贝尔市海拉尔区"),
        ("呼伦贝尔市海拉尔区", "内蒙古自治区", "district", "内蒙古自治区呼伦贝尔市海拉尔区"),
        ("内蒙古呼伦贝尔市海拉尔区", "内蒙古自治区", "district", "内蒙古自治区呼伦贝尔市海拉尔区"),
        ("郑州市惠济区", "河南省", "district", "河南省郑州市惠济区"),
        ("郑州惠济区", "河南省", "district", "河南省郑州市惠济区"),
        ("洛阳市", "河南省", "city", "河南省洛阳市"),
        ("吉林市", "吉林省", "city", "吉林省吉林市"),
        ("兰考县", "河南省", "county", "河南省兰考县"),  # not in the table: province + name
        ("某某县", None, "county", "某某县"),
        (None, None, None, None),
    ],
)
def test_place_key_is_one_spelling_per_place(region, province, level, key):
    assert place_key_of(region, province, level) == key


def test_county_table_names_known_prefectures_and_provinces_only():
    known = {full for full, _, _ in prefectures()}
    full_provinces = {full for full, _, _ in provinces()}
    assert counties() and all(pref in known and prov in full_provinces
                              for pref, prov in counties().values())
    assert all(province_of(pref) == prov for pref, prov in counties().values())


def test_hailar_district_metadata():
    text = ("政府工作报告\n----2015年2月5日在海拉尔区第十四届人民代表大会第五次会议上\n"
            + SPEECH.replace("国务院", "区人民政府"))
    meta = meta_of(document_from_string(text))
    assert (meta.year, meta.region, meta.level, meta.province, meta.place_key) == (
        2015, "海拉尔区", "district", "内蒙古自治区", "内蒙古自治区呼伦贝尔市海拉尔区")


# --- flags: nothing lost silently -----------------------------------------------------------------

WHOLE = "2022年国务院政府工作报告\n" + SPEECH


def test_a_whole_report_has_no_flags():
    assert meta_of(document_from_string(WHOLE)).flags == ()


def test_a_body_much_shorter_than_its_page_is_flagged():
    # the cleaner kept one paragraph of a page whose speech goes on after a footer
    kept = WHOLE.split("\n二、")[0]
    doc = document_from_string(WHOLE + "\n" + "过去一年，我们推进高质量发展，经济实力稳步提升。" * 40)
    assert "body much shorter than page" in damage_flags(kept, doc)


def test_a_report_cut_mid_sentence_is_flagged():
    assert damage_flags(WHOLE[: WHOLE.index("8.1%") + 3], None) == ("no closing paragraph",)
    # a closing call that only lost its final mark is whole (the 2024 report)
    assert damage_flags(WHOLE.rstrip("！"), None) == ()


def test_lost_characters_and_abridgement_are_flagged():
    damaged = WHOLE.replace("国内生产总值增长8.1%", "国内生产总?增长8.1%")
    assert meta_of(document_from_string(damaged)).flags == ("lost characters",)
    # an ASCII question mark after a question word is a question, not a lost character
    assert "lost characters" not in damage_flags(WHOLE + "\n怎么办呢?我们要奋斗！", None)
    abridged = WHOLE.replace("2022年国务院政府工作报告", "2022年国务院政府工作报告（摘要）")
    meta = meta_of(document_from_string(abridged))
    assert "abridged" in meta.flags and meta.title == "2022年国务院政府工作报告（摘要）"
    assert (meta.region, meta.year) == ("国务院", 2022)


def test_a_long_modern_report_without_headings_is_flagged_an_old_one_is_not():
    prose = "\n".join(["各位代表：", *["我们的经济建设取得了很大的成就，人民生活有了改善。" * 20] * 20,
                       "让我们为实现宏伟目标而奋斗！"])
    assert "no headings" in damage_flags("2019年某市政府工作报告\n" + prose, None, year=2019)
    assert damage_flags("1954年政府工作报告\n" + prose, None, year=1954) == ()
    assert set(FLAGS) >= {"no headings", "abridged", "lost characters"}


def test_year_and_date_in_chinese_numerals():
    text = ("政府工作报告\n——一九五四年九月二十三日在第一届全国人民代表大会第一次会议上\n各位代表：\n"
            "一、过去的工作\n我们取得了很大成就。\n让我们团结起来，争取更大的胜利！")
    meta = meta_of(document_from_string(text))
    assert (meta.year, meta.date, meta.region, meta.place_key, meta.flags) == (
        1954, "1954-09-23", "国务院", "中国", ())
