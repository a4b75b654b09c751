"""How well a tokenizer keeps policy terms whole, measured against plain jieba.

A term is *intact* at an occurrence when no token boundary falls strictly inside it.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

import pandas as pd

from policytext.words.formulations import formulation_spans
from policytext.words.jieba_base import lexicon, plain_jieba
from policytext.words.spans import PUNCT, learned_terms
from policytext.words.tokenizer import TOKEN_COLUMNS, tokenize

__all__ = ["integrity_by_term", "integrity_table", "plain_tokenize", "policy_terms",
           "segmentation_example", "term_integrity"]


def plain_tokenize(text: str) -> pd.DataFrame:
    """Plain jieba (own default-dictionary tokenizer, nothing protected), same columns.

    The baseline against which :func:`term_integrity` shows what the policy tokenizer adds.

    >>> plain_tokenize("整治散乱污")["token"].tolist()
    ['整治', '散乱', '污']
    """
    rows = []
    for word, s, e in plain_jieba().tokenize(text):
        if not word.isspace():
            rows.append((word, s, e, "punct" if PUNCT.fullmatch(word) else "word"))
    return pd.DataFrame(rows, columns=TOKEN_COLUMNS)


def integrity_by_term(text: str, terms: Iterable[str], tokens: pd.DataFrame) -> pd.DataFrame:
    """Per term: occurrences in `text`, how many no token boundary cuts, and the share.

    >>> integrity_by_term("散乱污", ["散乱污"], plain_tokenize("散乱污"))
      term  occurrences  intact  share
    0  散乱污            1       0    0.0
    """
    bounds = sorted(set(tokens["start"]).union(tokens["end"]))
    rows = []
    for term in sorted(set(terms)):
        n = intact = 0
        i = text.find(term)
        while term and i >= 0:
            j = i + len(term)
            n += 1
            # A cut is any token boundary strictly inside the occurrence.
            k = bisect.bisect_right(bounds, i)
            intact += not (k < len(bounds) and bounds[k] < j)
            i = text.find(term, j)
        rows.append((term, n, intact, intact / n if n else float("nan")))
    return pd.DataFrame(rows, columns=["term", "occurrences", "intact", "share"])


def term_integrity(text: str, terms: Iterable[str], tokens: pd.DataFrame) -> float:
    """Share of all occurrences of `terms` in `text` that no token boundary cuts.

    >>> term_integrity("整治散乱污", ["散乱污"], tokenize("整治散乱污", learn=False))
    1.0
    """
    table = integrity_by_term(text, terms, tokens)
    total = int(table["occurrences"].sum())
    return float(table["intact"].sum() / total) if total else float("nan")


def policy_terms(text: str) -> list[str]:
    """The policy terms `text` holds: lexicon entries, learned terms and formulations, sorted.

    These are the units whose integrity :func:`integrity_table` measures. For the policy
    tokenizer the measure is partly circular (it was given these terms); it shows how much
    plain jieba breaks, and that nothing in the protection machinery breaks them again.

    >>> policy_terms("整治“散乱污”，打好三大攻坚战，优化营商环境")
    ['三大攻坚战', '散乱污', '营商环境']
    """
    found = {w for w in lexicon()["word"] if w in text}
    found.update(learned_terms(text))
    found.update(formulation_spans(text)["formulation"])
    return sorted(found)


def integrity_table(
    text: str, *, terms: Iterable[str] | None = None, tokens: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Plain jieba against the policy tokenizer: tokenizer, terms, occurrences, intact, share.

    `terms` defaults to :func:`policy_terms`; `tokens` (the policy tokens of `text`) is
    computed when not given.

    >>> integrity_table("整治“散乱污”，整治散乱污")[["tokenizer", "occurrences", "intact"]]
         tokenizer  occurrences  intact
    0  plain jieba            2       0
    1   policytext            2       2
    """
    terms = policy_terms(text) if terms is None else sorted(set(terms))
    rows = []
    for name, toks in (("plain jieba", plain_tokenize(text)),
                       ("policytext", tokenize(text) if tokens is None else tokens)):
        table = integrity_by_term(text, terms, toks)
        n, intact = int(table["occurrences"].sum()), int(table["intact"].sum())
        rows.append((name, len(terms), n, intact, intact / n if n else float("nan")))
    return pd.DataFrame(rows, columns=["tokenizer", "terms", "occurrences", "intact", "share"])


def segmentation_example(
    text: str, sentences: pd.DataFrame, *, max_chars: int = 80,
    tokens: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The sentence (≤ `max_chars`) where plain jieba cuts the most policy terms, both ways.

    Columns: tokenizer, sentence_id, n_tokens, cut_terms (policy terms cut), segmentation
    (tokens joined by " | "). Ties go to the earlier sentence. The policy tokens are cut
    from the whole-text tokenization, so report-level learning (places, quoted terms) shows.

    >>> t = "加强管理。整治“散乱污”企业，打好三大攻坚战。"
    >>> s = pd.DataFrame({"sentence_id": [0, 1], "start": [0, 5], "end": [5, 23]})
    >>> segmentation_example(t, s)[["tokenizer", "cut_terms", "segmentation"]]
         tokenizer  cut_terms                                      segmentation
    0  plain jieba  三大攻坚战 散乱污  整治 | “ | 散乱 | 污 | ” | 企业 | ， | 打好 | 三大 | 攻坚战 | 。
    1   policytext                整治 | “ | 散乱污 | ” | 企业 | ， | 打 | 好 | 三大攻坚战 | 。
    """
    terms = policy_terms(text)
    plain = plain_tokenize(text)
    policy = tokenize(text) if tokens is None else tokens
    best = None
    for sid, s, e in sentences[["sentence_id", "start", "end"]].itertuples(index=False):
        if e - s > max_chars:
            continue
        sub = text[s:e]
        inside = [t for t in terms if t in sub]
        cut = integrity_by_term(text[s:e], inside, _slice(plain, s, e))
        n_cut = int((cut["occurrences"] - cut["intact"]).sum())
        if best is None or n_cut > best[0]:
            best = (n_cut, sid, s, e)
    if best is None:
        raise ValueError(f"segmentation_example: no sentence of at most {max_chars} characters")
    _, sid, s, e = best
    rows = []
    for name, toks in (("plain jieba", plain), ("policytext", policy)):
        part = _slice(toks, s, e)
        table = integrity_by_term(text[s:e], [t for t in terms if t in text[s:e]], part)
        cut = " ".join(table.loc[table["intact"] < table["occurrences"], "term"])
        rows.append((name, sid, len(part), cut, " | ".join(part["token"])))
    return pd.DataFrame(rows, columns=["tokenizer", "sentence_id", "n_tokens", "cut_terms",
                                       "segmentation"])


def _slice(tokens: pd.DataFrame, start: int, end: int) -> pd.DataFrame:
    """Tokens inside [start, end), offsets shifted to the slice."""
    part = tokens[(tokens["start"] >= start) & (tokens["end"] <= end)].copy()
    part["start"] -= start
    part["end"] -= start
    return part
