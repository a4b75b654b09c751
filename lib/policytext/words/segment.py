"""The policy tokenizer's cutting: protected spans kept whole, jieba's words on the gaps between.

A :class:`Segmentation` is one text cut once: its candidate spans, the spans kept, and its
tokens stored compactly (a word id, a start offset and a tag code per token: 9 bytes, where a
list of strings costs 8 bytes a pointer plus the string). Term discovery reads those ids;
:meth:`Segmenter.with_spans` then protects the discovered terms and cuts again only where they
change the tokens, so a report goes through jieba once.
"""

from __future__ import annotations

import bisect
import threading
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import accumulate, islice

import numpy as np
import pandas as pd

from policytext.words.jieba_base import FastCut, lexicon, policy_jieba
from policytext.words.spans import (
    NUMERAL,
    PUNCT,
    resolve_spans,
    span_candidates,
    term_candidates,
)

__all__ = ["TAGS", "TOKEN_COLUMNS", "WORD_TABLE_LIMIT", "Segmentation", "Segmenter", "WordTable",
           "default_segmenter"]

TOKEN_COLUMNS = ["token", "start", "end", "tag"]
#: Token tags, by code: jieba's words, then the protected spans (see policytext.words.spans).
TAGS = ("word", "punct", "num", "space", "term", "quantity", "date", "code", "formulation",
        "place", "discovered")
_CODE = {tag: code for code, tag in enumerate(TAGS)}
_SPACE = _CODE["space"]


@dataclass
class Segmentation:
    """One text cut into tokens: candidate spans, spans kept, and per token id, start, tag code.

    ``vocabulary[ids[k]]`` is token k; its tag is ``TAGS[tags[k]]``.
    """

    text: str
    candidates: list[tuple[int, int, str]]
    spans: list[tuple[int, int, str]]
    table: WordTable = field(repr=False, compare=False)
    ids: array = field(default_factory=lambda: array("i"))
    starts: array = field(default_factory=lambda: array("i"))
    tags: array = field(default_factory=lambda: array("b"))

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def vocabulary(self) -> list[str]:
        """Word by id (shared with every text the same segmenter cut)."""
        return self.table.words

    def end(self, k: int) -> int:
        """Where token k ends."""
        return self.starts[k] + len(self.vocabulary[self.ids[k]])

    def frame(self) -> pd.DataFrame:
        """DataFrame(token, start, end, tag).

        >>> default_segmenter().segment("整治“散乱污”").frame()[["token", "tag"]]
          token    tag
        0    整治   word
        1     “  punct
        2   散乱污   term
        3     ”  punct
        """
        words = np.empty(len(self), dtype=object)
        words[:] = list(map(self.vocabulary.__getitem__, self.ids))
        starts = (np.frombuffer(self.starts, dtype=np.int32).astype(np.int64) if len(self)
                  else np.zeros(0, np.int64))
        lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
        tags = np.array(TAGS, dtype=object)[np.frombuffer(self.tags, dtype=np.int8)] if len(
            self) else np.zeros(0, object)
        return pd.DataFrame({"token": words, "start": starts, "end": starts + lengths,
                             "tag": tags})


class WordTable:
    """Words by id, ids by word, and each word's tag as one of jieba's words."""

    def __init__(self, terms: Iterable[str] = ()) -> None:
        self.words: list[str] = []
        self.ids: dict[str, int] = {}
        self.word_tags = bytearray()
        self._lock = threading.Lock()
        for term in sorted(terms):
            self.word_tags[self.intern(term)] = _CODE["term"]

    def intern(self, word: str) -> int:
        """The id of `word`, given it on first sight."""
        with self._lock:
            known = self.ids.get(word)
            if known is None:
                known = self.ids[word] = len(self.words)
                self.words.append(word)
                self.word_tags.append(_CODE[_word_tag(word)])
            return known


#: Words a segmenter keeps ids for; past this it starts a new table (quantities and names make
#: the vocabulary of a long run grow without end). Segmentations keep the table they were cut with.
WORD_TABLE_LIMIT = 500_000


class Segmenter:
    """jieba (through :class:`FastCut`) on the gaps between protected spans.

    Words get ids in the segmenter's word table (shared by the texts it cuts) together with
    their tag as jieba's words; `terms` are tagged ``term`` (the lexicon's entries).
    """

    def __init__(self, tk, terms: Iterable[str] = ()) -> None:
        self.tk = tk
        self.cut = FastCut(tk)
        self._terms = frozenset(terms)
        self.table = WordTable(self._terms)

    def segment(self, text: str, *, extra_terms: Iterable[str] = (),
                learn: bool = True) -> Segmentation:
        """Protect spans (quantities, dates, codes, formulations, quoted terms, places), cut the rest."""
        cands = span_candidates(text, extra_terms=extra_terms, learn=learn)
        if len(self.table.words) > WORD_TABLE_LIMIT:
            self.table = WordTable(self._terms)
        seg = Segmentation(text, cands, resolve_spans(cands, len(text)), self.table)
        self._fill_region(seg, 0, len(text))
        return seg

    def with_terms(self, seg: Segmentation, terms: Iterable[str], tag: str) -> Segmentation:
        """`seg` with every occurrence of `terms` protected too (tag `tag`)."""
        return self.with_spans(seg, term_candidates(seg.text, terms, tag))

    def with_spans(self, seg: Segmentation, extra: list[tuple[int, int, str]]) -> Segmentation:
        """`seg` with more candidate spans (start, end, tag), cut again only where they change it.

        A new span covers whole tokens of `seg` or cuts into some: the tokens it touches make a
        dirty region, which is cut afresh around the spans in it; every other token is kept.
        A discovered term is mostly a run of the report's own words, so mostly nothing is cut.
        """
        if not extra:
            return seg
        text = seg.text
        cands = seg.candidates + extra
        new = Segmentation(text, cands, resolve_spans(cands, len(text)), seg.table)
        old_spans = set(seg.spans)
        fresh = [sp for sp in new.spans if sp not in old_spans]
        done = 0  # old tokens before this index are settled
        for r0, r1, first, last in _dirty_regions(fresh, seg):
            new.ids.extend(seg.ids[done:first])
            new.starts.extend(seg.starts[done:first])
            new.tags.extend(seg.tags[done:first])
            self._fill_region(new, r0, r1)
            done = last
        new.ids.extend(seg.ids[done:])
        new.starts.extend(seg.starts[done:])
        new.tags.extend(seg.tags[done:])
        return new

    def _fill_region(self, seg: Segmentation, r0: int, r1: int) -> None:
        """Tokens of text[r0:r1]: its spans whole, jieba's words between them."""
        text, spans = seg.text, seg.spans
        pos = r0
        k = bisect.bisect_left(spans, (r0, -1, ""))
        while k < len(spans) and spans[k][1] <= r1:
            s, e, tag = spans[k]
            if s > pos:
                self._gap(text, pos, s, seg)
            word = text[s:e]
            known = seg.table.ids.get(word)
            seg.ids.append(seg.table.intern(word) if known is None else known)
            seg.starts.append(s)
            seg.tags.append(_CODE[tag])
            pos = e
            k += 1
        if pos < r1:
            self._gap(text, pos, r1, seg)

    def _gap(self, text: str, start: int, end: int, seg: Segmentation) -> None:
        words = self.cut.words(text[start:end])
        # The arrays grow through C-level iterators: this runs once per word of every report.
        table = seg.table
        ids = list(map(table.ids.get, words))
        if None in ids:
            ids = [table.intern(w) if i is None else i for i, w in zip(ids, words)]
        tags = bytes(map(table.word_tags.__getitem__, ids))
        at = accumulate(map(len, words), initial=start)
        if _SPACE in tags:
            keep = [(i, t, s) for i, t, s in zip(ids, tags, at) if t != _SPACE]
            ids, tags, at = [k[0] for k in keep], bytes(k[1] for k in keep), [k[2] for k in keep]
        seg.ids.extend(ids)
        seg.tags.frombytes(tags)
        seg.starts.extend(islice(at, len(ids)))


def _dirty_regions(fresh, seg: Segmentation):
    """(start, end, first token, past-last token) of the merged regions the new spans touch."""
    starts = seg.starts
    regions: list[list[int]] = []
    for s, e, _ in fresh:
        first = bisect.bisect_right(starts, s) - 1
        if first < 0 or seg.end(first) <= s:
            first += 1
        last = bisect.bisect_left(starts, e)
        r0 = min(s, starts[first]) if first < last else s
        r1 = max(e, seg.end(last - 1)) if first < last else e
        if regions and r0 <= regions[-1][1]:
            regions[-1][1] = max(regions[-1][1], r1)
            regions[-1][3] = max(regions[-1][3], last)
        else:
            regions.append([r0, r1, first, last])
    return regions


def _word_tag(word: str) -> str:
    if word.isspace():
        return "space"
    if PUNCT.fullmatch(word):
        return "punct"
    if NUMERAL.fullmatch(word):
        return "num"
    return "word"


_DEFAULT: Segmenter | None = None
_DEFAULT_LOCK = threading.Lock()


def default_segmenter() -> Segmenter:
    """The library's segmenter over jieba plus the reviewed lexicon, made on first call."""
    global _DEFAULT
    if _DEFAULT is None:
        with _DEFAULT_LOCK:
            if _DEFAULT is None:
                _DEFAULT = Segmenter(policy_jieba(), frozenset(lexicon().word))
    return _DEFAULT
