"""Find the report body inside a scraped page, normalise it, and audit every line.

The body runs from the report's title line (``…政府工作报告``) to the last paragraph of
the speech.  Everything else — login prompts, user statistics, post metadata,
navigation, viewer buttons, footers, source notes (（《人民日报》…）), a trailing stage
direction, a wiki's licence text — is dropped, and every input line is listed either in
``kept`` or in ``removed`` with a reason from `REASONS`: a glossary or appendix printed
after the speech (注释, 名词解释, 附件 民生实事) is "appendix", and every line after the end
that repeats a kept line (a page printed several times, a second pasted copy) is
"duplicate paste".  ``removed`` also names the container the page came out of
(``wrapper``, e.g. a CSV record), so the audit of a dataset file points at its record.

The rules come from the genre, not from one website: the title line, the
``——date在…会议上`` line, the salutation 各位代表, heading numbering (一、 （一） 1.),
paragraph length and Chinese-character density, the closing call to action
(``各位代表，…让我们…！``), and generic web chrome (版权所有, 上一篇, 登录 …; see
`policytext.read.chrome`).  Pages scraped onto one line are cut first
(`policytext.read.segments`).

>>> page = "首页 | 新闻\\n2019年某某县政府工作报告\\n——2019年1月10日在某某县第十届人民代表大会第三次会议上\\n" \\
...        "各位代表:\\n一、2018年工作回顾\\n全县生产总值增长7.5%,经济运行稳中有进。\\n版权所有 某某县人民政府"
>>> c = clean_document(__import__("policytext.read.formats").read.formats.document_from_string(page))
>>> print(c.text)
2019年某某县政府工作报告
——2019年1月10日在某某县第十届人民代表大会第三次会议上
各位代表：
一、2018年工作回顾
全县生产总值增长7.5%，经济运行稳中有进。
>>> c.removed[["line_no", "reason"]].values.tolist()
[[1, 'before report'], [7, 'after report']]
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from policytext.errors import ReportError
from policytext.read.chrome import (
    HARD_STOP,
    SOFT_CHROME,
    is_appendix_heading,
    is_nav,
    is_source_note,
    is_stage_direction,
)
from policytext.read.formats import Document
from policytext.read.genre import MEETING_TAIL, SPEAKER_LINE
from policytext.read.normalize import cjk_count, normalize_line
from policytext.read.segments import segments

__all__ = ["REASONS", "Cleaned", "clean_document", "title_of"]

#: Why a line was removed.
REASONS = ("blank", "before report", "after report", "page chrome", "duplicate paste", "appendix")


@dataclass(frozen=True, eq=False)
class Cleaned:
    """The cleaned report and its audit.

    ``text``: one paragraph per line, first line the title.  ``kept`` (line_no, line, col)
    and ``removed`` (line_no, line, reason, col, wrapper) together hold every input line
    exactly once (``wrapper`` names the container the page came out of, e.g. a CSV record,
    or is empty); ``line_no`` is 1-based in ``doc.text.split("\\n")``.  A page scraped onto one
    very long line is cut into pieces at paragraph boundaries; then several rows share a
    ``line_no`` and ``col`` is each piece's offset in that line (0 otherwise).
    """

    text: str
    kept: pd.DataFrame
    removed: pd.DataFrame

    def rebuild(self) -> str:
        """The input text, rebuilt from ``kept`` and ``removed`` (the audit's proof)."""
        rows = pd.concat([self.kept[["line_no", "col", "line"]],
                          self.removed[["line_no", "col", "line"]]])
        rows = rows.sort_values(["line_no", "col"], kind="stable")
        return "\n".join(rows.groupby("line_no", sort=True)["line"].agg("".join))


# --- genre signals -------------------------------------------------------------------

_BAO = "[报報]"
# A title line: optional forum tag [河南] / 【转载】, the title ending in 政府工作报告, and
# optionally (全文) or a web page's " _ site name" suffix.  No sentence punctuation and
# no verbs of news headlines (作, 审议, 解读 …) inside.
_TITLE = re.compile(
    rf"^(?:(?P<tag>[\[【][^\]】]{{1,12}}[\]】])\s*)?"
    rf"(?P<title>[^，。：；！？、“”]{{0,60}}?政府工作{_BAO}告)"
    r"(?P<suffix>\s*（(?:全文|摘要|实录|文字实录|全文实录|图文实录|图文直播|附全文|全文发布)）"
    r"|\s*(?:[_|｜]|\s[-–—]\s|——(?!\s*(?:\d|[〇○一二]{4})))\s*[^，。]{1,30})?$"
)
_NEWS_VERB = re.compile(r"作|审议|審議|听取|聽取|解读|解讀|学习|學習|热议|熱議|图解|圖解|关于|關於|讨论|討論|落实|落實")
_BREADCRUMB = re.compile(r"[>›»]")


def _after_breadcrumb(line: str) -> str:
    """The last step of a breadcrumb trail (首页 > 政务公开 > 标题)."""
    parts = _BREADCRUMB.split(line)
    return parts[-1].lstrip()
_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、.．]|（[一二三四五六七八九十]{1,3}）|\d{1,2}[.．、](?!\d)"
    r"|（\d{1,2}）|[①-⑳]|第[一二三四五六七八九十]{1,3}(?:部分|章|节|節|篇))"
)
# A part numbered by a Chinese numeral alone on its line (older national reports: 一 … 四).
_BARE_NUMERAL = re.compile(r"[一二三四五六七八九十]{1,3}")
_DASHES = re.compile(r"^[—―─\-－]{1,4}")
# The salutation, also as a short line that only addresses the deputies (a misprinted
# 各 is still a salutation).
_SALUTATION = re.compile(r"^(?:各位代表|各位委员|各位委員|代表们|代表們|.{1,3}代表[们們]?[：:！!]$)")
_PUNCT_ONLY = re.compile(r"[。！？；，、：”’）」』…!?;,:]{1,3}")
_MEETING_REST = re.compile(r"(?:[^，。]{0,18}[会會][议議])?上）?")
_LET_US = re.compile(r"[让讓]我[们們]")
_CLOSING = re.compile(r"^(?:各位代表|同志们|同志們|代表们|代表們)")
# Sentence-final punctuation; a closing quote or bracket counts only after 。！？
# (“好”等次 goes on, 他说：“好。” ends).
_TERMINAL = re.compile(r"(?:[。！？；：…!?;:]|[。！？…!?][”’」』）)])$")

# Runs, not single characters: counting them needs far fewer match objects.
_LATIN_RUN = re.compile("[A-Za-z]+")


def title_of(line: str) -> str | None:
    """The report title in a (normalised) line, without forum tag, breadcrumb or site suffix.

    >>> title_of("[河南] 2019年郑州市惠济区政府工作报告")
    '2019年郑州市惠济区政府工作报告'
    >>> title_of("2020年政府工作报告_中国政府网"), title_of("市长作政府工作报告") is None
    ('2020年政府工作报告', True)
    """
    if "政府工作" not in line or len(line) > 200:
        return None
    m = _TITLE.match(line) or _TITLE.match(_after_breadcrumb(line))
    if not m:
        return None
    title = _after_breadcrumb(m.group("title")).strip()
    if _NEWS_VERB.search(title[:-6]) or not title.endswith(("政府工作报告", "政府工作報告")):
        return None
    return title



def _is_meeting(t: str) -> bool:
    if _DASHES.match(t) and len(t) <= 100 and re.search(r"年|[会會][议議]|大[会會]", t):
        return True
    return len(t) <= 80 and bool(MEETING_TAIL.search(t))


def _classify(t: str) -> str:
    """One of: blank, title, heading, meeting, salutation, hard, note, chrome, strong, weak, other."""
    if not t:
        return "blank"
    if t[0] in "（(" and t[-1] in "）)":
        if is_source_note(t):
            return "hard"  # the publisher's note: the speech is over
        if is_stage_direction(t):
            return "note"  # kept inside the body, dropped after its end
    if title_of(t):
        return "title"
    n, cjk = len(t), cjk_count(t)
    if (_HEADING.match(t) and cjk >= 1) or _BARE_NUMERAL.fullmatch(t):
        return "heading"
    if _is_meeting(t) or _MEETING_REST.fullmatch(t) or (len(t) <= 40 and SPEAKER_LINE.search(t)):
        # the front matter: the meeting line (or the 上 a narrow page wrapped off it), the speaker
        return "meeting"
    if _SALUTATION.match(t):
        return "salutation"
    # Density: reports are Chinese with many numbers (6.5%，123.4亿元) but few Latin letters.
    latin = sum(map(len, _LATIN_RUN.findall(t)))
    dense = cjk >= 0.25 * n and latin <= 0.3 * n
    strong = cjk >= 10 and dense and (bool(_TERMINAL.search(t)) or n >= 40)
    # The cheap test first: long body paragraphs skip the many-alternative search.
    if not (strong and cjk >= 60) and HARD_STOP.search(t):
        return "hard"
    if _PUNCT_ONLY.fullmatch(t):
        return "other"  # a wrap remnant (the 。 a narrow page pushed onto its own line), not chrome
    if cjk < 2 or SOFT_CHROME.fullmatch(t) or is_nav(t):
        return "chrome"
    if strong:
        return "strong"
    if dense and cjk >= 0.4 * n:
        return "weak"
    return "other"


_BODY = {"heading", "meeting", "salutation", "strong"}
# How many non-body lines the body may skip over (page chrome between parts of the body);
# more right after the title, where a forum's user panel can sit between a thread title
# and the body.
_MAX_GAP = 30
_MAX_GAP_AFTER_TITLE = 80


def _very_strong(kind: str, t: str) -> bool:
    return kind in {"heading", "meeting", "salutation"} or (kind == "strong" and cjk_count(t) >= 50)


def _speech_in_gap(v: _Line) -> bool:
    # A body line, or a short one that reads as speech: a sentence, or a ——分项 item.
    return v.kind in _BODY or (v.kind == "weak" and bool(_TERMINAL.search(v.norm)
                                                         or _DASHES.match(v.norm)))


def _is_closing(t: str) -> bool:
    return bool((_CLOSING.match(t) and _LET_US.search(t))
                or (_LET_US.match(t) and re.search("[！!。]$", t)))


# --- joining lines the page wrapped -------------------------------------------------

# A line ending in one of these cannot end a paragraph: the sentence goes on.  (Only
# unambiguous ones: 向 ends 取向, 与 ends 参与, 对 ends 应对.)
_CONTINUES = tuple("，,、（《“的")


def _starts_structure(t: str) -> bool:
    return bool(_HEADING.match(t) or _DASHES.match(t) or _SALUTATION.match(t) or title_of(t))


def _wrap_width(lines: list[str]) -> int | None:
    """The width at which a page wrapped its lines, if a clear majority share one."""
    open_lengths = [len(t) for t in lines if len(t) >= 15 and not _TERMINAL.search(t)]
    if len(open_lengths) < 5:
        return None
    width, count = Counter(open_lengths).most_common(1)[0]
    return width if count >= 0.3 * len(open_lengths) and count >= 5 else None


def _wrapped(a: str, b: str, width: int | None) -> bool:
    """Does line ``b`` continue the sentence that line ``a`` left unfinished?"""
    if not a or not b or _starts_structure(b) or _TERMINAL.search(a) or title_of(a):
        return False
    if _DASHES.match(a):  # the ——date/meeting line, split before its 会议上 (or just its 上)
        return len(b) <= 20 and bool(re.search("[会會]", b) or b.endswith("上"))
    if _HEADING.match(a) and not re.search("[。！？]", a):
        return False  # a stand-alone heading; one that opens a paragraph wraps like any line
    if a.endswith(_CONTINUES):
        return True
    if width and len(a) >= width - 1:
        return True
    return len(a) >= 15 and len(b) <= 10 and bool(re.search("[。！？；]$", b)) and "，" in a


def _join(a: str, b: str) -> str:
    if a[-1:].isascii() and a[-1:].isalnum() and b[:1].isascii() and b[:1].isalnum():
        return f"{a} {b}"
    return a + b


# --- the cleaner ---------------------------------------------------------------------

_BLANK = re.compile(r"[\s\u200b-\u200d\u2060\ufeff\u00ad]*")


class _Line:
    """One input line (or one piece of a long line); normalised and classified lazily,
    because the lines after the report's end need neither (a 20 MB page stays fast)."""

    def __init__(self, line_no: int, col: int, raw: str, whole: bool) -> None:
        self.line_no, self.col, self.raw, self.whole = line_no, col, raw, whole
        self.blank = bool(_BLANK.fullmatch(raw))

    @cached_property
    def norm(self) -> str:
        return "" if self.blank else normalize_line(self.raw)

    @cached_property
    def kind(self) -> str:
        return "blank" if self.blank else _classify(self.norm)

    def may_be_title(self) -> bool:
        # Every title ends in 报告/報告: skip the regex on all other lines.
        return not self.blank and "告" in self.raw and self.kind == "title"


def clean_document(doc: Document) -> Cleaned:
    """Find, normalise and audit the report body of a decoded page.

    Raises `ReportError` when the page holds no government work report.
    """
    lines = _virtual_lines(doc.text)
    start, has_title = _find_start(lines, doc.source)
    last, gap_chrome, dup, appendix = _find_end(lines, start)
    last, echo = _without_echo(lines, start, last, gap_chrome)
    reasons = _reasons(lines, start, last, gap_chrome, dup, appendix, echo)
    kept_idx = [i for i in range(len(lines)) if reasons[i] is None]
    paragraphs = _paragraphs(lines, kept_idx, start, has_title)
    _check_genre(lines, kept_idx, has_title, doc.source)

    kept = pd.DataFrame(
        [(lines[i].line_no, lines[i].raw, lines[i].col) for i in kept_idx],
        columns=["line_no", "line", "col"],
    )
    removed = pd.DataFrame(
        [(v.line_no, v.raw, r, v.col, doc.wrapper) for v, r in zip(lines, reasons) if r is not None],
        columns=["line_no", "line", "reason", "col", "wrapper"],
    )
    return Cleaned(text="\n".join(paragraphs), kept=kept, removed=removed)


def _virtual_lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    for no, line in enumerate(text.split("\n"), start=1):
        pieces = segments(line)
        for col, piece in pieces:
            out.append(_Line(no, col, piece, whole=len(pieces) == 1))
    return out


def _next_nonblank(lines: list[_Line], i: int, count: int) -> list[_Line]:
    found = []
    for k in range(i + 1, len(lines)):
        v = lines[k]
        if v.kind != "blank":
            found.append(v)
            if len(found) == count:
                break
    return found


def _title_score(lines: list[_Line], i: int) -> int:
    """How much the lines after a title candidate look like the start of a report."""
    v = lines[i]
    m = _TITLE.match(v.norm) or _TITLE.match(_after_breadcrumb(v.norm))
    score = 1
    if m and m.group("tag"):
        score -= 1  # a forum thread title; the body usually repeats the title
    if m and m.group("suffix") and not m.group("suffix").strip().startswith("（"):
        score -= 1  # a web page's <title>
    if _BREADCRUMB.search(v.norm):
        score -= 2
    # Viewer chrome one token per line (date, 来源, 【字号 大 中 小】, 分享) may sit between a
    # page's title and the meeting line: look past it.
    ahead = [w for w in _next_nonblank(lines, i, 30) if w.kind != "chrome"][:6]
    # The window ends at the next title: the body's own title beats a page headline.
    nxt = next((k for k, w in enumerate(ahead) if w.kind == "title"), None)
    ahead = ahead[:nxt] if nxt is not None else ahead
    signals = {
        3: any(w.kind == "meeting" for w in ahead),
        2: any(w.kind == "salutation" for w in ahead),
        1: any(w.kind == "heading" for w in ahead),
    }
    score += sum(points for points, hit in signals.items() if hit)
    score += any(w.kind == "strong" for w in ahead)
    score += any(SPEAKER_LINE.search(w.norm) and len(w.norm) <= 40 for w in ahead)
    return score


def _find_start(lines: list[_Line], source: str) -> tuple[int, bool]:
    titles = [i for i, v in enumerate(lines) if v.may_be_title()]
    if titles:
        scores = [(_title_score(lines, i), -i) for i in titles]
        best = max(scores)
        return -best[1], True
    # No title line: start at the meeting line or the salutation, if a body follows.
    for i, v in enumerate(lines):
        if v.kind in {"meeting", "salutation"}:
            return i, False
    raise ReportError(source, "no government work report found "
                              "(no title ending in 政府工作报告, no 各位代表 salutation)")


# A glossary heading (注释, 名词解释, 附件) ends the speech after its closing call, or
# after this much of it when the closing call has an unusual form: a speech never opens
# with a glossary.
_MIN_BODY_BEFORE_APPENDIX = 2000


def _find_end(lines: list[_Line], start: int) -> tuple[int, set[int], tuple[int, int] | None, int | None]:
    """Last body line, the chrome lines skipped inside the body, a duplicate copy's span,
    and where an appendix printed after the speech starts."""
    title = title_of(lines[start].norm)
    seen: set[str] = {lines[start].norm}
    last = start
    gap: list[int] = []
    gap_has_chrome = False
    closing_seen = False
    chrome_inside: set[int] = set()
    dup: tuple[int, int] | None = None
    appendix: int | None = None
    body_cjk = 0
    previous = start  # the last non-blank line seen
    for i in range(start + 1, len(lines)):
        v = lines[i]
        if v.kind == "blank":
            continue
        before, previous = previous, i
        if _repeats(lines, i, title, seen, v):
            dup = _duplicate_span(lines, i, seen)
            break
        if v.kind in {"hard", "title"}:
            break
        if (closing_seen or body_cjk >= _MIN_BODY_BEFORE_APPENDIX) and is_appendix_heading(v.norm):
            appendix = i
            break
        if v.kind in _BODY:
            if gap_has_chrome and (closing_seen or not _very_strong(v.kind, v.norm)):
                gap.append(i)
                if len(gap) > (_MAX_GAP if last > start else _MAX_GAP_AFTER_TITLE):
                    break
                continue
            if gap_has_chrome:
                # Only the gap's chrome goes: body lines that waited in it for a strong line
                # (short ——分项 lines after a stray quote mark) are the speech.
                chrome_inside.update(k for k in gap if not _speech_in_gap(lines[k]))
            last, gap, gap_has_chrome = i, [], False
            seen.add(v.norm)
            body_cjk += cjk_count(v.norm)
            closing_seen = closing_seen or _is_closing(v.norm)
            continue
        gap.append(i)
        if v.kind == "chrome" and not _is_fragment_after(lines[before].norm, v.norm):
            gap_has_chrome = True
            if closing_seen:
                break
        if len(gap) > (_MAX_GAP if last > start else _MAX_GAP_AFTER_TITLE):
            break
    return last, chrome_inside, dup, appendix


def _repeats(lines: list[_Line], i: int, title: str | None, seen: set[str], v: _Line) -> bool:
    """Does line i start a second copy of the report pasted after the first?"""
    if v.kind == "title" and title_of(v.norm) == title:
        return any(w.norm in seen for w in _next_nonblank(lines, i, 10) if len(w.norm) >= 8)
    if v.kind == "meeting" and v.norm in seen:
        return True
    return v.kind in _BODY and len(v.norm) >= 30 and v.norm in seen


def _duplicate_span(lines: list[_Line], first: int, seen: set[str]) -> tuple[int, int]:
    end = first
    for j in range(first, len(lines)):
        if lines[j].norm in seen or lines[j].kind == "title" and j == first:
            end = j
    return first, end


def _without_echo(lines: list[_Line], start: int, last: int,
                  chrome_inside: set[int]) -> tuple[int, int | None]:
    """The body's end without a damaged copy of its own closing lines pasted after it.

    Returns the new last line and the echo's line (None when there is none).
    """
    t = lines[last].norm
    if last == start or len(t) < 20:
        return last, None
    body = [k for k in range(start, last) if not lines[k].blank and k not in chrome_inside]
    if not body or not any(t != lines[k].norm and t in lines[k].norm for k in body[-5:]):
        return last, None
    return body[-1], last


def _reasons(lines: list[_Line], start: int, last: int, chrome_inside: set[int],
             dup: tuple[int, int] | None, appendix: int | None,
             echo: int | None = None) -> list[str | None]:
    # A line after the end that repeats a kept line belongs to another copy of the page
    # (archives that print the page several times).  Raw text is compared, so the lines
    # after the end need no normalising.
    kept_raw = {lines[i].raw.strip() for i in range(start, last + 1)
                if not lines[i].blank and i not in chrome_inside}
    appendix_end = _appendix_end(lines, appendix) if appendix is not None else -1
    reasons: list[str | None] = []
    for i, v in enumerate(lines):
        if v.blank:
            reasons.append("blank")
        elif i < start:
            reasons.append("before report")
        elif i <= last:
            reasons.append("page chrome" if i in chrome_inside else None)
        elif (dup and dup[0] <= i <= dup[1]) or i == echo or v.raw.strip() in kept_raw:
            reasons.append("duplicate paste")
        elif appendix is not None and appendix <= i < appendix_end:
            reasons.append("appendix")
        else:
            reasons.append("after report")
    return reasons


def _appendix_end(lines: list[_Line], first: int) -> int:
    """Where the glossary or appendix that starts at line ``first`` gives way to page chrome."""
    for j in range(first + 1, len(lines)):
        if not lines[j].blank and lines[j].kind in {"hard", "title", "chrome"}:
            return j
    return len(lines)


def _paragraphs(lines: list[_Line], kept_idx: list[int], start: int, has_title: bool) -> list[str]:
    width = _wrap_width([lines[i].norm for i in kept_idx])
    paragraphs: list[str] = []
    prev: _Line | None = None
    glue = False  # the previous line was a sub- or superscript: the sentence goes on
    for i in kept_idx:
        v = lines[i]
        text = title_of(v.norm) if (i == start and has_title) else v.norm
        adjacent = (prev is not None and prev.whole and v.whole
                    and v.line_no == prev.line_no + 1)
        joinable = bool(paragraphs) and adjacent and i != start
        fragment = joinable and _is_fragment_after(paragraphs[-1], text)
        if fragment or (joinable and glue and not _starts_structure(text)):
            paragraphs[-1] += text
        elif joinable and _wrapped(paragraphs[-1], text, width):
            paragraphs[-1] = _join(paragraphs[-1], text)
        else:
            paragraphs.append(text)
        glue, prev = fragment, v
    return paragraphs


# A sub- or superscript a page's HTML put on its own line: PM / 2.5 / 浓度, CO / 2.
_FRAGMENT = re.compile(r"[A-Za-z0-9.+\-]{1,6}")


def _is_fragment_after(previous: str, t: str) -> bool:
    return bool(_FRAGMENT.fullmatch(t)) and bool(previous) and not _TERMINAL.search(previous) \
        and previous[-1].isascii() and previous[-1].isalnum()


def _check_genre(lines: list[_Line], kept_idx: list[int], has_title: bool, source: str) -> None:
    """Refuse pages that only mention a report: the body must look like the speech."""
    kinds = [lines[i].kind for i in kept_idx]
    body_chars = sum(cjk_count(lines[i].norm) for i in kept_idx)
    signals = (
        ("salutation" in kinds)
        + ("meeting" in kinds)
        + (kinds.count("heading") >= 2)
        + any(_is_closing(lines[i].norm) for i in kept_idx)
        + has_title
    )
    if body_chars < 20 or signals < 2:
        raise ReportError(source, "no government work report found (a title or mention, "
                                  "but no report body with 各位代表, meeting line or headings)")
