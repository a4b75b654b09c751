"""The shape of a cleaned report: heading tree, parts, sentences and topic shares.

The modules, in the order data flows through them: sentences, leads, headings, topics. Import
public names from here (``from policytext.structure import ...``) or from the module itself.
"""

from policytext.structure.headings import (
    PARTS,
    classify_part,
    find_sections,
    outline,
)
from policytext.structure.leads import (
    lead_sentence_starts,
)
from policytext.structure.sentences import (
    sentence_spans,
    split_sentences,
)
from policytext.structure.topics import (
    OTHER_TOPIC,
    load_topics,
    section_topics,
    title_topic,
    topic_shares,
    topic_shift,
)

__all__ = [
    "OTHER_TOPIC",
    "PARTS",
    "classify_part",
    "find_sections",
    "lead_sentence_starts",
    "load_topics",
    "outline",
    "section_topics",
    "sentence_spans",
    "split_sentences",
    "title_topic",
    "topic_shares",
    "topic_shift",
]
