"""Pictures of word counts: word clouds, a top-words bar chart, the co-occurrence network.

All draw with the one CJK font of :mod:`policytext.fonts` and are deterministic: word clouds
use a fixed ``random_state``; the network uses a circle layout in a sorted node order.
"""

from __future__ import annotations

import math

import pandas as pd

from .fonts import cjk_font_path, use_cjk_font

__all__ = [
    "plot_cooccurrence",
    "plot_top_words",
    "plot_word_cloud",
    "word_cloud",
    "word_clouds_by_part",
]


def _as_dict(freqs, n: int | None = None) -> dict[str, float]:
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

    counts = _as_dict(freqs, max_words)
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


def plot_top_words(freqs, *, n: int = 20, ax=None, title: str | None = None,
                   font_path: str | None = None):
    """Horizontal bar chart of the `n` most frequent words, largest on top; returns the axis."""
    import matplotlib.pyplot as plt

    use_cjk_font(font_path)
    counts = _as_dict(freqs, n)
    if ax is None:
        _, ax = plt.subplots(figsize=(6, max(2.5, 0.28 * len(counts) + 1)))
    words = list(counts)[::-1]
    ax.barh(words, [counts[w] for w in words], color="#4C72B0")
    ax.set_xlabel("count")
    if title:
        ax.set_title(title)
    return ax


def plot_cooccurrence(table: pd.DataFrame, *, ax=None, max_edges: int = 60,
                      title: str | None = None, font_path: str | None = None):
    """Network of a :func:`policytext.cooccurrence.cooccurrence` table on a circle.

    Nodes are placed on a circle in order of weighted degree (then name), edge width and
    shade grow with the count, node size with the weighted degree. Matplotlib only, no
    randomness. Returns the axis.
    """
    import matplotlib.pyplot as plt

    use_cjk_font(font_path)
    edges = table.sort_values(["count", "term_a", "term_b"], ascending=[False, True, True])
    edges = edges.head(max_edges)
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 7))
    ax.set_axis_off()
    ax.set_aspect("equal")
    if title:
        ax.set_title(title)
    if edges.empty:
        return ax
    degree: dict[str, float] = {}
    for a, b, c in edges[["term_a", "term_b", "count"]].itertuples(index=False):
        degree[a] = degree.get(a, 0) + c
        degree[b] = degree.get(b, 0) + c
    nodes = sorted(degree, key=lambda w: (-degree[w], w))
    pos = {
        w: (math.cos(math.pi / 2 - 2 * math.pi * i / len(nodes)),
            math.sin(math.pi / 2 - 2 * math.pi * i / len(nodes)))
        for i, w in enumerate(nodes)
    }
    top = float(edges["count"].max())
    for a, b, c in edges[["term_a", "term_b", "count"]].itertuples(index=False):
        (x0, y0), (x1, y1) = pos[a], pos[b]
        ax.plot([x0, x1], [y0, y1], color="#4C72B0", alpha=0.25 + 0.6 * c / top,
                linewidth=0.5 + 4 * c / top, zorder=1)
    big = max(degree.values())
    ax.scatter([pos[w][0] for w in nodes], [pos[w][1] for w in nodes],
               s=[80 + 600 * degree[w] / big for w in nodes], color="#DD8452", zorder=2)
    for w in nodes:
        x, y = pos[w]
        ax.text(1.15 * x, 1.15 * y, w, ha="center", va="center", fontsize=10, zorder=3)
    ax.set_xlim(-1.4, 1.4)
    ax.set_ylim(-1.4, 1.4)
    return ax
