"""Word frequencies with switchable stopword layers, per report, part, section or sentence.

Layers (each a reviewed list in ``resources/`` or a rule on token tags):

- ``general``: Chinese function words (的, 和, 在, 进一步 ...);
- ``genre``: verbs and fillers every work report repeats (推进, 加快, 加强, 实施, 坚持, 全面, 扎实 ...);
- ``punct_num``: punctuation, bare numbers, quantities and dates (tags punct, num, quantity, date);
- ``single_char``: one-character words (区, 新, 上, 化): mostly pieces of names and phrases that
  jieba left over, rarely a topic. Terms, places and formulations are never single characters
  here, so only tokens tagged ``word`` are dropped.

All four are on by default. Switch layers off to see what they hide:
``word_frequencies(text, stopwords=("punct_num",))``.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pandas as pd

from policytext.words.tokenizer import tokenize

__all__ = [
    "LAYERS",
    "assign_units",
    "remove_stopwords",
    "stopwords",
    "top_words_by_layers",
    "word_frequencies",
]

LAYERS = ("general", "genre", "punct_num", "single_char")
_FILES = {"general": "stopwords_general.txt", "genre": "stopwords_genre.txt"}
_NUMERIC_TAGS = frozenset({"punct", "num", "quantity", "date"})


@cache
def _read(name: str) -> frozenset[str]:
    text = (Path(__file__).resolve().parents[1] / "resources" / name).read_text(encoding="utf-8")
    return frozenset(
        w.strip() for w in text.splitlines() if w.strip() and not w.lstrip().startswith("#")
    )


def stopwords(layers: Iterable[str] = ("general", "genre")) -> frozenset[str]:
    """The union of the word-list layers asked for (``punct_num``, ``single_char`` are rules).

    >>> {"的", "推进"} <= stopwords(), "推进" in stopwords(("general",))
    (True, False)
    """
    layers = _check_layers(layers)
    out: set[str] = set()
    for layer in layers:
        if layer in _FILES:
            out |= _read(_FILES[layer])
    return frozenset(out)


def _check_layers(layers: Iterable[str] | str | None) -> tuple[str, ...]:
    if layers is None:
        return ()
    if isinstance(layers, str):
        layers = (layers,)
    layers = tuple(layers)
    unknown = set(layers) - set(LAYERS)
    if unknown:
        raise ValueError(f"unknown stopword layer(s) {sorted(unknown)}; choose from {LAYERS}")
    return layers


def remove_stopwords(tokens: pd.DataFrame, *, stopwords: Iterable[str] | str | None = LAYERS):
    """Tokens without the chosen layers (rows kept in order, offsets untouched).

    >>> t = tokenize("全面推进生态环境的治理，新的产业增长9.5%")
    >>> remove_stopwords(t)["token"].tolist()
    ['生态环境', '治理', '产业']
    >>> remove_stopwords(t, stopwords=("general", "genre", "punct_num"))["token"].tolist()
    ['生态环境', '治理', '新', '产业']
    """
    layers = _check_layers(stopwords)
    keep = pd.Series(True, index=tokens.index)
    words = globals()["stopwords"](layers)
    if words:
        keep &= ~tokens["token"].isin(words)
    if "punct_num" in layers:
        keep &= ~tokens["tag"].isin(_NUMERIC_TAGS)
    if "single_char" in layers:
        keep &= ~((tokens["tag"] == "word") & (tokens["token"].str.len() == 1))
    return tokens[keep]


def assign_units(
    tokens: pd.DataFrame,
    sentences: pd.DataFrame | None = None,
    sections: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Add sentence_id, section_id and part to tokens by their start offset.

    A token belongs to the sentence whose [start, end) holds its start; with only `sections`
    given, to the deepest section holding it. Tokens outside every unit get <NA>.

    >>> sents = pd.DataFrame({"sentence_id": [0, 1], "section_id": [1, 2],
    ...     "part": ["review", "plan"], "start": [0, 5], "end": [5, 9]})
    >>> assign_units(tokenize("治理污水。发展经济"), sents)[["token", "part"]]
      token    part
    0    治理  review
    1    污水  review
    2     。  review
    3    发展    plan
    4    经济    plan
    """
    out = tokens.copy()
    if sentences is not None and len(sentences):
        s = sentences.sort_values("start")
        idx = s["start"].searchsorted(out["start"], side="right") - 1
        inside = (idx >= 0) & (out["start"].to_numpy() < s["end"].to_numpy()[idx.clip(0)])
        for col in ("sentence_id", "section_id", "part"):
            if col in s.columns:
                values = pd.Series(s[col].to_numpy()[idx.clip(0)], index=out.index)
                out[col] = values.where(inside, pd.NA)
    elif sections is not None and len(sections):
        sec = sections.sort_values(["start", "level"])
        section_ids, parts = [], []
        starts, ends = sec["start"].to_numpy(), sec["end"].to_numpy()
        for pos in out["start"]:
            # Deepest = the last-starting section that still holds the position.
            hold = (starts <= pos) & (pos < ends)
            if hold.any():
                row = sec.iloc[int(hold.nonzero()[0][-1])]
                section_ids.append(row["section_id"])
                parts.append(row.get("part", pd.NA))
            else:
                section_ids.append(pd.NA)
                parts.append(pd.NA)
        out["section_id"] = section_ids
        out["part"] = parts
    return out


def _as_tokens(tokens_or_text) -> pd.DataFrame:
    """Tokens from a token frame, a string, or a Report (its cached tokens)."""
    if isinstance(tokens_or_text, pd.DataFrame):
        return tokens_or_text
    if isinstance(tokens_or_text, str):
        return tokenize(tokens_or_text)
    cached = getattr(tokens_or_text, "tokens", None)
    return cached if isinstance(cached, pd.DataFrame) else tokenize(tokens_or_text.text)


def word_frequencies(
    tokens_or_text,
    *,
    stopwords: Iterable[str] | str | None = LAYERS,
    by: str | None = None,
    sentences: pd.DataFrame | None = None,
    sections: pd.DataFrame | None = None,
    min_count: int = 1,
) -> pd.DataFrame:
    """Tidy frequency table: [by], word, tag, count, share (share within the group).

    Deterministic: sorted by group, count descending, then word and tag; ``count`` is int64,
    ``share`` the count over the group's total after stopwords.

    `tokens_or_text` is a token frame (from :func:`policytext.words.tokenizer.tokenize`), a
    string, or a ``Report`` (its tokens, sentences and sections are used). `by` is None (whole
    text), ``"part"``, ``"section_id"`` or ``"sentence_id"``.

    >>> word_frequencies("治理“散乱污”企业，整治“散乱污”")
      word   tag  count  share
    0  散乱污  term      2    0.4
    1   企业  word      1    0.2
    2   整治  word      1    0.2
    3   治理  word      1    0.2
    """
    tokens = _as_tokens(tokens_or_text)
    if (by is not None and sentences is None and sections is None
            and not isinstance(tokens_or_text, (str, pd.DataFrame))):
        sentences = tokens_or_text.sentences
    if by is not None and by not in tokens.columns:
        if sentences is None and sections is None:
            raise ValueError(f"by={by!r} needs the sentences or sections frame")
        tokens = assign_units(tokens, sentences, sections)
        if by not in tokens.columns:
            raise ValueError(f"by={by!r}: no such column in the sentences/sections frames")
    layers = _check_layers(stopwords)
    words = globals()["stopwords"](layers)
    numeric, single = "punct_num" in layers, "single_char" in layers
    groups = tokens[by].tolist() if by is not None else [None] * len(tokens)
    # Counted in plain Python: a dict is several times faster than a pandas group-by on the
    # few thousand tokens of a report, and this runs for every report the CLI reads.
    counts: dict[tuple, int] = {}
    for group, token, tag in zip(groups, tokens["token"].tolist(), tokens["tag"].tolist()):
        if (by is not None and pd.isna(group)) or token in words \
                or (numeric and tag in _NUMERIC_TAGS) or (single and tag == "word" and len(token) == 1):
            continue
        key = (group, token, tag)
        counts[key] = counts.get(key, 0) + 1
    rows = sorted(((g, w, t, c) for (g, w, t), c in counts.items() if c >= min_count),
                  key=lambda r: (r[0], -r[3], r[1], r[2]) if by is not None else (-r[3], r[1], r[2]))
    totals: dict = {}
    for g, _, _, c in rows:
        totals[g] = totals.get(g, 0) + c
    frame = pd.DataFrame({
        "group": [r[0] for r in rows],
        "word": pd.Series([r[1] for r in rows], dtype=object),
        "tag": pd.Series([r[2] for r in rows], dtype=object),
        "count": pd.Series([r[3] for r in rows], dtype="int64"),
        "share": pd.Series([r[3] / totals[r[0]] for r in rows], dtype="float64"),
    })
    if by is None:
        return frame.drop(columns="group")
    return frame.rename(columns={"group": by})


def top_words_by_layers(tokens_or_text, *, n: int = 10, layers: Iterable[str] = LAYERS):
    """The top `n` words as the stopword layers are switched on one after another.

    One column per step: ``none``, ``+general``, ``+genre`` ... (each step keeps the layers
    before it); cells read ``word count``. Rows are ranks 1..n.

    >>> top_words_by_layers("推进“散乱污”整治，推进治理，整治“散乱污”", n=3)
          none +general +genre +punct_num +single_char
    rank
    1      “ 2      “ 2    “ 2      散乱污 2        散乱污 2
    2      ” 2      ” 2    ” 2       整治 2         整治 2
    3     推进 2     推进 2  散乱污 2       治理 1         治理 1
    """
    tokens = _as_tokens(tokens_or_text)
    steps: dict[str, list[str]] = {}
    on: list[str] = []
    for layer in (None, *_check_layers(layers)):
        if layer is not None:
            on.append(layer)
        freq = word_frequencies(tokens, stopwords=tuple(on)).head(n)
        cells = [f"{w} {c}" for w, c in zip(freq["word"], freq["count"])]
        steps["+" + layer if layer else "none"] = cells + [""] * (n - len(cells))
    out = pd.DataFrame(steps, index=pd.RangeIndex(1, n + 1, name="rank"))
    return out
