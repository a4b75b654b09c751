"""Numbers in the text: numerals, the quantity grammar, clauses, indicators and deadlines.

The modules, in the order data flows through them: numbers, measures, clauses, indicators,
deadlines, gold. Import public names from here (``from policytext.quantities import ...``) or from
the module itself.
"""

from policytext.quantities.clauses import (
    CLAUSE_MARKS,
    TARGET_WORDS,
    ClauseBounds,
    SentenceIndex,
    sentence_index,
)
from policytext.quantities.deadlines import (
    DEADLINE_COLUMNS,
    closes_preceding,
    extract_deadlines,
    resolve_deadline,
)
from policytext.quantities.gold import (
    GOLD_FIELDS,
    gold_scores,
    locate_gold,
    same_name,
)
from policytext.quantities.indicators import (
    COLUMNS,
    extract_indicators,
)
from policytext.quantities.measures import (
    NOT_MEASURE_REASONS,
    measured_quantities,
    not_measures,
)
from policytext.quantities.numbers import (
    SCALES,
    Quantity,
    find_quantities,
    parse_quantity,
    quantity_spans,
    unit_table,
)

__all__ = [
    "CLAUSE_MARKS",
    "COLUMNS",
    "DEADLINE_COLUMNS",
    "GOLD_FIELDS",
    "NOT_MEASURE_REASONS",
    "SCALES",
    "TARGET_WORDS",
    "ClauseBounds",
    "Quantity",
    "SentenceIndex",
    "closes_preceding",
    "extract_deadlines",
    "extract_indicators",
    "find_quantities",
    "gold_scores",
    "locate_gold",
    "measured_quantities",
    "not_measures",
    "parse_quantity",
    "quantity_spans",
    "resolve_deadline",
    "same_name",
    "sentence_index",
    "unit_table",
]
