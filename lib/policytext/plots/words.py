"""Charts for the word lesson: top words, term integrity, keyness and co-occurrence.

Word clouds live in :mod:`policytext.plots.wordclouds`. Nothing here calls ``plt.show()``;
all draw with the one CJK font of :mod:`policytext.plots.fonts` and contain no randomness
(the co-occurrence network uses a circle layout in a sorted node order).
"""

from __future__ import annotations

import math

import pandas as pd

from policytext.plots.fonts import use_cjk_font
from policytext.plots.wordclouds import frequency_dict
from policytext.words.integrity import (
    integrity_by_term,
    integrity_table,
    plain_tokenize,
    policy_terms,
)

__all__ = ["keyness_summary", "plot_cooccurrence", "plot_cooccurrence_heatmap", "plot_integrity",
           "plot_keyness", "plot_top_words"]

_PLAIN, _POLICY = "#9e9e9e", "#4c72b0"
_TARGET, _REFERENCE = "#dd8452", "#4c72b0"


def plot_integrity(text: str, *, tokens: pd.DataFrame | None = None, n: int = 12,
                   font_path: str | None = None):
    """Left: share of policy-term occurrences kept whole, plain jieba vs policytext.
    Right: the `n` policy terms plain jieba cuts most often.

    >>> fig = plot_integrity("整治“散乱污”，整治散乱污企业")
    >>> [ax.get_title() for ax in fig.axes]
    ['terms kept whole', 'terms plain jieba cuts most']
    """
    import matplotlib.pyplot as plt

    use_cjk_font(font_path)
    summary = integrity_table(text, tokens=tokens)
    cut = integrity_by_term(text, policy_terms(text), plain_tokenize(text))
    cut["cut"] = cut["occurrences"] - cut["intact"]
    cut = cut[cut["cut"] > 0].sort_values(["cut", "term"], ascending=[False, True]).head(n)
    fig, (left, right) = plt.subplots(
        1, 2, figsize=(9, max(2.8, 0.3 * len(cut) + 1)), gridspec_kw={"width_ratios": [1, 1.4]}
    )
    names = summary["tokenizer"].tolist()[::-1]
    shares = summary["share"].tolist()[::-1]
    left.barh(names, shares, color=[_POLICY if nm == "policytext" else _PLAIN for nm in names])
    for y, (share, row) in enumerate(zip(shares, summary.iloc[::-1].itertuples())):
        left.text(min(share, 1.0) + 0.02, y, f"{share:.0%}  ({row.intact}/{row.occurrences})",
                  va="center")
    left.set_xlim(0, 1.6)
    left.set_xticks([0, 0.5, 1.0], ["0%", "50%", "100%"])
    left.set_title("terms kept whole")
    right.barh(cut["term"].tolist()[::-1], cut["cut"].tolist()[::-1], color=_PLAIN)
    right.set_xlabel("occurrences cut by plain jieba")
    right.set_title("terms plain jieba cuts most")
    fig.tight_layout()
    return fig


def keyness_summary(table: pd.DataFrame, *, target: str = "target",
                    reference: str = "reference", max_p: float = 0.05) -> str:
    """One sentence on what a keyness table holds (the chart's caption, or its replacement).

    Uses ``p_adjusted`` when the table has it (``keyness(..., correction=...)``).

    >>> from policytext.words.keyness import keyness
    >>> keyness_summary(keyness({"发展": 50}, {"发展": 50}), target="plan", reference="review")
    'No word is used significantly more in plan or in review (p < 0.05).'
    """
    col = "p_adjusted" if "p_adjusted" in table.columns else "p"
    sig = table[table[col] < max_p]
    up, down = int((sig["g2"] > 0).sum()), int((sig["g2"] < 0).sum())
    which = "adjusted p" if col == "p_adjusted" else "p"
    if not up and not down:
        return f"No word is used significantly more in {target} or in {reference} ({which} < {max_p:g})."
    return (f"{up} word(s) are used significantly more in {target}, {down} in {reference} "
            f"({which} < {max_p:g}, {len(table)} words tested).")


def plot_keyness(table: pd.DataFrame, *, n: int = 10, target: str = "target",
                 reference: str = "reference", max_p: float = 0.05,
                 font_path: str | None = None):
    """Diverging bars of signed G² for the `n` top keywords each way (p < `max_p`).

    `table` is a :func:`policytext.words.keyness.keyness` frame; its ``p_adjusted`` column is
    used when present. Bars to the right are words the target uses more, to the left the
    reference; each bar is labelled with both counts and the log ratio. With no significant
    word the figure says so in a sentence instead of drawing empty axes.

    >>> from policytext.words.keyness import keyness
    >>> k = keyness({"目标": 30, "回顾": 1, "发展": 50}, {"目标": 2, "回顾": 25, "发展": 50})
    >>> plot_keyness(k, target="plan", reference="review").axes[0].get_xlabel()
    'signed G² (← review · plan →)'
    """
    import matplotlib.pyplot as plt

    use_cjk_font(font_path)
    col = "p_adjusted" if "p_adjusted" in table.columns else "p"
    sig = table[table[col] < max_p]
    up = sig[sig["g2"] > 0].sort_values(["g2", "word"], ascending=[False, True]).head(n)
    down = sig[sig["g2"] < 0].sort_values(["g2", "word"], ascending=[True, True]).head(n)
    if up.empty and down.empty:
        fig, ax = plt.subplots(figsize=(7, 1.2))
        ax.set_axis_off()
        ax.text(0.5, 0.5, keyness_summary(table, target=target, reference=reference,
                                          max_p=max_p), ha="center", va="center", wrap=True)
        return fig
    # Reference words at the bottom (most negative lowest), target words on top.
    rows = pd.concat([down, up.iloc[::-1]])
    fig, ax = plt.subplots(figsize=(7, max(2.5, 0.3 * len(rows) + 1)))
    colors = [_TARGET if g > 0 else _REFERENCE for g in rows["g2"]]
    ax.barh(range(len(rows)), rows["g2"], color=colors)
    ax.set_yticks(range(len(rows)), rows["word"])
    ax.axvline(0, color="black", linewidth=0.8)
    span = float(rows["g2"].abs().max())
    for y, (g, a, b, lr) in enumerate(zip(rows["g2"], rows["target"], rows["reference"],
                                          rows["log_ratio"])):
        ax.text(g + (0.02 if g > 0 else -0.02) * span, y, f"{a} vs {b} · LR {lr:+.1f}",
                va="center", ha="left" if g > 0 else "right", fontsize=8)
    ax.set_xlim(-1.6 * span, 1.6 * span)
    ax.set_xlabel(f"signed G² (← {reference} · {target} →)")
    which = "adjusted p" if col == "p_adjusted" else "p"
    ax.set_title(f"keywords: {target} vs {reference} ({which} < {max_p:g}); "
                 f"counts: {target} vs {reference}", fontsize=10)
    fig.tight_layout()
    return fig


def plot_top_words(freqs, *, n: int = 20, ax=None, title: str | None = None,
                   font_path: str | None = None):
    """Horizontal bar chart of the `n` most frequent words, largest on top; returns the axis."""
    import matplotlib.pyplot as plt

    use_cjk_font(font_path)
    counts = frequency_dict(freqs, n)
    if ax is None:
        _, ax = plt.subplots(figsize=(6, max(2.5, 0.28 * len(counts) + 1)))
    words = list(counts)[::-1]
    ax.barh(words, [counts[w] for w in words], color="#4C72B0")
    ax.set_xlabel("count")
    if title:
        ax.set_title(title)
    return ax


def plot_cooccurrence_heatmap(table: pd.DataFrame, *, n: int = 15, ax=None,
                              title: str | None = None, font_path: str | None = None):
    """Heatmap of a :func:`policytext.words.cooccurrence.cooccurrence` table, counts written in.

    The `n` terms with the most co-occurrences (then by name) are rows and columns; a cell is
    the number of sentences holding both terms. Readable where a network turns to a hairball.
    With no pair the axis says so. Returns the axis.

    >>> t = pd.DataFrame({"term_a": ["改革", "改革"], "term_b": ["开放", "创新"], "count": [3, 1]})
    >>> [x.get_text() for x in plot_cooccurrence_heatmap(t).get_xticklabels()]
    ['改革', '开放', '创新']
    """
    import matplotlib.pyplot as plt

    use_cjk_font(font_path)
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 6))
    if title:
        ax.set_title(title)
    if table.empty:
        ax.set_axis_off()
        ax.text(0.5, 0.5, "No two terms share a sentence.", ha="center", va="center")
        return ax
    degree: dict[str, int] = {}
    for a, b, c in table[["term_a", "term_b", "count"]].itertuples(index=False):
        degree[a] = degree.get(a, 0) + int(c)
        degree[b] = degree.get(b, 0) + int(c)
    terms = sorted(degree, key=lambda w: (-degree[w], w))[:n]
    index = {w: i for i, w in enumerate(terms)}
    grid = [[0] * len(terms) for _ in terms]
    for a, b, c in table[["term_a", "term_b", "count"]].itertuples(index=False):
        if a in index and b in index:
            grid[index[a]][index[b]] = grid[index[b]][index[a]] = int(c)
    ax.imshow(grid, cmap="Blues")
    ax.set_xticks(range(len(terms)), terms, rotation=60, ha="right")
    ax.set_yticks(range(len(terms)), terms)
    top = max(max(row) for row in grid) or 1
    for i, row in enumerate(grid):
        for j, c in enumerate(row):
            if c:
                ax.text(j, i, str(c), ha="center", va="center", fontsize=8,
                        color="white" if c > top / 2 else "black")
    return ax


def plot_cooccurrence(table: pd.DataFrame, *, ax=None, max_edges: int = 60,
                      title: str | None = None, font_path: str | None = None):
    """Network of a :func:`policytext.words.cooccurrence.cooccurrence` table on a circle.

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
