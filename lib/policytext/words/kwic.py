"""Keywords in context (KWIC) straight from offsets into the report text."""

from __future__ import annotations

import re

import pandas as pd

__all__ = ["kwic"]


def kwic(
    text: str,
    term: str,
    *,
    window: int = 20,
    regex: bool = False,
    sentences: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Every occurrence of `term`: start, end, left, keyword, right (+ sentence_id).

    `left`/`right` hold up to `window` characters of `text` either side, newlines shown as
    spaces. With `regex=True`, `term` is a regular expression. With `sentences` (a frame
    with sentence_id, start, end) each hit gets the sentence holding its start.

    >>> kwic("深化“放管服”改革，持续推进放管服", "放管服", window=4)
       start  end  left keyword right
    0      3    6   深化“     放管服  ”改革，
    1     14   17  持续推进     放管服
    """
    if not term:
        raise ValueError("kwic: empty search term")
    rx = re.compile(term if regex else re.escape(term))
    rows = []
    for m in rx.finditer(text):
        s, e = m.span()
        if s == e:
            continue
        rows.append((
            s, e,
            text[max(0, s - window):s].replace("\n", " "),
            m.group(0),
            text[e:e + window].replace("\n", " "),
        ))
    out = pd.DataFrame(rows, columns=["start", "end", "left", "keyword", "right"])
    if sentences is not None:
        sents = sentences.sort_values("start")
        idx = sents["start"].searchsorted(out["start"], side="right") - 1
        ids = sents["sentence_id"].to_numpy()[idx.clip(0)] if len(sents) else []
        inside = (idx >= 0) & (out["start"].to_numpy() < sents["end"].to_numpy()[idx.clip(0)])
        out["sentence_id"] = pd.Series(ids, index=out.index, dtype="Int64").where(inside, pd.NA)
    return out
