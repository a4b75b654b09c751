"""Charts. Each takes tables (a Report is accepted where it only hands over its cached tables).

The modules, in the order data flows through them: fonts, sections, indicators, wordclouds, words,
targets. Import public names from here (``from policytext.plots import ...``) or from the module
itself.
"""

from policytext.plots.fonts import (
    FONT_ENV,
    cjk_font_path,
    use_cjk_font,
)
from policytext.plots.indicators import (
    KIND_COLORS,
    dual_targets,
    plot_quantities_by_section,
    quantities_by_section,
    with_section,
)
from policytext.plots.sections import (
    OUTSIDE_LABEL,
    PART_COLORS,
    PART_LABELS,
    heading_label,
    part_shares,
    plot_page_map,
    plot_part_shares,
    plot_section_shares,
    section_units,
    short_label,
)
from policytext.plots.targets import (
    STATUS_COLORS,
    plot_deadline_timeline,
    plot_headline_targets,
    plot_target_vs_outcome,
    plot_targets_by_place,
    plot_tracking_status,
)
from policytext.plots.wordclouds import (
    frequency_dict,
    plot_word_cloud,
    word_cloud,
    word_clouds_by_part,
)
from policytext.plots.words import (
    keyness_summary,
    plot_cooccurrence,
    plot_cooccurrence_heatmap,
    plot_integrity,
    plot_keyness,
    plot_top_words,
)

__all__ = [
    "FONT_ENV",
    "KIND_COLORS",
    "OUTSIDE_LABEL",
    "PART_COLORS",
    "PART_LABELS",
    "STATUS_COLORS",
    "cjk_font_path",
    "dual_targets",
    "frequency_dict",
    "heading_label",
    "keyness_summary",
    "part_shares",
    "plot_cooccurrence",
    "plot_cooccurrence_heatmap",
    "plot_deadline_timeline",
    "plot_headline_targets",
    "plot_integrity",
    "plot_keyness",
    "plot_page_map",
    "plot_part_shares",
    "plot_quantities_by_section",
    "plot_section_shares",
    "plot_target_vs_outcome",
    "plot_targets_by_place",
    "plot_top_words",
    "plot_tracking_status",
    "plot_word_cloud",
    "quantities_by_section",
    "section_units",
    "short_label",
    "use_cjk_font",
    "with_section",
    "word_cloud",
    "word_clouds_by_part",
]
