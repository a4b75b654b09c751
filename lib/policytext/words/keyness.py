"""Keyness: which words one text uses more than another (review vs plan, report vs report).

Log-likelihood G² as in AntConc and quanteda (Dunning 1993, the 2×2 form with expected counts
from the two corpus sizes), its p-value (χ², 1 df), and Hardie's log ratio effect size
(binary log of the ratio of relative frequencies; a zero count is replaced by 0.5).
G² and log ratio are signed: positive when the target uses the word more.
"""

from __future__ import annotations

import math

import pandas as pd

__all__ = ["CORRECTIONS", "adjust_p", "chi2_sf_1df", "keyness", "log_likelihood", "log_ratio"]


def chi2_sf_1df(x: float) -> float:
    """P(χ²₁ ≥ x): the χ² survival function with one degree of freedom, ``erfc(√(x/2))``.

    >>> round(chi2_sf_1df(3.841), 3)
    0.05
    """
    return math.erfc(math.sqrt(max(x, 0.0) / 2.0))


def log_likelihood(a: float, b: float, c: float, d: float) -> float:
    """Unsigned G² for a word seen `a` times in a target of `c` tokens, `b` times in `d`.

    >>> round(log_likelihood(10, 2, 1000, 1000), 3)
    5.822
    """
    total = c + d
    e1 = c * (a + b) / total
    e2 = d * (a + b) / total
    g2 = 0.0
    # 0·ln(0) = 0: a word absent from one side contributes nothing from that side.
    if a > 0:
        g2 += a * math.log(a / e1)
    if b > 0:
        g2 += b * math.log(b / e2)
    return 2.0 * g2


def log_ratio(a: float, b: float, c: float, d: float) -> float:
    """Hardie's log ratio: log2((a/c) / (b/d)), zero counts replaced by 0.5.

    >>> log_ratio(8, 0, 1000, 1000)
    4.0
    """
    a = a if a > 0 else 0.5
    b = b if b > 0 else 0.5
    return math.log2((a / c) / (b / d))


def _as_counts(table) -> pd.Series:
    if isinstance(table, pd.Series):
        return table.groupby(level=0).sum()
    if isinstance(table, pd.DataFrame):
        if {"word", "count"} <= set(table.columns):
            return table.groupby("word")["count"].sum()
        if "token" in table.columns:
            return table.groupby("token").size()
    if isinstance(table, dict):
        return pd.Series(table, dtype="int64")
    raise TypeError("expected a Series word->count, a dict, a frequency frame (word, count) "
                    "or a token frame (token, ...)")


CORRECTIONS = ("bonferroni", "bh")


def adjust_p(p, method: str) -> list[float]:
    """p-values adjusted for testing many words at once: "bonferroni" or "bh" (Benjamini-Hochberg).

    Bonferroni bounds the chance of *any* false keyword; Benjamini-Hochberg the expected share
    of false keywords among those declared key (less strict, usual for word lists).

    >>> adjust_p([0.01, 0.02, 0.03, 0.5], "bonferroni")
    [0.04, 0.08, 0.12, 1.0]
    >>> [round(x, 3) for x in adjust_p([0.01, 0.02, 0.03, 0.5], "bh")]
    [0.04, 0.04, 0.04, 0.5]
    """
    p = [float(x) for x in p]
    m = len(p)
    if method == "bonferroni":
        return [min(1.0, x * m) for x in p]
    if method == "bh":
        order = sorted(range(m), key=lambda i: p[i])
        out = [1.0] * m
        running = 1.0
        # From the largest p down: the adjusted value is the smallest p*m/rank seen so far.
        for rank in range(m, 0, -1):
            i = order[rank - 1]
            running = min(running, p[i] * m / rank)
            out[i] = min(1.0, running)
        return out
    raise ValueError(f"keyness: unknown correction {method!r}; use one of {CORRECTIONS}")


def keyness(target, reference, *, min_count: int = 1, correction: str | None = None
            ) -> pd.DataFrame:
    """Compare two count tables: word, target, reference, target_per_10k, reference_per_10k,
    g2 (signed), p, log_ratio, sorted by g2 descending then word.

    Hundreds of words are tested at once, so some pass p < 0.05 by chance: `correction`
    ("bonferroni" or "bh", see :func:`adjust_p`) adds a column ``p_adjusted`` to filter on.

    Inputs may be word→count Series or dicts, :func:`policytext.words.frequencies.word_frequencies`
    frames, or token frames. Corpus sizes are the sums of the tables given, so filter
    stopwords *before* calling if they should not count towards the sizes. Words with fewer
    than `min_count` occurrences in both tables together are dropped.

    >>> k = keyness({"改革": 10, "发展": 990}, {"改革": 2, "发展": 998})
    >>> k[["word", "target", "reference", "g2", "log_ratio"]].round(3)
      word  target  reference     g2  log_ratio
    0   改革      10          2  5.822      2.322
    1   发展     990        998 -0.032     -0.012
    """
    t = _as_counts(target)
    r = _as_counts(reference)
    c, d = float(t.sum()), float(r.sum())
    if c == 0 or d == 0:
        raise ValueError("keyness: both tables need at least one counted word")
    # Plain dicts: a Series lookup per word cost more than the statistics themselves.
    t_counts, r_counts = t.to_dict(), r.to_dict()
    words = sorted(set(t_counts) | set(r_counts))
    rows = []
    for w in words:
        a, b = float(t_counts.get(w, 0)), float(r_counts.get(w, 0))
        if a + b < min_count:
            continue
        g2 = log_likelihood(a, b, c, d)
        sign = 1.0 if a / c >= b / d else -1.0
        rows.append((w, int(a), int(b), a / c * 1e4, b / d * 1e4, sign * g2, chi2_sf_1df(g2),
                     log_ratio(a, b, c, d)))
    out = pd.DataFrame(rows, columns=["word", "target", "reference", "target_per_10k",
                                      "reference_per_10k", "g2", "p", "log_ratio"])
    if correction is not None:
        out["p_adjusted"] = adjust_p(out["p"], correction)
    return out.sort_values(["g2", "word"], ascending=[False, True], ignore_index=True)
