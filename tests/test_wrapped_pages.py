"""Pages whose text was hard-wrapped at a fixed width (PDF extractions, narrow columns)."""

from policytext import Report

WIDTH = 32
PARAGRAPHS = [
    "政府工作报告",
    "——2022年1月6日在某某市第十五届人民代表大会第五次会议上",
    "某某市市长　王某某",
    "各位代表：",
    "现在，我代表市人民政府向大会报告工作，请予审议，并请市政协委员和其他列席人员提出意见。",
    "一、2021年工作回顾",
    ("过去一年，全市地区生产总值增长8.5%左右，一般公共预算收入增长8.1%，城镇调查失业率5%以内，"
    "居民人均可支配收入实际增长7%。"),
    ("（一）高质量推进重点工程建设。完成全部场馆建设，改造提升道路30公里，改造老旧小区120个，"
    "新建公园15个，新增停车泊位8000个，建成污水处理厂2座。"),
    "二、2022年主要任务",
    "主要预期目标是：全市地区生产总值增长5%以上，一般公共预算收入增长5%，城镇调查失业率5%以内。",
    "三、全面加强政府自身建设",
    "坚持党的全面领导，建设人民满意的政府，持续转变政府职能，提升行政效能。",
    "各位代表，让我们团结奋斗，奋力谱写新篇章！",
]


def _hard_wrap(paragraph: str) -> list[str]:
    """Cut a paragraph every WIDTH characters, as a PDF extraction or a narrow column does."""
    return [paragraph[i:i + WIDTH] for i in range(0, len(paragraph), WIDTH)]


PAGE = "\n".join(["某某市人民政府门户网站", "首页 > 政务公开 > 政府工作报告",
                  *(line for p in PARAGRAPHS for line in _hard_wrap(p)),
                  "主办：某某市人民政府办公厅"])


def test_the_meeting_line_keeps_its_wrapped_tail_and_the_speaker_stays():
    report = Report.from_text(PAGE, source="wrapped.txt")
    lines = report.text.split("\n")
    assert lines[1].endswith("第五次会议上")
    assert lines[2] == "某某市市长 王某某"
    assert report.metadata.speaker == "王某某"
    assert set(report.removed["line"]) == {"某某市人民政府门户网站", "首页 > 政务公开 > 政府工作报告",
                                           "主办：某某市人民政府办公厅"}


def test_a_paragraph_opened_by_a_heading_is_joined_across_the_wrap():
    report = Report.from_text(PAGE, source="wrapped.txt")
    assert report.text.split("\n") == PARAGRAPHS[:2] + ["某某市市长 王某某"] + PARAGRAPHS[3:]
    names = dict(zip(report.indicators["raw"], report.indicators["indicator"]))
    assert names["120个"] == "改造老旧小区"
