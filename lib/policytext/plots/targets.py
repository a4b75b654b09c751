"""Charts of targets: headline targets against last year, deadlines by month, targets over years.

Every function returns the matplotlib Figure and never calls ``plt.show()``. Markers carry the
bound of a target: ≈ for 左右, an arrow for 以上 (→) and 以内 (←), a bar for a range, a band from
the 确保 (ensure) to the 力争 (strive) value, a diamond for a plain figure.
"""

from __future__ import annotations

import math

import pandas as pd

from policytext.plots.fonts import use_cjk_font
from policytext.read.numerals import as_number
from policytext.targets.summary import describe_target, format_level
from policytext.targets.targets import combine_commitments

__all__ = [
    "STATUS_COLORS",
    "plot_deadline_timeline",
    "plot_headline_targets",
    "plot_target_vs_outcome",
    "plot_targets_by_place",
    "plot_tracking_status",
]

#: Colour of each tracking status.
STATUS_COLORS = {"met": "#2e7d32", "missed": "#c62828", "unclear": "#9e9e9e"}
_TARGET = "#dd8452"
_ACTUAL = "#4c72b0"
_SCALES = ((1e8, "亿"), (1e4, "万"))


def _font() -> None:
    use_cjk_font()


def _scale(values, unit: str) -> tuple[float, str]:
    """A readable scale for a panel: 1.2e10 元 is shown in 亿元."""
    if unit in ("%", "个百分点", "百分点"):
        return 1.0, unit
    finite = [abs(v) for v in values if isinstance(v, (int, float)) and not math.isnan(v)]
    top = max(finite, default=0.0)
    for factor, prefix in _SCALES:
        if top >= factor:
            return factor, prefix + unit
    return 1.0, unit




def _headline_rows(targets: pd.DataFrame) -> pd.DataFrame:
    rows = targets[targets["headline"].fillna(False).astype(bool)]
    if not len(rows):  # no 主要预期目标 list: show the targets that meet last year's figure
        rows = targets[targets["actual_value"].notna()]
    return combine_commitments(rows)


def _draw_target(ax, y: float, row, scale: float, *, horizontal: bool = True):
    """One target on a horizontal value axis at row ``y`` (or a vertical one at x = ``y``)."""
    value = as_number(row["value"]) / scale
    strive = as_number(row.get("strive_value")) / scale
    low, high = as_number(row.get("value_low")) / scale, as_number(row.get("value_high")) / scale
    bound = row.get("bound")
    pos = (lambda v: (v, y)) if horizontal else (lambda v: (y, v))
    if not math.isnan(strive):
        lo, hi = sorted((value, strive))
        if horizontal:
            ax.barh(y, hi - lo, left=lo, height=0.45, color=_TARGET, alpha=0.3, zorder=1)
        else:
            ax.bar(y, hi - lo, bottom=lo, width=0.35, color=_TARGET, alpha=0.3, zorder=1)
        ax.plot(*pos(strive), marker="|" if horizontal else "_", markersize=14, color=_TARGET,
                zorder=3)
    if bound == "range" and not (math.isnan(low) or math.isnan(high)):
        xs, ys = zip(pos(low), pos(high))
        ax.plot(xs, ys, color=_TARGET, linewidth=5, solid_capstyle="butt", zorder=2)
        return
    if math.isnan(value):
        return
    if bound in ("lower", "upper"):
        sign = 1 if bound == "lower" else -1
        # A fixed length on screen, whatever the panel's scale; the head points away.
        ax.annotate("", xy=pos(value), xytext=(sign * 22, 0) if horizontal else (0, sign * 22),
                    textcoords="offset points",
                    arrowprops={"arrowstyle": "<|-", "color": _TARGET, "lw": 2}, zorder=3)
        ax.plot(*pos(value), marker="|" if horizontal else "_", markersize=14, color=_TARGET,
                zorder=3)
    elif bound == "approx":
        ax.plot(*pos(value), marker="$≈$", markersize=13, color=_TARGET, zorder=3)
    else:
        ax.plot(*pos(value), marker="D", markersize=7, color=_TARGET, zorder=3)


def _row_label(row, scale: float) -> str:
    """Indicator and target as the report states it (增长7%左右, 确保增长6%，力争增长8%)."""
    strive = as_number(row.get("strive_value"))
    strive_raw = None if math.isnan(strive) else format_level(strive, row.get("unit"))
    return f"{row['indicator']}  {describe_target(row, strive_raw=strive_raw)}"


def _include_zero(ax, values, *, room_left: bool = False) -> None:
    """Start the value axis at zero, so that a target and last year's result compare by length.

    ``room_left`` leaves space for an 以内 arrow that points left from a small value.
    """
    finite = [v for v in values if not math.isnan(v)]
    lo, hi = min([0.0, *finite]), max([0.0, *finite])
    span = hi - lo or 1.0
    left = 0.12 if lo < 0 or room_left else 0.03
    ax.set_xlim(lo - left * span, hi + 0.12 * span)


def _legend(ax, extra=()) -> None:
    ax.legend(handles=[*extra, *_target_handles()], frameon=False, fontsize=8,
              loc="upper left", bbox_to_anchor=(1.0, 1.0))


def _target_handles(*, vertical: bool = False) -> list:
    """Legend entries for the target markers of `_draw_target`."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    arrow = r"$\uparrow$" if vertical else r"$\rightarrow$"
    return [
        Line2D([], [], marker="D", color=_TARGET, linestyle="", label="target"),
        Line2D([], [], marker="$≈$", color=_TARGET, linestyle="", markersize=11,
               label="左右 (about)"),
        Line2D([], [], marker=arrow, color=_TARGET, linestyle="", markersize=11,
               label="以上 at least / 以内 at most"),
        Patch(color=_TARGET, alpha=0.3, label="确保…力争 (ensure…strive)"),
    ]


def plot_headline_targets(report_or_targets, *, width: float = 9.0):
    """Last year's result (dot) against this year's target per headline indicator.

    One panel per unit (growth rates in %, levels in 元 …). Takes a `Report` or a
    `targets_table`; without a 主要预期目标 list, the matched targets are shown.
    """
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    _font()
    if isinstance(report_or_targets, pd.DataFrame):
        targets, title = report_or_targets, "headline targets"
    else:
        meta = report_or_targets.metadata
        targets = report_or_targets.targets
        title = f"{meta.region or ''} {meta.year or ''}: headline targets against last year"
    rows = _headline_rows(targets)
    # Panels by unit and by whether the figure is a rate of change or a level (增长7% vs 占80%);
    # % levels split once more, so that a share of 80% does not flatten a rate of 2%.
    moving = rows["change"].isin(["growth", "decrease", "pp_change"])
    kind = moving.map({True: " (change)", False: " (level)"})
    big = ~moving & rows["unit"].eq("%") & (pd.to_numeric(rows["value"], errors="coerce") >= 20)
    kind = kind.where(~big, " (share)")
    rows = rows.assign(panel=rows["unit"].fillna("") + kind)
    units = list(dict.fromkeys(rows["panel"]))
    heights = [max(1, (rows["panel"] == u).sum()) for u in units] or [1]
    fig, axes = plt.subplots(len(heights), 1, figsize=(width, 0.9 + 0.5 * sum(heights)),
                             gridspec_kw={"height_ratios": heights}, squeeze=False)
    if not len(rows):
        axes[0][0].text(0.5, 0.5, "no targets", ha="center", va="center")
        axes[0][0].set_axis_off()
    for ax, panel in zip(axes[:, 0], units):
        part = rows[rows["panel"] == panel].reset_index(drop=True)
        unit = part["unit"].fillna("").iloc[0]
        same = part["actual_unit"] == unit
        values = [*part["value"], *part["strive_value"], *part["value_high"],
                  *part["actual_value"].where(same)]
        values = [as_number(v) for v in values]
        scale, label = _scale(values, unit)
        for y, row in part.iterrows():
            if same[y] and not math.isnan(as_number(row["actual_value"])):
                ax.plot(as_number(row["actual_value"]) / scale, y, "o", color=_ACTUAL, zorder=3)
                ax.annotate(str(row["actual_raw"]), (as_number(row["actual_value"]) / scale, y),
                            xytext=(0, 7), textcoords="offset points", ha="center",
                            va="bottom", fontsize=7, color=_ACTUAL)
            _draw_target(ax, y, row, scale)
        ax.set_yticks(range(len(part)))
        ax.set_yticklabels([_row_label(row, scale) for _, row in part.iterrows()])
        ax.set_ylim(len(part) - 0.5, -0.6)
        ax.set_xlabel(label + panel[len(unit):])
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        _include_zero(ax, [v / scale for v in values], room_left=(part["bound"] == "upper").any())
    last = Line2D([], [], marker="o", color=_ACTUAL, linestyle="", label="last year's result")
    if len(rows):
        _legend(axes[0][0], [last])
    axes[0][0].set_title(title)
    fig.tight_layout()
    return fig


def _group_titles(deadlines: pd.DataFrame, sections: pd.DataFrame | None) -> pd.Series:
    """Each deadline's section at depth （一） (or the nearest shallower one) as a label."""
    if sections is None or not len(sections):
        return pd.Series(["(report)"] * len(deadlines), index=deadlines.index)
    sec = sections.set_index("section_id")

    def title(sid):
        chain = []
        while not pd.isna(sid) and sid in sec.index and len(chain) < 20:
            chain.append(sec.loc[sid])
            sid = chain[-1]["parent_id"]
        for level in (2, 1):  # the （一） section if there is one, else the 一、 part
            for row in chain:
                if row["level"] == level:
                    return f"{row['number'] or ''}{row['title']}"
        return "(report)"

    return deadlines["section_id"].map(title)


def plot_deadline_timeline(report_or_deadlines, *, sections: pd.DataFrame | None = None,
                           year: int | None = None, width: float = 10.0, max_chars: int = 24):
    """Deadlines on a month axis, each with its task, coloured and grouped by section.

    Takes a `Report` (its deadlines, sections and year) or a deadlines frame (raw, start,
    due, section_id, task) with optional ``sections`` and ``year``.
    """
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    import matplotlib.transforms as mtransforms
    from matplotlib.ticker import FuncFormatter

    _font()
    if isinstance(report_or_deadlines, pd.DataFrame):
        deadlines = report_or_deadlines
    else:
        deadlines = report_or_deadlines.deadlines
        sections = report_or_deadlines.sections if sections is None else sections
        year = year or report_or_deadlines.metadata.year
    d = deadlines.assign(due=pd.to_datetime(deadlines["due"], errors="coerce"))
    d = d[d["due"].notna()].copy()
    d["group"] = _group_titles(d, sections)
    order = {g: i for i, g in enumerate(dict.fromkeys(d.sort_values("start")["group"]))}
    d["order"] = d["group"].map(order)
    d = d.sort_values(["order", "due", "start"], kind="stable").reset_index(drop=True)
    # Each section gets a header row, its deadlines below it: no legend to look up.
    rows, n_rows = [], 0
    for _, part in d.groupby("order", sort=True):
        rows.append(("header", n_rows, part.iloc[0]))
        rows.extend(("item", n_rows + 1 + i, row) for i, (_, row) in enumerate(part.iterrows()))
        n_rows += len(part) + 1
    fig, ax = plt.subplots(figsize=(width, 1.0 + 0.36 * max(n_rows, 1)))
    if year is None and len(d):
        year = int(d["due"].dt.year.min())
    if year:
        ax.set_xlim(pd.Timestamp(year, 1, 1) - pd.Timedelta(days=8),
                    pd.Timestamp(year + 1, 1, 1) + pd.Timedelta(days=8))
    colors = plt.get_cmap("tab10")
    header = mtransforms.blended_transform_factory(ax.transAxes, ax.transData)
    for kind, y, row in rows:
        color = colors(row["order"] % 10)
        if kind == "header":
            ax.text(0.005, y, row["group"], transform=header, va="center", ha="left",
                    fontsize=9.5, color=color)
            continue
        ax.plot(row["due"], y, "o", color=color, zorder=3)
        task = str(row.get("task") or "")
        label = f"{row['raw']}  {task[:max_chars]}{'…' if len(task) > max_chars else ''}"
        late = row["due"].month >= 7  # labels of the second half go left so they stay inside
        shift = pd.Timedelta(days=-6 if late else 6)
        ax.text(row["due"] + shift, y, label, va="center", ha="right" if late else "left",
                fontsize=8)
    ax.set_ylim(max(n_rows, 1) - 0.4, -0.7)
    ax.set_yticks([])
    ax.xaxis.set_major_locator(mdates.MonthLocator())
    # The tick after December is the year's end, where 年底前 deadlines sit.
    ax.xaxis.set_major_formatter(FuncFormatter(
        lambda x, _: "年底" if year and mdates.num2date(x).year > year
        else f"{mdates.num2date(x).month}月"))
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    if not order:
        ax.text(0.5, 0.5, "no dated deadlines", transform=ax.transAxes, ha="center")
    ax.set_title(f"{year or ''} deadlines by month")
    fig.tight_layout()
    return fig


def plot_target_vs_outcome(tracking: pd.DataFrame, *, indicators: list[str] | None = None,
                           max_panels: int = 12, ncols: int = 3, width: float = 10.0):
    """Per indicator, each year's target (marker by bound) and its outcome coloured by status.

    Takes the table of `policytext.track` or `read_tracking_sheet`. One panel per indicator
    and kind of figure (a growth rate and a level of the same indicator are two panels);
    ``indicators`` selects canonical names.
    """
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    _font()
    t = tracking.copy()
    t["canonical"] = t["canonical"].fillna(t["indicator"])
    if indicators is not None:
        t = t[t["canonical"].isin(indicators)]
    t = t.sort_values(["year", "target_start"], kind="stable")
    keys = list(dict.fromkeys(zip(t["canonical"], t["change"].fillna(""), t["unit"].fillna(""))))
    keys = keys[:max_panels]
    ncols = max(1, min(ncols, len(keys)))
    nrows = max(1, math.ceil(len(keys) / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(width, 2.6 * nrows + 0.9), squeeze=False)
    for ax in axes.flat[len(keys):]:
        ax.set_axis_off()
    if not keys:
        axes[0][0].text(0.5, 0.5, "no tracked targets", ha="center", va="center")
    for ax, (name, change, unit) in zip(axes.flat, keys):
        part = t[(t["canonical"] == name) & (t["change"].fillna("") == change)
                 & (t["unit"].fillna("") == unit)]
        values = [as_number(v) for v in [*part["value"], *part["outcome_value"], *part["value_high"]]]
        scale, label = _scale(values, unit)
        for _, row in part.iterrows():
            x = int(row["year"])
            tol = as_number(row.get("tolerance"))
            if row["bound"] == "approx" and not math.isnan(tol):  # what 左右 allows
                mid = as_number(row["value"])
                ax.plot([x, x], [(mid - tol) / scale, (mid + tol) / scale], color=_TARGET,
                        alpha=0.25, linewidth=9, solid_capstyle="butt", zorder=1)
            _draw_target(ax, x, row, scale, horizontal=False)
            outcome = as_number(row["outcome_value"])
            if not math.isnan(outcome):
                ax.plot(x + 0.12, outcome / scale, "o", zorder=4,
                        color=STATUS_COLORS.get(row["status"], "#9e9e9e"))
        years = sorted({int(y) for y in part["year"]})
        ax.set_xticks(years)
        ax.set_xlim(years[0] - 0.6, years[-1] + 0.6)
        ax.set_title(f"{name}  ({change}, {label})", fontsize=9)
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
        ax.margins(y=0.2)
    status = [Line2D([], [], marker="o", color=c, linestyle="", label=f"outcome {s}")
              for s, c in STATUS_COLORS.items()]
    handles = [*_target_handles(vertical=True),
               Line2D([], [], color=_TARGET, alpha=0.25, linewidth=6, label="左右 tolerance"),
               *status]
    # As many rows as the width needs, then columns balanced over them (4 + 4, not 7 + 1).
    legend_rows = math.ceil(len(handles) / max(3, int(width / 1.3)))
    ncol = math.ceil(len(handles) / legend_rows)
    fig.legend(handles=handles, loc="lower center", ncol=ncol, frameon=False, fontsize=8)
    fig.suptitle("targets and outcomes by year")
    height = fig.get_figheight()
    fig.tight_layout(rect=(0, min(0.4, (0.1 + 0.25 * legend_rows) / height), 1, 1))
    return fig


def plot_targets_by_place(headline: pd.DataFrame, *, indicator: str = "生产总值",
                          change: str = "growth", width: float = 8.0):
    """One indicator's target in every place, sorted, with its bound (≈ 左右, → 以上, range).

    Takes the table of `headline_targets`; places without that target are listed under the
    axis, so that a missing row is not mistaken for a low target.
    """
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    _font()
    rows = headline[(headline["canonical"] == indicator) & (headline["change"] == change)]
    rows = rows.drop_duplicates("place").sort_values(["point", "place"], kind="stable")
    rows = rows.reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(width, 1.2 + 0.28 * max(1, len(rows))))
    unit = rows["unit"].dropna().iloc[0] if rows["unit"].notna().any() else ""
    for y, row in rows.iterrows():
        _draw_target(ax, y, row, 1.0)
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([f"{p}  {t}" for p, t in zip(rows["place"], rows["target"])], fontsize=8)
    ax.set_ylim(len(rows) - 0.5, -0.6)
    ax.set_xlabel(f"{indicator} {change} ({unit})")
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.margins(x=0.15)
    missing = sorted(set(headline["place"].dropna()) - set(rows["place"]))
    if missing:
        ax.annotate("no such headline target found: " + "、".join(missing),
                    (0, 0), xycoords="figure fraction", xytext=(6, 4),
                    textcoords="offset points", fontsize=7, color="#666666")
    ax.legend(handles=[*_target_handles(),
                       Line2D([], [], color=_TARGET, linewidth=5, label="range (5%—5.5%)")],
              frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    years = sorted({int(y) for y in rows["year"].dropna()})
    ax.set_title(f"{indicator} targets by place {'/'.join(map(str, years))}")
    fig.tight_layout()
    return fig


def plot_tracking_status(tracking: pd.DataFrame, *, by: str = "region", width: float = 8.0):
    """Met, missed and unclear targets per group (place, year, indicator) as stacked bars.

    Takes the table of `policytext.track` or ``corpus/tracking.csv``; groups are sorted by
    the share of judged targets that were met.
    """
    import matplotlib.pyplot as plt

    _font()
    counts = (tracking.groupby([by, "status"]).size().unstack(fill_value=0)
              .reindex(columns=list(STATUS_COLORS), fill_value=0))
    judged = counts["met"] + counts["missed"]
    counts = counts.assign(_rate=(counts["met"] / judged.where(judged > 0)).fillna(-1))
    counts = counts.sort_values(["_rate", "met"], ascending=False).drop(columns="_rate")
    fig, ax = plt.subplots(figsize=(width, 1.2 + 0.28 * max(1, len(counts))))
    left = pd.Series(0, index=counts.index)
    labels = [str(i) for i in counts.index]
    for status, color in STATUS_COLORS.items():
        ax.barh(labels, counts[status], left=left, color=color, label=status)
        left = left + counts[status]
    ax.invert_yaxis()
    ax.set_xlabel("targets")
    ax.legend(frameon=False, fontsize=8, loc="lower right")
    ax.set_title(f"targets met, missed and unclear by {by}")
    fig.tight_layout()
    return fig
