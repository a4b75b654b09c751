"""Warnings that a cleaned report may be damaged or incomplete: nothing lost silently.

Each flag is a short fixed string, so that a corpus can be filtered on it:

- ``body much shorter than page``: the kept body holds less than 60% of the page's
  Chinese text once repeated lines (a page printed several times) are counted once: the
  cleaner may have stopped early.
- ``no closing paragraph``: the body ends neither with sentence-final punctuation nor with
  the closing call (…奋斗, …前进): the page was probably cut.
- ``no headings``: a long body without a single numbered heading (一、 （一） 第一部分).
  Not raised before 1978: national reports of the 1950s–70s were often printed as
  continuous prose (1954, 1960), which is whole, not damaged.
- ``lost characters``: ``?`` or U+FFFD where a conversion lost a character (国务院总理?李克强).
- ``abridged``: the page calls the report a summary (摘要).

>>> damage_flags("2019年某县政府工作报告\\n各位代表：\\n一、工作回顾\\n全县增长7%。", None)
()
>>> damage_flags("2019年某县政府工作报告\\n各位代表：\\n一、工作回顾\\n全县增长7%，完成投", None)
('no closing paragraph',)
"""

from __future__ import annotations

import re

from policytext.read.formats import Document
from policytext.read.normalize import CJK, cjk_count

__all__ = ["FLAGS", "damage_flags", "page_share"]

#: Every flag `damage_flags` can raise.
FLAGS = ("body much shorter than page", "no closing paragraph", "no headings", "lost characters",
         "abridged")

# Below this share of the page's (deduplicated) Chinese text the body looks cut: chrome and
# glossaries are far smaller than a speech.
_MIN_SHARE = 0.6
# A speech this long always has numbered parts; a short page (a test, an excerpt) need not.
_HEADINGS_EXPECTED_FROM = 8000
_NUMBERED_PARTS_SINCE = 1978
_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、.．]|（[一二三四五六七八九十]{1,3}）|第[一二三四五六七八九十]{1,3}(?:部分|章|篇))",
    re.MULTILINE,
)
_FINAL = re.compile(r"(?:[。！？!?…]|[。！？!?][”’」』）)])$")
# The closing call sometimes lost its final mark in the source (…民族复兴伟业不懈奋斗).
_CALL = re.compile(r"(?:奋斗|前进|贡献|胜利|篇章|万岁|进位)$")
# A character lost in conversion: a question mark or U+FFFD right next to an ideograph, in
# pages whose real question marks are full-width; not after a question word.
_LOST = re.compile(rf"(?<![吗呢么吧])(?:(?<=[{CJK}])[?\ufffd]|[?\ufffd](?=[{CJK}]))|\ufffd")
_ABRIDGED = re.compile(r"[（(【\[]\s*摘\s*要\s*[）)】\]]|摘要$")



def page_share(text: str, page: str) -> float:
    """The body's share of the page's Chinese text, each distinct page line counted once
    (at most 1: a line the speech itself repeats, such as 各位代表！, counts once on the page).

    >>> page_share("各位代表：现在", "首页\\n各位代表：现在\\n各位代表：现在")
    0.75
    """
    total = sum(cjk_count(line) for line in {line.strip() for line in page.split("\n")})
    return min(1.0, cjk_count(text) / total) if total else 1.0


def damage_flags(text: str, doc: Document | None, title: str | None = None,
                 year: int | None = None) -> tuple[str, ...]:
    """The flags (see `FLAGS`) of a cleaned report ``text`` read from ``doc``; () if whole.

    ``title`` and ``year`` are the report's metadata (the title may come from a record
    field, and the year decides whether headings are expected).
    """
    flags: list[str] = []
    if doc is not None and page_share(text, doc.text) < _MIN_SHARE:
        flags.append("body much shorter than page")
    last = text.rstrip().rsplit("\n", 1)[-1]
    if not (_FINAL.search(last) or _CALL.search(last)):
        flags.append("no closing paragraph")
    if cjk_count(text) >= _HEADINGS_EXPECTED_FROM and not _HEADING.search(text) \
            and (year is None or year >= _NUMBERED_PARTS_SINCE):
        flags.append("no headings")
    page = doc.text if doc is not None else text
    if _LOST.search(page):
        flags.append("lost characters")
    head = "\n".join([title or "", *text.split("\n")[:3], *page.split("\n")[:40]])
    # Only where a title or a bare label can say it: 摘要 inside a sentence is a word.
    if any(_ABRIDGED.search(line.strip()) for line in head.split("\n")
           if "政府工作" in line or len(line.strip()) <= 8):
        flags.append("abridged")
    return tuple(flags)
