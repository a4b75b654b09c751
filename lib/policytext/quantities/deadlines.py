"""Deadlines of the plan: 4月30日前 / 7月底前 / 上半年 / 年底前 -> dates in the plan year.

A deadline is read only where the report plans (plan part, or a clause worded as a target):
a date in last year's review (2018年10月) or the speech's own date line is no deadline.
Each deadline is linked to the clause it governs (its ``task``) and to the quantities it
governs (``indicator_rows``: their start offsets, as in ``extract_indicators``): those of its
own clause, of the clauses after it up to the next deadline or ；(年底前新建A 3万亩，改造B 5个),
of the clause before it when its task only closes that one (…3万平方米，年底前全部建成投用),
and, for a horizon (到2026年，…), of its whole sentence up to the next deadline. A clause with
a deadline of its own (上半年完成…，全年引进资金80亿元) is never governed by the one before.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re

import pandas as pd

from policytext.quantities.clauses import TARGET_WORDS, ClauseBounds, sentence_index
from policytext.quantities.measures import measured_quantities
from policytext.read.numerals import cn_to_number

__all__ = ["DEADLINE_COLUMNS", "closes_preceding", "extract_deadlines", "resolve_deadline"]

DEADLINE_COLUMNS = ["raw", "start", "end", "due", "sentence_id", "section_id", "task",
                    "task_start", "task_end", "indicator_rows", "explicit_year"]

_MONTH = r"1[0-2]|0?[1-9]|十[一二]|[一二三四五六七八九十]"
_DEADLINE_RE = re.compile(
    # The lookahead lists the characters a deadline can start with, so the engine skips the
    # rest of the text quickly (same matches, a fifth of the time).
    r"(?=[\d一二三四五六七八九十上下年前第到至全])(?:"
    # 2025年前: by the end of that year (not 2025年前三季度 / 2025年前后)
    r"(?P<yearonly>(?:19|20)\d\d)年(?P<ybefore>前|之前|以前)(?![三两一二后])"
    # 到2026年，…: a multi-year target's horizon, the end of that year (not 到2026年底/6月)
    r"|[到至](?P<yearto>(?:19|20)\d\d)年(?![\d一二三四五六七八九十上下前底末初内中第])"
    rf"|(?:(?P<year>(?:19|20)\d\d)年?)?"
    rf"(?:(?<!\d)(?P<month>{_MONTH})月(?:(?P<day>[1-3]?\d)[日号]|(?P<mend>底|末))?"
    # 年底 right after a year (2020年底) or standing alone, never in 三年底 / 全年
    r"|(?:(?<=(?:19|20)\d\d)|(?<![\d一二三四五六七八九十两全]))"
    r"(?P<period>上半年|下半年|年底|年末|年内|全年(?!度)|前三季度|第?[一二三四1-4]季度))"
    r"(?P<before>前|之前|以前)?)"
)
# words that may stand before a deadline opening its clause (今年6月底前完成…)
_FILLER = re.compile(r"(?:今年|全年|力争|确保|争取|计划|预计|将|要|于|在|并|到|至|\s)*")
# a task that only says the work before it gets done (全部建成投用, 如期完成)
_CLOSING = re.compile(r"(?:全部|全面|基本|如期|按期|均|顺利)?(?:完成|建成|竣工|完工|投用|投运|投产|开工|达标|到位)"
                      r"(?:投用|投运|投产|运营|使用|任务|目标)?")
_FILLER_MAX = 12  # filler before a deadline is a word or two (今年, 力争); more is a task
_PERIOD_END = {"上半年": (6, 30), "下半年": (12, 31), "年底": (12, 31), "年末": (12, 31),
               "年内": (12, 31), "全年": (12, 31), "前三季度": (9, 30)}


def _month(s: str) -> int:
    return int(s) if s.isdigit() else int(cn_to_number(s))


def resolve_deadline(raw: str, *, year: int | None) -> dt.date | None:
    """The due date a deadline phrase means in plan year ``year`` (None if it is none).

    Without a plan year only phrases that write their own year resolve.

    >>> resolve_deadline("7月底前", year=2019), resolve_deadline("上半年", year=2019)
    (datetime.date(2019, 7, 31), datetime.date(2019, 6, 30))
    >>> resolve_deadline("2020年底前", year=2019), resolve_deadline("到2026年", year=2022)
    (datetime.date(2020, 12, 31), datetime.date(2026, 12, 31))
    >>> resolve_deadline("年底前", year=None), resolve_deadline("2020年底前", year=None)
    (None, datetime.date(2020, 12, 31))
    """
    m = _DEADLINE_RE.fullmatch(raw)
    return _due(m, year) if m and _is_deadline(m) else None


def _is_deadline(m: re.Match[str]) -> bool:
    """A bare month (6月) is a time, not a deadline; every other match is one."""
    return not m.group("month") or any(m.group(g) for g in ("day", "mend", "before"))


def _due(m: re.Match[str], year: int | None) -> dt.date | None:
    if m.group("yearonly") or m.group("yearto"):
        return dt.date(int(m.group("yearonly") or m.group("yearto")), 12, 31)
    y = int(m.group("year")) if m.group("year") else year
    if y is None:
        return None  # no plan year known: the deadline stays unresolved
    if m.group("month"):
        month = _month(m.group("month"))
        if m.group("day"):
            return dt.date(y, month, int(m.group("day")))
        if m.group("mend"):
            return dt.date(y, month, calendar.monthrange(y, month)[1])
        if m.group("before"):  # 6月前: before June begins
            return dt.date(y, month, 1) - dt.timedelta(days=1)
        return None  # a bare month (6月) is a time, not a deadline
    period = m.group("period")
    if period in _PERIOD_END:
        month, day = _PERIOD_END[period]
        return dt.date(y, month, day)
    q = period.strip("第季度")
    quarter = int(q) if q.isdigit() else int(cn_to_number(q))
    month = 3 * quarter
    return dt.date(y, month, calendar.monthrange(y, month)[1])


def closes_preceding(task: str) -> bool:
    """True when a deadline's task only closes the work named before it in the sentence.

    >>> closes_preceding("全部建成投用"), closes_preceding("完成县经开区标准化厂房二期建设")
    (True, False)
    """
    return bool(_CLOSING.fullmatch(task.strip("，,。；; ")))


def extract_deadlines(text: str, sentences: pd.DataFrame | None = None,
                      sections: pd.DataFrame | None = None, *,
                      year: int | None) -> pd.DataFrame:
    """Every deadline of the plan, with its due date, task and the quantities it governs.

    With ``year=None`` (a report that names no year) every deadline is still listed, but only
    those that write their own year (2020年底前) get a ``due`` date.

    >>> df = extract_deadlines("10月底前完成60%的老旧片区改造。", year=2019)
    >>> df[["raw", "due", "task", "indicator_rows"]].values.tolist()
    [['10月底前', datetime.date(2019, 10, 31), '完成60%的老旧片区改造', [7]]]
    """
    sents = sentence_index(text, sentences, sections)
    clauses = ClauseBounds(text)
    q_starts = [q.start for q in measured_quantities(text)]
    rows = []
    target_clauses: dict[tuple[int, int], bool] = {}
    for m in _DEADLINE_RE.finditer(text):
        if not _is_deadline(m):
            continue
        due = _due(m, year)
        i = max(bisect.bisect_right(sents.starts, m.start()) - 1, 0)
        c0 = clauses.start(sents.starts[i], m.start())
        c1 = clauses.end(m.end(), max(sents.ends[i], m.end()))
        part = sents.part[i]
        if (c0, c1) not in target_clauses:  # read each clause once, however many dates it holds
            target_clauses = {(c0, c1): bool(TARGET_WORDS.search(text, c0, c1))}
        written_year = m.group("year") or m.group("yearonly") or m.group("yearto")
        explicit = written_year is not None
        before = m.group("before") or m.group("ybefore")
        # outside review and plan (no structure known), 年底前 still speaks of the future
        planned = (part in ("plan", "self_improvement") or target_clauses[(c0, c1)]
                   or (part != "review" and before is not None))
        if not planned or (explicit and year is not None and int(written_year) < year):
            continue
        opens = m.start() - c0 <= _FILLER_MAX and bool(_FILLER.fullmatch(text, c0, m.start()))
        if m.group("period") == "全年" and not opens:
            continue  # 完成全年目标任务: the year's whole, not a date; 全年引进…80亿元 is one
        # 10月底前完成…: the task follows; 宜家家居商场上半年营业: the clause is the task
        t0 = m.end() if opens else c0
        if t0 == c1 and c1 < len(text) and text[c1] in "，,：":
            # 6月底前，50个项目全部开工: the deadline stands alone; its task is the next clause
            t0 = c1 + 1
            c1 = clauses.end(t0, max(sents.ends[i], t0))
        rows.append({
            "raw": m.group(0), "start": m.start(), "end": m.end(), "due": due,
            "sentence_id": sents.ids[i], "section_id": sents.section[i],
            "task": text[t0:c1], "task_start": t0, "task_end": c1,
            "explicit_year": explicit,
            # the spans read by _governed
            "_own": (c0, c1), "_sentence": (sents.starts[i], max(sents.ends[i], c1)),
            "_horizon": m.group("yearto") is not None,
        })
    spans = _governed(text, rows)
    for row, (a, b, c, d) in zip(rows, spans):
        row["indicator_rows"] = (q_starts[bisect.bisect_left(q_starts, a):bisect.bisect_left(q_starts, b)]
                                 + q_starts[bisect.bisect_left(q_starts, c):bisect.bisect_left(q_starts, d)])
    return pd.DataFrame(rows, columns=DEADLINE_COLUMNS)


def _governed(text: str, rows: list[dict]) -> list[tuple[int, int, int, int]]:
    """For each deadline (in text order) two spans whose quantities it governs: the clause
    before it that its task closes (or an empty span), then its own clause and the clauses
    after it, up to the next deadline's clause, the next ；or the end of its sentence."""
    semis = [k for k, ch in enumerate(text) if ch in "；;"]
    out = []
    for k, row in enumerate(rows):
        c0, c1 = row["_own"]
        s0, s1 = row["_sentence"]
        nxt = rows[k + 1]["_own"][0] if k + 1 < len(rows) and rows[k + 1]["_sentence"] == (s0, s1) else s1
        stop = min(nxt, s1)
        if not row["_horizon"]:  # a horizon dates its whole sentence; a date only its ；-part
            j = bisect.bisect_left(semis, c1)
            stop = min(stop, semis[j]) if j < len(semis) else stop
        back = (c0, c0)
        if closes_preceding(row["task"]):
            prev = rows[k - 1]["_own"][1] if k and rows[k - 1]["_sentence"] == (s0, s1) else s0
            j = bisect.bisect_left(semis, c0) - 1
            seg = semis[j] + 1 if j >= 0 and semis[j] >= s0 else s0
            back = (max(prev, seg), c0)
        out.append((*back, c0, max(c1, stop)))
        for key in ("_own", "_sentence", "_horizon"):
            row.pop(key)
    return out
