"""Reading and cleaning: bytes to text, the report inside the page, its audit and metadata.

The modules, in the order data flows through them: numerals, formats, containers, normalize, genre,
chrome, segments, clean, flags, metadata, ids. Import public names from here (``from
policytext.read import ...``) or from the module itself.
"""

from policytext.read.chrome import (
    HARD_STOP,
    NOTE_START,
    SOFT_CHROME,
    is_appendix_heading,
    is_nav,
    is_source_note,
    is_stage_direction,
)
from policytext.read.clean import (
    REASONS,
    Cleaned,
    clean_document,
    title_of,
)
from policytext.read.containers import (
    DATASET_SUFFIXES,
    FIELD_NAMES,
    MAX_DATASET_BYTES,
    TEXT_FIELDS,
    read_documents,
    read_documents_and_errors,
)
from policytext.read.flags import (
    FLAGS,
    damage_flags,
    page_share,
)
from policytext.read.formats import (
    MAX_INPUT_BYTES,
    Document,
    as_path,
    decode_bytes,
    decode_bytes_marked,
    document_from_string,
    html_to_text,
    looks_like_html,
    make_document,
    read_bytes,
    read_document,
)
from policytext.read.genre import (
    MEETING_TAIL,
    OFFICES,
    SPEAKER_LINE,
    SPEAKER_TITLE_ONLY,
)
from policytext.read.ids import (
    report_id,
    safe_component,
)
from policytext.read.metadata import (
    Metadata,
    counties,
    level_of,
    place_key_of,
    prefectures,
    province_of,
    provinces,
    read_metadata,
    report_year,
    year_of,
)
from policytext.read.normalize import (
    CJK,
    CJK_CONTEXT,
    cjk_count,
    decode_escapes,
    normalize_line,
    to_halfwidth,
)
from policytext.read.numerals import (
    CN_DIGITS,
    CN_NUMERAL_CHARS,
    as_number,
    cn_int,
    cn_to_number,
)
from policytext.read.segments import (
    segments,
)

__all__ = [
    "CJK",
    "CJK_CONTEXT",
    "CN_DIGITS",
    "CN_NUMERAL_CHARS",
    "DATASET_SUFFIXES",
    "FIELD_NAMES",
    "FLAGS",
    "HARD_STOP",
    "MAX_DATASET_BYTES",
    "MAX_INPUT_BYTES",
    "MEETING_TAIL",
    "NOTE_START",
    "OFFICES",
    "REASONS",
    "SOFT_CHROME",
    "SPEAKER_LINE",
    "SPEAKER_TITLE_ONLY",
    "TEXT_FIELDS",
    "Cleaned",
    "Document",
    "Metadata",
    "as_number",
    "as_path",
    "cjk_count",
    "clean_document",
    "cn_int",
    "cn_to_number",
    "counties",
    "damage_flags",
    "decode_bytes",
    "decode_bytes_marked",
    "decode_escapes",
    "document_from_string",
    "html_to_text",
    "is_appendix_heading",
    "is_nav",
    "is_source_note",
    "is_stage_direction",
    "level_of",
    "looks_like_html",
    "make_document",
    "normalize_line",
    "page_share",
    "place_key_of",
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
    "segments",
    "title_of",
    "to_halfwidth",
    "year_of",
]
