"""Tables and charts of the indicator stage: where the numbers stand, results against targets.

Every plotting function returns the matplotlib Figure and never calls ``plt.show()``.
"""

from __future__ import annotations

import pandas as pd

from policytext.plots.fonts import use_cjk_font
from policytext.plots.sections import OUTSIDE_LABEL, heading_label, section_units, short_label

__all__ = ["KIND_COLORS", "dual_targets", "plot_quantities_by_section", "quantities_by_section",
           "with_section"]

#: colours of last year's results and this year's targets (as in the structure charts)
KIND_COLORS = {"actual": "#4c72b0", "target": "#dd8452"}


def _ancestor_at(sections: pd.DataFrame, level: int) -> dict[int, int]:
    """section_id -> the id of its enclosing section at ``level`` (itself if it is shallower)."""
    parent = dict(zip(sections["section_id"], sections["parent_id"]))
    depth = dict(zip(sections["section_id"], sections["level"]))
    out = {}
    for sid in sections["section_id"]:
        cur = sid
        while depth.get(cur, 0) > level and not pd.isna(parent.get(cur)):
            cur = int(parent[cur])
        out[sid] = cur
    return out


def _labels(sections: pd.DataFrame, level: int) -> dict[int, str]:
    """section_id -> its label; a shallower section with sub-sections stands for the text outside them."""
    label = {sid: heading_label(n, t) for sid, n, t in
             zip(sections["section_id"], sections["number"], sections["title"])}
    label.update(zip(section_units(sections, level=level)["section_id"],
                     section_units(sections, level=level)["label"]))
    return label


def with_section(indicators: pd.DataFrame, sections: pd.DataFrame, *,
                 level: int = 2) -> pd.DataFrame:
    """``indicators`` plus the enclosing section at heading ``level``: ``section``, ``section_title``.

    >>> from policytext.quantities.indicators import extract_indicators
    >>> with_section(extract_indicators("新增就业1200人。"), None).columns[-2:].tolist()
    ['section', 'section_title']
    """
    if sections is None or len(sections) == 0:
        return indicators.assign(section=pd.NA, section_title="")
    up = _ancestor_at(sections, level)
    label = _labels(sections, level)
    section = indicators["section_id"].map(up)
    return indicators.assign(section=section, section_title=section.map(label).fillna(""))


def quantities_by_section(indicators: pd.DataFrame, sections: pd.DataFrame, *,
                          level: int = 2) -> pd.DataFrame:
    """Quantities per section at heading ``level``, counted as actual / target, in reading order.

    Rows are one per quantity span (an enumeration that names two subjects counts once). Every
    section of ``section_units`` is a row, those without quantities with 0; a part's text
    outside its numbered sections is a row of its own. ``per_1000_chars`` puts sections of
    different length side by side: quantities per 1,000 characters of the row's own text.

    >>> from policytext import Report
    >>> r = Report.from_text("2019年某县政府工作报告\\n各位代表：\\n一、2018年工作回顾\\n"
    ...                      "生产总值增长7.5%。\\n二、2019年工作安排\\n生产总值增长7%左右。\\n"
    ...                      "各位代表，让我们为完成全年目标任务而努力奋斗！")
    >>> quantities_by_section(r.indicators, r.sections, level=1)[["actual", "target"]].values.tolist()
    [[1, 0], [0, 1]]
    """
    keyed = with_section(indicators.drop_duplicates(["start", "end"]), sections, level=level)
    counts = (keyed.groupby(["section", "kind"]).size().unstack(fill_value=0)
              .reindex(columns=["actual", "target"], fill_value=0))
    units = section_units(sections, level=level).set_index("section_id")
    # numbers outside every unit (title, greeting, closing) still count, under their section
    extra = [sid for sid in counts.index if sid not in units.index]
    if extra:
        info = sections.set_index("section_id").loc[extra]
        units = pd.concat([units, info.assign(label=[heading_label(n, t) for n, t in
                                                     zip(info["number"], info["title"])],
                                              outside=False)[units.columns]])
    table = units.join(counts).fillna({"actual": 0, "target": 0}).sort_values("start")
    table[["actual", "target"]] = table[["actual", "target"]].astype(int)
    table["total"] = table["actual"] + table["target"]
    table["per_1000_chars"] = (table["total"] * 1000 / table["n_chars"].where(table["n_chars"] > 0)
                               ).round(1)
    table.index.name = "section_id"
    return table[["number", "title", "level", "part", "label", "actual", "target", "total",
                  "n_chars", "per_1000_chars"]]


def dual_targets(indicators: pd.DataFrame) -> pd.DataFrame:
    """Indicators with both a 确保 (ensure) and a 力争 (strive) value in one sentence.

    >>> from policytext.quantities.indicators import extract_indicators
    >>> dual_targets(extract_indicators("税收收入确保增长5%，力争增长7%。")).values.tolist()
    [['税收收入', '%', 'growth', 5.0, 7.0]]
    """
    cols = ["indicator", "unit", "change", "ensure", "strive"]
    rows = indicators[indicators["commitment"].isin(["ensure", "strive"])]
    if rows.empty:
        return pd.DataFrame(columns=cols)
    wide = rows.pivot_table(index=["sentence_id", "indicator", "unit", "change"],
                            columns="commitment", values="value", aggfunc="first")
    wide = wide.reindex(columns=["ensure", "strive"]).dropna().reset_index()
    return wide[cols].rename_axis(columns=None)


def plot_quantities_by_section(indicators: pd.DataFrame, sections: pd.DataFrame, *,
                               level: int = 2, width: float = 9.0):
    """Stacked horizontal bars: quantities per section, last year's results and this year's targets."""
    import matplotlib.pyplot as plt

    use_cjk_font()
    table = quantities_by_section(indicators, sections, level=level)
    table = table.iloc[::-1]
    labels = [short_label(lab.removesuffix(OUTSIDE_LABEL), 14)
              + (OUTSIDE_LABEL if lab.endswith(OUTSIDE_LABEL) else "") for lab in table["label"]]
    fig, ax = plt.subplots(figsize=(width, 0.36 * len(table) + 1.4))
    left = pd.Series(0, index=table.index)
    for kind, name in (("actual", "last year's results"), ("target", "this year's targets")):
        ax.barh(labels, table[kind], left=left, color=KIND_COLORS[kind], label=name)
        left = left + table[kind]
    for y, (total, rate) in enumerate(zip(table["total"], table["per_1000_chars"])):
        note = f"{total}" + (f"  ({rate:g} per 1,000 chars)" if total and pd.notna(rate) else "")
        ax.text(total + 0.3, y, note, va="center", fontsize=8)
    ax.set_xlim(0, float(table["total"].max()) * 1.45 + 1)  # room for the labels
    ax.set_xlabel("number of quantities")
    ax.set_title("Where the report puts its numbers")
    ax.legend(frameon=False, loc="lower right")
    fig.tight_layout()
    return fig
