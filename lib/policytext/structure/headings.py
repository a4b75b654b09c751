"""The structure of a cleaned report: heading tree, parts, numbered points and lead sentences.

:func:`find_sections` reads the text one paragraph (line) at a time and returns one row per
section, the whole document being section 0. The rules, all taken from the genre:

Headings (``kind == "heading"``) open a paragraph and use the official numbering, one
level per style: 一、 (level 1), （一） (2), 1. / 1． / 1、 (3), （1） (4), ① (5). A heading
either stands alone on its line or opens a paragraph, in which case its title is the first
sentence. Older national reports may number their parts with a bare numeral alone on its line
(一, 二 …): a level-1 heading with an empty title. Only the start of a paragraph can hold a heading, so "（一）" or "一是" inside a
sentence never counts. A paragraph-opening number must continue the sequence of its level
(一 after nothing or after a new parent, 二 after 一, ...); a short stand-alone heading line
without a final stop is accepted even after a gap (a heading lost in scraping). Levels may be
skipped (一、 then 1.): a heading's parent is the nearest open heading of a higher level.
Parts numbered 第一部分/第一章 are level 1 too, unless the report also numbers 一、 below them;
then they stay unnumbered part titles, which set the part of the 一、 headings that follow.
When inline sibling headings each take exactly one paragraph (the seed's review （一）…（五）),
the last one takes one paragraph too, unless a deeper heading follows it.

Numbered points (``kind == "item"``): runs of paragraphs that open with 一要/二要…,
一是/二是… or 第一，/第二，… (at least two, starting at 一, in order, with no heading in
between) are the points of their section, one level below it (at least level 2). A 一是…二是…
enumeration inside a paragraph is not a point.

Parts (``part``): review of last year, plan for this year, government self-improvement, or
other. The level-1 headings decide, by keywords and by the year in the title compared with
the report's year (the first 19xx/20xx年 in the first lines): 回顾/过去一年 or an earlier year
-> review; 自身建设 -> self_improvement; 重点工作/工作安排/工作任务/总体要求 or the report's
year -> plan; a level-1 heading without such a word continues the previous part (or, if it is
the first, is judged by its body's past- vs future-tense markers). Sections below inherit
their level-1 section's part. Text before the first level-1 heading (title, speaker,
greeting) is "other", except that when no level-1 heading is a review, the paragraphs from
the first one that opens with 过去一年/一年来/去年/<last year>年 form an implicit review
section (``kind == "implicit"``, level 1, no number). Reports without level-1 headings get
their parts from paragraph openers (过去一年… -> review, 今年/<this year>年… -> plan,
自身建设 -> self_improvement, always in that order), each run becoming an implicit level-1
section. The closing call (a paragraph among the last three that opens with 各位代表, 同志们
or 让我们 after the last heading) belongs to no section and is "other".

Lead sentences (``kind == "lead"``, level 6) open a run of text inside a section
("产业发展路径更加明晰。"). They are found conservatively: a sentence ending in 。 of 4-20
characters (a leading —— not counted), with no Arabic digits, no colon and at most one comma,
that either opens a paragraph (and is followed by more text, not a salutation or a connective
like 同时/此外) or, inside a paragraph, has no punctuation or quotes at all and is one of at least
two such lead sentences in that paragraph. A lead section runs to the next lead sentence in the
same paragraph or to the end of its paragraph: paragraphs without a lead (transitions, thanks,
problems) stay in the enclosing section rather than being swallowed by the previous run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

import pandas as pd

from policytext.read.metadata import report_year
from policytext.read.numerals import cn_int
from policytext.structure.leads import lead_sentence_starts
from policytext.structure.sentences import sentence_spans

__all__ = ["PARTS", "classify_part", "find_sections", "outline"]

PARTS = ("review", "plan", "self_improvement", "other")

_CN = "[一二三四五六七八九十]{1,3}"

# Heading numbers at the start of a paragraph, one pattern per level. The negative
# look-ahead keeps numbers such as "1.5万" or "1、2号线" out (but "一、2018年…" is a heading).
_HEADING_PATTERNS = [
    # 第一部分 / 第一章: level 1 when the report numbers its parts so (see _accept_headings)
    (1, re.compile(rf"第(?P<num>{_CN})(?P<part>部分|章)\s*[、．.:：]?")),
    (1, re.compile(rf"(?P<num>{_CN})\s*[、．.]")),
    (2, re.compile(rf"[（(]\s*(?P<num>{_CN})\s*[）)]\s*[、．.]?")),
    (3, re.compile(r"(?P<num>\d{1,2})\s*[.．、](?![\d.．、])")),
    (4, re.compile(r"[（(]\s*(?P<num>\d{1,2})\s*[）)]\s*[、．.]?")),
    (5, re.compile(r"(?P<num>[①-⑳])\s*")),
]
# Numbered points that open a paragraph: 一要 / 一是 / 第一，
_ITEM_PATTERN = re.compile(rf"(?:(?P<num>{_CN})(?P<mark>[要是])|第(?P<num2>{_CN})[，,、：:])")

_STANDALONE_MAX = 60  # a heading line longer than this is a numbered paragraph, not a title
_TITLE_STRIP = "。！？；：，!?;:, \t"

# Part keywords for level-1 titles (checked in this order).
_SELF_WORDS = re.compile(r"自身建设|自身改革|政府建设|服务型政府|人民满意的政府")
_REVIEW_WORDS = re.compile(r"回顾|过去的?[一五]年|[一五]年来|去年|工作总结|主要成绩")
_PLAN_WORDS = re.compile(
    r"重点工作|工作安排|工作任务|主要任务|总体要求|预期目标|目标任务|今年|工作部署|政策取向"
    r"|今后五年|未来五年|下一步|展望"
)
_YEAR = re.compile(r"((?:19|20)\d{2})年")

# Tense markers for judging a level-1 body with no part word in its title.
_PAST_MARKERS = re.compile(r"一年来|过去|去年|[完实]现了|取得了|完成了|得到了|达到了")
_FUTURE_MARKERS = re.compile(r"今年|力争|确保|年底前|我们将|全年")

_CLOSING_OPENERS = re.compile(r"(各位代表|各位委员|同志们|代表们|让我们)")


def _number_value(level: int, num: str) -> int:
    if level in (1, 2):
        return cn_int(num)
    if level == 5:
        return ord(num) - ord("①") + 1
    return int(num)


def _number_label(level: int, num: str) -> str:
    return f"（{num}）" if level in (2, 4) else num


def classify_part(title: str, *, year: int | None = None) -> str | None:
    """The part a level-1 heading title announces, or None when the title does not say.

    >>> [classify_part(t, year=2019) for t in
    ...  ["2018年工作回顾", "2019年重点工作", "切实加强政府自身建设", "今年工作任务", "深化改革"]]
    ['review', 'plan', 'self_improvement', 'plan', None]
    """
    if _SELF_WORDS.search(title):
        return "self_improvement"
    if _REVIEW_WORDS.search(title):
        return "review"
    if year is not None:
        years = [int(y) for y in _YEAR.findall(title)]
        if years and max(years) < year:
            return "review"
        if years and max(years) >= year:
            return "plan"
    if _PLAN_WORDS.search(title):
        return "plan"
    return None


@dataclass
class _Para:
    start: int
    end: int


@dataclass
class _Heading:
    para: int
    level: int
    value: int
    number: str
    title: str
    heading_start: int
    heading_end: int
    standalone: bool
    kind: str = "heading"
    style: str = ""


@dataclass
class _Section:
    level: int
    kind: str
    number: str
    title: str
    part: str
    start: int
    heading_start: int
    heading_end: int
    parent: _Section | None = None
    end: int = -1


def _paragraphs(text: str) -> list[_Para]:
    paras, pos = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            paras.append(_Para(pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return paras


def _first_sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Span of the first sentence in text[start:end] (the rest of the line if none ends)."""
    for a, b in sentence_spans(text[start:end]):
        return start + a, start + b
    return start, start


def _clean_title(raw: str) -> str:
    return raw.strip().strip(_TITLE_STRIP).lstrip("—").strip()


# A part numbered by a bare numeral on its own line, without title (the 1960 report: 一 … 四).
_BARE_NUMBER = re.compile(rf"(?P<num>{_CN})")


def _heading_candidate(text: str, i: int, p: _Para) -> _Heading | None:
    line = text[p.start : p.end]
    if m := _BARE_NUMBER.fullmatch(line):
        return _Heading(i, 1, cn_int(m.group("num")), m.group("num"), "", p.start, p.end, True)
    for level, pattern in _HEADING_PATTERNS:
        m = pattern.match(line)
        if not m:
            continue
        value = _number_value(level, m.group("num"))
        t0 = p.start + m.end()
        a, b = _first_sentence(text, t0, p.end)
        if value <= 0 or b <= a:
            return None
        standalone = b == p.end and (p.end - t0) <= _STANDALONE_MAX
        label = f"第{m.group('num')}{m.group('part')}" if "part" in m.groupdict() \
            else _number_label(level, m.group("num"))
        return _Heading(
            i, level, value, label, _clean_title(text[a:b]), p.start, b, standalone,
        )
    return None


def _accept_headings(text: str, paras: list[_Para]) -> list[_Heading]:
    """Keep the heading candidates whose numbers make a sequence (see module docstring)."""
    accepted: list[_Heading] = []
    open_: list[_Heading] = []  # open headings, shallowest first
    candidates = [h for i, p in enumerate(paras) if (h := _heading_candidate(text, i, p))]
    if any(h.number.startswith("第") for h in candidates) and any(
            h.level == 1 and not h.number.startswith("第") for h in candidates):
        # 第一部分 above 一、: the parts stay unnumbered part titles, 一、 keeps level 1
        candidates = [h for h in candidates if not h.number.startswith("第")]
    for h in candidates:
        p = paras[h.para]
        if text[p.end - 1] in "；;":
            continue  # 1.生产总值增长6%； : an item of a list set out line by line, not a title
        same = next((o for o in open_ if o.level == h.level), None)
        in_sequence = h.value == 1 or (same is not None and h.value == same.value + 1)
        # A short stand-alone line without a final stop is a title even after a gap.
        looks_like_title = h.standalone and text[p.end - 1] not in "。！？；"
        lost_one = looks_like_title and (same is None or h.value > same.value)
        if not (in_sequence or lost_one):
            continue
        open_ = [o for o in open_ if o.level < h.level] + [h]
        accepted.append(h)
    return accepted


def _item_candidate(text: str, i: int, p: _Para) -> _Heading | None:
    m = _ITEM_PATTERN.match(text, p.start, p.end)
    if not m:
        return None
    num = m.group("num") or m.group("num2")
    style = m.group("mark") or "第"
    t0 = m.end()
    a, b = _first_sentence(text, t0, p.end)
    if b <= a:
        return None
    title = text[a:b]
    if len(title) > 30:
        # A long first sentence: its first clause names the point.
        cut = re.search(r"[，；,;]", title)
        if cut:
            b = a + cut.start()
            title = text[a:b]
    number = f"第{num}" if style == "第" else num + style
    return _Heading(
        i, 0, cn_int(num), number, _clean_title(title), p.start, b, False, "item", style
    )


def _accept_items(text: str, paras: list[_Para], headings: list[_Heading]) -> list[_Heading]:
    """Runs of 一要/二要… (一是/第一) paragraphs between two headings, as numbered points."""
    heading_paras = {h.para for h in headings}
    items: list[_Heading] = []
    run: list[_Heading] = []

    def flush() -> None:
        if len(run) >= 2:
            items.extend(run)
        run.clear()

    for i, p in enumerate(paras):
        if i in heading_paras:
            flush()
            continue
        c = _item_candidate(text, i, p)
        if c is None:
            continue
        if c.value == 1:
            flush()
            run.append(c)
        elif run and c.value == run[-1].value + 1 and c.style == run[-1].style:
            run.append(c)
    flush()
    return items


def _one_paragraph_headings(headings: list[_Heading]) -> set[int]:
    """Paragraphs of the last heading in a run of inline sibling headings of one paragraph each.

    When every sibling opens a paragraph and takes just that paragraph (the seed's review
    （一）…（五）), the last one takes one paragraph too: what follows (thanks, lessons,
    problems) belongs to the parent, not to the last point.
    """
    result: set[int] = set()
    runs: dict[int, list[_Heading]] = {}
    # Headings directly followed by a deeper one: they hold more than their own paragraph.
    has_child = {a.para for a, b in pairwise(headings) if b.level > a.level}

    def finish(level: int) -> None:
        run = runs.pop(level, [])
        if (
            len(run) >= 2
            and not any(h.standalone or h.para in has_child for h in run)
            and all(b.para == a.para + 1 for a, b in pairwise(run))
        ):
            result.add(run[-1].para)

    for h in headings:
        for level in [lv for lv in runs if lv > h.level]:
            finish(level)
        if h.level in runs and h.value != runs[h.level][-1].value + 1:
            finish(h.level)
        runs.setdefault(h.level, []).append(h)
    for level in list(runs):
        finish(level)
    return result


def _find_closing(text: str, paras: list[_Para], last_struct: int, standalone: bool = False) -> int:
    """Index of the first paragraph of the closing call, or len(paras) if there is none."""
    # After a heading alone on its line, the next paragraph is that heading's own body (the
    # 1960 report's last part 四 opens with 各位代表，…).
    for i in range(max(last_struct + 1 + standalone, len(paras) - 3), len(paras)):
        if _CLOSING_OPENERS.match(text, paras[i].start):
            return i
    return len(paras)


def _body_start(text: str, paras: list[_Para]) -> int:
    """First paragraph after the front matter (title, meeting, speaker, salutation)."""
    for i, p in enumerate(paras[:8]):
        if re.match(r"(各位代表|各位委员|同志们|代表们)", text[p.start : p.end]) and p.end - p.start <= 20:
            return i + 1
    return min(1, len(paras))


def _opener_signals(year: int | None) -> tuple[re.Pattern, re.Pattern]:
    past = r"过去的?[一五]年|[一五]年来|去年|上一年"
    future = r"今年|新的一年|做好今年|主要预期目标|总体要求|今后五年|未来五年"
    if year is not None:
        past += rf"|{year - 1}年"
        future += rf"|{year}年"
    return re.compile(f"(?:{past})"), re.compile(f"(?:{future})")


def _judge_by_tense(body: str) -> str:
    return "plan" if len(_FUTURE_MARKERS.findall(body)) > len(_PAST_MARKERS.findall(body)) else (
        "review"
    )


def _block_parts(
    text: str, paras: list[_Para], headings: list[_Heading], closing: int, year: int | None
) -> tuple[dict[int, str], dict[int, str]]:
    """Decide the parts.

    Returns (parts of level-1 headings by paragraph index, implicit sections: paragraph index
    where an implicit level-1 section starts -> its part).
    """
    past, future = _opener_signals(year)
    level1 = [h for h in headings if h.level == 1]
    l1_parts: dict[int, str] = {}
    implicit: dict[int, str] = {}
    if level1:
        prev: str | None = None
        bounds = [h.para for h in level1] + [closing]
        after = _body_start(text, paras)
        for h, nxt in zip(level1, bounds[1:]):
            # 第二部分 2024年工作安排 above 一、…: an unnumbered part title sets the part
            for i in range(after, h.para):
                line = text[paras[i].start : paras[i].end]
                if _unnumbered_part_title(line):
                    prev = classify_part(line, year=year) or prev
            after = h.para + 1
            part = classify_part(h.title, year=year) or prev
            if part is None:
                body = text[paras[h.para].start : paras[max(nxt - 1, h.para)].end]
                part = _judge_by_tense(body)
            l1_parts[h.para] = prev = part
        if "review" not in l1_parts.values():
            for i in range(_body_start(text, paras), level1[0].para):
                if past.match(text, paras[i].start):
                    implicit[i] = "review"
                    break
        return l1_parts, implicit

    # No level-1 headings: follow paragraph openers and part-naming headings, forward only.
    order = {"other": 0, "review": 1, "plan": 2, "self_improvement": 3}
    by_para = {h.para: h for h in headings}
    state = "other"
    for i in range(_body_start(text, paras), closing):
        new = None
        h = by_para.get(i)
        first = text[paras[i].start : _first_sentence(text, paras[i].start, paras[i].end)[1]]
        if h is not None:
            new = classify_part(h.title, year=year)
        if new is None and _SELF_WORDS.search(re.split(r"[，,]", first)[0]):
            new = "self_improvement"
        if new is None and past.match(text, paras[i].start):
            new = "review"
        if new is None and future.match(text, paras[i].start):
            new = "plan"
        if new is not None and order[new] > order[state]:
            implicit[i] = state = new
    return l1_parts, implicit


def _unnumbered_part_title(line: str) -> bool:
    """A short stand-alone line that names a part of the report (2018年工作回顾, 政府自身建设).

    >>> _unnumbered_part_title("2018年工作回顾"), _unnumbered_part_title("过去一年，全区生产总值增长7%。")
    (True, False)
    """
    return (
        len(line) <= 24
        and not re.search(r"[。！？；，,.!?;]", line)
        and bool(_SELF_WORDS.search(line) or _REVIEW_WORDS.search(line) or _PLAN_WORDS.search(line))
    )


def find_sections(text: str, *, year: int | None = None) -> pd.DataFrame:
    """The section tree of a cleaned report, one row per section, sorted by start.

    Columns: section_id (0 = the whole document, titled with its first line), parent_id
    (Int64, <NA> for the root), level (0 root, 1 一、 or 第一部分, 2 （一）, 3 1., 4 （1）, 5 ①,
    6 lead sentence), kind ("root", "heading", "item", "implicit", "lead"), number ("一",
    "第一部分", "（一）", "1", "（1）", "①", "一要"; "" for leads and implicit sections), title (without number and
    final 。), part ("review", "plan", "self_improvement", "other"), start, end (``[start,
    end)`` into ``text``; a section ends where its last paragraph ends), heading_start,
    heading_end (the number and title), n_chars and share (n_chars / len(text)).
    Spans nest. The rules are in the module docstring. `year` is the report's year (the
    metadata's); when not given it is read from the first lines of `text`.

    >>> t = "某县政府工作报告\\n一、2018年工作回顾\\n（一）产业提质增效。全年新增企业5家。\\n二、2019年工作安排\\n1.做强工业。全年技改投资增长10%。"
    >>> find_sections(t)[["section_id", "parent_id", "level", "number", "title", "part"]]
       section_id  parent_id  level number       title    part
    0           0       <NA>      0         某县政府工作报告   other
    1           1          0      1      一  2018年工作回顾  review
    2           2          1      2    （一）      产业提质增效  review
    3           3          0      1      二  2019年工作安排    plan
    4           4          3      3      1        做强工业    plan
    """
    paras = _paragraphs(text)
    if year is None:
        year = report_year(text)
    headings = _accept_headings(text, paras)
    items = _accept_items(text, paras, headings)
    structural = sorted([h.para for h in headings + items] or [0])
    last_alone = any(h.para == structural[-1] and h.standalone for h in headings)
    closing = _find_closing(text, paras, structural[-1], last_alone)
    headings = [h for h in headings if h.para < closing]
    items = [h for h in items if h.para < closing]
    l1_parts, implicit = _block_parts(text, paras, headings, closing, year)
    one_para = _one_paragraph_headings(headings)

    title_end = paras[0].end if paras else 0
    root = _Section(0, "root", "", text[paras[0].start : title_end] if paras else "", "other",
                    0, paras[0].start if paras else 0, title_end)
    root.end = len(text)
    sections = [root]
    stack = [root]
    marks = {h.para: h for h in items}
    marks.update({h.para: h for h in headings})

    def close(level: int, at: int) -> None:
        # Close every open section at `level` or deeper; it ends with the previous paragraph.
        while len(stack) > 1 and stack[-1].level >= level:
            stack.pop().end = paras[at - 1].end

    for i in range(len(paras[:closing])):
        p = paras[i]
        if i in implicit:
            close(1, i)
            line = text[p.start : p.end]
            if _unnumbered_part_title(line):
                # 2018年工作回顾 standing alone without 一、: a heading that lost its number
                sec = _Section(1, "heading", "", line, implicit[i], p.start, p.start, p.end, root)
                sections.append(sec)
                stack.append(sec)
                continue
            sec = _Section(1, "implicit", "", "", implicit[i], p.start, p.start, p.start, root)
            sections.append(sec)
            stack.append(sec)
        h = marks.get(i)
        body_start, opens = p.start, True
        if h is not None:
            level = h.level
            if h.kind == "item":
                # One level below the innermost open heading: points are siblings.
                owner = next(s for s in reversed(stack) if s.kind != "item")
                level = max(owner.level + 1, 2)
            if level <= 5:
                close(level, i)
                parent = stack[-1]
                part = l1_parts.get(i, "other") if level == 1 else parent.part
                sec = _Section(level, h.kind, h.number, h.title, part, p.start,
                               h.heading_start, h.heading_end, parent)
                sections.append(sec)
                stack.append(sec)
                body_start, opens = h.heading_end, False
        parent = stack[-1]
        if i in one_para and parent.kind == "heading":
            close(parent.level, i + 1)
        if parent is root or body_start >= p.end:
            continue
        starts = lead_sentence_starts(text, body_start, p.end, opens_paragraph=opens)
        for k, a in enumerate(starts):
            b = _first_sentence(text, a, p.end)[1]
            sec = _Section(6, "lead", "", _clean_title(text[a:b]), parent.part, a, a, b, parent)
            sec.end = starts[k + 1] if k + 1 < len(starts) else p.end
            # Trim whitespace before the next lead so that spans stay tight.
            while sec.end > a and text[sec.end - 1].isspace():
                sec.end -= 1
            sections.append(sec)
    if closing >= 1:
        close(1, closing)
    return _to_frame(sections, len(text))


def _to_frame(sections: list[_Section], n: int) -> pd.DataFrame:
    order = sorted(sections, key=lambda s: (s.start, s.level))
    ids = {id(s): k for k, s in enumerate(order)}
    rows = [
        {
            "section_id": ids[id(s)],
            "parent_id": ids[id(s.parent)] if s.parent is not None else pd.NA,
            "level": s.level,
            "kind": s.kind,
            "number": s.number,
            "title": s.title,
            "part": s.part,
            "start": s.start,
            "end": s.end,
            "heading_start": s.heading_start,
            "heading_end": s.heading_end,
            "n_chars": s.end - s.start,
            "share": (s.end - s.start) / n if n else 0.0,
        }
        for s in order
    ]
    cols = ["section_id", "parent_id", "level", "kind", "number", "title", "part", "start",
            "end", "heading_start", "heading_end", "n_chars", "share"]
    frame = pd.DataFrame(rows, columns=cols)
    return frame.astype({"section_id": "int64", "parent_id": "Int64", "level": "int64",
                         "start": "int64", "end": "int64", "heading_start": "int64",
                         "heading_end": "int64", "n_chars": "int64", "share": "float64"})


def outline(sections: pd.DataFrame, *, max_level: int = 2) -> str:
    """The heading tree as an indented outline, one heading per line, with each section's share.

    >>> print(outline(find_sections("2019年某县政府工作报告\\n一、2018年工作回顾\\n（一）抓发展。全县增长7%。\\n"
    ...                             "二、2019年工作安排\\n增长6%。")))
    一、2018年工作回顾  [review, 44.8%]
      （一）抓发展  [review, 24.1%]
    二、2019年工作安排  [plan, 29.3%]
    """
    lines = []
    for row in sections[(sections["level"] >= 1) & (sections["level"] <= max_level)].itertuples():
        number = row.number if row.number.startswith("（") or not row.number else row.number + (
            "、" if row.level == 1 else ".")
        if row.kind == "item":
            number = row.number
        lines.append(f"{'  ' * (row.level - 1)}{number}{row.title}  [{row.part}, {row.share:.1%}]")
    return "\n".join(lines)
