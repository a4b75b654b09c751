"""One jieba pass per report: the compact segmentation, the re-cut around new spans, n-gram counts."""

from __future__ import annotations

import random
from collections import Counter
from math import log
from pathlib import Path

import numpy as np
import policytext
import pytest
from policytext.words import discovered_spans, named_programmes
from policytext.words.ngrams import NGramCounts
from policytext.words.segment import Segmentation, default_segmenter

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_ad79a472d2986914.txt"


@pytest.fixture(scope="module")
def seed_text():
    return policytext.load_report(SEED).text


def _tokens(seg: Segmentation) -> list[tuple[str, int, str]]:
    frame = seg.frame()
    return list(zip(frame.token, frame.start, frame.tag))


def test_tokens_are_the_text_in_order(seed_text):
    seg = default_segmenter().segment(seed_text)
    frame = seg.frame()
    assert (frame.end.to_numpy()[:-1] <= frame.start.to_numpy()[1:]).all()
    assert all(seed_text[s:e] == t for t, s, e in zip(frame.token, frame.start, frame.end))
    # Only whitespace lies between tokens.
    gaps = [seed_text[e:s] for e, s in zip(frame.end[:-1], frame.start[1:]) if s > e]
    assert all(g.isspace() for g in gaps)


def test_new_spans_recut_only_the_tokens_they_touch(seed_text):
    segmenter = default_segmenter()
    seg = segmenter.segment(seed_text)
    spans = discovered_spans(seg)
    assert spans, "the seed has discovered terms"
    new = segmenter.with_spans(seg, spans)
    tokens = _tokens(new)
    starts = {s for _, s, _ in tokens}
    # Every discovered occurrence kept whole is one token tagged discovered.
    for s, e, _ in new.spans:
        if (s, e, "discovered") in spans:
            assert (seed_text[s:e], s, "discovered") in tokens
    # Tokens away from every new span are the old ones, unchanged.
    fresh = [(s, e) for s, e, tag in new.spans if tag == "discovered"]
    old = _tokens(seg)
    far = [t for t in old if all(t[1] + len(t[0]) <= s or t[1] >= e for s, e in fresh)]
    assert set(far) <= set(tokens)
    assert len(starts) == len(tokens)


def test_a_span_that_cuts_into_words_recuts_them():
    segmenter = default_segmenter()
    text = "推进人才公寓建设，人才公寓投用。"
    seg = segmenter.segment(text)
    new = segmenter.with_spans(seg, [(3, 7, "discovered")])  # 才公寓建 cuts 人才 and 建设
    tokens = [t for t, _, _ in _tokens(new)]
    assert "".join(tokens) == text
    assert "才公寓建" in tokens and tokens[tokens.index("才公寓建") - 1] == "人"


def _brute(ids: list[int], n: int, min_count: int):
    runs, run = [], []
    for w in ids + [-1]:
        if w < 0:
            if run:
                runs.append(run)
            run = []
        else:
            run.append(w)
    grams = Counter()
    for run in runs:
        for i in range(len(run) - n + 1):
            g = tuple(run[i:i + n])
            grams[g] += 1
    return runs, {g: c for g, c in grams.items() if c >= min_count}


@pytest.mark.parametrize("seed", range(5))
def test_ngram_counts_equal_a_plain_count(seed):
    rng = random.Random(seed)
    vocab = 6
    ids = [rng.choice([-1] + list(range(vocab)) * 3) for _ in range(400)]
    lengths = np.ones(vocab, np.int64)
    free = np.zeros(vocab, bool)
    free[0] = True  # word 0 is a function word: a new neighbour every time
    stats = NGramCounts(np.array(ids), lengths, np.array([0]), free, 2, max_words=4,
                        max_chars=12)
    for lv in stats.levels:
        runs, expected = _brute(ids, lv.n, 2)
        got = {tuple(stats.words(lv, i)): int(lv.count[i]) for i in range(len(lv.count))}
        assert got == expected
        for i, gram in enumerate(got):
            # Right-neighbour entropy by hand: a function word or a run's end is always new.
            nb, fresh = Counter(), 0
            for run in runs:
                for j in range(len(run) - lv.n + 1):
                    if tuple(run[j:j + lv.n]) == gram:
                        k = j + lv.n
                        if k < len(run) and not free[run[k]]:
                            nb[run[k]] += 1
                        else:
                            fresh += 1
            c = sum(nb.values()) + fresh
            h = -sum(v / c * log(v / c) for v in list(nb.values()) + [1] * fresh)
            assert lv.right_entropy[i] == pytest.approx(h, abs=1e-9)
            # The parts' counts on each side of every split.
            for k in range(1, lv.n):
                assert lv.prefix[i, k - 1] == sum(
                    1 for run in runs for j in range(len(run) - k + 1)
                    if tuple(run[j:j + k]) == gram[:k])


def test_a_long_two_word_programme_is_named_once():
    runs = [["推进", "城市生命线", "安全工程"], ["实施", "专项", "行动"], ["推进", "重点", "工程"]]
    assert set(named_programmes(runs)) == {"城市生命线安全工程"}


@pytest.mark.parametrize("each", [0, 10_000])
def test_many_terms_are_found_in_one_pass_with_the_same_result(seed_text, each, monkeypatch):
    import re

    from policytext.words import spans

    # Every 3-5 character piece of the seed's first lines: thousands of overlapping terms.
    head = seed_text[:3000]
    terms = sorted({head[i:i + n] for i in range(0, len(head) - 5, 7) for n in (3, 4, 5)
                    if "\n" not in head[i:i + n]})
    monkeypatch.setattr(spans, "_FIND_EACH", each)  # hashed windows, or one search per term
    monkeypatch.setattr(spans, "_CHUNK", 1000)  # terms across chunk edges are found too
    by_search = sorted((i, t) for t in terms for i in range(len(seed_text))
                       if seed_text.startswith(t, i))
    found = spans.find_all(seed_text, terms)
    assert sorted((i, t) for t, starts in found.items() for i in starts) == by_search
    flat = re.compile("|".join(map(re.escape, sorted(terms, key=len, reverse=True))))
    assert ([(m.start(), m.group(0)) for m in flat.finditer(seed_text)]
            == spans.longest_first([(i, t) for t, starts in found.items() for i in starts]))


def test_a_full_word_table_is_renewed_without_changing_the_tokens(seed_text, monkeypatch):
    from policytext.words import segment, tokenize

    before = tokenize(seed_text)
    segmenter = default_segmenter()
    old = segmenter.table
    kept = segmenter.segment(seed_text)  # cut with the old table
    monkeypatch.setattr(segment, "WORD_TABLE_LIMIT", 10)
    try:
        seg = segmenter.segment(seed_text)
        assert segmenter.table is not old and seg.table is segmenter.table
        assert before.equals(tokenize(seed_text))
        # A segmentation cut before the renewal keeps its own table: same tokens, still readable.
        assert kept.table is old and kept.frame().equals(seg.frame())
        assert segmenter.with_spans(kept, discovered_spans(kept)).frame().equals(before)
    finally:
        segmenter.table = old
