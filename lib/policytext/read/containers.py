"""Reports inside containers: Word and PDF files, and datasets of one report per record.

Researchers find reports as pages, but also as Word files from a government site, PDFs with a
text layer, and dataset files (CSV/TSV/JSONL/JSON) that hold one report per record with its
title and year beside the text. `read_documents` turns any of them into `Document` objects:
one per file, or one per record. A record's other fields (title, year, region, province,
date, url) travel in ``Document.fields`` for the metadata to use where the text is silent, and
``Document.wrapper`` says where the text came from, for the audit.

>>> import tempfile, os, json
>>> with tempfile.TemporaryDirectory() as d:
...     p = os.path.join(d, "reports.jsonl")
...     _ = open(p, "w", encoding="utf-8").write(json.dumps(
...         {"title": "2019年政府工作报告", "year": 2019, "content": "各位代表：\\n现在。"},
...         ensure_ascii=False) + "\\n")
...     docs = read_documents(p)
>>> docs[0].text, docs[0].fields["year"], docs[0].wrapper
('各位代表：\\n现在。', '2019', 'JSONL record 1 of 1, field content')
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
import zipfile
from pathlib import Path

from policytext.errors import ReportError
from policytext.read.formats import (
    Document,
    as_path,
    decode_bytes_marked,
    looks_like_html,
    make_document,
    read_bytes,
    read_document,
)

__all__ = ["DATASET_SUFFIXES", "FIELD_NAMES", "MAX_DATASET_BYTES", "TEXT_FIELDS", "read_documents",
           "read_documents_and_errors"]

#: Largest dataset file read (256 MiB): a thousand reports with their fields fit many times.
MAX_DATASET_BYTES = 256 * 2**20

#: Endings of dataset files that hold one report per record.
DATASET_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".json")
#: Names of the field that holds a record's text, most specific first (compared lower-cased).
TEXT_FIELDS = ("full_text", "fulltext", "content", "text", "body", "article", "正文", "全文", "内容",
               "文本")
#: Record fields kept as metadata, each with the names datasets give it (compared lower-cased).
FIELD_NAMES = {
    "title": ("title", "标题", "题目", "name", "名称"),
    "year": ("year", "年份", "年度"),
    "region": ("region", "place", "地区", "地方", "city", "城市"),
    "province": ("province", "省份", "省"),
    "date": ("date", "pub_date", "publish_date", "日期", "发布日期", "时间"),
    "url": ("url", "link", "source_url", "链接", "网址"),
}
# A record text shorter than this is a note, not a report (a dataset row of metadata only).
_MIN_TEXT = 20


def read_documents(path: str | Path) -> list[Document]:
    """Every report in a file: one Document for a page, Word or PDF file; one per dataset record.

    Raises `ReportError` naming the file (or the record) and the problem: no text layer, no
    text field, a record without text …
    """
    docs, errors = read_documents_and_errors(path)
    if errors:
        raise errors[0]
    return docs


def read_documents_and_errors(path: str | Path) -> tuple[list[Document], list[ReportError]]:
    """Like `read_documents`, but a dataset record that fails does not stop the others.

    Returns the documents and one `ReportError` per record (or for the whole file) that could
    not be read, so a caller can name every problem and still keep every good report.

    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = os.path.join(d, "r.csv")
    ...     _ = open(p, "w", encoding="utf-8").write("title,text\\na,各位代表：现在我代表市人民政府作报告。\\nb,\\n")
    ...     docs, errors = read_documents_and_errors(p)
    >>> len(docs), str(errors[0]).endswith("record 2 has no text (an empty text field)")
    (1, True)
    """
    path, _ = as_path(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".docx":
            return [_read_docx(path)], []
        if suffix == ".doc":
            read_bytes(path)  # a missing or empty file says so first
            raise ReportError(str(path), "is an old Word file (.doc), which cannot be read; "
                                         "open it in Word or LibreOffice and save as .docx")
        if suffix == ".pdf":
            return [_read_pdf(path)], []
        if suffix in DATASET_SUFFIXES:
            return _read_dataset(path, suffix)
        return [read_document(path)], []
    except ReportError as exc:
        return [], [exc]


def _read_docx(path: Path) -> Document:
    import docx  # python-docx: loaded only when a Word file comes in

    data = read_bytes(path)
    source = str(path)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ReportError(source, "is an old Word file (.doc) named .docx; open it in Word or "
                                  "LibreOffice and save as .docx")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ReportError(source, "is not a Word .docx file (a .docx is a ZIP archive; this is "
                                  "not one)")
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ReportError(source, f"is not a readable Word (.docx) file ({exc})") from None
    lines: list[str] = []
    body = document.element.body
    # Paragraphs and tables in the order they stand in the document.
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")))
        elif tag == "tbl":
            for row in child.iter():
                if row.tag.endswith("}tr"):
                    cells = ["".join(t.text or "" for t in cell.iter() if t.tag.endswith("}t"))
                             for cell in row if cell.tag.endswith("}tc")]
                    lines.append("\t".join(cells))
    text = "\n".join(lines)
    if not text.strip():
        raise ReportError(source, "the Word file holds no text")
    title = (document.core_properties.title or "").strip()
    return make_document(source, text, "docx", hashlib.sha256(data).hexdigest(), False,
                         fields={"title": title} if title else None, wrapper="Word file (.docx)")


def _read_pdf(path: Path) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    data = read_bytes(path)
    source = str(path)
    if not data.lstrip()[:5] == b"%PDF-":
        raise ReportError(source, "is not a PDF file (it does not start with %PDF-)")
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ReportError(source, f"is not a readable PDF ({exc})") from None
    text = "\n".join(pages)
    if sum(not ch.isspace() for ch in text) < _MIN_TEXT:
        raise ReportError(source, "is a PDF without a text layer (a scan?); run OCR on it first")
    return make_document(source, text, "pdf", hashlib.sha256(data).hexdigest(), False,
                         wrapper=f"PDF file, {len(pages)} page(s)")


def _records(path: Path, suffix: str, text: str) -> tuple[str, list[dict]]:
    source = str(path)
    if suffix in (".csv", ".tsv"):
        # Report texts run far past csv's default field limit of 131,072 characters.
        csv.field_size_limit(2**31 - 1)
        dialect = "excel-tab" if suffix == ".tsv" else "excel"
        try:
            rows = list(csv.DictReader(io.StringIO(text), dialect=dialect))
        except csv.Error as exc:
            raise ReportError(source, f"is not a readable {suffix[1:].upper()} file ({exc})") from None
        return suffix[1:].upper(), rows
    try:
        if suffix in (".jsonl", ".ndjson"):
            rows = [json.loads(line) for line in text.splitlines() if line.strip()]
            return "JSONL", rows
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReportError(source, f"is not valid JSON (line {exc.lineno}: {exc.msg})") from None
    return "JSON", _json_records(value)


def _json_records(value) -> list:
    """The records of a JSON document: a list of them, a list inside a wrapper object
    ({"data": [...]}, also one level deeper), an object of records keyed by id, or one record."""
    for _ in range(3):
        if not isinstance(value, dict):
            break
        lists = [v for v in value.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
        if len(lists) == 1:
            value = lists[0]
            break
        inner = [v for v in value.values() if isinstance(v, dict)]
        if len(inner) == 1 and not any(isinstance(v, str) and len(v) >= _MIN_TEXT
                                       for v in value.values()):
            value = inner[0]  # {"result": {"items": [...]}}
            continue
        if value and len(inner) == len(value):
            value = list(value.values())  # {"2019": {...}, "2020": {...}}
        else:
            value = [value]
        break
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return [{"text": v} for v in value]  # a bare list of report texts
    return value if isinstance(value, list) else []


def _text_field(record: dict) -> str | None:
    names = {str(k).strip().lower(): k for k in record}
    for want in TEXT_FIELDS:
        if want in names and isinstance(record[names[want]], str) and record[names[want]].strip():
            return names[want]
    if any(want in names for want in TEXT_FIELDS):
        return None  # the text field is there but empty: another long field is not the report
    texts = [k for k, v in record.items() if isinstance(v, str) and len(v.strip()) >= _MIN_TEXT]
    return max(texts, key=lambda k: len(record[k])) if texts else None


def _fields(record: dict, text_key: str) -> dict[str, str]:
    names = {str(k).strip().lower(): k for k in record if k != text_key}
    out = {}
    for field, aliases in FIELD_NAMES.items():
        for alias in aliases:
            value = record.get(names.get(alias, object()))
            if value not in (None, "") and not isinstance(value, (dict, list)):
                out[field] = str(value).strip()
                break
    return out


def _read_dataset(path: Path, suffix: str) -> tuple[list[Document], list[ReportError]]:
    data = read_bytes(path, limit=MAX_DATASET_BYTES)
    source = str(path)
    text, encoding, damaged = decode_bytes_marked(data, source)
    kind, rows = _records(path, suffix, text)
    if not rows:
        raise ReportError(source, f"the {kind} file holds no records")
    docs: list[Document] = []
    errors: list[ReportError] = []
    first_of: dict[str, int] = {}
    for i, record in enumerate(rows, start=1):
        where = f"{source}#{i}" if len(rows) > 1 else source
        if not isinstance(record, dict):
            errors.append(ReportError(where, f"{kind} record {i} is not an object with fields"))
            continue
        key = _text_field(record)
        if key is None:
            empty = [k for k in record if str(k).strip().lower() in TEXT_FIELDS]
            errors.append(ReportError(where, f"{kind} record {i} has no text (an empty "
                                      f"{empty[0]} field)" if empty else
                                      f"{kind} record {i} has no text field (looked for "
                                      f"{', '.join(TEXT_FIELDS[:4])} … or any long text)"))
            continue
        body = record[key]
        digest = hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()
        if digest in first_of:
            # One report, not two: they would share a report-id and be counted twice.
            docs[first_of[digest]] = _with_note(
                docs[first_of[digest]], f"{kind} record {i} has the same text, skipped")
            continue
        first_of[digest] = len(docs)
        try:
            docs.append(make_document(where, body, encoding, digest, looks_like_html(body),
                                      fields=_fields(record, key),
                                      wrapper=f"{kind} record {i} of {len(rows)}, field {key}"))
        except ReportError as exc:
            errors.append(exc)
            del first_of[digest]
    if damaged and docs:
        # Offsets are the file's, not a record's: said once, on the first record.
        shown = ", ".join(map(str, damaged[:5])) + (" …" if len(damaged) > 5 else "")
        docs[0] = _with_note(docs[0], f"the {kind} file had {len(damaged)} damaged byte(s), "
                                      f"replaced with U+FFFD (at byte {shown})")
    return docs, errors


def _with_note(doc: Document, note: str) -> Document:
    return dataclasses.replace(doc, notes=(*doc.notes, note))
