"""Spans the policy tokenizer keeps whole, found before jieba sees the text.

=============  ================================================================
tag            what
=============  ================================================================
quantity       ``policytext.quantities.numbers.quantity_spans`` (171.31亿元, 9.5%)
date           2019年, 3月15日, 10月底前, 年底前, 上半年
code           PM2.5, S312, M0, 6#
formulation    numbered formulations (:mod:`policytext.words.formulations`)
term           quoted short phrases (“散乱污”) and ``extra_terms``, wherever they recur
place          names repeated with a place suffix (惠济区, 索须河) -- see :func:`learn_terms`
discovered     terms found by :mod:`policytext.words.discovery` (人才公寓, 精准医疗)
=============  ================================================================
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
import pandas as pd

from policytext.quantities.numbers import quantity_spans
from policytext.words.formulations import formulation_spans
from policytext.words.jieba_base import lexicon, policy_jieba

__all__ = ["NUMERAL", "PUNCT", "find_all", "learn_terms", "learned_terms", "longest_first",
           "outside_lexicon_terms", "protected_spans", "resolve_spans", "span_candidates",
           "term_candidates"]

_YEAR = r"(?:(?:19|20)\d{2}|[一二][〇零一二三四五六七八九]{3})年"
# Each whole-text pattern opens with a lookahead on the characters a match can start with:
# the regex engine then skips most positions at once instead of trying every alternative
# (the same matches, a third of the time).
_DATE = re.compile(
    r"(?=[\d一二年上下])(?:"
    rf"(?<!\d){_YEAR}(?:\d{{1,2}}月(?:\d{{1,2}}[日号])?)?(?:[初底末]|上半年|下半年)?前?"
    r"|(?<![\d.])\d{1,2}月(?:\d{1,2}[日号]|[初底末中]|上旬|中旬|下旬)?前?(?![\d个份])"
    # 年底前 / 年内 only as their own phrase: not inside 今年内, 三年内, 全年底数.
    r"|(?<![今去明全当近每多半周\d一二三四五六七八九十两几百千万])"
    r"(?:年[初底末内]前?|[上下]半年))"
)
#: Letter+digit codes (PM2.5, S312, M0, G107), digit+letters (5G), building numbers (6#).
_CODE = re.compile(
    r"(?=[A-Za-z\d])(?<![A-Za-z0-9.])(?:[A-Za-z]{1,6}\d+(?:\.\d+)?[A-Za-z]*|\d+[A-Za-z]{1,3}|\d+#)"
    r"(?![A-Za-z0-9])"
)
_QUOTED_TERM = re.compile(r"[“「]([\u4e00-\u9fff]{2,6})[”」]")
#: A token made only of punctuation or symbols.
PUNCT = re.compile(r"[\W_]+")
#: A token made only of digits or Chinese numerals.
NUMERAL = re.compile(r"[0-9.．]+|[〇零一二三四五六七八九十百千万亿两]+")

# Place names: a stem of 2-7 Chinese characters before one of these suffixes.
_PLACE_SUFFIX = re.compile(
    r"(?:街道|社区|新区|文化区|开发区|示范区|[省市区县镇乡村河渠沟湖路街园])"
    r"(?![\u4e00-\u9fff]{0,1}(?:长|委|级|域|内|民|场|政|属|镇|区|县|乡|村)(?![\u4e00-\u9fff]))"
)
#: Characters that never belong to a place-name stem (function words, common verbs, numerals).
_NOT_IN_STEM = set(
    "的和与在是等及了为对把将从向以于各全个这其我该此并或也都又就还要由被让到至"
    "一二三四五六七八九十两百千万亿第年月日有无不新建设成完推进加快实施开展打造提升"
    "条座家所名处项宗套亩多余"
)
_MAX_STEM = 7

_PRIORITY = {"quantity": 0, "date": 1, "code": 2, "formulation": 3, "term": 4, "place": 5,
             "discovered": 6}


def _quantity_spans(text: str) -> list[tuple[int, int]]:
    return list(quantity_spans(text))


def learn_terms(text: str) -> pd.DataFrame:
    """Terms this report teaches: columns term, kind ("quoted" or "place"), count.

    *quoted*: “散乱污”-style phrases of 2-6 Chinese characters. *place*: a stem of 2-7 Chinese
    characters plus a place suffix (区 县 镇 乡 村 街道 社区 河 渠 沟 湖 路 街 园 ...) that occurs
    at least twice and whose left neighbour varies (so the name starts where the text stops
    agreeing: 古荥大运河文化区, not 设古荥大运河文化区). Formulations are left to
    :func:`policytext.words.formulations.formulation_spans`.

    >>> t = "深入推进“散乱污”整治。建设索须河景观带，治理索须河。整治“散乱污”企业"
    >>> learn_terms(t)
      term   kind  count
    0  散乱污  quoted      2
    1  索须河   place      2
    """
    out = pd.DataFrame(list(learned_terms(text).items()), columns=["term", "kind"])
    out["count"] = [text.count(t) for t in out["term"]]
    return out.sort_values(["kind", "count", "term"], ascending=[False, False, True],
                           ignore_index=True)


def learned_terms(text: str) -> dict[str, str]:
    """The terms `text` teaches, term -> "quoted" | "place"; quoted wins when both.

    >>> learned_terms("深入推进“散乱污”整治。建设索须河景观带，治理索须河。")
    {'散乱污': 'quoted', '索须河': 'place'}
    """
    found = dict.fromkeys((m.group(1) for m in _QUOTED_TERM.finditer(text)), "quoted")
    for place in _learn_places(text):
        found.setdefault(place, "place")
    return found


def _learn_places(text: str) -> list[str]:
    freq = policy_jieba().FREQ  # jieba's dictionary plus the policy lexicon
    ends = []  # (suffix start, suffix end, length of the usable stem before it)
    for m in _PLACE_SUFFIX.finditer(text):
        s, e = m.span()
        # The suffix must end a word: 渠道, 市场, 区域, 背街小巷 continue past it, so jieba's
        # dictionary knowing a word that straddles the suffix's end rules the place out.
        if (freq.get(text[s:e + 1]) or freq.get(text[s:e + 2])
                or (s and (freq.get(text[s - 1:e + 1]) or freq.get(text[s - 1:e + 2])))):
            continue
        stem_ok = 0
        while stem_ok < _MAX_STEM and stem_ok < s:
            ch = text[s - stem_ok - 1]
            if not ("\u4e00" <= ch <= "\u9fff") or ch in _NOT_IN_STEM:
                break
            stem_ok += 1
        if stem_ok >= 2:
            ends.append((s, e, stem_ok))
    # Count the left extensions of every suffix occurrence once: counts of identical strings
    # ending in a suffix equal their occurrence counts, without rescanning the text. Only
    # lengths 2..stem+1 are ever read, and an occurrence equal to a candidate has a stem at
    # least as long, so these counts are exact for every string looked up below.
    ext: Counter[str] = Counter()
    for s, e, stem_ok in ends:
        for k in range(2, min(stem_ok + 1, s) + 1):
            ext[text[s - k:e]] += 1
    found = set()
    for s, e, stem_ok in ends:
        for k in range(2, stem_ok + 1):
            cand = text[s - k:e]
            n = ext[cand]
            if n < 2:
                break
            longer = text[s - k - 1:e] if s - k - 1 >= 0 else None
            if longer is None or ext[longer] < n:
                # The left neighbour varies: the name starts here, unless it is a phrase.
                if not _generic_phrase(text[s - k:s], text[s:e], freq):
                    found.add(cand)
                break
    return sorted(found)


#: jieba dictionary frequency from which a word counts as common vocabulary, not a name.
_COMMON = 30


def _generic_phrase(stem: str, suffix: str, freq: dict[str, int]) -> bool:
    """True for common-noun phrases that merely end in a place suffix.

    Two shapes of the genre: a common word plus a class noun that swallows the suffix
    (中心+城市, 市政+道路, 庭院+花园, 湿地+公园), and an institution 园 after a common word
    (幼儿园, 商业园). Names keep an uncommon stem (惠济区, 索须河, 花园口村) or a stem of two
    characters (江山路, 大运河), so they pass.

    >>> from policytext.words.jieba_base import plain_jieba
    >>> f = plain_jieba().FREQ
    >>> [_generic_phrase(a, b, f) for a, b in [("中心城", "市"), ("幼儿", "园"), ("索须", "河")]]
    [True, True, False]
    """
    if len(suffix) != 1:
        return False
    if len(stem) >= 3 and freq.get(stem[-1] + suffix, 0) >= _COMMON \
            and freq.get(stem[:-1], 0) >= _COMMON:
        return True
    return suffix == "园" and freq.get(stem, 0) >= _COMMON


def protected_spans(
    text: str, *, extra_terms: Iterable[str] = (), learn: bool = True,
    discovered: Iterable[str] = (),
) -> pd.DataFrame:
    """Non-overlapping spans kept whole by the tokenizer: columns start, end, tag.

    Longest span wins, so a term inside a longer one stays whole where it stands alone;
    ties go to quantity > date > code > formulation > term > place > discovered.

    >>> protected_spans("2019年PM2.5下降4.5%")
       start  end      tag
    0      0    5     date
    1      5   10     code
    2     12   16  quantity
    """
    cands = span_candidates(text, extra_terms=extra_terms, learn=learn)
    cands += term_candidates(text, discovered, "discovered")
    kept = resolve_spans(cands, len(text))
    return pd.DataFrame(kept, columns=["start", "end", "tag"]).astype(
        {"start": "int64", "end": "int64"}
    )


def span_candidates(text: str, *, extra_terms: Iterable[str] = (),
                    learn: bool = True) -> list[tuple[int, int, str]]:
    """Every span that may be protected, overlapping: (start, end, tag), before resolving.

    >>> span_candidates("整治“散乱污”，“散乱污”清零")
    [(3, 6, 'term'), (9, 12, 'term')]
    """
    cands: list[tuple[int, int, str]] = [(s, e, "quantity") for s, e in _quantity_spans(text)]
    cands += [(m.start(), m.end(), "date") for m in _DATE.finditer(text)]
    cands += [(m.start(), m.end(), "code") for m in _CODE.finditer(text)]
    f = formulation_spans(text)
    cands += [(s, e, "formulation") for s, e in zip(f["start"], f["end"])]
    words: dict[str, str] = {t: "term" for t in extra_terms if t}
    if learn:
        for term, kind in learned_terms(text).items():
            words.setdefault(term, "term" if kind == "quoted" else "place")
    if words:
        found = [(i, t) for t, starts in find_all(text, words).items() for i in starts]
        cands += [(i, i + len(t), words[t]) for i, t in longest_first(found)]
    return [c for c in cands if c[2] in _NUMERIC_TAGS] + outside_lexicon_terms(
        text, [c for c in cands if c[2] not in _NUMERIC_TAGS])


_BASE = np.uint64(1_000_003)
#: Up to this many terms, each is searched for on its own; beyond, the time of one search per
#: term grows with terms x text, and hashing every window once keeps it linear.
_FIND_EACH = 500
#: Characters hashed at a time.
_CHUNK = 1 << 18


def _window_hashes(codes: np.ndarray, length: int) -> np.ndarray:
    """A polynomial hash (mod 2**64) of every window of `length` code points."""
    n = len(codes) - length + 1
    h = np.zeros(n, np.uint64)
    for j in range(length):
        h = h * _BASE + codes[j:j + n]
    return h


def find_all(text: str, terms: Iterable[str]) -> dict[str, list[int]]:
    """The start of every occurrence of each term found, overlapping ones included, in order.

    One pass per term length, whatever the number of terms: every window of the text is hashed
    at once and looked up among the terms' hashes, and each hit is checked against the text (a
    search per term made a long report, which learns thousands of terms, quadratic).

    >>> find_all("人才公寓，人才", ["人才公寓", "人才", "公寓", "人口"])
    {'人才': [0, 5], '人才公寓': [0], '公寓': [2]}
    """
    by_length: dict[int, set[str]] = {}
    for term in terms:
        if term and len(term) <= len(text):
            by_length.setdefault(len(term), set()).add(term)
    out: dict[str, list[int]] = {}
    if sum(map(len, by_length.values())) <= _FIND_EACH:
        # A few hundred terms: one C-level search per term is cheaper than hashing windows.
        for group in by_length.values():
            for term in group:
                i = text.find(term)
                while i >= 0:
                    out.setdefault(term, []).append(i)
                    i = text.find(term, i + 1)
        return dict(sorted(out.items()))
    indexes = {}
    for length, group in by_length.items():
        chars = np.frombuffer("".join(group).encode("utf-32-le"), np.uint32).astype(np.uint64)
        keys = np.zeros(len(group), np.uint64)
        for j in range(length):
            keys = keys * _BASE + chars[j::length]
        indexes[length] = pd.Index(keys)
    longest = max(by_length)
    # A chunk at a time (plus the overlap a term needs), so a long text's window hashes stay
    # a few megabytes.
    for c in range(0, len(text), _CHUNK):
        piece = text[c:c + _CHUNK + longest - 1]
        codes = np.frombuffer(piece.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
        for length, group in by_length.items():
            if length > len(piece):
                continue
            hashes = _window_hashes(codes, length)[:_CHUNK]
            hits = np.flatnonzero(indexes[length].get_indexer(hashes) >= 0) + c
            for i in hits.tolist():
                term = text[i:i + length]
                if term in group:  # a hash can collide; the text decides
                    out.setdefault(term, []).append(i)
    return dict(sorted(out.items()))


def longest_first(occurrences: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Left to right, the longest occurrence at each start, skipping what it covers.

    >>> longest_first([(0, "人才"), (0, "人才公寓"), (2, "公寓"), (5, "人才")])
    [(0, '人才公寓'), (5, '人才')]
    """
    out, end = [], 0
    for i, term in sorted(occurrences, key=lambda o: (o[0], -len(o[1]))):
        if i >= end:
            out.append((i, term))
            end = i + len(term)
    return out


def term_candidates(text: str, terms: Iterable[str], tag: str) -> list[tuple[int, int, str]]:
    """Every occurrence of each term as a candidate span, overlaps included.

    >>> term_candidates("人才公寓，人才公寓", ["人才公寓"], "discovered")
    [(0, 4, 'discovered'), (5, 9, 'discovered')]
    """
    return outside_lexicon_terms(
        text, sorted((i, i + len(term), tag) for term, starts in find_all(text, terms).items()
                     for i in starts))


def outside_lexicon_terms(text: str, cands: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The candidate spans that do not cut a longer lexicon term where they stand.

    A span inside a longer lexicon term (中心城市 in 国家中心城市) would cut that term; such
    places are left to jieba, which knows the lexicon.

    >>> outside_lexicon_terms("建设国家中心城市", [(4, 8, "place")])
    []
    """
    pieces = _lexicon_pieces()
    # Most spans are no piece of any lexicon word: one lookup settles all their occurrences.
    return [c for c in cands
            if text[c[0]:c[1]] not in pieces or not _inside_lexicon_term(text, c[0], c[1])]


def resolve_spans(cands: list[tuple[int, int, str]], length: int) -> list[tuple[int, int, str]]:
    """The non-overlapping spans kept from `cands`: longest first, then by tag priority, in order.

    >>> resolve_spans([(0, 4, "place"), (2, 8, "discovered"), (8, 9, "quantity")], 9)
    [(2, 8, 'discovered'), (8, 9, 'quantity')]
    """
    order = sorted(cands, key=lambda c: (-(c[1] - c[0]), _PRIORITY[c[2]], c[0]))
    taken = bytearray(length + 1)
    kept = []
    for s, e, tag in order:
        if e <= s or any(taken[s:e]):
            continue
        taken[s:e] = b"\x01" * (e - s)
        kept.append((s, e, tag))
    kept.sort()
    return kept


_NUMERIC_TAGS = frozenset({"quantity", "date", "code"})


@lru_cache(maxsize=1)
def _lexicon_pieces() -> dict[str, tuple[tuple[str, int], ...]]:
    """Every piece (2+ characters) of every lexicon word -> (longer word, offset of the piece)."""
    pieces: dict[str, list[tuple[str, int]]] = {}
    for word in lexicon()["word"].tolist():
        for i in range(len(word)):
            for j in range(i + 2, len(word) + 1):
                if j - i < len(word):
                    pieces.setdefault(word[i:j], []).append((word, i))
    return {k: tuple(v) for k, v in pieces.items()}


def _lexicon_containing(sub: str) -> tuple[tuple[str, int], ...]:
    """(lexicon word, offset of `sub` in it) for every longer lexicon word containing `sub`."""
    return _lexicon_pieces().get(sub, ())


def _inside_lexicon_term(text: str, start: int, end: int) -> bool:
    return any(
        start - off >= 0 and text.startswith(word, start - off)
        for word, off in _lexicon_containing(text[start:end])
    )
