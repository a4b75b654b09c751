"""Stopword layers, frequencies by part, KWIC and co-occurrence."""

from __future__ import annotations

import pandas as pd
import pytest
from policytext.cooccurrence import cooccurrence, key_terms
from policytext.kwic import kwic
from policytext.tokenizer import tokenize
from policytext.words import stopwords, word_frequencies

TEXT = (
    "一、2018年工作回顾\n全面推进“散乱污”企业整治，加快推进生态环境治理，PM2.5下降4.5%。\n"
    "二、2019年重点工作\n坚持深化“放管服”改革，扎实推进生态环境治理，优化营商环境。"
)
# Hand-made sentence frame with the columns structure.split_sentences provides.
_SPLIT = TEXT.index("二、")
SENTENCES = pd.DataFrame({
    "sentence_id": [0, 1], "section_id": [1, 2], "part": ["review", "plan"],
    "start": [0, _SPLIT], "end": [_SPLIT, len(TEXT)],
    "text": [TEXT[:_SPLIT], TEXT[_SPLIT:]],
})


def test_genre_layer_holds_the_issue_words():
    assert {"推进", "加快", "加强", "实施", "坚持", "全面", "扎实"} <= stopwords(("genre",))
    assert "改革" not in stopwords() and "生态环境" not in stopwords()


def test_layers_switch_on_and_off():
    everything = set(word_frequencies(TEXT, stopwords=None).word)
    assert {"推进", "，", "4.5%"} <= everything
    no_punct = set(word_frequencies(TEXT, stopwords=("punct_num",)).word)
    assert "，" not in no_punct and "4.5%" not in no_punct and "推进" in no_punct
    content = word_frequencies(TEXT)
    assert "推进" not in set(content.word) and "加快" not in set(content.word)
    # The content words that repeat across both parts lead the table.
    assert set(content.word[:2]) == {"生态环境", "治理"} and (content["count"][:2] == 2).all()
    with pytest.raises(ValueError, match="unknown stopword layer"):
        word_frequencies(TEXT, stopwords=("nonsense",))


def test_frequencies_by_part_are_tidy_with_shares():
    freq = word_frequencies(TEXT, by="part", sentences=SENTENCES)
    assert list(freq.columns) == ["part", "word", "tag", "count", "share"]
    assert set(freq.part) == {"review", "plan"}
    assert freq.groupby("part")["share"].sum().round(9).eq(1).all()
    review = set(freq.loc[freq.part == "review", "word"])
    plan = set(freq.loc[freq.part == "plan", "word"])
    assert "散乱污" in review and "散乱污" not in plan
    assert "放管服" in plan and "营商环境" in plan


def test_by_needs_a_frame():
    with pytest.raises(ValueError, match="sentences or sections"):
        word_frequencies(TEXT, by="part")


def test_kwic_offsets_and_sentences():
    hits = kwic(TEXT, "生态环境", window=5, sentences=SENTENCES)
    assert len(hits) == 2
    assert all(TEXT[s:e] == "生态环境" for s, e in zip(hits.start, hits.end))
    assert hits.sentence_id.tolist() == [0, 1]
    assert hits.left.iloc[0] == TEXT[hits.start.iloc[0] - 5:hits.start.iloc[0]]


def test_cooccurrence_counts_sentences_once():
    toks = tokenize(TEXT)
    table = cooccurrence(toks, SENTENCES, terms=["生态环境", "散乱污", "放管服", "营商环境"])
    pairs = {(a, b): n for a, b, n in table.itertuples(index=False)}
    assert pairs[("散乱污", "生态环境")] == 1
    assert pairs[("放管服", "营商环境")] == 1
    assert ("放管服", "散乱污") not in pairs
    assert "推进" not in key_terms(toks)
