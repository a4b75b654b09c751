"""Charts for the cleaning and structure lessons (one CJK font, deterministic output).

Charts of the other stages live beside their analysis: `wordclouds` (words),
`tracking_plots` (targets). Every function returns the matplotlib Figure and
never calls ``plt.show()``, so notebooks and scripts decide what to do with it.
"""

from __future__ import annotations

import pandas as pd

from policytext.plots.fonts import use_cjk_font

__all__ = [
    "OUTSIDE_LABEL",
    "PART_COLORS",
    "PART_LABELS",
    "heading_label",
    "part_shares",
    "plot_page_map",
    "plot_part_shares",
    "plot_section_shares",
    "section_units",
    "short_label",
]

#: Appended to a section's label when a bar stands for its text outside its numbered sub-sections
#: (a part's summary paragraphs, 主要预期目标, lessons learnt, 困难和问题, thanks).
OUTSIDE_LABEL = " · text outside its sub-sections"

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


def short_label(text: str, width: int = 18) -> str:
    """``text`` cut to at most ``width`` characters at a word boundary, ending in … when cut.

    >>> short_label("持续发展特色产业，质量效益同步提高", 12)
    '持续发展特色产业…'
    >>> short_label("民生福祉", 12)
    '民生福祉'
    """
    if len(text) <= width:
        return text
    from policytext.words.tokenizer import tokenize

    tokens = tokenize(text)
    end = clause_end = 0
    for tok_start, tok_end, tag in zip(tokens["start"], tokens["end"], tokens["tag"]):
        if tok_end > width - 1:
            break
        if tag == "punct":
            clause_end = tok_start
        else:
            end = tok_end
    # a whole clause reads better than a clause and a half, if it keeps half the room
    end = clause_end if clause_end >= width // 2 else end
    return text[: end or width - 1].rstrip("，、；：,;: ") + "…"


def heading_label(number: object, title: object) -> str:
    """一、2018年工作回顾 / （一）持续发展…: a heading as the report writes it.

    >>> heading_label("一", "2018年工作回顾"), heading_label("（一）", "改善生态"), heading_label("一要", "强化")
    ('一、2018年工作回顾', '（一）改善生态', '一要强化')
    """
    title = "" if pd.isna(title) else str(title)
    if not isinstance(number, str) or not number:
        return title
    # a bare numeral (一, 1) was written with 、; （一）, 1., 一要 carry their own mark
    bare = number.isdigit() or all(ch in "一二三四五六七八九十百零〇两" for ch in number)
    return f"{number}{'、' if bare else ''}{title}"


def section_units(sections: pd.DataFrame, *, level: int = 2) -> pd.DataFrame:
    """The sections at heading ``level``, plus one row per shallower section for its own text.

    A part's text outside its （一） sections (summary paragraphs, 主要预期目标, lessons learnt,
    困难和问题, thanks) is attention too; it gets a row (``outside`` True) so that no
    character is lost from a chart. A shallower section with no sub-section at all is a row
    of its own. ``n_chars`` counts the characters of that row only; ``share`` is of the
    whole report. In reading order.

    >>> from policytext.structure.headings import find_sections
    >>> t = "某县政府工作报告\\n一、2018年工作回顾\\n过去一年成绩显著。\\n（一）发展产业。新增企业5家。\\n二、2019年工作安排\\n今年做好三件事。"
    >>> section_units(find_sections(t))[["label", "outside", "n_chars"]].values.tolist()
    [['一、2018年工作回顾 · text outside its sub-sections', True, 22], ['（一）发展产业', False, 15], ['二、2019年工作安排', False, 20]]
    """
    root = sections[sections["level"] == 0]
    total = int(root["n_chars"].iloc[0]) if len(root) else int(sections["end"].max())
    rows = sections[sections["level"].between(1, level)].sort_values("start")
    child_chars = rows.groupby("parent_id")["n_chars"].sum()
    out = []
    for r in rows.to_dict("records"):
        inner = int(child_chars.get(r["section_id"], 0))
        own = int(r["n_chars"]) - inner
        if inner and own <= 0:
            continue
        label = heading_label(r["number"], r["title"])
        out.append({"section_id": r["section_id"], "level": r["level"], "number": r["number"],
                    "title": r["title"], "part": r["part"], "start": r["start"],
                    "outside": bool(inner), "label": label + (OUTSIDE_LABEL if inner else ""),
                    "n_chars": own, "share": own / total if total else 0.0})
    columns = ["section_id", "level", "number", "title", "part", "start", "outside", "label",
               "n_chars", "share"]
    return pd.DataFrame(out, columns=columns)


def plot_section_shares(sections: pd.DataFrame, *, level: int = 2, width: float = 9.0):
    """Horizontal bars: each section's share of the report, coloured by part.

    `level` picks the depth of the heading tree (2 = （一） sections). Text of a part outside
    its numbered sections gets its own bar, labelled with the part's heading.
    """
    import matplotlib.pyplot as plt

    use_cjk_font()
    rows = section_units(sections, level=level).iloc[::-1]
    fig, ax = plt.subplots(figsize=(width, 0.38 * len(rows) + 1.2))
    labels = [short_label(heading_label(n, t), 18) + (OUTSIDE_LABEL if o else "")
              for n, t, o in zip(rows["number"], rows["title"], rows["outside"])]
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
