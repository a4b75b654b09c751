"""Which key terms appear in the same sentence, and how often."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import combinations

import pandas as pd

from policytext.words.frequencies import LAYERS, assign_units, remove_stopwords

__all__ = ["cooccurrence", "key_terms"]

_KEY_TAGS = ("term", "formulation", "place", "word", "code")


def key_terms(tokens: pd.DataFrame, *, top: int = 30, min_chars: int = 2) -> list[str]:
    """The `top` most frequent words after all stopword layers, at least `min_chars` long.

    Ties are broken alphabetically so the list is stable.

    >>> key_terms(pd.DataFrame({"token": ["改革", "改革", "生态", "的"],
    ...     "start": [0, 2, 4, 6], "end": [2, 4, 6, 7], "tag": "word"}), top=1)
    ['改革']
    """
    kept = remove_stopwords(tokens, stopwords=LAYERS)
    kept = kept[kept["tag"].isin(_KEY_TAGS) & (kept["token"].str.len() >= min_chars)]
    counts = kept["token"].value_counts()
    order = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [w for w, _ in order[:top]]


def cooccurrence(
    tokens: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    terms: Iterable[str] | None = None,
    top: int = 30,
    min_count: int = 1,
) -> pd.DataFrame:
    """Pairs of terms sharing a sentence: term_a, term_b, count (sentences holding both).

    `terms` defaults to :func:`key_terms` (the `top` words after all stopword layers). A pair
    is counted once per sentence; term_a < term_b. Sorted by count descending, then names.

    >>> toks = pd.DataFrame({"token": ["生态", "治理", "生态", "改革"],
    ...     "start": [0, 2, 5, 7], "end": [2, 4, 7, 9], "tag": "word"})
    >>> sents = pd.DataFrame({"sentence_id": [0, 1], "start": [0, 5], "end": [5, 9]})
    >>> cooccurrence(toks, sents, terms=["生态", "治理", "改革"])
      term_a term_b  count
    0     改革     生态      1
    1     治理     生态      1
    """
    chosen = set(key_terms(tokens, top=top) if terms is None else terms)
    located = assign_units(tokens[tokens["token"].isin(chosen)], sentences)
    located = located[located["sentence_id"].notna()]
    pairs: Counter[tuple[str, str]] = Counter()
    for _, group in located.groupby("sentence_id", sort=True):
        present = sorted(set(group["token"]))
        pairs.update(combinations(present, 2))
    rows = [(a, b, n) for (a, b), n in pairs.items() if n >= min_count]
    out = pd.DataFrame(rows, columns=["term_a", "term_b", "count"])
    return out.sort_values(["count", "term_a", "term_b"], ascending=[False, True, True],
                           ignore_index=True)
