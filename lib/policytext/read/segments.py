"""Cutting a page scraped onto one long line back into its paragraphs.

Some scrapers drop every newline: the title, the meeting line, the salutation, each heading
and the footer then share one line.  The cuts come from the genre: a heading number after a
sentence end (。一、 …), a second-level heading (（一）), the salutation 各位代表：, the
——date…会议上 line, indentation runs, a footer after the last sentence, and a source note
glued to it.  `read.clean` audits each piece with its offset (``col``) in the line.
"""

from __future__ import annotations

import itertools
import re

from policytext.read.chrome import HARD_STOP, NOTE_START

__all__ = ["segments"]

_BAO = "[报報]"
_SENT_END = "。！？!?；;：:"
_MARKER = r"(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、](?!\d))"
_AFTER_SENTENCE_MARKER = re.compile(rf"(?<=[{_SENT_END}])[ \t\u3000\xa0]*(?={_MARKER})")
_BOUNDARIES = (
    _AFTER_SENTENCE_MARKER,
    # A second-level heading is never inside a sentence: cut even after a heading
    # that has no punctuation (三、2022年政府工作任务（一）着力…).
    re.compile(r"(?<=[\u4e00-\u9fff])(?=（[一二三四五六七八九十]{1,3}）)"),
    re.compile(r"(?<=[。！？!?\s])(?=各位代表)"),
    # The salutation right after the speaker's name (…省长 某某某各位代表：).
    re.compile(r"[长長席理员員]\s?[\u4e00-\u9fff]{2,3}(?=各位代表[、，,：:！!])"),
    re.compile(
        r"(?<=[。！？!?])[ \t\u3000\xa0]*(?=[（(【\[]?(?:" + HARD_STOP.pattern + "))", re.IGNORECASE
    ),
    re.compile(r"各位代表(?:[、，,][^：:。！？]{0,10})?[：:][ \t\u3000\xa0]*"),
)
# Cut on any line: a source note or stage direction glued after the last sentence.
_NOTE_BOUNDARIES = (NOTE_START,)
# The meeting line, found inside a longer line: it is its own paragraph.
_MEETING_INLINE = re.compile(
    r"[—―]{2}\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年.{0,60}?(?:[会會][议議]|大[会會]|[会會])上[ \t\u3000\xa0]*"
)
_TITLE_THEN_MEETING = re.compile(rf"政府工作{_BAO}告[ \t\u3000\xa0]*(?=[—―]{{2}})")
_WS_RUN = re.compile(r"[ \t\u3000\xa0]{2,}")


#: The start of a report title glued to what precedes it: 2024年石门县人民|政府工作报告.
_TITLE_HEAD = re.compile(r"(?:19|20)\d{2}年度?[\u4e00-\u9fff]{0,20}$")


def segments(line: str) -> list[tuple[int, str]]:
    """Cut a line into (col, piece) paragraphs when it holds a whole scraped page.

    A short line is cut only where a title runs into its meeting line or a source note is
    glued after the last sentence; ``col`` is each piece's offset in the line.

    >>> segments("我们一定能够胜利。（《人民日报》1954年9月24日）")
    [(0, '我们一定能够胜利。'), (9, '（《人民日报》1954年9月24日）')]
    >>> segments("全年增长6%。")
    [(0, '全年增长6%。')]
    """
    cuts: set[int] = set()
    for m in _TITLE_THEN_MEETING.finditer(line):
        # The title ends where the ——date line starts; on a page scraped onto one line it
        # also begins glued to the page's chrome (…打印本页2024年某县人民政府工作报告——…).
        head = line[max(0, m.start() - 30):m.start()]
        year = _TITLE_HEAD.search(head)
        cuts.update((m.start() - (len(head) - year.start()) if year else m.start(), m.end()))
    long_page = len(line) >= 300 and len(_AFTER_SENTENCE_MARKER.findall(line)) >= 2
    if long_page:
        for rx in _BOUNDARIES:
            cuts.update(m.end() for m in rx.finditer(line))
        for m in _MEETING_INLINE.finditer(line):
            cuts.update((m.start(), m.end()))
        for m in _WS_RUN.finditer(line):
            # Indentation between paragraphs, but not the blank between 省长 and a name.
            if line[m.start() - 1] not in "长長席理员員":
                cuts.add(m.end())
    if "（" in line or "(" in line:
        for rx in _NOTE_BOUNDARIES:
            cuts.update(m.end() for m in rx.finditer(line))
    cuts = sorted(c for c in cuts if 0 < c < len(line))
    bounds = [0, *cuts, len(line)]
    return [(a, line[a:b]) for a, b in itertools.pairwise(bounds) if b > a] or [(0, line)]
