"""Policy-aware segmentation: an own jieba tokenizer, a reviewed lexicon, terms learned per report.

Plain jieba cuts the vocabulary that matters (散乱/污, 一般/公共/预算/收入) and shreds numbers
(171/./31/亿元). Here, before jieba sees the text, spans are *protected* and come out whole
(quantities, dates, codes, formulations, quoted terms and places: see
:mod:`policytext.words.spans`). The gaps are segmented by a library-owned ``jieba.Tokenizer``
loaded with ``resources/policy_lexicon.txt``; its words come out as ``term`` when they are
lexicon entries, else ``word``, ``punct`` or ``num``. Whitespace is dropped.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

import pandas as pd

from policytext.words.discovery import discovered_terms
from policytext.words.jieba_base import FastCut, lexicon, new_jieba, policy_jieba
from policytext.words.spans import NUMERAL, PUNCT, protected_spans

__all__ = ["TOKEN_COLUMNS", "PolicyTokenizer", "get_tokenizer", "tokenize"]

TOKEN_COLUMNS = ["token", "start", "end", "tag"]


class PolicyTokenizer:
    """Own ``jieba.Tokenizer`` plus lexicon; loaded lazily on first use, then reused.

    ``use_lexicon=False`` keeps only the per-report learning (to measure what each part adds).
    """

    def __init__(self, *, use_lexicon: bool = True) -> None:
        self.use_lexicon = use_lexicon
        self._jieba = None
        self._lock = threading.Lock()
        self.terms: frozenset[str] = frozenset()
        self._tag_of: dict[str, str] = {}
        self._cut: FastCut | None = None

    @property
    def jieba(self):
        """The initialised ``jieba.Tokenizer`` (loads dictionary and lexicon on first access)."""
        if self._jieba is None:
            with self._lock:
                if self._jieba is None:
                    self._jieba = self._load()
        return self._jieba

    def _load(self):
        if not self.use_lexicon:
            return new_jieba()
        self.terms = frozenset(lexicon().word)
        self._tag_of.update(dict.fromkeys(self.terms, "term"))
        return policy_jieba()

    def tokenize(
        self, text: str, *, extra_terms: Iterable[str] = (), learn: bool = True,
        discover: bool | None = None,
    ) -> pd.DataFrame:
        """Tokens of `text` with [start, end) offsets: columns token, start, end, tag.

        `discover` (default: same as `learn`) protects the terms
        :func:`policytext.words.discovery.discovered_terms` finds in `text` (tag "discovered").
        """
        tk = self.jieba
        cut = self._cut if self._cut is not None and self._cut.tk is tk else FastCut(tk)
        self._cut = cut
        found = discovered_terms(text) if (learn if discover is None else discover) else ()
        spans = protected_spans(text, extra_terms=extra_terms, learn=learn, discovered=found)
        tokens: list[str] = []
        starts: list[int] = []
        tags: list[str] = []
        pos = 0
        # Tags of jieba's words memoised per tokenizer: vocabularies are small, texts long.
        tag_of = self._tag_of
        for s, e, tag in zip(spans["start"], spans["end"], spans["tag"]):
            if s > pos:
                _segment(cut, text, pos, s, tag_of, tokens, starts, tags)
            tokens.append(text[s:e])
            starts.append(s)
            tags.append(tag)
            pos = e
        if pos < len(text):
            _segment(cut, text, pos, len(text), tag_of, tokens, starts, tags)
        ends = [s + len(t) for s, t in zip(starts, tokens)]
        return pd.DataFrame({"token": tokens, "start": starts, "end": ends, "tag": tags})


def _segment(cut, text, start, end, tag_of, tokens, starts, tags) -> None:
    pos = start
    for word in cut.words(text[start:end]):
        tag = tag_of.get(word)
        if tag is None:
            tag = tag_of[word] = _word_tag(word, tag_of)
        if tag != "space":
            tokens.append(word)
            starts.append(pos)
            tags.append(tag)
        pos += len(word)


def _word_tag(word: str, tag_of: dict[str, str]) -> str:
    if word.isspace():
        return "space"
    if PUNCT.fullmatch(word):
        return "punct"
    if NUMERAL.fullmatch(word):
        return "num"
    return "word"


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
