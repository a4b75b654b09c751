"""Words: the jieba base, protected spans, the policy tokenizer, counts, keyness, KWIC, formulations.

The modules, in the order data flows through them: jieba_base, formulations, spans, segment,
ngrams, discovery, tokenizer, integrity, frequencies, keyness, kwic, cooccurrence. Import public names from here
(``from policytext.words import ...``) or from the module itself.
"""

from policytext.words.cooccurrence import (
    cooccurrence,
    key_terms,
)
from policytext.words.discovery import (
    DISCOVERY_COLUMNS,
    NAMED_HEADS,
    SHAPE_HEADS,
    discover_corpus,
    discover_terms,
    discovered_in,
    discovered_spans,
    discovered_terms,
    named_programmes,
    proposed_terms,
    shape_of,
)
from policytext.words.formulations import (
    formulation_spans,
    formulations,
)
from policytext.words.frequencies import (
    LAYERS,
    assign_units,
    remove_stopwords,
    stopwords,
    top_words_by_layers,
    word_frequencies,
)
from policytext.words.integrity import (
    integrity_by_term,
    integrity_table,
    plain_tokenize,
    policy_terms,
    segmentation_example,
    term_integrity,
)
from policytext.words.jieba_base import (
    HMM_CHUNK,
    FastCut,
    cache_dir,
    lexicon,
    new_jieba,
    plain_jieba,
    policy_jieba,
    quiet_jieba,
    read_resource_list,
)
from policytext.words.keyness import (
    CORRECTIONS,
    adjust_p,
    chi2_sf_1df,
    keyness,
    log_likelihood,
    log_ratio,
)
from policytext.words.kwic import (
    kwic,
)
from policytext.words.ngrams import (
    Level,
    NGramCounts,
)
from policytext.words.segment import (
    TAGS,
    TOKEN_COLUMNS,
    WORD_TABLE_LIMIT,
    Segmentation,
    Segmenter,
    WordTable,
    default_segmenter,
)
from policytext.words.spans import (
    NUMERAL,
    PUNCT,
    find_all,
    learn_terms,
    learned_terms,
    longest_first,
    outside_lexicon_terms,
    protected_spans,
    resolve_spans,
    span_candidates,
    term_candidates,
)
from policytext.words.tokenizer import (
    PolicyTokenizer,
    get_tokenizer,
    tokenize,
)

__all__ = [
    "CORRECTIONS",
    "DISCOVERY_COLUMNS",
    "HMM_CHUNK",
    "LAYERS",
    "NAMED_HEADS",
    "NUMERAL",
    "PUNCT",
    "SHAPE_HEADS",
    "TAGS",
    "TOKEN_COLUMNS",
    "WORD_TABLE_LIMIT",
    "FastCut",
    "Level",
    "NGramCounts",
    "PolicyTokenizer",
    "Segmentation",
    "Segmenter",
    "WordTable",
    "adjust_p",
    "assign_units",
    "cache_dir",
    "chi2_sf_1df",
    "cooccurrence",
    "default_segmenter",
    "discover_corpus",
    "discover_terms",
    "discovered_in",
    "discovered_spans",
    "discovered_terms",
    "find_all",
    "formulation_spans",
    "formulations",
    "get_tokenizer",
    "integrity_by_term",
    "integrity_table",
    "key_terms",
    "keyness",
    "kwic",
    "learn_terms",
    "learned_terms",
    "lexicon",
    "log_likelihood",
    "log_ratio",
    "longest_first",
    "named_programmes",
    "new_jieba",
    "outside_lexicon_terms",
    "plain_jieba",
    "plain_tokenize",
    "policy_jieba",
    "policy_terms",
    "proposed_terms",
    "protected_spans",
    "quiet_jieba",
    "read_resource_list",
    "remove_stopwords",
    "resolve_spans",
    "segmentation_example",
    "shape_of",
    "span_candidates",
    "stopwords",
    "term_candidates",
    "term_integrity",
    "tokenize",
    "top_words_by_layers",
    "word_frequencies",
]
