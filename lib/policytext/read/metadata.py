"""Metadata of a cleaned report: title, year, region, level, meeting, date, speaker.

Everything is read from the report's opening lines (title, ``——date在…会议上``, the
speaker line). The province comes from the region's name (河南省…, or a prefecture such as
洛阳市 looked up in resources/prefectures.txt), else from a forum tag such as ``[河南]`` on
the page, else from the one province the report names most. A field the text does not give
is None, never guessed.

Level follows the suffix of the region as written: 国务院/全国 → national; 省, 自治区,
特别行政区 and the four 直辖市 (北京市 天津市 上海市 重庆市, province-level units) →
province; other 市, 自治州, 地区, 盟 → city (prefecture level; county-level cities such
as 巩义市 are also "city", the suffix cannot tell them apart); 区 → district; 县, 旗
(incl. 自治县, 自治旗) → county.

>>> from policytext.read.formats import document_from_string
>>> text = "2019年某某市政府工作报告\\n——2019年1月10日在某某市第十届人民代表大会第三次会议上\\n某某市人民政府市长 王某某"
>>> m = read_metadata(text, document_from_string(text))
>>> m.year, m.region, m.level, m.date, m.speaker, m.speaker_title
(2019, '某某市', 'city', '2019-01-10', '王某某', '某某市人民政府市长')
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib import resources

from policytext.read.clean import title_of
from policytext.read.flags import damage_flags
from policytext.read.formats import Document
from policytext.read.genre import SPEAKER_LINE, SPEAKER_TITLE_ONLY
from policytext.read.normalize import normalize_line
from policytext.read.numerals import cn_int

__all__ = ["Metadata", "counties", "level_of", "place_key_of", "prefectures", "province_of",
           "provinces", "read_metadata", "report_year", "year_of"]


@dataclass(frozen=True)
class Metadata:
    """What the report says about itself; unknown fields are None.

    ``place_key`` is the canonical place, one spelling per place (中国, 广西壮族自治区,
    内蒙古自治区呼伦贝尔市海拉尔区): see `place_key_of`.  ``flags`` are short warnings that the
    report may be damaged or incomplete (see `policytext.read.flags.damage_flags`); empty
    for a report that came out whole.  ``spans`` maps a field name to its [start, end)
    offsets in the cleaned text (only for fields read from the text; not part of `to_dict`).
    """

    title: str | None
    year: int | None
    region: str | None
    province: str | None
    level: str | None
    meeting: str | None
    date: str | None
    speaker: str | None
    speaker_title: str | None
    source: str
    sha256: str
    encoding: str
    place_key: str | None = None
    flags: tuple[str, ...] = ()
    spans: dict = field(default_factory=dict, compare=False, repr=False)

    def to_dict(self) -> dict:
        """Plain dict of the fields (JSON-ready), without ``spans``."""
        d = asdict(self)
        d.pop("spans")
        d["flags"] = list(self.flags)
        return d


@lru_cache(maxsize=1)
def provinces() -> tuple[tuple[str, str, str], ...]:
    """(full name, short name, kind) of the 34 provincial-level divisions.

    >>> provinces()[0]
    ('北京市', '北京', 'municipality')
    """
    raw = resources.files("policytext").joinpath("resources/provinces.txt").read_text("utf-8")
    rows = [line.split("\t") for line in raw.splitlines() if line and not line.startswith("#")]
    return tuple((full, short, kind) for full, short, kind in rows)


@lru_cache(maxsize=1)
def prefectures() -> tuple[tuple[str, str, str], ...]:
    """(full name, province full name, section) of every row of resources/prefectures.txt.

    section is "prefecture" (the current prefecture-level units), "former" (old names) or
    "direct" (county-level units directly under a province, such as 仙桃市).

    >>> prefectures()[0]
    ('石家庄市', '河北省', 'prefecture')
    """
    raw = resources.files("policytext").joinpath("resources/prefectures.txt").read_text("utf-8")
    rows, section = [], "prefecture"
    for line in raw.splitlines():
        if line.startswith("# section:"):
            section = line.partition(":")[2].strip()
        elif line and not line.startswith("#"):
            full, province = line.split("\t")
            rows.append((full, province, section))
    return tuple(rows)


@lru_cache(maxsize=1)
def counties() -> dict[str, tuple[str, str]]:
    """County-level name → (prefecture, province), from the reviewed resources/counties.txt.

    >>> counties()["海拉尔区"]
    ('呼伦贝尔市', '内蒙古自治区')
    """
    raw = resources.files("policytext").joinpath("resources/counties.txt").read_text("utf-8")
    rows = [line.split("\t") for line in raw.splitlines() if line and not line.startswith("#")]
    return {name: (prefecture, province) for name, prefecture, province in rows}


_SHORTENABLE = ("地区", "市", "盟")  # 自治州 names have no safe short form (海南藏族自治州)
_COUNTY_SUFFIXES = ("区", "區", "县", "縣", "市", "旗", "州", "盟")


@lru_cache(maxsize=1)
def _prefixes() -> tuple[tuple[str, str, bool], ...]:
    """(prefix, province, is a short name), longest prefix first."""
    found = [(name, full, name == short) for full, short, _ in provinces()
             for name in (full, short)]
    for full, province, section in prefectures():
        found.append((full, province, False))
        short = next((full.removesuffix(s) for s in _SHORTENABLE if full.endswith(s)), "")
        if section != "direct" and len(short) >= 2:
            found.append((short, province, True))
    return tuple(sorted(found, key=lambda p: -len(p[0])))


def province_of(name: str) -> str | None:
    """The province of a region ``name`` from how it starts; None if unknown.

    ``name`` may start with a province's full or short name (河南, 广西南宁市), or with a
    prefecture-level unit's full name (洛阳市, 延边朝鲜族自治州, 仙桃市); the longest such
    start wins, so 海南藏族自治州 is in 青海省 and 吉林市 in 吉林省. A prefecture's short
    name (its full name minus 市, 地区 or 盟, at least two characters: 洛阳, 阿里) counts only
    when it is the whole name or is followed by a county-level name of its own, i.e. at
    least one more character and then 区, 县, 市 or 旗 (洛阳偃师市, 郑州高新区). A short name
    plus a bare suffix is another unit's full name, often in another province (朝阳区 is in
    北京, 中山区 in 大连, 兴安县 in 广西), and a short name before other words may be a
    common word (来宾, 安康). Units directly under a province (仙桃市, 石河子市) are matched
    by full name only, since some of their short names are common words (新星, 白杨). A
    province's short name follows the same rule (广西南宁市, but not 海南区, a district of 乌海).

    >>> province_of("河南"), province_of("广西南宁市"), province_of("郑州市惠济区")
    ('河南省', '广西壮族自治区', '河南省')
    >>> province_of("海南区"), province_of("北京海淀区"), province_of("吉林延边州")
    (None, '北京市', '吉林省')
    >>> province_of("海南藏族自治州"), province_of("洛阳"), province_of("朝阳区")
    ('青海省', '河南省', None)
    """
    for prefix, province, is_short in _prefixes():
        if name.startswith(prefix):
            rest = name[len(prefix):]
            if not is_short or not rest or (len(rest) >= 2 and rest.endswith(_COUNTY_SUFFIXES)):
                return province
    return counties()[name][1] if name in counties() else None


def place_key_of(region: str | None, province: str | None, level: str | None) -> str | None:
    """One spelling per place: 中国; a province's full name; below, province + prefecture +
    the region's own name where they are known (None without a region).

    >>> place_key_of("国务院", None, "national"), place_key_of("广西", "广西壮族自治区", "province")
    ('中国', '广西壮族自治区')
    >>> place_key_of("海拉尔区", None, "district"), place_key_of("郑州市惠济区", "河南省", "district")
    ('内蒙古自治区呼伦贝尔市海拉尔区', '河南省郑州市惠济区')
    >>> place_key_of("呼伦贝尔市海拉尔区", "内蒙古自治区", "district")
    '内蒙古自治区呼伦贝尔市海拉尔区'
    """
    if level == "national":
        return "中国"
    if not region:
        return province
    if level == "province":
        return province or region
    province = province or province_of(region)
    rest = region
    for full, short, _ in provinces():
        if full == province:
            # 内蒙古呼伦贝尔市… and 内蒙古自治区呼伦贝尔市… are one place: drop the province
            # as written, it is put back in full below.
            for written in (full, short):
                if rest.startswith(written) and province_of(rest[len(written):]) == province:
                    rest = rest[len(written):]
                    break
    if rest in counties():
        prefecture = counties()[rest][0]
        rest = prefecture + rest
    else:
        for full, prov, section in prefectures():
            short = next((full.removesuffix(s) for s in _SHORTENABLE if full.endswith(s)), "")
            if prov == province and section != "former" and not rest.startswith(full) \
                    and len(short) >= 2 and rest.startswith(short) \
                    and rest[len(short):].endswith(_COUNTY_SUFFIXES) and len(rest) > len(short) + 1:
                rest = full + rest[len(short):]  # 郑州惠济区 → 郑州市惠济区
                break
    return (province or "") + rest


def level_of(region: str | None) -> str | None:
    """national / province / city / district / county from the region's suffix.

    >>> [level_of(r) for r in ["国务院", "河南省", "上海市", "郑州市", "郑州市惠济区", "兰考县", None]]
    ['national', 'province', 'province', 'city', 'district', 'county', None]
    """
    if not region:
        return None
    if region in {"国务院", "全国", "中华人民共和国", "中央人民政府"}:
        return "national"
    if any(region == full for full, _, kind in provinces() if kind == "municipality"):
        return "province"
    if region.endswith(("自治区", "自治區", "特别行政区", "特別行政區", "省")):
        return "province"
    if region.endswith(("地区", "地區", "州", "盟", "市")):
        return "city"
    if region.endswith(("区", "區")):
        return "district"
    if region.endswith(("县", "縣", "旗")):
        return "county"
    return None


_YEAR_TITLE = re.compile(r"((?:19|20)\d{2}|[〇○零一二][〇○零一二三四五六七八九]{3})\s*年度?")
_TITLE_TAIL = re.compile(r"(?:人民)?政府工作[报報]告$")
# The meeting, also inside a longer line: the speaker may be glued after it (…会议上 国务院副
# 总理某某), or the line may be a subtitle (…会议的政府工作报告, …会议上省长某某作报告。).
_MEETING = re.compile(
    r"在(?P<meeting>[^，。；在]{2,60}?(?:[会會][议議]|大[会會]))(?:开幕式|開幕式)?(?:上|的|）|\s*$)"
)
_DASH_START = re.compile(r"^[—―─\-－]{2}")
# A year written before the title without 年: 2017政府工作报告, 2014国务院政府工作报告.
_BARE_YEAR = re.compile(r"^((?:19|20)\d{2})(?!\d|\s*[年.\-/])")
_LEAD_YEAR = re.compile(r"^\s*(?:(?:19|20)\d{2}|[〇○零一二][〇○零一二三四五六七八九]{3})\s*年?度?")
# The year the report looks back on (一、2021年工作回顾): the report is for the next year.
_REVIEW = re.compile(r"^[一二三四五六七八九十]{1,2}、\s*((?:19|20)\d{2})\s*年(?:工作|的工作)?回顾")
_NATIONAL = ("国务院", "全国", "中华人民共和国", "中央人民政府")
_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2}|[〇○零一二][〇○零一二三四五六七八九]{3})\s*年\s*"
    r"(?P<m>\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日"
)
_NAME_ONLY = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")
_REGION_OF_MEETING = re.compile(r"^(?P<region>.+?)第[一二三四五六七八九十]{1,3}[届屆]")
_REGION_OF_SPEAKER = re.compile(r"^(?P<region>.+?)(?:人民政府|政府)")
_TAG = re.compile(r"[\[【]\s*([^\]】\s]{2,8})\s*[\]】]")


def year_of(text: str) -> int | None:
    """The first year written in `text` (2019年, 二〇一九年, 2019年度), else None.

    >>> year_of("二〇一九年某市政府工作报告"), year_of("政府工作报告")
    (2019, None)
    """
    m = _YEAR_TITLE.search(text)
    return cn_int(m.group(1)) if m else None


def report_year(text: str) -> int | None:
    """The report's year from a cleaned text alone: the first year in its first three lines.

    >>> report_year("2019年郑州市惠济区政府工作报告\\n——2019年3月15日在…会议上")
    2019
    >>> report_year("政府工作报告\\n——2018年3月5日在第十三届全国人民代表大会第一次会议上")
    2018
    """
    return year_of("\n".join(text.split("\n")[:3]))


def read_metadata(text: str, doc: Document) -> Metadata:
    """Metadata of a cleaned report ``text`` (first line the title) read from ``doc``.

    >>> from policytext.read.formats import document_from_string
    >>> read_metadata("政府工作报告", document_from_string("政府工作报告")).title
    '政府工作报告'
    """
    lines = text.split("\n")
    offsets = [0]
    for line in lines[:-1]:
        offsets.append(offsets[-1] + len(line) + 1)
    spans: dict[str, tuple[int, int]] = {}

    title = lines[0] if _is_title(lines[0]) else None
    if title:
        spans["title"] = (0, len(title))
    head = list(range(1 if title else 0, min(len(lines), 10)))

    meeting = date = speaker = speaker_title = None
    for i in head:
        line = lines[i]
        if meeting is None and (m := _MEETING.search(line)):
            meeting = m.group("meeting")
            spans["meeting"] = (offsets[i] + m.start("meeting"), offsets[i] + m.end("meeting"))
        if date is None and (m := _DATE.search(line)) and len(line) <= 100:
            date = _iso(m)
            if date:
                spans["date"] = (offsets[i] + m.start(), offsets[i] + m.end())
        if speaker is None:
            found = _speaker_at(lines, i)
            if found:
                speaker_title, speaker, j, t_span, n_span = found
                spans["speaker_title"] = (offsets[i] + t_span[0], offsets[i] + t_span[1])
                spans["speaker"] = (offsets[j] + n_span[0], offsets[j] + n_span[1])
        if line.startswith("各位代表") or re.match(r"[一二三四五六七八九十]、", line):
            break
    year_in_text = _review_year(lines)

    # A dataset record or a Word file may say what the text does not (JSONL records carry the
    # title and year as fields; their text starts at the salutation).
    fields = doc.fields
    record_title = fields.get("title") or None
    if record_title and not _is_title(record_title):
        record_title = None
    # A fuller title than the one the body starts with: the record's title field, or the
    # page's own heading a few lines before a bare 政府工作报告.
    if record_title and (title is None or (record_title.endswith(title)
                                           and len(record_title) > len(title))):
        title = record_title
        spans.pop("title", None)
    elif page_title := _page_title(doc.text, title):
        title = page_title
        spans.pop("title", None)
    if title and (qualified := _qualified(doc.text, title)) != title:
        title = qualified  # the page says what the text is: 1964年国务院政府工作报告（摘要）
        spans.pop("title", None)
    year = _year(title, date, fields, record_title, year_in_text)

    region = _canonical_region(
        _region(title, meeting, speaker_title) or fields.get("region") or fields.get("province")
        or _speaker_region(lines) or None)
    if region and title and region in title:
        start = title.index(region)
        spans["region"] = (start, start + len(region))
    level = level_of(region)
    province = None
    if level != "national":
        province = (province_of(region) if region else None) or _tagged_province(doc.text)
        if province is None:
            province = _named_province(text)
    return Metadata(
        title=title, year=year, region=region, province=province, level=level, meeting=meeting,
        date=date, speaker=speaker, speaker_title=speaker_title, source=doc.source,
        sha256=doc.sha256, encoding=doc.encoding,
        place_key=place_key_of(region, province, level),
        flags=damage_flags(text, doc, title, year), spans=spans,
    )


def _is_title(line: str) -> bool:
    # A subtitle such as ----2025年1月15日…在…会议的政府工作报告 ends like a title but is the
    # meeting line.
    return bool(_TITLE_TAIL.search(line)) and not _DASH_START.match(line) \
        and not re.search(r"\d\s*日", line)


def _page_title(page: str, title: str | None) -> str | None:
    """The page's first heading that ends like the body's title and says more (year, place)."""
    if title is not None and _region(title, None, None) and year_of(title):
        return None
    for line in page.split("\n")[:60]:
        found = title_of(normalize_line(line)) if "政府工作" in line else None
        if not found or not _is_title(found) or found == title:
            continue
        if title is None or found.endswith(title):
            if _region(found, None, None) or year_of(found):
                return found
        elif _region(found, None, None) and not _region(title, None, None) \
                and year_of(found) is not None and year_of(found) == year_of(title):
            return found  # the page heading 1954年国务院政府工作报告 over the body's 1954年政府工作报告
    return None


# Only qualifiers that change what the text is; （全文） adds nothing.
_QUALIFIER = re.compile(r"[（(](摘要|节选|節選|摘登)[）)]")


def _qualified(page: str, title: str) -> str:
    """The title with the qualifier the page prints after it (（摘要）, （节选）), if any."""
    for line in page.split("\n")[:60]:
        if title in line:
            rest = normalize_line(line)
            at = rest.find(title)
            if at >= 0 and (m := _QUALIFIER.match(rest, at + len(title))):
                return f"{title}（{m.group(1)}）"
    return title


def _year(title, date, fields, record_title, year_in_text) -> int | None:
    for candidate in (title, record_title):
        if candidate and (found := year_of(candidate)) is not None:
            return found
        if candidate and (m := _BARE_YEAR.match(candidate)):
            return int(m.group(1))
    if date:
        return int(date[:4])
    if (found := year_of(f"{fields.get('year', '')}年")) is not None:
        return found
    return year_in_text


def _review_year(lines: list[str]) -> int | None:
    """The plan year of a report whose first part reviews the year before (一、2021年工作回顾)."""
    for line in lines[:60]:
        if m := _REVIEW.match(line):
            return int(m.group(1)) + 1
    return None


def _speaker_region(lines: list[str]) -> str | None:
    """现在，我代表国务院…: the government the speaker speaks for, in the opening lines."""
    for line in lines[:6]:
        if m := re.search(r"我代表(国务院|[\u4e00-\u9fff]{2,12}?(?:省|市|区|县|旗|州|盟))人民政府", line):
            return m.group(1)
        if "我代表国务院" in line:
            return "国务院"
    return None


def _canonical_region(region: str | None) -> str | None:
    """国务院 for every spelling of the central government; a province's full name for its
    short one (广西 → 广西壮族自治区)."""
    if not region:
        return None
    region = region.strip()
    if region in _NATIONAL or region.endswith("国务院"):
        return "国务院"
    for full, short, _ in provinces():
        if region == short:
            return full
    return region


def _iso(m: re.Match) -> str | None:
    try:
        year, month, day = (cn_int(m.group(k)) for k in ("y", "m", "d"))
        return dt.date(year, month, day).isoformat()
    except (ValueError, KeyError):
        return None


def _speaker_at(lines: list[str], i: int):
    """(title, name, name line, title span, name span) if line i is the speaker line."""
    line = lines[i]
    if len(line) > 40 or line.startswith(("—", "-", "各位")):
        return None
    if m := SPEAKER_LINE.match(line):
        return m.group("title").strip(), m.group("name"), i, m.span("title"), m.span("name")
    nxt = lines[i + 1] if i + 1 < len(lines) else ""
    if SPEAKER_TITLE_ONLY.match(line) and _NAME_ONLY.match(nxt) and not nxt.startswith("各位"):
        return line, nxt, i + 1, (0, len(line)), (0, len(nxt))
    return None


def _region(title: str | None, meeting: str | None, speaker_title: str | None) -> str | None:
    if title:
        bare = _QUALIFIER.sub("", title).strip()
        name = _LEAD_YEAR.sub("", _TITLE_TAIL.sub("", bare)).strip()
        if name:
            return name
    if meeting:
        if "全国人民代表大会" in meeting or "全國人民代表大會" in meeting:
            return "国务院"
        if m := _REGION_OF_MEETING.match(meeting):
            return m.group("region")
    if speaker_title:
        if speaker_title.startswith("国务院"):
            return "国务院"
        if m := _REGION_OF_SPEAKER.match(speaker_title):
            return m.group("region")
    return None


def _tagged_province(page: str) -> str | None:
    """A forum/site tag like [河南] on the page's title line."""
    for line in page.split("\n"):
        if "政府工作" in line:
            for tag in _TAG.findall(line):
                if found := province_of(tag):
                    return found
    return None


def _named_province(text: str) -> str | None:
    """The province the report names in full most often (at least twice, no tie)."""
    counts = sorted(((text.count(full), full) for full, _, _ in provinces()), reverse=True)
    (top, name), (second, _) = counts[0], counts[1]
    return name if top >= 2 and top > second else None
