"""Targets: this year's against last year's results, and against the next report's outcomes.

The modules, in the order data flows through them: matching, places, targets, outcomes, tracking,
summary, sheet. Import public names from here (``from policytext.targets import ...``) or from the
module itself.
"""

from policytext.targets.matching import (
    RATE_UNITS,
    best_matches,
    canonical_indicator,
    comparable,
    load_aliases,
    name_similarity,
    normalize_indicator,
)
from policytext.targets.outcomes import (
    MULTI_YEAR_WORDS,
    flat_prices,
    is_ceiling,
    is_multi_year,
    judge_statements,
    judge_sync,
    one_year_mask,
    outcome_candidates,
    past_year_mask,
    stated_verdict,
    unnumbered_targets,
)
from policytext.targets.places import (
    PROVINCES,
    canonical_place,
    place_key,
)
from policytext.targets.sheet import (
    OUTCOME_COLUMNS,
    SHEET_COLUMNS,
    export_tracking_sheet,
    read_tracking_sheet,
)
from policytext.targets.summary import (
    BOUND_WORDS,
    ambition_table,
    describe_target,
    format_difference,
    format_level,
    headline_targets,
)
from policytext.targets.targets import (
    TARGET_FIELDS,
    actual_results,
    combine_commitments,
    implied_level,
    point_value,
    report_places,
    targets_from_indicators,
    targets_table,
    with_columns,
)
from policytext.targets.tracking import (
    TRACKING_COLUMNS,
    achievement_rates,
    judge_rows,
    target_status,
    track,
    track_targets,
    tracking_from_corpus,
)

__all__ = [
    "BOUND_WORDS",
    "MULTI_YEAR_WORDS",
    "OUTCOME_COLUMNS",
    "PROVINCES",
    "RATE_UNITS",
    "SHEET_COLUMNS",
    "TARGET_FIELDS",
    "TRACKING_COLUMNS",
    "achievement_rates",
    "actual_results",
    "ambition_table",
    "best_matches",
    "canonical_indicator",
    "canonical_place",
    "combine_commitments",
    "comparable",
    "describe_target",
    "export_tracking_sheet",
    "flat_prices",
    "format_difference",
    "format_level",
    "headline_targets",
    "implied_level",
    "is_ceiling",
    "is_multi_year",
    "judge_rows",
    "judge_statements",
    "judge_sync",
    "load_aliases",
    "name_similarity",
    "normalize_indicator",
    "one_year_mask",
    "outcome_candidates",
    "past_year_mask",
    "place_key",
    "point_value",
    "read_tracking_sheet",
    "report_places",
    "stated_verdict",
    "target_status",
    "targets_from_indicators",
    "targets_table",
    "track",
    "track_targets",
    "tracking_from_corpus",
    "unnumbered_targets",
    "with_columns",
]
