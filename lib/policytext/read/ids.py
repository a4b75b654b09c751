"""Identifiers for reports that are safe to use as folder names."""

from __future__ import annotations

import re

__all__ = ["report_id", "safe_component"]

# Keep CJK ideographs, ASCII letters and digits, '-' and '_'; everything else
# (slashes, dots, spaces, quotes) could escape the output folder or trip a shell.
_UNSAFE = re.compile(r"[^0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff_-]+")


def safe_component(text: str, *, max_len: int = 40) -> str:
    """One path component with nothing that could climb out of a folder.

    >>> safe_component("../../etc/passwd")
    'etc-passwd'
    >>> safe_component("郑州市 惠济区")
    '郑州市-惠济区'
    """
    cleaned = _UNSAFE.sub("-", text).strip("-_")
    return cleaned[:max_len] or "report"


def report_id(metadata) -> str:
    """``<year>_<region>_<sha8>``: readable, and unique per input file content.

    The hash prefix keeps two reports of the same place and year (a draft and
    a final version, two websites' copies) from overwriting each other.

    >>> from types import SimpleNamespace as M
    >>> report_id(M(year=2019, region="郑州市惠济区", title=None, sha256="ad79a472d2986914ff"))
    '2019_郑州市惠济区_ad79a472'
    """
    year = str(metadata.year) if metadata.year else "unknown-year"
    place = metadata.region or metadata.title or "unknown-region"
    return f"{year}_{safe_component(place)}_{metadata.sha256[:8]}"
