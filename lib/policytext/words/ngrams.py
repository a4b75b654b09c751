"""Word n-gram statistics for term discovery, counted with numpy over integer word ids.

A text is a sequence of word ids with -1 wherever a run of Chinese words breaks (punctuation, a
number, a space, the end of a report). N-grams of 2-6 words are counted level by level: an
n-gram can only recur where its first n-1 words recur, so only those positions are extended.
An n-gram is identified by a 64-bit hash of its word ids, folded word by word through a
bijective mixer (so the sequence cannot be arranged to collide, as with a plain polynomial
hash); with at most tens of millions of n-grams a collision is a one-in-a-billion event.

For every recurring n-gram, :class:`NGramCounts` keeps what discovery weighs: its count, in
how many reports it occurs, the entropy of its left and right neighbours, and the counts of
its parts on each side of every split.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = ["Level", "NGramCounts"]

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_M1, _M2 = np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB)
_S30, _S27, _S31 = np.uint64(30), np.uint64(27), np.uint64(31)


def _fold(h: np.ndarray, words: np.ndarray) -> np.ndarray:
    """The hash of each n-gram `h` extended by one word (splitmix64's finaliser as the mixer)."""
    x = h + (words.astype(np.uint64) + np.uint64(1)) * _GOLDEN
    x ^= x >> _S30
    x *= _M1
    x ^= x >> _S27
    x *= _M2
    x ^= x >> _S31
    return x


@dataclass
class Level:
    """The recurring n-grams of one length: index i describes the i-th n-gram.

    ``prefix[:, k-1]`` / ``suffix[:, k-1]``: counts of the first k words and of the rest.
    """

    n: int
    first: np.ndarray
    count: np.ndarray
    reports: np.ndarray
    chars: np.ndarray
    left_entropy: np.ndarray
    right_entropy: np.ndarray
    prefix: np.ndarray
    suffix: np.ndarray


class NGramCounts:
    """Counts of the recurring n-grams of `ids` (see the module's docstring).

    `lengths[w]` is the number of characters of word `w`; `doc_starts` the position where each
    report begins; `free[w]` says that word `w` never extends a unit as a neighbour (a function
    word or genre verb: each of its uses counts as a new neighbour, as does a run's edge).

    >>> ids = np.array([0, 1, 2, -1, 0, 1, 3, -1, 4, 0, 1])
    >>> c = NGramCounts(ids, np.array([2, 2, 1, 1, 1]), np.array([0]), np.zeros(5, bool), 2)
    >>> [(lv.n, int(lv.count[0]), ids[lv.first[0]:lv.first[0] + lv.n].tolist()) for lv in c.levels]
    [(2, 3, [0, 1])]
    """

    def __init__(self, ids: np.ndarray, lengths: np.ndarray, doc_starts: np.ndarray,
                 free: np.ndarray, min_count: int, *, max_words: int = 6,
                 max_chars: int = 12) -> None:
        self.ids = ids = np.asarray(ids, dtype=np.int64)
        self.lengths = lengths = np.asarray(lengths, dtype=np.int64)
        self.free = np.asarray(free, dtype=bool)
        self.doc_starts = np.asarray(doc_starts, dtype=np.int64)
        n_ids = len(ids)
        valid = ids >= 0
        self.unigram = np.bincount(ids[valid], minlength=len(lengths))
        self.total = int(valid.sum())
        self._tables: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self.levels: list[Level] = []
        act = np.flatnonzero(valid)
        act = act[self.unigram[ids[act]] >= min_count]
        h = _fold(np.zeros(len(act), np.uint64), ids[act])
        chars = lengths[ids[act]]
        for n in range(2, max_words + 1):
            act = act[act + (n - 1) < n_ids]
            h, chars = h[:len(act)], chars[:len(act)]
            nxt = ids[act + (n - 1)]
            ok = nxt >= 0
            ok[ok] = chars[ok] + lengths[nxt[ok]] <= max_chars
            act, nxt = act[ok], nxt[ok]
            h, chars = _fold(h[ok], nxt), chars[ok] + lengths[nxt]
            codes, uniq = pd.factorize(h)
            counts = np.bincount(codes, minlength=len(uniq))
            rec = counts[codes] >= min_count
            if not rec.any():
                break
            act, h, chars, codes = act[rec], h[rec], chars[rec], codes[rec]
            keep = counts >= min_count
            codes = (np.cumsum(keep) - 1)[codes]
            uniq, counts = uniq[keep], counts[keep]
            order = np.argsort(uniq, kind="stable")
            self._tables[n] = (uniq[order], counts[order])
            self.levels.append(self._level(n, act, codes, counts, chars))

    def _level(self, n, act, codes, counts, chars) -> Level:
        g = len(counts)
        idx = np.empty(g, np.int64)
        idx[codes[::-1]] = np.arange(len(codes) - 1, -1, -1)  # the first occurrence wins
        first = act[idx]
        prefix = np.empty((g, n - 1), np.int64)
        suffix = np.empty((g, n - 1), np.int64)
        for k in range(1, n):
            prefix[:, k - 1] = self.count_at(first, k)
            suffix[:, k - 1] = self.count_at(first + k, n - k)
        return Level(n, first, counts, self._reports(act, codes, g), chars[idx],
                     self._entropy(codes, counts, act - 1),
                     self._entropy(codes, counts, act + n), prefix, suffix)

    def count_at(self, pos: np.ndarray, m: int) -> np.ndarray:
        """How often the m words starting at each position in `pos` occur (0 below the floor)."""
        if m == 1:
            return self.unigram[self.ids[pos]]
        table = self._tables.get(m)
        if table is None or not len(pos):
            return np.zeros(len(pos), np.int64)
        h = np.zeros(len(pos), np.uint64)
        for j in range(m):
            h = _fold(h, self.ids[pos + j])
        keys, counts = table
        at = np.minimum(np.searchsorted(keys, h), len(keys) - 1)
        return np.where(keys[at] == h, counts[at], 0)

    def _entropy(self, codes, counts, nb_pos) -> np.ndarray:
        """Entropy (nats) of the neighbours at `nb_pos`; a free word or an edge is new each time."""
        inside = (nb_pos >= 0) & (nb_pos < len(self.ids))
        nb = np.full(len(nb_pos), -1, np.int64)
        nb[inside] = self.ids[nb_pos[inside]]
        ok = nb >= 0
        ok[ok] = ~self.free[nb[ok]]
        width = np.int64(len(self.lengths) + 1)
        pair_codes, pairs = pd.factorize(codes[ok] * width + nb[ok])
        pair_counts = np.bincount(pair_codes, minlength=len(pairs)).astype(float)
        gram = pairs // width
        mass = np.bincount(gram, weights=pair_counts * np.log(pair_counts), minlength=len(counts))
        c = counts.astype(float)
        return np.maximum(np.log(c) - mass / c, 0.0)

    def _reports(self, act, codes, g) -> np.ndarray:
        if len(self.doc_starts) <= 1:
            return np.ones(g, np.int64)
        doc = np.searchsorted(self.doc_starts, act, side="right") - 1
        pairs = np.unique(codes * np.int64(len(self.doc_starts)) + doc)
        return np.bincount(pairs // len(self.doc_starts), minlength=g)

    def words(self, level: Level, i: int) -> list[int]:
        """The word ids of n-gram `i` of `level`."""
        s = int(level.first[i])
        return self.ids[s:s + level.n].tolist()
