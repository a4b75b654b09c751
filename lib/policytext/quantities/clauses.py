"""Sentences and clauses of a cleaned report, as the extractors see them.

A clause runs between ，；。！？： (or a line break): the genre's unit of one subject, one verb
and one number (生产总值完成171.31亿元，增长9.5%). Clause bounds are looked up in a sorted list
of the clause marks made once per text, so finding the clause of every number stays linear in
the text however many numbers a clause holds.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import pandas as pd

__all__ = ["CLAUSE_MARKS", "TARGET_WORDS", "ClauseBounds", "SentenceIndex", "sentence_index"]

#: Characters that end a clause.
CLAUSE_MARKS = "，；。！？：\n,;!?"
#: Words that make a clause a plan or promise rather than a report of the past.
TARGET_WORDS = re.compile(r"力争|确保|争取|力求|预计|计划|将|目标是|预期|要|努力")


class ClauseBounds:
    """Clause start and end around any position of one text.

    >>> c = ClauseBounds("生产总值完成171亿元，增长9.5%。")
    >>> c.start(0, 15), c.end(15, 20)
    (12, 18)
    """

    def __init__(self, text: str) -> None:
        marks = set(CLAUSE_MARKS)
        self._marks = [i for i, ch in enumerate(text) if ch in marks]

    def start(self, lo: int, pos: int) -> int:
        """First offset of the clause holding `pos`, not before `lo`."""
        if pos <= lo:
            return pos
        k = bisect.bisect_left(self._marks, pos) - 1
        return max(lo, self._marks[k] + 1) if k >= 0 else lo

    def end(self, pos: int, hi: int) -> int:
        """Offset of the mark that ends the clause holding `pos`, at most `hi`."""
        if pos >= hi:
            return pos
        k = bisect.bisect_left(self._marks, pos)
        return min(hi, self._marks[k]) if k < len(self._marks) else hi


@dataclass
class SentenceIndex:
    """Sentences as parallel lists: ids, starts, ends, deepest section and part."""

    ids: list[int]
    starts: list[int]
    ends: list[int]
    section: list[object]
    part: list[str]


def sentence_index(text: str, sentences: pd.DataFrame | None,
                   sections: pd.DataFrame | None) -> SentenceIndex:
    """The sentences of `text` from the sentences table, or split at 。！？ when there is none.

    >>> sentence_index("增长9.5%。力争增长7%。", None, None).starts
    [0, 7]
    """
    if sentences is None or len(sentences) == 0:
        # no structure available: one sentence per 。！？ or line, part unknown
        spans = [(m.start(), m.end()) for m in re.finditer(r"[^。！？\n]+[。！？]?", text)]
        secs, parts = _deepest_sections([a for a, _ in spans], sections)
        return SentenceIndex(list(range(len(spans))), [a for a, _ in spans],
                             [b for _, b in spans], secs, parts)
    s = sentences.sort_values("start")
    part = s["part"].tolist() if "part" in s else _parts_from_sections(s, sections)
    return SentenceIndex(s["sentence_id"].tolist(), s["start"].tolist(), s["end"].tolist(),
                         s["section_id"].tolist(),
                         [p if isinstance(p, str) else "other" for p in part])


def _deepest_sections(starts: list[int],
                      sections: pd.DataFrame | None) -> tuple[list[object], list[str]]:
    """For each offset, the deepest section holding it and that section's part."""
    if sections is None or len(sections) == 0:
        return [pd.NA] * len(starts), ["other"] * len(starts)
    rows = sections.sort_values(["start", "level"]).to_dict("records")
    secs, parts = [], []
    for pos in starts:
        best = None
        for r in rows:
            if r["start"] <= pos < r["end"] and (best is None or r["level"] >= best["level"]):
                best = r
        secs.append(best["section_id"] if best else pd.NA)
        parts.append(best["part"] if best and isinstance(best["part"], str) else "other")
    return secs, parts


def _parts_from_sections(s: pd.DataFrame, sections: pd.DataFrame | None) -> list[str]:
    if sections is None or "part" not in sections:
        return ["other"] * len(s)
    parts = dict(zip(sections["section_id"], sections["part"]))
    return [parts.get(x, "other") for x in s["section_id"]]
