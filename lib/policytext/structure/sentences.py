"""Sentences of a cleaned report, with offsets and the section each one belongs to.

A sentence ends at 。！？ (or at a line end), together with any closing quote or
bracket that follows the stop. It never ends inside quotes “…” ‘…’ or brackets （…）《…》【…】:
a stop inside them belongs to the quoted or bracketed passage. The semicolon ； is not a
boundary by default, because in these reports it joins the clauses of one long sentence
(the usual choice in text-as-data work on Chinese policy texts); pass ``semicolon=True`` to
split there too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pandas as pd

__all__ = ["sentence_spans", "split_sentences"]

# Sentence-final marks; "!" / "?" are half-width forms that sometimes survive scraping. The
# ellipsis …… is not one: in these reports it mostly stands inside a sentence.
_STOPS = frozenset("。！？!?")
_OPENERS = {"“": "”", "‘": "’", "（": "）", "(": ")", "《": "》", "【": "】", "「": "」", "『": "』"}
_CLOSERS = frozenset(_OPENERS.values())
_SPACE = re.compile(r"\s")
_MARKS = re.compile("[" + re.escape("".join([*_OPENERS, *_CLOSERS, *_STOPS, "；;"])) + "]")


def sentence_spans(text: str, *, semicolon: bool = False) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of every sentence in ``text``, whitespace trimmed, in order.

    Line ends always close a sentence; nesting depth is reset at each line so that one
    unbalanced quote cannot swallow the rest of the report.

    >>> s = "做强现代服务业。推进“一窗受理。集成服务”！对吗？\\n一、2019年重点工作"
    >>> [s[a:b] for a, b in sentence_spans(s)]
    ['做强现代服务业。', '推进“一窗受理。集成服务”！', '对吗？', '一、2019年重点工作']
    """
    stops = _STOPS | {"；", ";"} if semicolon else _STOPS
    pos = 0
    for line in text.split("\n"):
        yield from _line_spans(line, pos, stops)
        pos += len(line) + 1


def _line_spans(line: str, offset: int, stops: frozenset[str]) -> Iterator[tuple[int, int]]:
    stack: list[str] = []
    start = 0
    resume = 0  # characters before this were consumed by the last sentence end
    n = len(line)
    # Only quotes, brackets and stops change the state; jump from one to the next.
    for m in _MARKS.finditer(line):
        i = m.start()
        if i < resume:
            continue
        ch = m.group()
        if ch in "“‘" and stack and stack[-1] == _OPENERS[ch]:
            # “ inside “…: Chinese nests ‘’ in “”, so this is a mistyped closing quote.
            stack.pop()
        elif ch in _OPENERS:
            stack.append(_OPENERS[ch])
        elif ch in _CLOSERS:
            if ch in stack:
                # Close up to the matching opener; tolerates a missing inner closer.
                while stack and stack.pop() != ch:
                    pass
        elif ch in stops and not stack:
            end = i + 1
            # Keep runs of stops (！！, ？！) and a closing quote or bracket that
            # directly follows the stop in the same sentence.
            while end < n and (line[end] in stops or line[end] in _CLOSERS):
                end += 1
            span = _trim(line, start, end)
            if span:
                yield span[0] + offset, span[1] + offset
            start = resume = end
    span = _trim(line, start, n)
    if span:
        yield span[0] + offset, span[1] + offset


def _trim(line: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and _SPACE.match(line[start]):
        start += 1
    while end > start and _SPACE.match(line[end - 1]):
        end -= 1
    return (start, end) if end > start else None


def split_sentences(text: str, sections: pd.DataFrame, *, semicolon: bool = False) -> pd.DataFrame:
    """One row per sentence: sentence_id, section_id, part, start, end, text.

    ``section_id`` is the deepest section of ``sections`` (from
    :func:`policytext.structure.headings.find_sections`) that contains the sentence, and ``part`` is
    that section's part, so sentences of the greeting or the closing call are "other".
    (Below, section 2 is the lead sentence 经济稳步增长。 and the run it opens.)
    Offsets are ``[start, end)`` into ``text``. Sentences end at 。！？ and at line ends (see
    the module docstring); ``semicolon=True`` also splits at ；.

    >>> from policytext.structure.headings import find_sections
    >>> t = "某县政府工作报告\\n一、2018年工作回顾\\n经济稳步增长。就业稳定；物价平稳。"
    >>> split_sentences(t, find_sections(t))[["section_id", "part", "text"]]
       section_id    part         text
    0           0   other     某县政府工作报告
    1           1  review  一、2018年工作回顾
    2           2  review      经济稳步增长。
    3           2  review   就业稳定；物价平稳。
    """
    spans = list(sentence_spans(text, semicolon=semicolon))
    sec = sections.sort_values(["start", "level"])
    starts = sec["start"].to_numpy()
    ends = sec["end"].to_numpy()
    levels = sec["level"].to_numpy()
    ids = sec["section_id"].to_numpy()
    parts = dict(zip(sections["section_id"], sections["part"]))
    outside = int(ids[levels.argmin()]) if len(ids) else 0
    order = list(zip(starts.tolist(), ends.tolist(), levels.tolist(), ids.tolist()))
    active: list[tuple[int, int, int, int]] = []  # sections holding the start, sorted as `sec`
    nxt = 0
    rows = []
    for k, (a, b) in enumerate(spans):
        # Deepest section containing the sentence start; sections nest, so the deepest
        # one that contains the start is the one with the highest level (the first on ties).
        # Sentence starts only grow: one sweep over the sorted sections replaces a
        # per-sentence array scan.
        active = [row for row in active if a < row[1]]
        while nxt < len(order) and order[nxt][0] <= a:
            if a < order[nxt][1]:
                active.append(order[nxt])
            nxt += 1
        best = outside
        if active:
            top = max(row[2] for row in active)
            best = next(row[3] for row in active if row[2] == top)
        rows.append((k, best, parts.get(best, "other"), a, b, text[a:b]))
    return pd.DataFrame(
        rows, columns=["sentence_id", "section_id", "part", "start", "end", "text"]
    ).astype({"sentence_id": "int64", "section_id": "int64", "start": "int64", "end": "int64"})
