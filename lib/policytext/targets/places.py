"""Which place a report speaks for, so that one place written two ways forms one series.

A series of reports is followed by place, not by the string a title or a scraper left in the
region field: 国务院 and 中华人民共和国国务院 are the same government, 广西 and
广西壮族自治区 the same province. `place_key` prefers the metadata's own ``place_key`` and
otherwise canonicalises the region: the State Council becomes 中国, a province its full name.
"""

from __future__ import annotations

import math
import re

__all__ = ["PROVINCES", "canonical_place", "place_key"]

#: The 34 provincial-level units by their full names.
PROVINCES = (
    "北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省",
    "上海市", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省",
    "湖南省", "广东省", "广西壮族自治区", "海南省", "重庆市", "四川省", "贵州省", "云南省",
    "西藏自治区", "陕西省", "甘肃省", "青海省", "宁夏回族自治区", "新疆维吾尔自治区",
    "台湾省", "香港特别行政区", "澳门特别行政区",
)
_SHORT = {re.sub(r"(壮族|回族|维吾尔)?(自治区|特别行政区|省|市)$", "", p): p for p in PROVINCES}
#: The central government's names: its reports speak for the whole country.
_NATIONAL = re.compile(r"国务院|^中华人民共和国$|^中国$|^全国$")
#: A region string must end like a place (区, 市, 县 …) to be a place at all.
_PLACE_END = re.compile(r"(省|市|区|县|州|盟|旗|镇|乡|街道|自治区|地区)$")


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def canonical_place(region: object, *, province: object = None, level: object = None) -> str | None:
    """One spelling per place: 中国 for the State Council, full names for provinces.

    ``province`` and ``level`` (from the metadata) help when the region field is short or not
    a place at all (a scraper's title fragment); None when nothing names a place.

    >>> canonical_place("中华人民共和国国务院"), canonical_place("广西"), canonical_place("海拉尔区")
    ('中国', '广西壮族自治区', '海拉尔区')
    >>> canonical_place("1月15日龚正市长在上海市第十六届", province="上海市") , canonical_place("2017")
    ('上海市', None)
    """
    region, prov, lvl = _text(region), _text(province), _text(level)
    if lvl == "national" or _NATIONAL.search(region):
        return "中国"
    if region in PROVINCES:
        return region
    if region in _SHORT:
        return _SHORT[region]
    if region and _PLACE_END.search(region) and len(region) <= 12 and not re.search(r"\d", region):
        return region
    if prov in PROVINCES and (lvl in ("", "province") or region.startswith(prov[:2])):
        return prov
    return None


def place_key(meta) -> str | None:
    """The series key of a report's metadata (a `Metadata` or a mapping such as a table row).

    Uses ``place_key`` when the metadata carries one, else `canonical_place` of the region.

    >>> place_key({"region": "国务院", "province": "澳门特别行政区", "level": None})
    '中国'
    >>> place_key({"region": "广西", "place_key": "广西壮族自治区"})
    '广西壮族自治区'
    """
    def get(name):
        return meta.get(name) if isinstance(meta, dict) or hasattr(meta, "keys") \
            else getattr(meta, name, None)
    own = _text(get("place_key"))
    if own:
        return own
    return canonical_place(get("region"), province=get("province"), level=get("level"))
