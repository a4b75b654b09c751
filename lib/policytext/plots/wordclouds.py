"""Word clouds drawn from the library's own counts.

They draw with the one CJK font of :mod:`policytext.plots.fonts` and are deterministic: a
fixed ``random_state`` and words sorted by count, then by word.
"""

from __future__ import annotations

import math

import pandas as pd

from policytext.plots.fonts import cjk_font_path, use_cjk_font

__all__ = ["frequency_dict", "plot_word_cloud", "word_cloud", "word_clouds_by_part"]


def frequency_dict(freqs, n: int | None = None) -> dict[str, float]:
    """Counts as a dict, largest first then by word: from a frequency table or a mapping.

    >>> frequency_dict({"改革": 2, "开放": 2, "发展": 5})
    {'发展': 5.0, '开放': 2.0, '改革': 2.0}
    """
    if isinstance(freqs, pd.DataFrame):
        freqs = freqs.groupby("word")["count"].sum()
    series = pd.Series(freqs, dtype="float64")
    series = series[series > 0]
    order = sorted(series.items(), key=lambda kv: (-kv[1], kv[0]))
    return dict(order[:n] if n else order)


def word_cloud(
    freqs,
    *,
    mask=None,
    width: int = 800,
    height: int = 500,
    max_words: int = 150,
    random_state: int = 0,
    background_color: str = "white",
    colormap: str = "viridis",
    font_path: str | None = None,
):
    """A ``wordcloud.WordCloud`` built from our own counts (never wordcloud's tokenizer).

    `freqs`: a frequency frame (word, count), a Series or a dict. `mask`: optional numpy
    array; white (255) pixels are left empty.

    >>> wc = word_cloud({"生态": 5, "改革": 3, "民生": 2}, width=200, height=100)
    >>> sorted(wc.words_)
    ['改革', '民生', '生态']
    """
    from wordcloud import WordCloud

    counts = frequency_dict(freqs, max_words)
    if not counts:
        raise ValueError("word_cloud: no words with a positive count")
    wc = WordCloud(
        font_path=cjk_font_path(font_path), width=width, height=height, mask=mask,
        max_words=max_words, random_state=random_state, background_color=background_color,
        colormap=colormap, prefer_horizontal=1.0,
    )
    return wc.generate_from_frequencies(counts)


def plot_word_cloud(freqs, *, ax=None, title: str | None = None, **kwargs):
    """Draw :func:`word_cloud` on a matplotlib axis; returns the axis."""
    import matplotlib.pyplot as plt

    use_cjk_font(kwargs.get("font_path"))
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 5))
    ax.imshow(word_cloud(freqs, **kwargs).to_array(), interpolation="bilinear")
    ax.set_axis_off()
    if title:
        ax.set_title(title)
    return ax


def word_clouds_by_part(freqs: pd.DataFrame, *, by: str = "part", parts=None, ncols: int = 2,
                        **kwargs):
    """One word cloud per group of a ``word_frequencies(..., by="part")`` frame; the figure.

    `parts` chooses and orders the groups (default: the order they appear in).
    """
    import matplotlib.pyplot as plt

    groups = list(dict.fromkeys(freqs[by])) if parts is None else list(parts)
    ncols = max(1, min(ncols, len(groups)))
    nrows = math.ceil(len(groups) / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(6 * ncols, 4 * nrows), squeeze=False)
    for ax, group in zip(axes.flat, groups):
        plot_word_cloud(freqs[freqs[by] == group], ax=ax, title=str(group), **kwargs)
    for ax in list(axes.flat)[len(groups):]:
        ax.set_axis_off()
    fig.tight_layout()
    return fig
