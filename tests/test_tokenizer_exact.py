"""The tokenizer's own DAG cut must give exactly jieba's words (it exists only for speed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from policytext import load_report
from policytext.words import FastCut as _DagCut
from policytext.words import get_tokenizer, tokenize

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_ad79a472d2986914.txt"


@pytest.fixture(scope="module")
def seed_text() -> str:
    return load_report(SEED).text


def test_fast_cut_equals_jieba_on_the_seed(seed_text):
    tk = get_tokenizer().jieba
    raw = SEED.read_text(encoding="utf-8")  # page chrome too: Latin, digits, blanks, symbols
    for text in (seed_text, raw):
        assert _DagCut(tk).words(text) == list(tk.cut(text))


def test_fast_cut_equals_jieba_on_odd_strings():
    tk = get_tokenizer().jieba
    cut = _DagCut(tk)
    for text in ["", " ", "\r\n", "甲", "惠济区区长张三", "PM2.5下降4.5%", "abc 中文\t123",
                 "一二三四五六七八九十", "（一）“散乱污”整治！！", "々〇㐀鿿", "a-b_c+d#e&f"]:
        assert cut.words(text) == list(tk.cut(text)), text


def test_tokens_cover_the_seed_in_order(seed_text):
    toks = tokenize(seed_text)
    assert (toks["start"].diff().dropna() > 0).all()
    assert all(seed_text[s:e] == t for t, s, e in zip(toks["token"], toks["start"], toks["end"]))
    # Everything between tokens is whitespace (dropped), nothing else.
    covered = bytearray(len(seed_text))
    for s, e in zip(toks["start"], toks["end"]):
        covered[s:e] = b"\x01" * (e - s)
    assert all(ch.isspace() for ch, c in zip(seed_text, covered) if not c)
