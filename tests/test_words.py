"""Stopword layers, frequencies by part, KWIC and co-occurrence."""

from __future__ import annotations

from pathlib import Path

import policytext
import pytest
from policytext.words import (
    LAYERS,
    cooccurrence,
    key_terms,
    kwic,
    stopwords,
    tokenize,
    word_frequencies,
)

TEXT = (
    "一、2018年工作回顾\n全面推进“散乱污”企业整治，加快推进生态环境治理，PM2.5下降4.5%。\n"
    "二、2019年重点工作\n坚持深化“放管服”改革，扎实推进生态环境治理，优化营商环境。"
)
# A whole (tiny) report, so the by-part tests go through the real sections and sentences.
REPORT = policytext.Report.from_text(
    "2019年青山县政府工作报告\n各位代表：\n现在，我代表县人民政府，向大会报告工作，请予审议。\n"
    + TEXT + "新的一年，全县上下再出发。\n", source="qingshan.txt"
)
SENTENCES = REPORT.sentences
SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_ad79a472d2986914.txt"


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
    # The term that repeats across both parts leads the table, whole.
    top = content.iloc[0]
    assert (top.word, top["count"]) == ("生态环境治理", 2) and top.tag in {"term", "discovered"}
    with pytest.raises(ValueError, match="unknown stopword layer"):
        word_frequencies(TEXT, stopwords=("nonsense",))


def test_frequencies_by_part_are_tidy_with_shares():
    freq = word_frequencies(REPORT, by="part")
    assert list(freq.columns) == ["part", "word", "tag", "count", "share"]
    assert {"review", "plan"} <= set(freq.part)
    assert freq.groupby("part")["share"].sum().round(9).eq(1).all()
    review = set(freq.loc[freq.part == "review", "word"])
    plan = set(freq.loc[freq.part == "plan", "word"])
    assert "散乱污" in review and "散乱污" not in plan
    assert {"放管服", "营商环境"} <= plan and "放管服" not in review
    # Passing the text and the report's sentence frame gives the same table.
    same = word_frequencies(REPORT.text, by="part", sentences=REPORT.sentences)
    assert same.equals(freq)


def test_single_characters_are_a_layer_of_their_own():
    with_layer = set(word_frequencies(REPORT).word)
    without = set(word_frequencies(REPORT, stopwords=("general", "genre", "punct_num")).word)
    assert "新" in without and "新" not in with_layer
    assert without - with_layer == {w for w in without if len(w) == 1}
    assert "single_char" in LAYERS


def test_seed_word_freq_is_sorted_and_deterministic():
    report = policytext.load_report(SEED)
    freq = word_frequencies(report)
    assert list(freq.columns) == ["word", "tag", "count", "share"]
    assert str(freq["count"].dtype) == "int64"
    keys = list(zip(-freq["count"], freq["word"], freq["tag"]))
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert freq["share"].sum() == pytest.approx(1.0)
    # The clutter the single_char layer exists for: none of it in the default table.
    assert not (freq.word.str.len() == 1).any()
    assert word_frequencies(policytext.load_report(SEED)).equals(freq)


def test_kwic_offsets_and_sentences():
    hits = kwic(REPORT.text, "生态环境", window=5, sentences=SENTENCES)
    assert len(hits) == 2
    assert all(REPORT.text[s:e] == "生态环境" for s, e in zip(hits.start, hits.end))
    ids = hits.sentence_id.tolist()
    parts = SENTENCES.set_index("sentence_id").loc[ids, "part"].tolist()
    assert parts == ["review", "plan"]
    assert hits.left.iloc[0] == REPORT.text[hits.start.iloc[0] - 5:hits.start.iloc[0]]


def test_cooccurrence_counts_sentences_once():
    toks = tokenize(REPORT.text)
    table = cooccurrence(toks, SENTENCES, terms=["生态环境治理", "散乱污", "放管服", "营商环境"])
    pairs = {(a, b): n for a, b, n in table.itertuples(index=False)}
    assert pairs[("散乱污", "生态环境治理")] == 1
    assert pairs[("放管服", "营商环境")] == 1
    assert ("放管服", "散乱污") not in pairs
    assert "推进" not in key_terms(toks)
