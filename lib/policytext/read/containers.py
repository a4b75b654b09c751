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
import hashlib
import io
import json
import zipfile
from pathlib import Path

from policytext.errors import ReportError
from policytext.read.formats import (
    Document,
    decode_bytes,
    looks_like_html,
    make_document,
    read_document,
)

__all__ = ["DATASET_SUFFIXES", "FIELD_NAMES", "TEXT_FIELDS", "read_documents"]

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

    Raises `ReportError` naming the file and the problem (no text layer, no text field …).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return [_read_docx(path)]
    if suffix == ".pdf":
        return [_read_pdf(path)]
    if suffix in DATASET_SUFFIXES:
        return _read_dataset(path, suffix)
    return [read_document(path)]


def _raw_bytes(path: Path) -> bytes:
    source = str(path)
    if not path.exists():
        raise ReportError(source, "no such file")
    if path.is_dir():
        raise ReportError(source, "is a folder, not a file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReportError(source, f"cannot be read ({exc.strerror or type(exc).__name__})") from exc
    if not data:
        raise ReportError(source, "the file is empty")
    return data


def _read_docx(path: Path) -> Document:
    import docx  # python-docx: loaded only when a Word file comes in

    data = _raw_bytes(path)
    source = str(path)
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

    data = _raw_bytes(path)
    source = str(path)
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError) as exc:
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
    if isinstance(value, dict):
        # {"data": [...]} or {"reports": [...]}: the one list of records inside; else one record
        lists = [v for v in value.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
        value = lists[0] if len(lists) == 1 else [value]
    return "JSON", value if isinstance(value, list) else []


def _text_field(record: dict) -> str | None:
    names = {str(k).strip().lower(): k for k in record}
    for want in TEXT_FIELDS:
        if want in names and isinstance(record[names[want]], str) and record[names[want]].strip():
            return names[want]
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


def _read_dataset(path: Path, suffix: str) -> list[Document]:
    data = _raw_bytes(path)
    source = str(path)
    text, encoding = decode_bytes(data, source)
    kind, rows = _records(path, suffix, text)
    rows = [r for r in rows if isinstance(r, dict)]
    if not rows:
        raise ReportError(source, f"the {kind} file holds no records")
    docs = []
    for i, record in enumerate(rows, start=1):
        key = _text_field(record)
        where = f"{source}#{i}" if len(rows) > 1 else source
        if key is None:
            raise ReportError(where, f"{kind} record {i} has no text field (looked for "
                              f"{', '.join(TEXT_FIELDS[:4])} … or any long text)")
        body = record[key]
        digest = hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()
        docs.append(make_document(where, body, encoding, digest, looks_like_html(body),
                                  fields=_fields(record, key),
                                  wrapper=f"{kind} record {i} of {len(rows)}, field {key}"))
    return docs
