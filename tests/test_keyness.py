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
