"""One CJK font, no missing glyphs, deterministic word clouds and network picture."""

from __future__ import annotations

import io
import warnings

import matplotlib
import numpy as np
import pandas as pd
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from policytext.plots import (
    cjk_font_path,
    plot_cooccurrence,
    plot_top_words,
    use_cjk_font,
    word_cloud,
    word_clouds_by_part,
)


def test_default_font_is_mplfonts_noto(monkeypatch):
    monkeypatch.delenv("POLICYTEXT_FONT", raising=False)
    path = cjk_font_path()
    assert "mplfonts" in path and path.endswith("NotoSansCJKsc-Regular.otf")


def test_override_by_argument_and_environment(monkeypatch, tmp_path):
    default = cjk_font_path()
    monkeypatch.setenv("POLICYTEXT_FONT", default)
    assert cjk_font_path() == default
    monkeypatch.setenv("POLICYTEXT_FONT", str(tmp_path / "missing.otf"))
    with pytest.raises(FileNotFoundError, match="POLICYTEXT_FONT"):
        cjk_font_path()
    assert cjk_font_path(default) == default  # the argument wins over the environment


def test_chinese_title_renders_without_missing_glyphs():
    family = use_cjk_font()
    assert use_cjk_font() == family  # idempotent
    assert matplotlib.rcParams["font.sans-serif"][0] == family
    assert matplotlib.rcParams["axes.unicode_minus"] is False
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font(s)" becomes a failure
        fig, ax = plt.subplots()
        ax.set_title("2019年郑州市惠济区政府工作报告：生产总值增长−7%")
        ax.plot([-1, 1], [-1, 1])
        ax.set_xlabel("负数 -1")
        fig.savefig(io.BytesIO(), format="png")
        plt.close(fig)


FREQ = pd.DataFrame({
    "part": ["review"] * 3 + ["plan"] * 3,
    "word": ["散乱污", "生态环境", "民生", "放管服", "营商环境", "改革"],
    "count": [5, 4, 2, 6, 3, 2],
})


def test_word_cloud_is_deterministic_and_uses_our_counts():
    a = word_cloud(FREQ, width=200, height=120).to_array()
    b = word_cloud(FREQ, width=200, height=120).to_array()
    assert np.array_equal(a, b)
    wc = word_cloud({"散乱污": 5, "污": 1}, width=200, height=120)
    assert set(wc.words_) == {"散乱污", "污"}  # one-character words kept, no re-tokenizing


def test_mask_and_parts_and_charts_draw():
    mask = np.full((120, 200), 255, dtype=np.uint8)
    mask[20:100, 30:170] = 0
    assert word_cloud(FREQ, mask=mask).to_array().shape[:2] == (120, 200)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = word_clouds_by_part(FREQ, parts=["review", "plan"], width=200, height=120)
        assert len(fig.axes) == 2 and fig.axes[0].get_title() == "review"
        ax = plot_top_words(FREQ, n=4)
        assert len(ax.patches) == 4
        table = pd.DataFrame({"term_a": ["散乱污", "放管服"], "term_b": ["生态环境", "营商环境"],
                              "count": [3, 1]})
        ax = plot_cooccurrence(table)
        ax.figure.savefig(io.BytesIO(), format="png")
        assert {t.get_text() for t in ax.texts} == {"散乱污", "生态环境", "放管服", "营商环境"}
    plt.close("all")
