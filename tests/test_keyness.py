"""Keyness statistics checked against values worked out by hand."""

from __future__ import annotations

import math

import pytest
from policytext.words import chi2_sf_1df, keyness, log_likelihood, log_ratio


def test_g2_matches_hand_computation():
    # Target 20 of 1000 tokens, reference 5 of 2000.
    # E1 = 1000*25/3000 = 8.333, E2 = 16.667;
    # G2 = 2*(20 ln(20/8.333) + 5 ln(5/16.667)) = 2*(17.5094 - 6.0199) = 22.979
    assert log_likelihood(20, 5, 1000, 2000) == pytest.approx(22.979, abs=1e-3)
    # LR = log2((20/1000)/(5/2000)) = log2(8) = 3
    assert log_ratio(20, 5, 1000, 2000) == pytest.approx(3.0)


def test_p_value_is_chi2_one_df():
    assert chi2_sf_1df(3.841459) == pytest.approx(0.05, abs=1e-6)
    assert chi2_sf_1df(6.634897) == pytest.approx(0.01, abs=1e-6)
    assert chi2_sf_1df(0) == 1.0


def test_zero_count_uses_half_correction():
    assert log_ratio(4, 0, 100, 100) == pytest.approx(math.log2(4 / 0.5))
    assert log_likelihood(4, 0, 100, 100) == pytest.approx(2 * 4 * math.log(2))


def test_keyness_table_signed_and_sorted():
    target = {"改革": 20, "发展": 980}
    reference = {"改革": 5, "发展": 1990, "回顾": 5}
    k = keyness(target, reference).set_index("word")
    assert k.loc["改革", "g2"] > 0 and k.loc["回顾", "g2"] < 0
    assert k.loc["改革", "g2"] == pytest.approx(22.979, abs=1e-3)
    assert k.loc["改革", "p"] < 0.001
    assert k.loc["回顾", "log_ratio"] < 0
    assert k.index[0] == "改革"
    assert k.loc["改革", "target_per_10k"] == pytest.approx(200.0)


def test_keyness_accepts_frequency_frames():
    import pandas as pd

    a = pd.DataFrame({"word": ["生态", "民生"], "count": [8, 2]})
    b = pd.DataFrame({"word": ["生态", "民生"], "count": [2, 8]})
    k = keyness(a, b)
    assert k.word.tolist() == ["生态", "民生"]
    assert k.g2.iloc[0] == pytest.approx(-k.g2.iloc[1])


def test_corrections_raise_p_and_keep_order():
    from policytext.words import adjust_p

    target = {f"词{i}": 5 + i for i in range(30)} | {"改革": 40}
    reference = {f"词{i}": 5 + i for i in range(30)} | {"改革": 8}
    plain = keyness(target, reference)
    assert "p_adjusted" not in plain.columns
    for method in ("bonferroni", "bh"):
        k = keyness(target, reference, correction=method)
        assert (k["p_adjusted"] >= k["p"] - 1e-12).all() and (k["p_adjusted"] <= 1).all()
    bonf = keyness(target, reference, correction="bonferroni").set_index("word")
    bh = keyness(target, reference, correction="bh").set_index("word")
    # Benjamini-Hochberg is never stricter than Bonferroni.
    assert (bh["p_adjusted"] <= bonf["p_adjusted"] + 1e-12).all()
    assert bonf.loc["改革", "p_adjusted"] == min(1.0, bonf.loc["改革", "p"] * len(bonf))
    with pytest.raises(ValueError, match="unknown correction"):
        keyness(target, reference, correction="holm-ish")
    assert adjust_p([], "bh") == []


def test_an_empty_keyness_result_is_a_sentence_not_an_empty_chart():
    from policytext.plots import keyness_summary, plot_keyness

    k = keyness({"发展": 50, "改革": 10}, {"发展": 50, "改革": 10}, correction="bh")
    sentence = keyness_summary(k, target="plan", reference="review")
    assert sentence.startswith("No word is used significantly more")
    fig = plot_keyness(k, target="plan", reference="review")
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert texts == [sentence] and not fig.axes[0].patches


def test_keyness_bars_carry_both_counts():
    from policytext.plots import plot_keyness

    k = keyness({"目标": 30, "回顾": 1, "发展": 50}, {"目标": 2, "回顾": 25, "发展": 50})
    labels = [t.get_text() for t in plot_keyness(k).axes[0].texts]
    assert any(lbl.startswith("30 vs 2") for lbl in labels)
    assert any(lbl.startswith("1 vs 25") for lbl in labels)


def test_cooccurrence_heatmap_is_symmetric_with_counts_written_in():
    import pandas as pd
    from policytext.plots import plot_cooccurrence_heatmap

    t = pd.DataFrame({"term_a": ["改革", "改革", "开放"], "term_b": ["开放", "创新", "创新"],
                      "count": [3, 1, 2]})
    ax = plot_cooccurrence_heatmap(t)
    grid = ax.images[0].get_array()
    assert (grid == grid.T).all() and grid.max() == 3
    assert sorted(x.get_text() for x in ax.texts) == ["1", "1", "2", "2", "3", "3"]
    empty = plot_cooccurrence_heatmap(t.iloc[0:0])
    assert [x.get_text() for x in empty.texts] == ["No two terms share a sentence."]
