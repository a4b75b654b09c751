"""Charts for the cleaning and structure lessons (one CJK font, deterministic output).

Charts of the other stages live beside their analysis: `wordclouds` (words),
`tracking_plots` (targets). Every function returns the matplotlib Figure and
never calls ``plt.show()``, so notebooks and scripts decide what to do with it.
"""

from __future__ import annotations

import pandas as pd

from policytext.plots.fonts import use_cjk_font

__all__ = [
    "PART_COLORS",
    "PART_LABELS",
    "part_shares",
    "plot_page_map",
    "plot_part_shares",
    "plot_section_shares",
]

#: English labels for the parts of a report, in reading order.
PART_LABELS = {
    "other": "other (title, greeting, closing)",
    "review": "review of last year",
    "plan": "plan for this year",
    "self_improvement": "government self-improvement",
}
PART_COLORS = {"other": "#9e9e9e", "review": "#4c72b0", "plan": "#dd8452",
               "self_improvement": "#55a868"}


def plot_page_map(report, *, width: float = 9.0):
    """One bar per input line, as long as the line: kept lines blue, removed ones grey.

    Shows at a glance where the report sits inside the scraped page.
    """
    import matplotlib.pyplot as plt

    use_cjk_font()
    kept = report.kept.assign(status="kept")
    removed = report.removed.assign(status="removed")
    lines = pd.concat([kept, removed], ignore_index=True).sort_values("line_no")
    fig, ax = plt.subplots(figsize=(width, 3.2))
    for status, color in (("kept", "#4c72b0"), ("removed", "#bbbbbb")):
        part = lines[lines["status"] == status]
        ax.bar(part["line_no"], part["line"].str.len(), width=1.0, color=color,
               label=f"{status} ({len(part)} lines)")
    ax.set_xlabel("line number in the input file")
    ax.set_ylabel("characters in the line")
    ax.set_title(f"{report.metadata.title or report.metadata.source}: where the report sits in the page")
    ax.legend(frameon=False)
    fig.tight_layout()
    return fig


def plot_section_shares(sections: pd.DataFrame, *, level: int = 2, width: float = 9.0):
    """Horizontal bars: each section's share of the report, coloured by part.

    `level` picks the depth of the heading tree (2 = （一） sections).
    """
    import matplotlib.pyplot as plt

    use_cjk_font()
    rows = sections[sections["level"] == level].iloc[::-1]
    fig, ax = plt.subplots(figsize=(width, 0.38 * len(rows) + 1.2))
    labels = [f"{n}{t[:18]}" for n, t in zip(rows["number"], rows["title"])]
    ax.barh(labels, rows["share"] * 100, color=[PART_COLORS.get(p, "#999") for p in rows["part"]])
    for y, share in enumerate(rows["share"] * 100):
        ax.text(share + 0.2, y, f"{share:.1f}%", va="center", fontsize=8)
    handles = [plt.Rectangle((0, 0), 1, 1, color=PART_COLORS[p]) for p in PART_LABELS
               if p in set(rows["part"])]
    ax.legend(handles, [PART_LABELS[p] for p in PART_LABELS if p in set(rows["part"])],
              frameon=False, loc="lower right", fontsize=8)
    ax.set_xlim(0, float(rows["share"].max()) * 100 * 1.15)  # room for the labels
    ax.set_xlabel("share of the report's characters (%)")
    ax.set_title("How the report allocates its attention")
    fig.tight_layout()
    return fig


def plot_part_shares(sections: pd.DataFrame, *, width: float = 9.0):
    """A single stacked bar: the report's length split into its parts."""
    import matplotlib.pyplot as plt

    use_cjk_font()
    shares = part_shares(sections)
    fig, ax = plt.subplots(figsize=(width, 2.0))
    left = 0.0
    for part, share in shares.items():
        ax.barh([0], [share * 100], left=left, color=PART_COLORS.get(part, "#999"),
                label=PART_LABELS.get(part, part))
        if share > 0.04:
            ax.text(left + share * 50, 0, f"{share:.0%}", ha="center", va="center", color="white")
        left += share * 100
    ax.set_xlim(0, 100)
    ax.set_yticks([])
    ax.set_xlabel("share of the report (%)")
    ax.legend(frameon=False, ncol=4, loc="lower center", bbox_to_anchor=(0.5, 1.0), fontsize=8)
    fig.tight_layout()
    return fig


def part_shares(sections: pd.DataFrame) -> pd.Series:
    """Share of the text in each part, in reading order, from the level-1 sections and the rest.

    Text outside any level-1 section (title, greeting, closing) counts as "other".
    """
    root = sections[sections["level"] == 0]
    total = int(root["n_chars"].iloc[0]) if len(root) else int(sections["end"].max())
    top = sections[sections["level"] == 1]
    by_part = top.groupby("part")["n_chars"].sum()
    by_part["other"] = by_part.get("other", 0) + total - int(top["n_chars"].sum())
    order = [p for p in PART_LABELS if p in by_part.index]
    return (by_part[order] / total).rename("share")
