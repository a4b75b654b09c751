"""Term discovery: evidence, the issue's seed terms, nesting, corpus proposals, held-out score."""

from __future__ import annotations

import time
from pathlib import Path

import policytext
import pytest
from policytext.words import (
    DISCOVERY_COLUMNS,
    discover_corpus,
    discover_terms,
    integrity_by_term,
    named_programmes,
    plain_tokenize,
    tokenize,
)

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_ad79a472d2986914.txt"


@pytest.fixture(scope="module")
def seed_text():
    return policytext.load_report(SEED).text


def test_candidates_come_with_their_evidence(seed_text):
    table = discover_terms(seed_text, all_candidates=True)
    assert list(table.columns) == DISCOVERY_COLUMNS
    kept, dropped = table[table.kept], table[~table.kept]
    assert len(kept) and len(dropped)
    assert set(kept.why.str.startswith("kept")) == {True}
    assert not dropped.why.str.startswith("kept").any()
    # Every kept term recurs or is a named programme, and really is in the text.
    assert all(term in seed_text for term in kept.term)
    assert (kept["count"] >= 1).all() and kept.term.str.len().between(3, 12).all()


def test_issue_terms_stay_whole_in_the_seed(seed_text):
    terms = ["郑州国家中心城市", "大运河文化", "古荥大运河文化区", "人才公寓"]
    policy = integrity_by_term(seed_text, terms, tokenize(seed_text)).set_index("term")
    plain = integrity_by_term(seed_text, terms, plain_tokenize(seed_text)).set_index("term")
    assert (policy["share"] == 1.0).all(), policy
    assert (plain["intact"] < plain["occurrences"]).all()


def test_a_term_inside_a_longer_term_stays_whole_where_it_stands_alone():
    text = ("推进古荥大运河文化区建设。古荥大运河文化区游客增长。编制大运河文化保护规划，"
            "弘扬大运河文化，讲好大运河文化故事。古荥大运河文化区提质。")
    tokens = tokenize(text)
    assert "大运河文化" in set(tokens.token) and "古荥大运河文化区" in set(tokens.token)
    both = integrity_by_term(text, ["大运河文化", "古荥大运河文化区"], tokens)
    assert (both["share"] == 1.0).all()


def test_discovered_terms_are_tagged_and_can_be_switched_off():
    text = "新建人才公寓200套。人才公寓配租给青年，人才公寓服务专班已成立。"
    on = tokenize(text)
    assert on.loc[on.token == "人才公寓", "tag"].eq("discovered").all()
    assert on.token.tolist().count("人才公寓") == 3
    off = tokenize(text, discover=False)
    assert "人才公寓" not in set(off.token)


def test_phrases_of_free_words_and_genre_verbs_are_not_terms():
    text = ("加快推进生态环境治理，扎实推进生态环境治理。全面推进乡村振兴，持续推进乡村振兴。"
            "我们的目标是发展。我们的目标是稳定。")
    table = discover_terms(text, all_candidates=True)
    kept = set(table.loc[table.kept, "term"])
    assert not any(t.startswith(("推进", "加快", "扎实")) for t in kept)
    assert not any(t.startswith("的") or t.endswith("的") for t in kept)
    why = dict(zip(table.term, table.why))
    assert why.get("推进生态环境治理") == "opens on a genre verb"


def test_named_programmes_read_once():
    runs = [["实施", "城乡居民", "增收", "计划"], ["开展", "专项", "行动"],
            ["实施", "康复", "护理", "扩容", "提升", "工程"]]
    assert set(named_programmes(runs)) == {"城乡居民增收计划", "康复护理扩容提升工程"}


def test_corpus_discovery_counts_reports_and_quotes():
    docs = ["新建人才公寓，配租人才公寓。坚持“投资于人”。",
            "人才公寓建成。更加注重“投资于人”，投资于人见效。",
            "没有相关内容。"]
    table = discover_corpus(docs).set_index("term")
    assert table.loc["人才公寓", "reports"] == 2 and table.loc["人才公寓", "count"] == 3
    assert table.loc["投资于人", "why"] == "quoted in 2 reports"
    assert table.loc["投资于人", "count"] == 3


def test_refresh_never_learns_from_the_heldout_reports():
    from refresh_lexicon import heldout_files, training_files

    held = {p.name for p in heldout_files()}
    train = {p.name for p in training_files()}
    assert len(held) == 28 and all("_2026." in n and "province" in n for n in held)
    assert not held & train
    assert any(n.endswith(".docx") for n in train) and any(n.endswith(".jsonl") for n in train)


def test_refresh_never_proposes_a_declined_or_known_word(tmp_path):
    import pandas as pd
    from refresh_lexicon import declined_words, unreviewed

    path = tmp_path / "declined_terms.txt"
    path.write_text("# header  # not a word\n治理污染  # phrase\n\n形成经济  # fragment\n", encoding="utf-8")
    declined = declined_words(path)
    assert declined == {"治理污染", "形成经济"}
    assert declined_words(tmp_path / "missing.txt") == set()
    table = pd.DataFrame({"term": ["治理污染", "长江经济带", "人才公寓", "形成经济", "中国"],
                          "count": [9, 8, 7, 6, 5]})
    new = unreviewed(table, known={"长江经济带"}, declined=declined, freq={"中国": 100, "人才": 3})
    assert new["term"].tolist() == ["人才公寓"]
    assert new.index.tolist() == [0]


def test_declined_words_left_the_lexicon():
    from policytext.words import lexicon
    from refresh_lexicon import declined_words

    declined = declined_words()
    assert {"治理污染", "形成经济", "支持体系", "教育机制"} <= declined
    assert not declined & set(lexicon()["word"])


def test_refresh_names_a_missing_folder_in_one_line(tmp_path, capsys):
    from refresh_lexicon import main

    assert main(["--raw", str(tmp_path / "nowhere"), "--out", str(tmp_path / "p.txt")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "nowhere" in err
    assert not (tmp_path / "p.txt").exists()


def _best_time(text: str, repeat: int = 2) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        tokenize(text)
        best = min(best, time.perf_counter() - t0)
    return best


@pytest.mark.parametrize("unit", ["年", "中"])
def test_tokenizing_long_unknown_runs_is_linear(unit):
    """Doubling a run of one repeated character must not quadruple the time (issue 16)."""
    n = 8000
    tokenize("《" + unit * 200)  # warm-up: dictionary and caches
    small = _best_time("报告称《" + unit * n + "》完")
    big = _best_time("报告称《" + unit * (2 * n) + "》完")
    assert big / small < 3, (small, big)


@pytest.mark.slow
def test_heldout_terms_stay_whole():
    """Integrity on the 178 held-out terms of the 2026 provincial reports (goal 0.95)."""
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_terms import measure

    summary = measure()[0].set_index("tokenizer")["share"]
    assert summary["policytext"] >= 0.95
    assert summary["policytext"] > summary["jieba + lexicon"] > summary["plain jieba"]


def test_refresh_names_an_unreadable_report_in_one_line(tmp_path, capsys):
    from refresh_lexicon import main

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "01_national_x_2020.txt").write_text("政府工作报告。人才公寓。", encoding="utf-8")
    (raw / "02_province_y_2025.docx").write_bytes(b"not a zip file")
    out = tmp_path / "p.txt"
    assert main(["--raw", str(raw), "--out", str(out)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "02_province_y_2025.docx" in err
    assert not out.exists()
