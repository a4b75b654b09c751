"""Policy-aware segmentation: an own jieba tokenizer, a reviewed lexicon, terms learned per report.

Plain jieba cuts the vocabulary that matters (散乱/污, 一般/公共/预算/收入) and shreds numbers
(171/./31/亿元). Here, before jieba sees the text, spans are *protected* and come out whole
(quantities, dates, codes, formulations, quoted terms and places: see
:mod:`policytext.words.spans`). The gaps are segmented by a library-owned ``jieba.Tokenizer``
loaded with ``resources/policy_lexicon.txt``; its words come out as ``term`` when they are
lexicon entries, else ``word``, ``punct`` or ``num``. Whitespace is dropped. Terms discovered in
the report from that cut (:mod:`policytext.words.discovery`) are then protected too, and only
the gaps they change are cut again.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

import pandas as pd

from policytext.words.discovery import discovered_spans
from policytext.words.jieba_base import new_jieba
from policytext.words.segment import TOKEN_COLUMNS, Segmenter, default_segmenter  # noqa: F401

__all__ = ["PolicyTokenizer", "get_tokenizer", "tokenize"]


class PolicyTokenizer:
    """Own ``jieba.Tokenizer`` plus lexicon; loaded lazily on first use, then reused.

    ``use_lexicon=False`` keeps only the per-report learning (to measure what each part adds).
    """

    def __init__(self, *, use_lexicon: bool = True) -> None:
        self.use_lexicon = use_lexicon
        self._segmenter: Segmenter | None = None
        self._lock = threading.Lock()

    @property
    def segmenter(self) -> Segmenter:
        """The :class:`Segmenter` (loads dictionary and lexicon on first access)."""
        if self._segmenter is None:
            with self._lock:
                if self._segmenter is None:
                    self._segmenter = (default_segmenter() if self.use_lexicon
                                       else Segmenter(new_jieba()))
        return self._segmenter

    @property
    def jieba(self):
        """The initialised ``jieba.Tokenizer`` underneath."""
        return self.segmenter.tk

    def tokenize(
        self, text: str, *, extra_terms: Iterable[str] = (), learn: bool = True,
        discover: bool | None = None,
    ) -> pd.DataFrame:
        """Tokens of `text` with [start, end) offsets: columns token, start, end, tag.

        `discover` (default: same as `learn`) also protects the terms found in `text` by
        :func:`policytext.words.discovery.discovered_spans` (tag "discovered").
        """
        segmenter = self.segmenter
        seg = segmenter.segment(text, extra_terms=extra_terms, learn=learn)
        if learn if discover is None else discover:
            seg = segmenter.with_spans(seg, discovered_spans(seg))
        return seg.frame()


_DEFAULT: PolicyTokenizer | None = None
_DEFAULT_LOCK = threading.Lock()


def get_tokenizer() -> PolicyTokenizer:
    """The library's one :class:`PolicyTokenizer` (created on first call, not at import)."""
    global _DEFAULT
    if _DEFAULT is None:
        with _DEFAULT_LOCK:
            if _DEFAULT is None:
                _DEFAULT = PolicyTokenizer()
    return _DEFAULT


def tokenize(text: str, *, extra_terms: Iterable[str] = (), learn: bool = True,
             discover: bool | None = None) -> pd.DataFrame:
    """Policy-aware tokens: DataFrame(token, start, end, tag) with offsets into `text`.

    Quoted terms, places and (unless `discover` is False) discovered terms are learned from
    `text` itself when `learn` is on.

    >>> tokenize("整治“散乱污”企业253家")[["token", "tag"]]
      token       tag
    0    整治      word
    1     “     punct
    2   散乱污      term
    3     ”     punct
    4    企业      word
    5  253家  quantity
    """
    return get_tokenizer().tokenize(text, extra_terms=extra_terms, learn=learn,
                                    discover=discover)
