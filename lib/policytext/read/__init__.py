"""Reading and cleaning: bytes to text, the report inside the page, its audit and metadata.

The modules, in the order data flows through them: numerals, formats, containers, normalize, clean, metadata, ids. Import public names
from here (``from policytext.read import ...``) or from the module itself.
"""

from policytext.read.clean import REASONS, Cleaned, clean_document, title_of
from policytext.read.containers import (
    DATASET_SUFFIXES,
    FIELD_NAMES,
    MAX_DATASET_BYTES,
    TEXT_FIELDS,
    read_documents,
    read_documents_and_errors,
)
from policytext.read.formats import (
    MAX_INPUT_BYTES,
    Document,
    decode_bytes,
    decode_bytes_marked,
    document_from_string,
    html_to_text,
    looks_like_html,
    make_document,
    read_bytes,
    read_document,
)
from policytext.read.ids import report_id, safe_component
from policytext.read.metadata import (
    Metadata,
    level_of,
    prefectures,
    province_of,
    provinces,
    read_metadata,
    report_year,
    year_of,
)
from policytext.read.normalize import CJK, CJK_CONTEXT, normalize_line, to_halfwidth
from policytext.read.numerals import CN_DIGITS, CN_NUMERAL_CHARS, as_number, cn_int, cn_to_number

__all__ = [
    "CJK",
    "CJK_CONTEXT",
    "CN_DIGITS",
    "CN_NUMERAL_CHARS",
    "DATASET_SUFFIXES",
    "FIELD_NAMES",
    "MAX_DATASET_BYTES",
    "MAX_INPUT_BYTES",
    "REASONS",
    "TEXT_FIELDS",
    "Cleaned",
    "Document",
    "Metadata",
    "as_number",
    "clean_document",
    "cn_int",
    "cn_to_number",
    "decode_bytes",
    "decode_bytes_marked",
    "document_from_string",
    "html_to_text",
    "level_of",
    "looks_like_html",
    "make_document",
    "normalize_line",
    "prefectures",
    "province_of",
    "provinces",
    "read_bytes",
    "read_document",
    "read_documents",
    "read_documents_and_errors",
    "read_metadata",
    "report_id",
    "report_year",
    "safe_component",
    "title_of",
    "to_halfwidth",
    "year_of",
]
